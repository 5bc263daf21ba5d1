import { lineText } from '../render/line.js';
import type { ReaderLine } from './pictures.js';

/** A stretch of one row that a match covers, in the row text's UTF-16 offsets. */
export interface MatchPart {
  row: number;
  from: number;
  to: number;
}

/** One match of the article search: the row it starts on, and what it covers (one row, or more when wrapped). */
export interface TextMatch {
  row: number;
  parts: MatchPart[];
}

/** Wide characters (CJK, kana, hangul, full-width forms): text wrapped between two of them lost no space. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Continuation rows begin with the block's indentation or quote bars, which are not its text. */
const LEAD = /^[\s│|]*/;

/**
 * Every match of `needle` (case-insensitive) in the reader's rows, in order.
 * A paragraph is searched as one text, its rows joined as they were before
 * wrapping (a space where a space was dropped, none between two CJK
 * characters or after a hyphen, dash or slash), so a match cut by a line end
 * is found, and covers both rows. Picture rows have no text.
 */
export function findMatches(rows: readonly ReaderLine[], needle: string): TextMatch[] {
  const wanted = needle.trim().toLowerCase();
  const found: TextMatch[] = [];
  if (!wanted) return found;
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.picture !== undefined) {
      i++;
      continue;
    }
    const block = rows[i]!.line.block;
    let end = i + 1;
    if (block !== undefined)
      while (
        end < rows.length &&
        rows[end]!.picture === undefined &&
        rows[end]!.line.block === block
      )
        end++;
    searchRun(rows, i, end, wanted, found);
    i = end;
  }
  return found;
}

function searchRun(
  rows: readonly ReaderLine[],
  start: number,
  end: number,
  wanted: string,
  found: TextMatch[],
): void {
  let joined = '';
  const pieces: Array<{ row: number; at: number; offset: number; length: number }> = [];
  for (let r = start; r < end; r++) {
    const text = lineText(rows[r]!.line).trimEnd();
    const offset = r === start ? 0 : (LEAD.exec(text)?.[0].length ?? 0);
    const body = text.slice(offset);
    if (r > start && joined && body && joinsWithSpace(joined.at(-1)!, body[0]!)) joined += ' ';
    pieces.push({ row: r, at: joined.length, offset, length: body.length });
    joined += body;
  }
  const lower = joined.toLowerCase();
  // A lower-case form of another length (rare letters) cannot be mapped back: search each row alone.
  if (lower.length !== joined.length) {
    if (end - start > 1) for (let r = start; r < end; r++) searchRun(rows, r, r + 1, wanted, found);
    return;
  }
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
    const stop = at + wanted.length;
    const parts = pieces
      .filter((piece) => piece.at < stop && piece.at + piece.length > at)
      .map((piece) => ({
        row: piece.row,
        from: piece.offset + Math.max(at, piece.at) - piece.at,
        to: piece.offset + Math.min(stop, piece.at + piece.length) - piece.at,
      }));
    if (parts.length > 0) found.push({ row: parts[0]!.row, parts });
  }
}

function joinsWithSpace(last: string, first: string): boolean {
  if (/[-\u2010-\u2015/]/.test(last)) return false;
  return !(WIDE.test(last) && WIDE.test(first));
}

/** The parts of the matches on each row, the current match's marked as such. */
export function partsByRow(
  matches: readonly TextMatch[],
  current: number,
): Map<number, Array<{ from: number; to: number; current: boolean }>> {
  const byRow = new Map<number, Array<{ from: number; to: number; current: boolean }>>();
  matches.forEach((match, index) => {
    for (const part of match.parts) {
      const list = byRow.get(part.row) ?? [];
      list.push({ from: part.from, to: part.to, current: index === current });
      byRow.set(part.row, list);
    }
  });
  return byRow;
}
