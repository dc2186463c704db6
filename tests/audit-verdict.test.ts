import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../scripts/audit-verdict';

const report = (v: Partial<Record<string, number>>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...v }, dependencies: { prod: 42 } },
  });

describe('auditVerdict', () => {
  it('passes a clean report and says how many dependencies were checked', () => {
    const v = auditVerdict(report({}), false);
    expect(v.code).toBe(0);
    expect(v.message).toContain('production dependencies: 42');
  });
  it('passes low and moderate findings, fails on high or critical', () => {
    expect(auditVerdict(report({ low: 3, moderate: 2 }), false).code).toBe(0);
    expect(auditVerdict(report({ high: 1 }), false).code).toBe(1);
    expect(auditVerdict(report({ critical: 1 }), true).code).toBe(1);
  });
  it('says NOT CHECKED when the registry refuses the advisory endpoint; --strict fails then', () => {
    const refused = JSON.stringify({ statusCode: 405, message: '405 Method Not Allowed - POST …/advisories/bulk' });
    expect(auditVerdict(refused, false)).toMatchObject({ code: 0, message: expect.stringContaining('NOT CHECKED') });
    expect(auditVerdict(refused, true).code).toBe(1);
    expect(auditVerdict('not json', true).code).toBe(1);
  });
});
