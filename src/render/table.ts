import { displayWidth } from '../text/width.js';
import { Style, type Span, type TableCell, type TableRow } from './doc.js';
import { blankLine, type RenderedLine } from './line.js';
import { longestWord, naturalWidth, wrapSpans } from './wrap.js';
import { glyphs } from '../text/profile.js';
import { maxOf, pushAll } from '../text/arrays.js';

/** A word longer than this (a URL) breaks before any column gets narrower than its own longest word. */
const LONGEST_WORD = 10;
/** A table wider than this many columns is read as `label: value` lines. */
const MAX_COLUMNS = 64;

/** A cell in its place on the grid: where it starts and how many rows and columns it covers. */
export interface Placed {
  cell: TableCell;
  row: number;
  column: number;
  rows: number;
  columns: number;
  header: boolean;
}

export interface Grid {
  placed: Placed[];
  columns: number;
  /** Each row's cells, its own and those coming down from above, by column. */
  byRow: Placed[][];
}

/**
 * Cells as a grid, as HTML lays them out: a cell spanning columns or rows
 * takes those slots, and the cells after it move right, in its row and in the
 * rows below. `rowspan="0"` spans the rest of the table.
 */
export function placeCells(rows: TableRow[]): Grid {
  /** For each column, the first row in which it is free again. */
  const busyUntil: number[] = [];
  const placed: Placed[] = [];
  const byRow: Placed[][] = rows.map(() => []);
  let columns = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.cells) {
      while ((busyUntil[column] ?? 0) > r) column++;
      const height = cell.rowspan === 0 ? rows.length - r : Math.min(cell.rowspan, rows.length - r);
      const spot: Placed = {
        cell,
        row: r,
        column,
        rows: height,
        columns: cell.colspan,
        header: row.header,
      };
      placed.push(spot);
      // Past the widest table a grid can show, the cell is still read, as `label: value`.
      for (let c = column; c < Math.min(column + cell.colspan, MAX_COLUMNS + 1); c++)
        busyUntil[c] = r + height;
      // A cell past the grid is said once, in its own row.
      const reach = column < MAX_COLUMNS ? height : 1;
      for (let k = r; k < r + reach; k++) byRow[k]!.push(spot);
      column += cell.colspan;
      columns = Math.max(columns, column);
    }
  });
  for (const cells of byRow) cells.sort((a, b) => a.column - b.column);
  return { placed, columns, byRow };
}

/**
 * A table with columns aligned by display width and cells wrapped to fit; when
 * even the narrowest columns cannot fit, each row becomes `label: value` lines.
 */
export function layoutTable(rows: TableRow[], width: number): RenderedLine[] {
  const grid = placeCells(rows);
  const { columns } = grid;
  const separator = 3;
  const available = width - separator * (columns - 1);
  if (columns > MAX_COLUMNS || available < columns) return stackedTable(rows, grid, width);
  const natural = columnWidths(grid, (spans) => naturalWidth(spans));
  const words = columnWidths(grid, (spans) => longestWord(spans));
  const widths = fitColumns(words, natural, available);
  if (!widths) return stackedTable(rows, grid, width);
  return gridLines(rows, grid, widths);
}

/**
 * Column widths: every column first gets its longest word (two CJK characters
 * at least), then the room left is shared among the columns whose text wants
 * more. When the longest words cannot all fit, the longest of them (URLs)
 * break first, down to LONGEST_WORD columns; null when even that cannot fit.
 */
function fitColumns(words: number[], natural: number[], available: number): number[] | null {
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  const base = words.map((w, c) => Math.max(1, Math.min(w, natural[c]!)));
  if (sum(base) <= available) return shareWidth(base, natural, available);
  const floor = base.map((w) => Math.min(w, LONGEST_WORD));
  if (sum(floor) > available) return null;
  // The widest level every column can be capped at: columns below it keep their words whole.
  const capped = (level: number) => base.map((w, c) => Math.max(floor[c]!, Math.min(w, level)));
  let low = LONGEST_WORD;
  let high = maxOf(base, LONGEST_WORD);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sum(capped(mid)) <= available) low = mid;
    else high = mid - 1;
  }
  const widths = capped(low);
  let room = available - sum(widths);
  for (let c = 0; c < widths.length && room > 0; c++)
    if (widths[c]! < base[c]!) {
      widths[c]!++;
      room--;
    }
  return widths;
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

/**
 * What each column needs by `measure`: the most any cell of one column needs,
 * then what spanning cells need beyond the columns they cover, shared among them.
 */
function columnWidths(grid: Grid, measure: (spans: Span[]) => number): number[] {
  const widths = new Array<number>(grid.columns).fill(0);
  const spanning: Array<{ spot: Placed; need: number }> = [];
  for (const spot of grid.placed) {
    const need = measure(spot.cell.spans);
    if (spot.columns === 1) widths[spot.column] = Math.max(widths[spot.column]!, need);
    else spanning.push({ spot, need });
  }
  spanning.sort((a, b) => a.spot.columns - b.spot.columns);
  for (const { spot, need } of spanning) {
    const covered = widths.slice(spot.column, spot.column + spot.columns);
    const has = covered.reduce((a, b) => a + b, 0) + 3 * (spot.columns - 1);
    for (let k = 0; k < need - has; k++) widths[spot.column + (k % spot.columns)]!++;
  }
  return widths;
}

