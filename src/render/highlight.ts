import { Style, type Span } from './doc.js';

/** The spans with stretches of their text (UTF-16 offsets in the joined text) marked as matches, split where one starts or ends. */
export function markRanges(
  spans: readonly Span[],
  ranges: ReadonlyArray<{ from: number; to: number; current: boolean }>,
): Span[] {
  if (ranges.length === 0) return [...spans];
  const length = spans.reduce((sum, span) => sum + span.text.length, 0);
  const marked = new Uint16Array(length);
  for (const range of ranges)
    marked.fill(range.current ? Style.current : Style.mark, range.from, Math.min(range.to, length));
  const out: Span[] = [];
  let offset = 0;
  for (const span of spans) {
    let start = 0;
    for (let i = 1; i <= span.text.length; i++) {
      if (i === span.text.length || marked[offset + i] !== marked[offset + start]) {
        out.push({
          ...span,
          text: span.text.slice(start, i),
          style: span.style | marked[offset + start]!,
        });
        start = i;
      }
    }
    offset += span.text.length;
  }
  return out;
}
