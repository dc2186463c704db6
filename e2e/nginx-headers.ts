/**
 * The response headers deploy/nginx.conf sets, read from the file itself: the hosting e2e test
 * serves dist/ with exactly these, and tests/hosting.test.ts checks them. Understands only what
 * that file uses: `location <prefix> {` blocks (nested) with `add_header Name "value" always;`.
 */
export interface HeaderRule {
  prefix: string;
  headers: Record<string, string>;
}

export function nginxHeaderRules(conf: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const stack: HeaderRule[] = [];
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const loc = /^location\s+(\S+)\s*\{$/.exec(line);
    if (loc) {
      const rule = { prefix: loc[1]!, headers: {} };
      stack.push(rule);
      rules.push(rule);
      continue;
    }
    const h = /^add_header\s+(\S+)\s+"([^"]*)"(\s+always)?;$/.exec(line);
    if (h && stack.length) stack[stack.length - 1]!.headers[h[1]!.toLowerCase()] = h[2]!;
    else if (line === '}') stack.pop();
  }
  return rules;
}

/** nginx's choice: the longest matching prefix location; its add_header lines only (no inheritance). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const match = rules.filter((r) => path.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return match ? { ...match.headers } : {};
}
