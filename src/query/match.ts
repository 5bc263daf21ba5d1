import type { Article } from '../corpus/article.js';
import type { Mark, SearchQuery } from './parse.js';

/** The reader's marks of a list's articles: what `is:` terms ask about. */
export interface Marks {
  isRead(article: Article): boolean;
  isStarred(article: Article): boolean;
}

/** Whether an article carries a mark; with no marks known, every article is unread and unstarred. */
export function hasMark(marks: Marks | undefined, article: Article, mark: Mark): boolean {
  if (mark === 'starred') return marks?.isStarred(article) ?? false;
  const read = marks?.isRead(article) ?? false;
  return mark === 'read' ? read : !read;
}

/**
 * What a term is matched against: the article's fields, and, when the body
 * was searched, whether it holds a text; without it, words match fields only.
 */
export interface SearchableArticle {
  article: Article;
  bodyHas?: (text: string) => boolean;
  marks?: Marks;
}

/** True when every term holds for the article. */
export function matchesQuery(
  query: SearchQuery,
  { article, bodyHas, marks }: SearchableArticle,
): boolean {
  let fields: SearchFields | undefined;
  for (const term of query.terms) {
    let holds: boolean;
    switch (term.kind) {
      case 'after':
        holds = article.date >= term.time;
        break;
      case 'before':
        holds = article.date < term.time;
        break;
      case 'field':
        holds = fieldHolds(term.field, (fields ??= searchFields(article))[term.field], term.text);
        break;
      case 'is':
        holds = hasMark(marks, article, term.mark);
        break;
      case 'text':
        fields ??= searchFields(article);
        holds =
          fields.title.includes(term.text) ||
          fields.rest.includes(term.text) ||
          (bodyHas?.(term.text) ?? false);
        break;
    }
    if (holds === term.negated) return false;
  }
  return true;
}

/**
 * How an article is filed, lower-cased for matching: its author, categories
 * and tags, each list joined by a separator no query contains, and all three
 * together for a term that names no field.
 */
export interface Labels {
  author: string;
  cat: string;
  tag: string;
  rest: string;
}

/** An article's fields lower-cased for matching. */
export interface SearchFields extends Labels {
  title: string;
}

/** Between labels joined into one string, and between titles: no query holds it (typed text has no control characters). */
export const SEPARATOR = '\u0000';

/**
 * Whether a field holds a term's text: a title or an author anywhere in it; a
 * tag at the start of one of the article's tags; a category at the start of a
 * category's name anywhere in a path, and on across the names after it
 * (`cat:Dock` and `cat:dockone/weekly` both find `技术/Dockone/Weekly`).
 */
export function fieldHolds(
  field: 'cat' | 'tag' | 'author' | 'title',
  haystack: string,
  text: string,
): boolean {
  if (field === 'title' || field === 'author') return haystack.includes(text);
  for (let at = haystack.indexOf(text); at >= 0; at = haystack.indexOf(text, at + 1)) {
    const before = haystack[at - 1];
    if (before === undefined || before === SEPARATOR || (field === 'cat' && before === '/'))
      return true;
  }
  return false;
}

export function searchFields(article: Article): SearchFields {
  return { title: article.title.toLowerCase(), ...labelsOf(article) };
}

export function labelsOf(article: Pick<Article, 'author' | 'categories' | 'tags'>): Labels {
  const author = (article.author ?? '').toLowerCase();
  const cat = article.categories
    .map((path) => path.join('/'))
    .join(SEPARATOR)
    .toLowerCase();
  const tag = article.tags.join(SEPARATOR).toLowerCase();
  return { author, cat, tag, rest: [author, cat, tag].join(SEPARATOR) };
}
