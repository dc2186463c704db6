import { useCallback } from 'react';
import { translate, type MessageKey } from '../i18n';
import { useApp } from '../store';

export type TFn = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The app's own strings, in the app's language (namespaced strings: ./useNamespaceT). */
export function useT(): TFn {
  const lang = useApp((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
