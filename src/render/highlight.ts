import { Style, type Span } from './doc.js';

/** The spans with every occurrence of `needle` marked, split where a match starts or ends. */
export function highlightSpans(spans: readonly Span[], needle: string): Span[] {
  const wanted = needle.toLowerCase();
  const text = spans.map((s) => s.text).join('');
  const lower = text.toLowerCase();
  if (!wanted || lower.length !== text.length || !lower.includes(wanted)) return [...spans];
  const marked = new Uint8Array(text.length);
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
    marked.fill(1, at, at + wanted.length);
  }
  const out: Span[] = [];
  let offset = 0;
  for (const span of spans) {
    let start = 0;
    for (let i = 1; i <= span.text.length; i++) {
      if (i === span.text.length || marked[offset + i] !== marked[offset + start]) {
        const style = marked[offset + start] ? span.style | Style.mark : span.style;
        out.push({ ...span, text: span.text.slice(start, i), style });
        start = i;
      }
    }
    offset += span.text.length;
  }
  return out;
}
