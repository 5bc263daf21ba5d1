// Line breaking in one place: the tokens, the rules between them, and the breaker that uses both.
// Tokens are kept as columns of numbers (kind, where in which span, width), not as an object each:
// an 8 MB Chinese article is millions of them.
import { displayWidth, graphemes } from '../text/width.js';
import { Style, type Span } from './doc.js';

/**
 * Line breaking by display width. Latin text breaks at spaces and after
 * hyphens; CJK text between any two characters; no line starts with closing
 * punctuation or ends with opening punctuation (kinsoku); a word longer than
 * the line is split.
 */

/** A wide character (CJK, an emoji sequence, a flag) with its marks; Hangul is written in words, so it is not one. */
const WIDE_CHARACTERS =
  /(?:[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Extended_Pictographic}(?:\ufe0f|\p{EMod})?(?:\u200d\p{Extended_Pictographic}(?:\ufe0f|\p{EMod})?)*|\p{RI}\p{RI})\p{M}*/gu;

/**
 * The strict line-breaking rules of Japanese and Chinese typesetting (JIS X
 * 4051, CSS `line-break: strict`): no line starts with closing brackets and
 * quotes, stops and commas, middle dots and other separators, small kana, the
 * prolonged sound mark, iteration marks, CJK hyphens, `…` and `‥`, or marks
 * written after a number (`％ ℃ ° ‰ ′ ″`).
 */
const NO_START = codes([
  ...')]}>）］｝〕〉》」』】〙〗〟｠»›’”＞',
  ...',.、。，．｡､',
  ...'!?:;！？：；‼⁇⁈⁉・･·',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ',
  ...'ーｰ々〻ゝゞヽヾ゛゜',
  ...'‐゠–〜～',
  ...'…‥',
  ...'%％‰‱℃℉°′″‴¢￠',
]);
/** No line ends with opening brackets and quotes, or marks written before a number (`￥ ＄ № ＃`). */
const NO_END = codes([...'([{<（［｛〔〈《「『【〘〖〝｟«‹‘“＜', ...'￥＄￡＃$£¥€№']);
/** Quotes that open and close alike: a line never breaks beside one unless a space is there. */
const EITHER_QUOTE = codes(['"', "'"]);

/** Characters as their UTF-16 codes (all of them in the Basic Multilingual Plane). */
function codes(characters: string[]): Set<number> {
  return new Set(characters.map((c) => c.charCodeAt(0)));
}
/** Where a word too long for any line is cut first: after a path's or a URL's separators. */
const CUT_AFTER = new Set([...'/\\-_.?&=']);

const SPACE = 0;
const BREAK = 1;
const WIDE = 2;
const WORD = 3;

/** Token columns, kept between calls while small: wrapping runs one text at a time, to its end. */
let spare: Columns | null = null;
const SPARE_LIMIT = 1 << 16;

interface Columns {
  kind: Uint8Array;
  span: Int32Array;
  start: Int32Array;
  end: Int32Array;
  width: Int32Array;
}

function columns(capacity: number): Columns {
  return {
    kind: new Uint8Array(capacity),
    span: new Int32Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    width: new Int32Array(capacity),
  };
}

/** The text's tokens: spaces, line breaks, wide characters and words, each a range of one span's text. */
class Tokens {
  kind: Uint8Array;
  span: Int32Array;
  start: Int32Array;
  end: Int32Array;
  width: Int32Array;
  count = 0;

  constructor(readonly spans: readonly Span[]) {
    // A token is a character or more: the text's length is the most there can be.
    let length = 0;
    for (const span of spans) length += span.text.length;
    const wanted = Math.min(length + 1, SPARE_LIMIT);
    const store = spare && spare.kind.length >= wanted ? spare : columns(Math.max(wanted, 256));
    spare = null;
    ({
      kind: this.kind,
      span: this.span,
      start: this.start,
      end: this.end,
      width: this.width,
    } = store);
    for (let index = 0; index < spans.length; index++) this.read(spans[index]!.text, index);
  }

