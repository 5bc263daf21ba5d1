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

/** What sanitizeLine changes: a clean line (most of them, read again from the index) is returned as it is. */
const NOT_A_CLEAN_LINE =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]| {2}|^\s|\s$/;

/** Text shown on one line (titles, names, paths): line breaks and tabs become spaces. */
export function sanitizeLine(text: string): string {
  if (!NOT_A_CLEAN_LINE.test(text)) return text;
  return text
    .replace(CONTROLS_AND_BREAKS, (c) => (c === '\n' || c === '\t' || c === '\r' ? ' ' : ''))
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** What is escaped in a path shown on one line: controls, line breaks, bidi controls, and the escape itself. */
const PATH_ESCAPES = /[\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * A file path on one line, every character kept: a backslash doubled and
 * each control character written `\xHH` or `\uHHHH` (`\t` and `\n` as such),
 * so the line shows what the name is and `cat` takes it back as it was.
 */
export function escapePath(path: string): string {
  return path.replace(PATH_ESCAPES, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The path `escapePath` wrote: its escapes read back. */
export function unescapePath(text: string): string {
  return text.replace(/\\(\\|n|t|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/g, (_, escape: string) =>
    escape === '\\'
      ? '\\'
      : escape === 'n'
        ? '\n'
        : escape === 't'
          ? '\t'
          : String.fromCharCode(Number.parseInt(escape.slice(1), 16)),
  );
}
