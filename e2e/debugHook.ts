/**
 * The type of the app's `?debug=1` hook (`window.__seExplainer`, src/store/index.ts's
 * `installDebugHook`), defined once for every spec, and a typed way to call it.
 */
import type { Page } from '@playwright/test';

export interface BlockCard {
  index: number;
  id: string;
  stage: number;
  stride: number;
  channels: number;
  inputSize: number;
  outputSize: number;
  se: { hidden: number } | null;
}

export interface Card {
  id: string;
  name: string;
  architecture: { inputSize: number; blocks: BlockCard[] };
  classes: { key: string; en: string; ko: string }[];
  preprocessing: { inputSize: number; mean: number[]; pixelScale: number };
  training: { segments?: unknown[] };
  metrics: { runs?: unknown[]; baseline: unknown };
  complexity: { paramsWithSE: number; paramsWithoutSE: number };
}

export interface ExState {
  ov: string;
  before: number[];
  after: number[];
  shown: number[];
  busy: boolean;
  afterKey: string | null;
}

export interface Taps {
  shape: [number, number, number];
  u: number[];
  z: number[] | null;
  h: number[] | null;
  e: number[] | null;
  s: number[] | null;
  sModel: number[] | null;
  scaled: number[] | null;
  out: number[] | null;
}

export interface LessonInfo {
  mode: string;
  presenter: boolean;
  section: number;
  step: number;
  progress: number;
  run: string;
  channel: number | null;
  block: number;
  focusPanel: string | null;
  numbers: 'image' | 'example';
}

export interface SoakReport {
  passes: number;
  interventions: number;
  tensorsBefore: number;
  tensorsAfter: number;
  heapBefore: number | null;
  heapAfter: number | null;
}

/** What a warmed page is reset to between tests (src/store/debugReset.ts). */
export interface ResetTo {
  lang?: 'en' | 'ko';
  mode?: 'explore' | 'lesson';
  presenter?: boolean;
  /** from 0 (a link counts from 1: sec=3 is section 2) */
  section?: number;
  numbers?: 'image' | 'example';
}

export interface SeDebug {
  numTensors(): number;
  backend(): string;
  backendInfo(): unknown;
  /** the backend that computed what the panels show */
  shownBackend(): string | null;
  ready(): boolean;
  restored(): Promise<void>;
  card(): Card;
  inputPixels(): number[];
  inputId(): number | null;
  examples(): { id: string; class: string; url: string }[];
  probs(): number[];
  galleryCount(): number;
  loseWebGLContext(): boolean;
  soak(n: number): Promise<SoakReport>;
  reset(to?: ResetTo): Promise<void>;
  /** resolves when the address bar shows the current state (its writes are debounced) */
  flushUrl(): Promise<void>;
  exState(): ExState;
  exSettled(): Promise<void>;
  classifyWith(text: string): Promise<number[]>;
  lesson(): LessonInfo;
  taps(i: number): Taps | null;
}

declare global {
  interface Window {
    __seExplainer?: SeDebug;
    /** e2e/helpers.ts's watchRejections */
    __rejections?: string[];
  }
}

/**
 * Calls the hook in the page: `debug(page, (d) => d.probs())`. `f` is sent as source text, so it
 * may use only its argument (no variables of the test).
 */
export function debug<T>(page: Page, f: (d: SeDebug) => T): Promise<Awaited<T>> {
  return page.evaluate(`(${f.toString()})(window.__seExplainer)`) as Promise<Awaited<T>>;
}

/** the hook is installed and the model runs where it stays */
export function isReady(page: Page): Promise<boolean> {
  return page.evaluate(() => window.__seExplainer?.ready() ?? false);
}
