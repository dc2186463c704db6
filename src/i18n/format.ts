/** What every string table shares: {placeholder} filling and number formats. Pure. */

export type Params = Record<string, string | number>;

/** `{name}` → params.name; unknown names stay as written so a missing value shows */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The one fallback rule for every string table (namespaces.ts routes every lookup here): the
 * message for `key` in `lang`; when it is missing or empty, the English one; when that is missing
 * or empty too, the key itself. Then filled. An empty message never means "show nothing": the
 * parity tests forbid empty messages, so an empty one can only be an untranslated string.
 */
export function lookup<K extends string>(tables: { en: Partial<Record<K, string>> } & Record<string, Partial<Record<K, string>>>, lang: string, key: K, params?: Params): string {
  return fill(tables[lang]?.[key] || tables.en[key] || key, params);
}

/** fixed digits with a real minus sign; −0.00 reads 0.00 */
export function fixed(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  const s = Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits);
  return s.replace('-', '−');
}

/** a fraction 0..1 as a percentage */
export function percent(p: number, digits = 1): string {
  return `${fixed(p * 100, digits)}%`;
}

/**
 * 280958 → "280,958" (reads the same in both languages). Written out rather than with
 * toLocaleString: the first Intl call loads locale data, ~0.1 s of the cold start here.
 */
export function grouped(n: number): string {
  const r = Math.round(n);
  const digits = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${digits}` : digits;
}
