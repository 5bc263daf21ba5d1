import type { Article } from '../corpus/article.js';
import type { SearchQuery } from './parse.js';

/**
 * What a term is matched against: the article's fields, and, when the body
 * was searched, whether it holds a text; without it, words match fields only.
 */
export interface SearchableArticle {
  article: Article;
  bodyHas?: (text: string) => boolean;
}

/** True when every term holds for the article. */
export function matchesQuery(query: SearchQuery, { article, bodyHas }: SearchableArticle): boolean {
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

const SEPARATOR = '\u0000';

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