  /** Gives the columns back for the next text, unless they grew large. */
  release(): void {
    if (this.kind.length > SPARE_LIMIT) return;
    spare = {
      kind: this.kind,
      span: this.span,
      start: this.start,
      end: this.end,
      width: this.width,
    };
  }

  /** The UTF-16 code of the first character of token `k`, and of the last. */
  first(k: number): number {
    return this.spans[this.span[k]!]!.text.charCodeAt(this.start[k]!);
  }

  last(k: number): number {
    return this.spans[this.span[k]!]!.text.charCodeAt(this.end[k]! - 1);
  }

  text(k: number): string {
    return this.spans[this.span[k]!]!.text.slice(this.start[k], this.end[k]);
  }

  style(k: number): number {
    return this.spans[this.span[k]!]!.style;
  }

  private push(kind: number, span: number, start: number, end: number, width: number): void {
    if (this.count === this.kind.length) this.grow();
    const k = this.count++;
    this.kind[k] = kind;
    this.span[k] = span;
    this.start[k] = start;
    this.end[k] = end;
    this.width[k] = width;
  }

  private grow(): void {
    const larger = columns(this.kind.length * 2);
    larger.kind.set(this.kind);
    larger.span.set(this.span);
    larger.start.set(this.start);
    larger.end.set(this.end);
    larger.width.set(this.width);
    ({
      kind: this.kind,
      span: this.span,
      start: this.start,
      end: this.end,
      width: this.width,
    } = larger);
  }

  private read(text: string, span: number): void {
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      let j = i + 1;
      if (code === 32) {
        while (text.charCodeAt(j) === 32) j++;
        this.push(SPACE, span, i, j, j - i);
      } else if (code === 10) {
        this.push(BREAK, span, i, j, 0);
      } else {
        while (j < text.length && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 10) j++;
        this.readRun(text, span, i, j);
      }
      i = j;
    }
  }

  /**
   * A run between spaces: each wide character is a token, what lies between is
   * words. Most runs (Latin words, CJK without marks or emoji) are read by
   * character codes; a run with marks, joiners, emoji or astral characters by
   * the full pattern.
   */
  private readRun(text: string, span: number, from: number, to: number): void {
    const mark = this.count;
    let word = from;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x0300) continue;
      if (isPlainWide(code)) {
        if (i > word) this.readWords(text, span, word, i);
        this.push(WIDE, span, i, i + 1, 2);
        word = i + 1;
      } else if (!isPlainPunctuation(code) && !isHangulSyllable(code)) {
        // A mark, a joiner, a surrogate: anything whose width or grouping takes the full tables.
        this.truncate(mark);
        return this.readRunByPattern(text, span, from, to);
      }
    }
    if (word < to) this.readWords(text, span, word, to);
  }

  private readRunByPattern(text: string, span: number, from: number, to: number): void {
    const run = text.slice(from, to);
    let at = 0;
    for (const match of run.matchAll(WIDE_CHARACTERS)) {
      if (match.index > at) this.readWords(text, span, from + at, from + match.index);
      const end = match.index + match[0].length;
      this.push(WIDE, span, from + match.index, from + end, displayWidth(match[0]));
      at = end;
    }
    if (at < run.length) this.readWords(text, span, from + at, to);
  }

  /**
   * Break opportunities inside a long word: after a hyphen ("well-" "known"), and
   * after an em dash or a slash ("authentication—" "Stanford", "and/" "or").
   */
  private readWords(text: string, span: number, from: number, to: number): void {
    let start = from;
    for (let i = from; i < to - 1; i++) {
      const c = text[i];
      const breaksAfter = c === '—' || c === '/' || (c === '-' && i > from && text[i - 1] !== '-');
      const next = text[i + 1];
      if (breaksAfter && next !== '-' && next !== '—' && next !== '/') {
        this.pushWord(text, span, start, i + 1);
        start = i + 1;
      }
    }
    this.pushWord(text, span, start, to);
  }

  private pushWord(text: string, span: number, from: number, to: number): void {
    let narrow = true;
    for (let i = from; i < to && narrow; i++) {
      const code = text.charCodeAt(i);
      narrow = (code >= 0x21 && code <= 0x7e) || (code >= 0xa0 && code <= 0x2ff && code !== 0xad);
    }
    this.push(WORD, span, from, to, narrow ? to - from : displayWidth(text.slice(from, to)));
  }

  private truncate(count: number): void {
    this.count = count;
  }
}

