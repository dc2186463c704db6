/**
 * What the animation scene shows at a given step and progress: opacities and sub-phase
 * progress of each layer (pure; the scene component just draws these numbers).
 */
import { STEP_IDS, phase, stepDone } from '../../compute/lesson/steps';

export interface SceneState {
  grid: number;
  scaledLayer: number;
  outLayer: number;
  badges: number;
  squeeze: number;
  zColumn: number;
  fc1Lines: number;
  hNodes: number;
  fc2Lines: number;
  eColumn: number;
  plot: number;
  rise: number;
  sColumn: number;
  fly: number;
  residualLabel: number;
  gridLabel: 'u' | 'scaled' | 'out';
}

export function sceneState(step: number, progress: number): SceneState {
  const [, sq, f1, f2, sc, res] = STEP_IDS.map((id) => stepDone(step, progress, id)) as [number, number, number, number, number, number];
  const scaledLayer = phase(sc, 0.55, 1);
  const outLayer = phase(res, 0.1, 0.9);
  return {
    grid: 1 - 0.5 * phase(sq, 0, 0.3) + 0.5 * phase(sc, 0, 0.2),
    scaledLayer,
    outLayer,
    badges: phase(sc, 0.45, 0.6) * (1 - phase(res, 0, 0.3)),
    squeeze: sq,
    zColumn: phase(sq, 0.75, 1),
    fc1Lines: phase(f1, 0, 0.5),
    hNodes: phase(f1, 0.4, 1),
    fc2Lines: phase(f2, 0, 0.35),
    eColumn: phase(f2, 0.25, 0.5),
    plot: phase(f2, 0.35, 0.55),
    rise: phase(f2, 0.5, 0.85),
    sColumn: phase(f2, 0.8, 1),
    fly: sc > 0 && sc < 1 ? phase(sc, 0, 0.5) : sc >= 1 ? 1 : 0,
    residualLabel: phase(res, 0, 0.3),
    gridLabel: outLayer > 0.5 ? 'out' : scaledLayer > 0.5 ? 'scaled' : 'u',
  };
}