function gridLines(rows: TableRow[], grid: Grid, widths: number[]): RenderedLine[] {
  const g = glyphs();
  const spanWidth = (spot: Placed) =>
    widths.slice(spot.column, spot.column + spot.columns).reduce((a, b) => a + b, 0) +
    3 * (spot.columns - 1);
  const laidOut = new Map<Placed, Span[][]>();
  for (const spot of grid.placed) laidOut.set(spot, wrapSpans(spot.cell.spans, spanWidth(spot)));
  // Each row is as tall as its tallest cell; a cell spanning rows makes its last row taller if need be.
  const heights = rows.map((_, r) =>
    maxOf(
      grid.byRow[r]!.filter((spot) => spot.rows === 1).map((spot) => laidOut.get(spot)!.length),
      1,
    ),
  );
  for (const spot of grid.placed) {
    if (spot.rows === 1) continue;
    const has = heights.slice(spot.row, spot.row + spot.rows).reduce((a, b) => a + b, 0);
    heights[spot.row + spot.rows - 1]! += Math.max(0, laidOut.get(spot)!.length - has);
  }
  const multiLine = heights.some((h) => h > 1);
  const before = [0];
  for (const height of heights) before.push(before[before.length - 1]! + height);
  /** Where row `r` starts among a spanning cell's lines. */
  const firstLine = (spot: Placed, r: number) => before[r]! - before[spot.row]!;
  const lines: RenderedLine[] = [];
  for (let r = 0; r < rows.length; r++) {
    if (r > 0 && (multiLine || rows[r - 1]!.header)) lines.push(ruleLine(grid, r, widths));
    for (let l = 0; l < heights[r]!; l++) {
      const spans: Span[] = [];
      let column = 0;
      const cells = grid.byRow[r]!;
      const last = cells[cells.length - 1];
      for (const spot of cells) {
        for (; column < spot.column; column++) {
          if (column > 0) spans.push({ text: ` ${g.bar} `, style: Style.dim });
          spans.push({ text: ' '.repeat(widths[column]!), style: 0 });
        }
        if (column > 0) spans.push({ text: ` ${g.bar} `, style: Style.dim });
        const cellLine = laidOut.get(spot)![firstLine(spot, r) + l] ?? [];
        pushAll(
          spans,
          alignCell(cellLine, spanWidth(spot), spot.cell.align, spot.header, spot === last),
        );
        column = spot.column + spot.columns;
      }
      lines.push({ spans });
    }
  }
  return lines;
}

/** A cell's line padded to its width as the cell aligns; the last cell of a line needs no padding after. */
function alignCell(
  line: Span[],
  width: number,
  align: TableCell['align'],
  header: boolean,
  last: boolean,
): Span[] {
  const used = line.reduce((n, span) => n + displayWidth(span.text), 0);
  const room = Math.max(0, width - used);
  const before = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
  const out: Span[] = [];
  if (before > 0) out.push({ text: ' '.repeat(before), style: 0 });
  pushAll(
    out,
    line.map((span) => (header ? { ...span, style: span.style | Style.bold } : span)),
  );
  if (!last && room - before > 0) out.push({ text: ' '.repeat(room - before), style: 0 });
  return out;
}

/** The rule above row `r`: broken where a cell from the rows above goes on through it. */
function ruleLine(grid: Grid, r: number, widths: number[]): RenderedLine {
  const g = glyphs();
  const through: Array<Placed | undefined> = new Array(grid.columns);
  for (const spot of grid.byRow[r]!)
    if (spot.row < r)
      for (let c = spot.column; c < spot.column + spot.columns; c++) through[c] = spot;
  let text = '';
  widths.forEach((w, c) => {
    if (c > 0) {
      const left = through[c - 1];
      const right = through[c];
      const joint = left ? (right ? g.bar : g.teeRight) : right ? g.teeLeft : g.cross;
      text +=
        left && left === right ? '   ' : `${left ? ' ' : g.rule}${joint}${right ? ' ' : g.rule}`;
    }
    text += (through[c] ? ' ' : g.rule).repeat(w);
  });
  return { spans: [{ text, style: Style.dim }] };
}

/** Each row as `label: value` lines, labelled by the header cells above each cell's columns. */
function stackedTable(rows: TableRow[], grid: Grid, width: number): RenderedLine[] {
  const headerRows = rows.findIndex((row) => !row.header);
  const headed = headerRows === -1 ? rows.length : headerRows;
  const labels: string[][] = [];
  for (const spot of grid.placed) {
    if (spot.row >= headed || spot.column >= MAX_COLUMNS) continue;
    const text = spot.cell.spans
      .map((s) => s.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) continue;
    for (let c = spot.column; c < Math.min(spot.column + spot.columns, MAX_COLUMNS); c++) {
      const said = (labels[c] ??= []);
      if (!said.includes(text)) said.push(text);
    }
  }
  const labelOf = (spot: Placed) => {
    const names: string[] = [];
    for (let c = spot.column; c < Math.min(spot.column + spot.columns, MAX_COLUMNS); c++)
      for (const name of labels[c] ?? []) if (!names.includes(name)) names.push(name);
    return names.length > 0 ? names.join(' / ') : `${spot.column + 1}`;
  };
  const lines: RenderedLine[] = [];
  for (let r = headed; r < rows.length; r++) {
    // A cell spanning rows is said once, in the first row it covers.
    const cells = grid.byRow[r]!.filter((spot) => spot.row === r && spot.cell.spans.length > 0);
    if (cells.length === 0) continue;
    if (lines.length > 0) lines.push(blankLine());
    for (const spot of cells) {
      const labelSpan: Span = { text: `${labelOf(spot)}: `, style: Style.bold };
      const wrapped = wrapSpans([labelSpan, ...spot.cell.spans], width - 2);
      wrapped.forEach((spans, i) =>
        lines.push({ spans: i === 0 ? spans : [{ text: '  ', style: 0 }, ...spans] }),
      );
    }
  }
  return lines;
}