/** Wide in every East Asian table and broken between: the CJK blocks, kana, full-width forms. */
function isPlainWide(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x2e80 && code <= 0x2fff) ||
    (code >= 0xa000 && code <= 0xa4cf)
  );
}

/** Hangul syllables: wide, but Korean is written in words with spaces between, broken at the spaces. */
function isHangulSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** Dashes, quotes, ellipses and other general punctuation: one column, no grouping. */
function isPlainPunctuation(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e);
}

/** May a line end after token `a` and the next start with token `b`, with no space between? */
function canBreakBetween(tokens: Tokens, a: number, b: number): boolean {
  const first = tokens.first(b);
  const last = tokens.last(a);
  if (NO_START.has(first) || NO_END.has(last) || EITHER_QUOTE.has(first) || EITHER_QUOTE.has(last))
    return false;
  // A link's number stays with its word.
  if (tokens.style(b) & Style.marker) return false;
  if (tokens.kind[a] === WIDE || tokens.kind[b] === WIDE) return true;
  return (
    tokens.kind[a] === WORD &&
    tokens.kind[b] === WORD &&
    (last === HYPHEN || last === EM_DASH || last === SLASH) &&
    tokens.span[a] === tokens.span[b]
  );
}

const HYPHEN = 0x2d;
const EM_DASH = 0x2014;
const SLASH = 0x2f;

/** May a line break at a space before token `b`? Not before closing punctuation (`……`, `)`, `·`), which binds back. */
function canBreakAtSpace(tokens: Tokens, b: number): boolean {
  return !NO_START.has(tokens.first(b)) && (tokens.style(b) & Style.marker) === 0;
}

/**
 * A word wider than a line, cut into pieces that fit: after the last `/ \\ - _
 * . ? & =` that fits (a URL, a path), else after the last character that fits.
 */
function cutWord(text: string, limit: number): Array<{ length: number; width: number }> {
  const pieces: Array<{ length: number; width: number }> = [];
  let length = 0;
  let width = 0;
  /** Where the piece may be cut after a separator, and the width up to there. */
  let cut = 0;
  let cutWidth = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (width + w > limit && length > 0) {
      if (cut > 0 && cut < length) {
        pieces.push({ length: cut, width: cutWidth });
        length -= cut;
        width -= cutWidth;
      } else {
        pieces.push({ length, width });
        length = 0;
        width = 0;
      }
      cut = 0;
      cutWidth = 0;
    }
    length += g.length;
    width += w;
    if (CUT_AFTER.has(g)) {
      cut = length;
      cutWidth = width;
    }
  }
  pieces.push({ length, width });
  return pieces;
}

