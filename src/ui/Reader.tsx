import { spansToAnsi } from '../render/ansi.js';
import { highlightSpans } from '../render/highlight.js';
import { fitHeight, Lines } from './Lines.js';
import type { ReaderLine } from './pictures.js';
import { paint } from '../render/theme.js';

interface Props {
  lines: readonly ReaderLine[] | null;
  top: number;
  height: number;
  /** Columns left of the text. */
  margin: number;
  search: string;
}

/** The visible rows of the article, search matches marked; only these are mounted. */
export function Reader({ lines, top, height, margin, search }: Props) {
  if (!lines) return <Lines lines={fitHeight([paint(' Reading…', { dim: true })], height)} />;
  const pad = ' '.repeat(margin);
  const visible = lines.slice(top, top + height).map(
    (row) =>
      pad +
      (row.picture ??
        spansToAnsi(search ? highlightSpans(row.line.spans, search) : row.line.spans, {
          hyperlinks: false,
        })),
  );
  return <Lines lines={fitHeight(visible, height)} />;
}
