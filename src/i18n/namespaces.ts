/**
 * The app's strings come in namespaces, one file pair (en/ko) each: the app itself (./index),
 * the lesson (./lesson), the experiments (./experiments). One lookup and one formatter serve all
 * of them (./format); views get a namespace's translator through `useNamespaceT`.
 */
import { lessonT, type LessonT } from './lesson';
import { exT, type ExT } from './experiments';
import type { Lang } from './index';

const NAMESPACES = { lesson: lessonT, experiments: exT } as const;

export type Namespace = keyof typeof NAMESPACES;
export type NamespaceT<N extends Namespace> = { lesson: LessonT; experiments: ExT }[N];

export function namespaceT<N extends Namespace>(ns: N, lang: Lang): NamespaceT<N> {
  return NAMESPACES[ns](lang) as NamespaceT<N>;
}
