/**
 * TeX of the SE equations (Hu et al., eqs. 2–4, and the residual addition of an SE-ResNet
 * module) with the current step's term highlighted by a coloured box. Pure strings.
 */

export type FormulaId = 'squeeze' | 'excite' | 'scale' | 'residual';

export const HIGHLIGHT_BG = '#ffe08a';

const box = (on: boolean, tex: string) => (on ? `\\colorbox{${HIGHLIGHT_BG}}{$\\displaystyle ${tex}$}` : tex);

/** Which formula a step belongs to (the step's row gets an extra non-colour marker). */
export function formulaOfStep(step: number): FormulaId {
  if (step <= 1) return 'squeeze';
  if (step <= 3) return 'excite';
  if (step === 4) return 'scale';
  return 'residual';
}

export function formulaTex(id: FormulaId, step: number): string {
  switch (id) {
    case 'squeeze':
      return `z_c = \\mathbf{F}_{sq}(\\mathbf{u}_c) = ${box(step === 1, `\\frac{1}{H \\times W} \\sum_{i=1}^{H} \\sum_{j=1}^{W} ${box(step === 0, 'u_c(i,j)')}`)}`;
    case 'excite': {
      const inner = box(step === 2, '\\delta(\\mathbf{W}_1 \\mathbf{z})');
      return `\\mathbf{s} = \\mathbf{F}_{ex}(\\mathbf{z}, \\mathbf{W}) = ${box(step === 3, `\\sigma(\\mathbf{W}_2 \\, ${inner})`)}`;
    }
    case 'scale':
      return `\\tilde{\\mathbf{x}}_c = \\mathbf{F}_{scale}(\\mathbf{u}_c, s_c) = ${box(step === 4, `s_c \\cdot ${box(step === 0, '\\mathbf{u}_c')}`)}`;
    case 'residual':
      return `\\mathbf{y} = ${box(step === 5, '\\mathrm{ReLU}\\big(\\tilde{\\mathbf{x}} + \\mathrm{shortcut}(\\mathbf{x})\\big)')}`;
  }
}

const n = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '0');

export interface ChannelNumbers {
  c: number;
  z: number;
  e: number | null;
  s: number | null;
  meanAbsU: number;
  meanAbsScaled: number;
  meanOut: number;
  count: number;
}

/** The formula with this image's numbers for one channel plugged in. */
export function liveTex(id: FormulaId, v: ChannelNumbers): string {
  switch (id) {
    case 'squeeze':
      return `z_{${v.c}} = \\tfrac{1}{${v.count}} \\textstyle\\sum u_{${v.c}} = ${n(v.z)}`;
    case 'excite':
      return v.e === null || v.s === null ? `s_{${v.c}} = 1` : `s_{${v.c}} = \\sigma(${n(v.e, 2)}) = ${n(v.s)}`;
    case 'scale':
      return `\\overline{|\\tilde{x}_{${v.c}}|} = ${n(v.s ?? 1)} \\times ${n(v.meanAbsU)} = ${n(v.meanAbsScaled)}`;
    case 'residual':
      return `\\overline{y_{${v.c}}} = ${n(v.meanOut)}`;
  }
}
