/**
 * A link's query string, read without ever throwing. Links are pasted from chats and slides and
 * get cut mid-escape (`?x=%`, `?o=%f`) or carry bytes that are not UTF-8 (`?lang=%ff`);
 * `decodeURIComponent` throws on both. A parameter whose name or value is not a well-formed
 * %-escape sequence is dropped here (and named, so that the app can say so); the rest are kept
 * in their order.
 */

/** How much of a dropped parameter's name is shown in the notice (a link can carry anything). */
export const SHOWN_NAME_CHARS = 40;

/** `text` with its %-escapes decoded ('+' is a space, as in forms), or null when malformed. */
export function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** A dropped parameter's name as it can be shown: decoded where possible, raw otherwise, cut short. */
function shownName(rawName: string): string {
  const name = decodeComponent(rawName) ?? rawName;
  // no control or bidi characters from a link in the app's own sentence
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return clean.length > SHOWN_NAME_CHARS ? `${clean.slice(0, SHOWN_NAME_CHARS - 1)}…` : clean;
}

export interface LinkQuery {
  /** the well-formed parameters, decoded */
  params: URLSearchParams;
  /** the names of the parameters that were dropped, each once, in their order */
  dropped: string[];
}

/** Splits and decodes `search` ('?a=1&b=2' or 'a=1&b=2'); never throws. */
export function readQuery(search: string): LinkQuery {
  const params = new URLSearchParams();
  const dropped: string[] = [];
  const body = search.startsWith('?') ? search.slice(1) : search;
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const name = decodeComponent(rawName);
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (name !== null && value !== null) params.append(name, value);
    else {
      const shown = shownName(rawName) || '?';
      if (!dropped.includes(shown)) dropped.push(shown);
    }
  }
  return { params, dropped };
}
