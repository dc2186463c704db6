/**
 * Names that come from a model (its name, its classes) are data, not the app's text: a folder
 * can carry a 10,000-character class name, or a right-to-left override (U+202E) that would
 * reverse the app's own words after it. Everything shown passes through here: control and
 * bidirectional-formatting characters are removed, the name is cut to a length the layout can
 * hold (the views put the full text in a tooltip), and inside a sentence it is isolated with
 * FSI…PDI, so even a right-to-left name cannot move the words around it.
 */

/** how many characters of a name are shown before the ellipsis */
export const NAME_CHARS = 48;

// C0/C1 controls, and the bidi controls: ALM, LRM, RLM, LRE…RLO, LRI…PDI
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without control and bidi-formatting characters (whitespace runs become one space) */
export function cleanName(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** the clean name, cut to `max` characters (the last one an ellipsis) where it is longer */
export function shortName(text: string, max = NAME_CHARS): string {
  const clean = cleanName(text);
  const chars = [...clean]; // by code point: never half a surrogate pair
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : clean;
}

/** the short name isolated for a sentence: U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE */
export function isolatedName(text: string, max = NAME_CHARS): string {
  return `\u2068${shortName(text, max)}\u2069`;
}

/** the tooltip's full name: clean, and cut only where no tooltip could show it anyway */
export function fullName(text: string): string {
  const clean = cleanName(text);
  return clean.length > 2000 ? `${clean.slice(0, 1999)}…` : clean;
}
