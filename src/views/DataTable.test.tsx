import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

const row = (
  <tr>
    <th scope="row">a</th>
    <td>1</td>
  </tr>
);

describe('DataTable', () => {
  it('writes caption, one header row of column heads and the body rows', () => {
    const html = renderToStaticMarkup(
      <DataTable className="lesson-table" testid="t" caption="Cap" columns={['x', 'y']}>
        {row}
      </DataTable>,
    );
    expect(html).toBe(
      '<table class="lesson-table" data-testid="t"><caption>Cap</caption><thead><tr><th scope="col">x</th><th scope="col">y</th></tr></thead><tbody><tr><th scope="row">a</th><td>1</td></tr></tbody></table>',
    );
  });
  it('leaves out what is not given; header rows can be written out', () => {
    const html = renderToStaticMarkup(
      <DataTable className="ex-table" headRows={<tr><th colSpan={2}>h</th></tr>}>
        {row}
      </DataTable>,
    );
    expect(html).toBe('<table class="ex-table"><thead><tr><th colSpan="2">h</th></tr></thead><tbody><tr><th scope="row">a</th><td>1</td></tr></tbody></table>');
  });
  it('scrolls in a labelled, focusable region when asked', () => {
    const html = renderToStaticMarkup(
      <DataTable className="lesson-table" columns={['x']} scrollLabel="Wide" scrollStyle={{ marginTop: 12 }}>
        {row}
      </DataTable>,
    );
    expect(html).toMatch(/^<div class="lesson-table-scroll" role="region" aria-label="Wide" tabindex="0" style="margin-top:12px"><table class="lesson-table">/);
    expect(html).toMatch(/<\/table><\/div>$/);
  });
});
