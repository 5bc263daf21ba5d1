import { Style, type Span } from './doc.js';
import type { RenderedLine } from './line.js';
import { colors, sgr, type Palette } from './theme.js';
import { trimEndSpaces } from '../text/trim.js';

export interface AnsiOptions {
  /** Wrap links in OSC 8 hyperlinks. */
  hyperlinks: boolean;
  /** The palette; by default, that of what is printed. */
  palette?: Palette;
}

/** The theme's look for a span's style; a search match is shown inverse, the current one also bold and underlined. */
function spanStyle(style: number, palette: Palette | undefined): string {
  const current = (style & Style.current) !== 0;
  return sgr(
    {
      bold: (style & Style.bold) !== 0 || current,
      dim: (style & Style.dim) !== 0,
      italic: (style & Style.italic) !== 0,
      underline: (style & (Style.link | Style.underline)) !== 0 || current,
      strike: (style & Style.strike) !== 0,
      inverse: (style & (Style.mark | Style.current)) !== 0,
      highlight: (style & Style.highlight) !== 0,
      color: current
        ? colors.accent
        : style & Style.heading
          ? colors.heading
          : style & Style.code
            ? colors.code
            : style & Style.link
              ? colors.link
              : undefined,
    },
    palette,
  );
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
    const open = spanStyle(span.style, options.palette);
    const link = options.hyperlinks ? safeHyperlink(span.href) : null;
    let text = span.text;
    if (open) text = `${open}${text}\x1b[0m`;
    if (link) text = `\x1b]8;;${link}\x1b\\${text}\x1b]8;;\x1b\\`;
    out += text;
  }
  return out;
}

export function lineToAnsi(line: RenderedLine, options: AnsiOptions): string {
  return trimEndSpaces(spansToAnsi(line.spans, options));
}