/** Wraps styled text to lines of at most `width` columns. */
export function wrapSpans(spans: Span[], width: number): Span[][] {
  const limit = Math.max(1, width);
  const tokens = new Tokens(spans);
  const { kind } = tokens;
  const lines: Span[][] = [];
  /** The line is the tokens from `lineStart` to the one being placed. */
  let lineStart = 0;
  let lineWidth = 0;
  /** Where the next line may start; none while it is not past `lineStart`. */
  let lastBreak = -1;

  const emit = (from: number, to: number) => {
    while (to > from && kind[to - 1] === SPACE) to--;
    lines.push(lineSpans(tokens, from, to));
  };
  /** The line starts again at `from` (its leading spaces dropped), up to token `k`. */
  const restart = (from: number, k: number) => {
    while (from < k && kind[from] === SPACE) from++;
    lineStart = from;
    lineWidth = 0;
    for (let i = from; i < k; i++) lineWidth += tokens.width[i]!;
    lastBreak = -1;
  };

  /** Puts token `k` on the line, breaking the line where allowed; false when it fits on no line. */
  const place = (k: number): boolean => {
    for (;;) {
      if (k > lineStart) {
        if (kind[k - 1] === SPACE) {
          if (canBreakAtSpace(tokens, k)) {
            let first = k - 1;
            while (first > lineStart && kind[first - 1] === SPACE) first--;
            lastBreak = first;
          }
        } else if (canBreakBetween(tokens, k - 1, k)) {
          lastBreak = k;
        }
      }
      if (lineWidth + tokens.width[k]! <= limit) {
        lineWidth += tokens.width[k]!;
        return true;
      }
      if (lastBreak > lineStart) {
        emit(lineStart, lastBreak);
        restart(lastBreak, k);
      } else if (k > lineStart) {
        // Nowhere allowed to break: break here all the same.
        emit(lineStart, k);
        restart(k, k);
      } else {
        return false;
      }
    }
  };

  /** At the start of the text or after a hard line break, where code keeps its indentation. */
  let atLineStart = true;
  for (let k = 0; k < tokens.count; k++) {
    if (kind[k] === BREAK) {
      emit(lineStart, k);
      restart(k + 1, k + 1);
      atLineStart = true;
      continue;
    }
    if (kind[k] === SPACE) {
      if (k === lineStart) {
        if (!atLineStart || (tokens.style(k) & Style.pre) === 0) {
          lineStart = k + 1;
          continue;
        }
        // The indentation of a line of code is part of its first word.
        kind[k] = WORD;
      }
      lineWidth += tokens.width[k]!;
      continue;
    }
    atLineStart = false;
    if (place(k)) continue;
    // A token wider than the line: cut where it reads best.
    const pieces = cutWord(tokens.text(k), limit);
    const span = tokens.spans[tokens.span[k]!]!;
    let at = tokens.start[k]!;
    for (const piece of pieces.slice(0, -1)) {
      lines.push([spanPiece(span, span.text.slice(at, at + piece.length))]);
      at += piece.length;
    }
    tokens.start[k] = at;
    tokens.width[k] = pieces[pieces.length - 1]!.width;
    lineWidth = tokens.width[k]!;
  }
  let end = tokens.count;
  while (end > lineStart && kind[end - 1] === SPACE) end--;
  if (end > lineStart) emit(lineStart, end);
  tokens.release();
  return lines;
}

function spanPiece(span: Span, text: string): Span {
  return span.href === undefined
    ? { text, style: span.style }
    : { text, style: span.style, href: span.href };
}

/** The tokens from `from` to `to` as spans: a piece of each span they come from, neighbours of one style and link joined. */
function lineSpans(tokens: Tokens, from: number, to: number): Span[] {
  const out: Span[] = [];
  let k = from;
  while (k < to) {
    const span = tokens.span[k]!;
    let last = k;
    while (last + 1 < to && tokens.span[last + 1] === span) last++;
    const source = tokens.spans[span]!;
    const text = source.text.slice(tokens.start[k], tokens.end[last]);
    const previous = out[out.length - 1];
    if (previous && previous.style === source.style && previous.href === source.href)
      previous.text += text;
    else out.push(spanPiece(source, text));
    k = last + 1;
  }
  return out;
}

/**
 * The widest piece of the text a line should not break: its longest word, and
 * two CJK characters side by side (a column one character wide reads as a
 * list of characters).
 */
export function longestWord(spans: Span[]): number {
  const tokens = new Tokens(spans);
  let widest = 0;
  let wideRun = 0;
  for (let k = 0; k < tokens.count; k++) {
    const width = tokens.width[k]!;
    if (tokens.kind[k] === WIDE) {
      wideRun = Math.min(wideRun + width, 4);
      widest = Math.max(widest, wideRun);
      continue;
    }
    wideRun = 0;
    if (tokens.kind[k] === WORD) widest = Math.max(widest, width);
  }
  tokens.release();
  return widest;
}

/** The width of the text on one line, or of its widest hard line. */
export function naturalWidth(spans: Span[]): number {
  let widest = 0;
  let current = 0;
  for (const span of spans) {
    const parts = span.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        widest = Math.max(widest, current);
        current = 0;
      }
      current += displayWidth(part);
    });
  }
  return Math.max(widest, current);
}
