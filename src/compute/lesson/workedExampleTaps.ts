/**
 * The worked example's taps as the app's forward pass (src/model/network.ts, tfjs CPU backend)
 * computed them for the model of src/model/workedExampleFolder.ts, float32 values written out.
 * src/model/workedExample.test.ts runs that model again and fails if these differ from it
 * (to 1e-6) or from the hand values. NHWC: position-major, channel-minor (C = 4).
 */
export const EXAMPLE_TAPS_RECORDED = {
  u: [2, 1, -2, 0, 4, -1, 0, 1, 0, 3, -1, -1, 2, 1, -1, 0],
  z: [2, 1, -1, 0],
  h: [1, 0],
  e: [1, -1, 0, 2],
  s: [0.7310585975646973, 0.2689414322376251, 0.5, 0.8807970881462097],
  scaled: [
    1.4621171951293945, 0.2689414322376251, -1, 0, 2.924234390258789, -0.2689414322376251, 0, 0.8807970881462097, 0, 0.8068243265151978, -0.5,
    -0.8807970881462097, 1.4621171951293945, 0.2689414322376251, -0.5, 0,
  ],
  out: [
    2.4621171951293945, 1.2689414024353027, 0, 1, 3.924234390258789, 0.7310585975646973, 1, 1.8807971477508545, 1, 1.8068243265151978, 0.5,
    0.11920291185379028, 2.4621171951293945, 1.2689414024353027, 0.5, 1,
  ],
} as const;
