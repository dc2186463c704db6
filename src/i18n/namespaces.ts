/**
 * The app's strings come in namespaces, one file pair (en/ko) each: the app itself (./en, ./ko),
 * the lesson (./lesson.*), the experiments (./experiments.*), the quiz (./quiz.*) and the slides
 * (./slides.*). Every namespace is listed here and every lookup goes through `text`, so one
 * fallback rule (`lookup` in ./format) serves all of them. Views get a namespace's translator
 * through `useNamespaceT` (the app's own strings: `useT`).
 */
import { en, type MessageKey } from './en';
import { ko } from './ko';
import { lessonEn, type LessonKey } from './lesson.en';
import { lessonKo } from './lesson.ko';
import { experimentsEn, type ExperimentsKey } from './experiments.en';
import { experimentsKo } from './experiments.ko';
import { quizEn, type QuizKey } from './quiz.en';
import { quizKo } from './quiz.ko';
import { slidesEn, type SlideKey } from './slides.en';
import { slidesKo } from './slides.ko';
import { lookup, type Params } from './format';
import type { Lang } from './index';

/** each namespace's key type */
interface NamespaceKeys {
  app: MessageKey;
  lesson: LessonKey;
  experiments: ExperimentsKey;
  quiz: QuizKey;
  slides: SlideKey;
}

export type Namespace = keyof NamespaceKeys;
export type NamespaceKey<N extends Namespace> = NamespaceKeys[N];
export type NamespaceT<N extends Namespace> = (key: NamespaceKeys[N], params?: Params) => string;

/** every namespace's strings, per language */
export const NAMESPACES: { [N in Namespace]: Record<Lang, Record<NamespaceKeys[N], string>> } = {
  app: { en, ko },
  lesson: { en: lessonEn, ko: lessonKo },
  experiments: { en: experimentsEn, ko: experimentsKo },
  quiz: { en: quizEn, ko: quizKo },
  slides: { en: slidesEn, ko: slidesKo },
};

/** The message for `key` of namespace `ns` in `lang`, filled (missing strings: see `lookup`). */
export function text<N extends Namespace>(ns: N, lang: Lang, key: NamespaceKeys[N], params?: Params): string {
  return lookup<NamespaceKeys[N]>(NAMESPACES[ns], lang, key, params);
}

export function namespaceT<N extends Namespace>(ns: N, lang: Lang): NamespaceT<N> {
  return (key, params) => text(ns, lang, key, params);
}
