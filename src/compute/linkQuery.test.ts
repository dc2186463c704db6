import { describe, expect, it } from 'vitest';
import { decodeComponent, readQuery, SHOWN_NAME_CHARS } from './linkQuery';
import { parseShare, shareSearch } from './shareLink';

// every way a %-escape can be broken: cut off, not hex, or bytes that are not UTF-8
const BROKEN = ['%', '%f', '%zz', '%ff', '%c3', '%c3%28', '%e2%82', '%ed%a0%80', 'a%', '%%', '%u00e9'];

describe('reading a link that was cut or mangled', () => {
  it('decodeURIComponent throws on each of these, decodeComponent does not', () => {
    for (const b of BROKEN) {
      expect(() => decodeURIComponent(b), b).toThrow(URIError);
      expect(decodeComponent(b), b).toBeNull();
    }
  });

  it('drops a parameter with a broken value or name, names it once, and keeps the rest in order', () => {
    for (const b of BROKEN) {
      const r = readQuery(`?debug=1&x=${b}&lang=ko&${b}=1&x=${b}`);
      expect([...r.params.entries()], b).toEqual([
        ['debug', '1'],
        ['lang', 'ko'],
      ]);
      expect(r.dropped, b).toEqual(['x', b]);
    }
  });

  it('decodes what is well formed as URLSearchParams does', () => {
    const q = '?a=%E2%9C%93&b=1+2&c&d=&e=%25&=x';
    expect([...readQuery(q).params.entries()]).toEqual([...new URLSearchParams(q).entries()]);
    expect(readQuery(q).dropped).toEqual([]);
  });

  it('shows a dropped name short and without control or bidi characters', () => {
    const r = readQuery(`?${'n'.repeat(500)}=%&%E2%80%AEevil=%ff`);
    expect(r.dropped[0]).toHaveLength(SHOWN_NAME_CHARS);
    expect(r.dropped[0]!.endsWith('…')).toBe(true);
    expect(r.dropped[1]).toBe('evil');
  });
});

describe('the share link with broken escapes', () => {
  it('parses ?x=%, ?o=%ff, ?lang=%ff and ?foo=%ff without throwing and names the parameter', () => {
    expect(parseShare('?x=%')).toEqual({ state: {}, problems: ['x'] });
    expect(parseShare('?o=%ff')).toEqual({ state: {}, problems: ['o'] });
    expect(parseShare('?lang=%ff&block=2')).toEqual({ state: { block: 2 }, problems: ['lang'] });
    expect(parseShare('?foo=%ff&lang=ko')).toEqual({ state: { lang: 'ko' }, problems: ['foo'] });
  });

  it('leaves a broken parameter out of the address the app writes', () => {
    const st = { mode: 'explore', presenter: false, section: 0, block: 1, step: null, channel: null, lang: null, image: null, overrides: null } as const;
    expect(shareSearch(st, '?x=%&debug=1&o=%ff')).toBe('?debug=1&block=1');
  });
});
