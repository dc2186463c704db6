/** Reads `npm audit --json` output: pass/fail and what to print. Pure, so it is unit-tested. */
export interface AuditVerdict {
  code: 0 | 1;
  message: string;
}

interface Report {
  statusCode?: number;
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number } };
}

export function auditVerdict(stdout: string, strict: boolean): AuditVerdict {
  let report: Report;
  try {
    report = JSON.parse(stdout || '{}') as Report;
  } catch {
    report = { message: stdout.trim().slice(0, 300) || 'no output' };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const why = report.statusCode ? `HTTP ${report.statusCode}: ${report.message}` : (report.message ?? 'no report');
    return { code: strict ? 1 : 0, message: `npm audit: the advisory database could not be queried (${why}); NOT CHECKED.` };
  }
  const levels = ['info', 'low', 'moderate', 'high', 'critical'].map((l) => `${l} ${counts[l] ?? 0}`).join(', ');
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const head = `npm audit (production dependencies: ${report.metadata?.dependencies?.prod ?? '?'}): ${levels}`;
  return serious > 0
    ? { code: 1, message: `${head}\n${serious} high or critical: run \`npm audit --omit=dev\` for details.` }
    : { code: 0, message: head };
}
