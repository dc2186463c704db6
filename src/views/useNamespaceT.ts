import { useMemo } from 'react';
import { namespaceT, type Namespace, type NamespaceT } from '../i18n/namespaces';
import type { Lang } from '../i18n';

/**
 * The strings of one namespace (i18n/namespaces.ts: the lesson, the experiments, the quiz, the
 * slides) in `lang`, stable per language. The language is passed in (not read from the store),
 * so these views also render in tests.
 */
export function useNamespaceT<N extends Namespace>(ns: N, lang: Lang): NamespaceT<N> {
  return useMemo(() => namespaceT(ns, lang), [ns, lang]);
}
