import { spansToAnsi } from '../render/ansi.js';
import { highlightSpans } from '../render/highlight.js';
import type { RenderedLine } from '../render/line.js';
import { fitHeight, Lines } from './Lines.js';
import { paint } from './theme.js';

interface Props {
  lines: readonly RenderedLine[] | null;
  top: number;
  height: number;
  /** Columns left of the text. */
  margin: number;
  search: string;
}

/** The visible lines of the article, search matches marked; only these are mounted. */
export function Reader({ lines, top, height, margin, search }: Props) {
  if (!lines) return <Lines lines={fitHeight([paint(' Reading…', { dim: true })], height)} />;
  const pad = ' '.repeat(margin);
  const visible = lines.slice(top, top + height).map(
    (line) =>
      pad +
      spansToAnsi(search ? highlightSpans(line.spans, search) : line.spans, {
        hyperlinks: false,
      }),
  );
  return <Lines lines={fitHeight(visible, height)} />;
}
