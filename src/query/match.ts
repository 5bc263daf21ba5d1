import type { Article } from '../corpus/article.js';
import type { SearchQuery } from './parse.js';

/**
 * What a term is matched against: the article's fields, and its body as
 * lower-cased plain text when loaded, or an answer to whether the body holds
 * a text (when the body was searched elsewhere).
 */
export interface SearchableArticle {
  article: Article;
  body: string | undefined;
  bodyHas?: (text: string) => boolean;
}

/** True when every term holds for the article. */
export function matchesQuery(
  query: SearchQuery,
  { article, body, bodyHas }: SearchableArticle,
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
        holds = (fields ??= searchFields(article))[term.field].includes(term.text);
        break;
      case 'text':
        holds =
          (fields ??= searchFields(article)).all.includes(term.text) ||
          (bodyHas ? bodyHas(term.text) : (body?.includes(term.text) ?? false));
        break;
    }
    if (holds === term.negated) return false;
  }
  return true;
}

/** An article's fields lower-cased for matching, each list joined by a separator no query contains. */
export interface SearchFields {
  title: string;
  author: string;
  cat: string;
  tag: string;
  /** Every field, for a term that names none. */
  all: string;
}

const SEPARATOR = '\u0000';

export function searchFields(article: Article): SearchFields {
  const title = article.title.toLowerCase();
  const author = (article.author ?? '').toLowerCase();
  const cat = article.categories
    .map((path) => path.join('/'))
    .join(SEPARATOR)
    .toLowerCase();
  const tag = article.tags.join(SEPARATOR).toLowerCase();
  return { title, author, cat, tag, all: [title, author, cat, tag].join(SEPARATOR) };
}
