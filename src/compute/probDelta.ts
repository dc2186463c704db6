/** The change of every class probability between two predictions, for the before → after bars. */
export interface ProbDelta {
  cls: number;
  before: number;
  after: number;
  delta: number;
}

/** One row per class, sorted by the probability after the intervention (then by class index). */
export function probDeltas(before: ArrayLike<number>, after: ArrayLike<number>): ProbDelta[] {
  const n = Math.min(before.length, after.length);
  const rows: ProbDelta[] = [];
  for (let cls = 0; cls < n; cls++) rows.push({ cls, before: before[cls]!, after: after[cls]!, delta: after[cls]! - before[cls]! });
  return rows.sort((a, b) => b.after - a.after || a.cls - b.cls);
}

/** Largest absolute change over all classes (0 when nothing moved). */
export function maxAbsDelta(rows: ProbDelta[]): number {
  return rows.reduce((m, r) => Math.max(m, Math.abs(r.delta)), 0);
}
