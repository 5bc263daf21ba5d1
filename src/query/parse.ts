import { parseDate } from '../corpus/dates.js';

/** One condition of a search. Text is lower-cased. */
export type SearchTerm =
  | { kind: 'text'; text: string; negated: boolean }
  | { kind: 'field'; field: 'cat' | 'tag' | 'author' | 'title'; text: string; negated: boolean }
  | { kind: 'after' | 'before'; time: number; negated: boolean };

export interface SearchQuery {
  terms: SearchTerm[];
  /** Terms that could not be read (`after:someday`); they do not filter. */
  ignored: string[];
}

const FIELDS: Record<string, 'cat' | 'tag' | 'author' | 'title' | 'after' | 'before'> = {
  cat: 'cat', category: 'cat', tag: 'tag', author: 'author', title: 'title', after: 'after', before: 'before',
}; // prettier-ignore

/**
 * Reads the search language: words ANDed, `"quoted phrases"`, `-word` for NOT,
 * and `cat:` `tag:` `author:` `title:` `after:` `before:` fields whose value
 * may be quoted too. Never throws: a half-typed query still means something.
 */
export function parseQuery(source: string): SearchQuery {
  const terms: SearchTerm[] = [];
  const ignored: string[] = [];
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
      const date = parseDate(value);
      if (date) terms.push({ kind: field, time: date.time, negated });
      else ignored.push(raw);
    } else if (field) {
      if (value) terms.push({ kind: 'field', field, text: value.toLowerCase(), negated });
    } else {
      pushText(terms, value, negated);
    }
  }
  return { terms, ignored };
}

function pushText(terms: SearchTerm[], text: string, negated: boolean): void {
  if (text) terms.push({ kind: 'text', text: text.toLowerCase(), negated });
}

/** True when matching needs the article body, which costs a read. */
export function needsBody(query: SearchQuery): boolean {
  return query.terms.some((term) => term.kind === 'text');
}
