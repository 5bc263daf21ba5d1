import { parseDatePeriod } from '../corpus/dates.js';

/** A mark the reader keeps for an article: read or not, starred. */
export type Mark = 'read' | 'unread' | 'starred';

/** One condition of a search. Text is lower-cased. */
export type SearchTerm =
  | { kind: 'text'; text: string; negated: boolean }
  | { kind: 'field'; field: 'cat' | 'tag' | 'author' | 'title'; text: string; negated: boolean }
  | { kind: 'after' | 'before'; time: number; negated: boolean }
  | { kind: 'is'; mark: Mark; negated: boolean };

export interface SearchQuery {
  terms: SearchTerm[];
  /** Terms that could not be read (`after:someday`), and why; they do not filter. */
  ignored: Array<{ term: string; why: string }>;
}

type FieldName = 'cat' | 'tag' | 'author' | 'title' | 'after' | 'before' | 'is';

const FIELDS: Record<string, FieldName> = {
  cat: 'cat', category: 'cat', tag: 'tag', author: 'author', title: 'title', after: 'after',
  before: 'before', is: 'is',
}; // prettier-ignore

const MARKS: readonly Mark[] = ['read', 'unread', 'starred'];

/**
 * Reads the search language: words ANDed, `"quoted phrases"`, `-word` for NOT,
 * and `cat:` `tag:` `author:` `title:` `after:` `before:` `is:` fields whose
 * value may be quoted too. Never throws: a half-typed query still means
 * something, and what cannot be read is listed in `ignored`.
 *
 * Dates name a period (see `parseDatePeriod`): a year, a month, a day, or an
 * instant. Both bounds count the period in: `after:D` is from its first
 * moment, `before:D` up to its end (`before:2022-05` includes May, as
 * `--until` does); `7d` and `2w` are that long before `now`.
 */
export function parseQuery(source: string, now = Date.now()): SearchQuery {
  const terms: SearchTerm[] = [];
  const ignored: SearchQuery['ignored'] = [];
  const token = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S*))/giy;
  let at = 0;
  while (at < source.length) {
    if (/\s/.test(source[at]!)) {
      at++;
      continue;
    }
    token.lastIndex = at;
    const match = token.exec(source);
    if (!match) break;
    at = token.lastIndex;
    const [raw, minus, fieldName, quoted, bare] = match;
    const negated = minus === '-';
    const field = fieldName ? FIELDS[fieldName.toLowerCase()] : undefined;
    const value = (quoted ?? bare ?? '').trim();
    if (fieldName && !field) {
      // Not a field we know (`http://…`, `re:`): the whole token is text.
      pushText(terms, `${fieldName}:${value}`, negated);
    } else if (field === 'after' || field === 'before') {
      const time = boundaryTime(value, field, now);
      if (time !== null) terms.push({ kind: field, time, negated });
      else if (value) ignored.push({ term: raw, why: `not a date: ${value}` });
    } else if (field === 'is') {
      const mark = MARKS.find((name) => name === value.toLowerCase());
      if (mark) terms.push({ kind: 'is', mark, negated });
      else if (value) ignored.push({ term: raw, why: 'is: takes read, unread or starred' });
    } else if (field) {
      if (value) terms.push({ kind: 'field', field, text: value.toLowerCase(), negated });
    } else {
      pushText(terms, value, negated);
    }
  }
  return { terms, ignored };
}

/** The instant a date bound means: `after:` the first moment of the period named, `before:` the end of it. */
function boundaryTime(value: string, field: 'after' | 'before', now: number): number | null {
  const period = parseDatePeriod(value, now);
  if (!period) return null;
  return field === 'after' ? period.start : period.end;
}

function pushText(terms: SearchTerm[], text: string, negated: boolean): void {
  if (text) terms.push({ kind: 'text', text: text.toLowerCase(), negated });
}

/** True when matching needs the article body, which costs a read. */
export function needsBody(query: SearchQuery): boolean {
  return query.terms.some((term) => term.kind === 'text');
}

/** True when matching needs the reader's marks, which change as the reader reads. */
export function needsMarks(query: SearchQuery): boolean {
  return query.terms.some((term) => term.kind === 'is');
}

/**
 * A field term as the search language writes it: `cat:科技`, `author:"Jane Doe"`.
 * Quotes cannot be written inside a value; they are dropped.
 */
export function fieldTerm(field: string, value: string): string {
  const text = value.replace(/"/g, '').trim();
  return /\s/.test(text) || text === '' ? `${field}:"${text}"` : `${field}:${text}`;
}
