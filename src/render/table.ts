import { displayWidth } from '../text/width.js';
import { Style, type Span, type TableRow } from './doc.js';
import { blankLine, type RenderedLine } from './line.js';
import { minimumWidth, naturalWidth, wrapSpans } from './wrap.js';
import { glyphs } from '../text/profile.js';
import { maxOf } from '../text/arrays.js';

/** Words longer than this are split rather than widening their column. */
const LONGEST_WORD = 16;

/**
 * A table with columns aligned by display width and cells wrapped to fit; when
 * even the narrowest columns cannot fit, each row becomes `label: value` lines.
 */
export function layoutTable(rows: TableRow[], width: number): RenderedLine[] {
  const g = glyphs();
  const SEPARATOR = ` ${g.bar} `;
  const columns = maxOf(
    rows.map((row) => row.cells.length),
    0,
  );
  const cells = rows.map((row) => Array.from({ length: columns }, (_, i) => row.cells[i] ?? []));
  const separators = SEPARATOR.length * (columns - 1);
  const natural = columnWidths(cells, columns, (spans) => naturalWidth(spans));
  const available = width - separators;
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  let minimum = columnWidths(cells, columns, (spans) => minimumWidth(spans, Infinity));
  if (sum(minimum) > available)
    minimum = columnWidths(cells, columns, (spans) => minimumWidth(spans, LONGEST_WORD));
  if (sum(minimum) > available || available < columns) return stackedTable(rows, cells, width);
  let widths = shareWidth(minimum, natural, available);
  widths = widths.map((w) => Math.max(1, w));
  const laidOut = cells.map((row) => row.map((cell, i) => wrapSpans(cell, widths[i]!)));
  const multiLine = laidOut.some((row) => row.some((cell) => cell.length > 1));
  const rule: RenderedLine = {
    spans: [
      {
        text: widths.map((w) => g.rule.repeat(w)).join(`${g.rule}${g.cross}${g.rule}`),
        style: Style.dim,
      },
    ],
  };
  const lines: RenderedLine[] = [];
  laidOut.forEach((row, r) => {
    const header = rows[r]!.header;
    if (r > 0 && (multiLine || rows[r - 1]!.header)) lines.push(rule);
    const height = maxOf(
      row.map((cell) => cell.length),
      1,
    );
    for (let l = 0; l < height; l++) {
      const spans: Span[] = [];
      row.forEach((cell, c) => {
        if (c > 0) spans.push({ text: SEPARATOR, style: Style.dim });
        const cellLine = cell[l] ?? [];
        const used = cellLine.reduce((n, span) => n + displayWidth(span.text), 0);
        spans.push(
          ...cellLine.map((span) => (header ? { ...span, style: span.style | Style.bold } : span)),
        );
        if (c < columns - 1)
          spans.push({ text: ' '.repeat(Math.max(0, widths[c]! - used)), style: 0 });
      });
      lines.push({ spans });
    }
  });
  return lines;
}

/**
 * Water-filling: every column starts at its minimum; the room left is shared
 * equally among the columns that want more, so narrow columns get all they
 * need and wide ones split the rest.
 */
function shareWidth(minimum: number[], natural: number[], available: number): number[] {
  const widths = [...minimum];
  let room = available - widths.reduce((a, b) => a + b, 0);
  while (room > 0) {
    const wanting = widths.flatMap((width, i) => (width < natural[i]! ? [i] : []));
    if (wanting.length === 0) break;
    const share = Math.max(1, Math.floor(room / wanting.length));
    for (const i of wanting) {
      const grant = Math.min(share, natural[i]! - widths[i]!, room);
      widths[i]! += grant;
      room -= grant;
      if (room === 0) break;
    }
  }
  return widths;
}

function columnWidths(
  cells: Span[][][],
  columns: number,
  measure: (spans: Span[]) => number,
): number[] {
  return Array.from({ length: columns }, (_, c) =>
    maxOf(
      cells.map((row) => measure(row[c]!)),
      0,
    ),
  );
}

function stackedTable(rows: TableRow[], cells: Span[][][], width: number): RenderedLine[] {
  const hasHeader = rows[0]?.header ?? false;
  const labels = hasHeader
    ? cells[0]!.map((cell) =>
        cell
          .map((s) => s.text)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      )
    : [];
  const body = hasHeader ? cells.slice(1) : cells;
  const lines: RenderedLine[] = [];
  body.forEach((row, r) => {
    if (r > 0) lines.push(blankLine());
    row.forEach((cell, c) => {
      if (cell.length === 0) return;
      const label = labels[c] || `${c + 1}`;
      const labelSpan: Span = { text: `${label}: `, style: Style.bold };
      const wrapped = wrapSpans([labelSpan, ...cell], width - 2);
      wrapped.forEach((spans, i) =>
        lines.push({ spans: i === 0 ? spans : [{ text: '  ', style: 0 }, ...spans] }),
      );
    });
  });
  return lines;
}
