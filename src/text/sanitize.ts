/**
 * The one sanitiser. Article text comes from the open web; nothing from it may
 * drive the terminal. C0 controls (but newline and tab), DEL and C1 controls are
 * removed; bidi overrides and isolates are removed too, since they can make a
 * line read differently from what it contains.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Text that may span lines: keeps newline and tab. */
export function sanitizeText(text: string): string {
  return text.replace(CONTROLS, '');
}

/** Text shown on one line (titles, names, paths): line breaks and tabs become spaces. */
export function sanitizeLine(text: string): string {
  return text
    .replace(CONTROLS_AND_BREAKS, (c) => (c === '\n' || c === '\t' || c === '\r' ? ' ' : ''))
    .replace(/ {2,}/g, ' ')
    .trim();
}
