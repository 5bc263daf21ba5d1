import type { Article } from '../corpus/article.js';
import type { SearchQuery, SearchTerm } from './parse.js';

/** What a term is matched against; the body is lower-cased plain text, when loaded. */
export interface SearchableArticle {
  article: Article;
  body: string | undefined;
}

/** True when every term holds for the article. */
export function matchesQuery(query: SearchQuery, { article, body }: SearchableArticle): boolean {
  return query.terms.every((term) => holds(term, article, body) !== term.negated);
}

function holds(term: SearchTerm, article: Article, body: string | undefined): boolean {
  switch (term.kind) {
    case 'after':
      return article.date >= term.time;
    case 'before':
      return article.date < term.time;
    case 'field':
      return fieldsOf(article)[term.field].includes(term.text);
    case 'text':
      return fieldsOf(article).all.includes(term.text) || (body?.includes(term.text) ?? false);
  }
}

/** An article's fields lower-cased for matching, each list joined by a separator no query contains. */
interface SearchFields {
  title: string;
  author: string;
  cat: string;
  tag: string;
  all: string;
}

const SEPARATOR = '\u0000';
const fieldCache = new WeakMap<Article, SearchFields>();

/** Built once per article: a filter keystroke over 100 000 articles must not lower-case them all again. */
function fieldsOf(article: Article): SearchFields {
  let fields = fieldCache.get(article);
  if (!fields) {
    const title = article.title.toLowerCase();
    const author = (article.author ?? '').toLowerCase();
    const cat = article.categories
      .map((path) => path.join('/'))
      .join(SEPARATOR)
      .toLowerCase();
    const tag = article.tags.join(SEPARATOR).toLowerCase();
    fields = { title, author, cat, tag, all: [title, author, cat, tag].join(SEPARATOR) };
    fieldCache.set(article, fields);
  }
  return fields;
}
