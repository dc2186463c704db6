import { handFigure, shapeText } from '../../compute/lesson/workedExample';

export interface MiniMatrixProps {
  /** the symbol, e.g. "W₁" */
  name: string;
  /** rows of numbers; a vector is one column ([[2], [1], …]) */
  rows: number[][];
  /** the shape written under it ([4] for a vector, [2, 4] for a matrix); omitted: no caption */
  shape?: readonly number[];
  /** a smaller caption instead of the shape (e.g. "c = 0") */
  caption?: string;
  testId?: string;
}

/** A small matrix or vector in brackets, its numbers as a student writes them, and its shape. */
export function MiniMatrix({ name, rows, shape, caption, testId }: MiniMatrixProps) {
  const label = caption ?? (shape ? `${name} ∈ ${shapeText(shape)}` : name);
  return (
    <figure className="mini-matrix" data-testid={testId} data-name={name}>
      <div className="mini-matrix-body">
        <span className="mini-bracket left" aria-hidden="true" />
        <table className="mini-matrix-grid">
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j} data-value={v}>
                    {handFigure(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <span className="mini-bracket right" aria-hidden="true" />
      </div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** a vector as one column */
export const column = (v: readonly number[]) => v.map((x) => [x]);

/** a row-major size×size map as rows */
export function square(map: readonly number[]): number[][] {
  const n = Math.round(Math.sqrt(map.length));
  return Array.from({ length: n }, (_, i) => map.slice(i * n, i * n + n));
}
