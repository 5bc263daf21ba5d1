import { sanitizeLine } from './sanitize.js';

/**
 * What broadsheet says on stderr when something went wrong: one line,
 * `broadsheet: …`, with nothing in it that could drive the terminal; with
 * BROADSHEET_DEBUG=1, the stack trace before it.
 */
export function errorReport(
  error: unknown,
  suffix = '',
  debug = process.env.BROADSHEET_DEBUG === '1',
): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = `broadsheet: ${sanitizeLine(message.split('\n')[0] ?? '')}${suffix}\n`;
  return debug && error instanceof Error && error.stack ? `${error.stack}\n${line}` : line;
}
