import { spansToAnsi } from '../render/ansi.js';
import { markRanges } from '../render/highlight.js';
import { fitHeight, Lines } from './Lines.js';
import type { ReaderLine } from './pictures.js';
import { paint } from '../render/theme.js';
import { useLook } from './hooks/use-look.js';

interface Props {
  lines: readonly ReaderLine[] | null;
  top: number;
  height: number;
  /** Columns left of the text. */
  margin: number;
  /** The search's matches on each row, the current one marked as such. */
  marks: ReadonlyMap<number, ReadonlyArray<{ from: number; to: number; current: boolean }>>;
}

/** The visible rows of the article, search matches marked; only these are mounted. */
export function Reader({ lines, top, height, margin, marks }: Props) {
  const { palette, glyphs } = useLook();
  if (!lines)
    return (
      <Lines
        lines={fitHeight([paint(` Reading${glyphs.ellipsis}`, { dim: true }, palette)], height)}
      />
    );
  const pad = ' '.repeat(margin);
  const visible = lines.slice(top, top + height).map((row, i) => {
    if (row.picture !== undefined) return pad + row.picture;
    const ranges = marks.get(top + i);
    const spans = ranges ? markRanges(row.line.spans, ranges) : row.line.spans;
    return pad + spansToAnsi(spans, { hyperlinks: false, palette });
  });
  return <Lines lines={fitHeight(visible, height)} />;
}
