// Line breaking in one place: the tokens, the rules between them, and the breaker that uses both.
import { displayWidth, graphemes } from '../text/width.js';
import type { Span } from './doc.js';

/**
 * Line breaking by display width. Latin text breaks at spaces and after
 * hyphens; CJK text between any two characters; no line starts with closing
 * punctuation or ends with opening punctuation (kinsoku); a word longer than
 * the line is split.
 */

/** A wide character (CJK, an emoji sequence, a flag) with its marks. */
const WIDE_CHARACTERS =
  /(?:[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Extended_Pictographic}(?:\ufe0f|\p{EMod})?(?:\u200d\p{Extended_Pictographic}(?:\ufe0f|\p{EMod})?)*|\p{RI}\p{RI})\p{M}*/gu;
/** Spaces, a line break, or a run of anything else (cut into words and wide characters after). */
const RUN = /( +)|(\n)|([^ \n]+)/g;
/** A run with no character that could be wide: most Latin text never needs the Unicode classes above. */
const NARROW = /^[\x21-\x7e\u00a0-\u02ff]*$/;

/** No line may start with these. */
const NO_START = new Set([
  ...'，。、；：？！）」』》〉】〕〗〙〛”’…‥・·ー～%,.;:?!)]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻゛゜ヽヾゝゞ',
]);
/** No line may end with these. */
const NO_END = new Set([...'（「『《〈【〔〖〘〚“‘([{']);

type TokenKind = 'space' | 'break' | 'wide' | 'word';

interface Token {
  kind: TokenKind;
  text: string;
  width: number;
  span: Span;
}

function tokenize(spans: Span[]): Token[] {
  const tokens: Token[] = [];
  for (const span of spans) {
    for (const [, spaces, lineBreak, run] of span.text.matchAll(RUN)) {
      if (spaces) tokens.push({ kind: 'space', text: spaces, width: spaces.length, span });
      else if (lineBreak) tokens.push({ kind: 'break', text: '', width: 0, span });
      else if (NARROW.test(run!)) pushWords(tokens, run!, span);
      else if (!splitPlainWide(tokens, run!, span)) {
        // Each wide character (with its marks) is a token of its own; what lies between is words.
        let at = 0;
        for (const match of run!.matchAll(WIDE_CHARACTERS)) {
          if (match.index > at) pushWords(tokens, run!.slice(at, match.index), span);
          tokens.push({ kind: 'wide', text: match[0], width: displayWidth(match[0]), span });
          at = match.index + match[0].length;
        }
        if (at < run!.length) pushWords(tokens, run!.slice(at), span);
      }
    }
  }
  return tokens;
}

/** Wide in every East Asian table: the CJK blocks, Hangul syllables, full-width forms. */
function isPlainWide(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x2e80 && code <= 0x2fff) ||
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0xa000 && code <= 0xa4cf)
  );
}

/** Dashes, quotes, ellipses and other general punctuation: one column, no grouping. */
function isPlainPunctuation(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205e);
}

/**
 * Most of a Chinese article: runs of CJK characters and Latin words with no
 * mark, joiner, emoji or astral character. Each wide character is a token;
 * what lies between is words. False, with nothing added, for a run that
 * needs the full pattern.
 */
function splitPlainWide(tokens: Token[], run: string, span: Span): boolean {
  const start = tokens.length;
  let word = 0;
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    if (isPlainWide(code)) {
      if (i > word) pushWords(tokens, run.slice(word, i), span);
      tokens.push({ kind: 'wide', text: run[i]!, width: 2, span });
      word = i + 1;
    } else if (code >= 0x0300 && !isPlainPunctuation(code)) {
      // A mark, a joiner, a surrogate: anything whose width or grouping takes the full tables.
      tokens.length = start;
      return false;
    }
  }
  if (word < run.length) pushWords(tokens, run.slice(word), span);
  return true;
}

/**
 * Break opportunities inside a long word: after a hyphen ("well-" "known"), and
 * after an em dash or a slash ("authentication—" "Stanford", "and/" "or").
 */
function pushWords(tokens: Token[], word: string, span: Span): void {
  for (const part of word.split(/(?<=[^-]-|—|\/)(?=[^-—/])/))
    tokens.push({ kind: 'word', text: part, width: displayWidth(part), span });
}

