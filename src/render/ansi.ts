import { Style, type Span } from './doc.js';
import type { RenderedLine } from './line.js';
import { outputProfile } from '../text/profile.js';

export interface AnsiOptions {
  /** Wrap links in OSC 8 hyperlinks. */
  hyperlinks: boolean;
}

/** SGR parameters for a style; one theme for every styled output. */
function sgr(style: number): string {
  const codes: number[] = [];
  if (style & Style.bold) codes.push(1);
  if (style & Style.dim) codes.push(2);
  if (style & Style.italic) codes.push(3);
  const color = outputProfile().color;
  if (style & Style.link) codes.push(4, ...(color ? [34] : []));
  if (style & Style.strike) codes.push(9);
  if (style & Style.code && color) codes.push(36);
  if (style & Style.heading && color) codes.push(35);
  if (style & Style.mark) codes.push(7);
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

/**
 * An OSC 8 target is printed into the terminal's own stream: only http(s),
 * mailto and ftp URLs qualify, and never with a control character or space.
 */
export function safeHyperlink(href: string | undefined): string | null {
  if (!href || !/^(?:https?|mailto|ftp):/i.test(href)) return null;
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return null;
  return href;
}

/** Styled text with SGR colours and, where wanted, OSC 8 links. */
export function spansToAnsi(spans: Span[], options: AnsiOptions): string {
  let out = '';
  for (const span of spans) {
    const open = sgr(span.style);
    const link = options.hyperlinks ? safeHyperlink(span.href) : null;
    let text = span.text;
    if (open) text = `${open}${text}\x1b[0m`;
    if (link) text = `\x1b]8;;${link}\x1b\\${text}\x1b]8;;\x1b\\`;
    out += text;
  }
  return out;
}

export function lineToAnsi(line: RenderedLine, options: AnsiOptions): string {
  return spansToAnsi(line.spans, options).replace(/ +$/, '');
}