/** May a line end after `before` and the next start with `after`, with no space between? */
function canBreakBetween(before: Token, after: Token): boolean {
  if (NO_START.has(after.text[0]!) || NO_END.has(before.text[before.text.length - 1]!))
    return false;
  if (before.kind === 'wide' || after.kind === 'wide') return true;
  return (
    before.kind === 'word' &&
    after.kind === 'word' &&
    /[-—/]$/.test(before.text) &&
    before.span === after.span
  );
}

/** May a line break at a space before `after`? Not before closing punctuation (`……`, `)`, `·`), which binds back. */
function canBreakAtSpace(after: Token): boolean {
  return !NO_START.has(after.text[0]!);
}

/** Wraps styled text to lines of at most `width` columns. */
export function wrapSpans(spans: Span[], width: number): Span[][] {
  const limit = Math.max(1, width);
  const lines: Span[][] = [];
  let line: Token[] = [];
  let lineWidth = 0;
  /** Index in `line` where the next line may start; 0 when there is no break yet. */
  let lastBreak = 0;

  const emit = (tokens: Token[]) => lines.push(toSpans(trimSpaces(tokens)));
  const restart = (tokens: Token[]) => {
    line = trimLeadingSpaces(tokens);
    lineWidth = line.reduce((sum, t) => sum + t.width, 0);
    lastBreak = 0;
  };

  /** Puts the token on the line, breaking the line where allowed; false when it fits on no line. */
  const place = (token: Token): boolean => {
    for (;;) {
      const previous = line[line.length - 1];
      if (previous?.kind === 'space') {
        if (canBreakAtSpace(token)) lastBreak = firstTrailingSpace(line);
      } else if (previous && canBreakBetween(previous, token)) {
        lastBreak = line.length;
      }
      if (lineWidth + token.width <= limit) {
        line.push(token);
        lineWidth += token.width;
        return true;
      }
      if (lastBreak > 0) {
        emit(line.slice(0, lastBreak));
        restart(line.slice(lastBreak));
      } else if (line.length > 0) {
        // Nowhere allowed to break: break here all the same.
        emit(line);
        restart([]);
      } else {
        return false;
      }
    }
  };

  for (const token of tokenize(spans)) {
    if (token.kind === 'break') {
      emit(line);
      restart([]);
      continue;
    }
    if (token.kind === 'space') {
      if (line.length === 0) continue;
      line.push(token);
      lineWidth += token.width;
      continue;
    }
    if (place(token)) continue;
    // A token wider than the line: split it by characters.
    let piece = '';
    let pieceWidth = 0;
    for (const g of graphemes(token.text)) {
      const w = displayWidth(g);
      if (pieceWidth + w > limit && piece !== '') {
        lines.push(toSpans([{ ...token, text: piece, width: pieceWidth }]));
        piece = '';
        pieceWidth = 0;
      }
      piece += g;
      pieceWidth += w;
    }
    restart([{ ...token, text: piece, width: pieceWidth }]);
  }
  if (trimSpaces(line).length > 0) emit(line);
  return lines;
}

function firstTrailingSpace(line: Token[]): number {
  let i = line.length;
  while (i > 0 && line[i - 1]!.kind === 'space') i--;
  return i;
}

function trimSpaces(tokens: Token[]): Token[] {
  return tokens.slice(0, firstTrailingSpace(tokens));
}

function trimLeadingSpaces(tokens: Token[]): Token[] {
  let i = 0;
  while (i < tokens.length && tokens[i]!.kind === 'space') i++;
  return tokens.slice(i);
}

/** Tokens → spans, joining neighbours of the same style and link. */
function toSpans(tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (const token of tokens) {
    const last = spans[spans.length - 1];
    if (last && last.style === token.span.style && last.href === token.span.href)
      last.text += token.text;
    else
      spans.push(
        token.span.href === undefined
          ? { text: token.text, style: token.span.style }
          : { text: token.text, style: token.span.style, href: token.span.href },
      );
  }
  return spans;
}

/** The widest piece of the text that cannot be broken (capped, as longer ones are split). */
export function minimumWidth(spans: Span[], cap: number): number {
  let widest = 0;
  for (const token of tokenize(spans)) {
    if (token.kind === 'word' || token.kind === 'wide')
      widest = Math.max(widest, Math.min(cap, token.width));
  }
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
