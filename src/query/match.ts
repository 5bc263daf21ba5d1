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
      return fieldValues(article, term.field).some((value) =>
        value.toLowerCase().includes(term.text),
      );
    case 'text':
      return (
        fieldValues(article, 'title').some((value) => value.toLowerCase().includes(term.text)) ||
        fieldValues(article, 'author').some((value) => value.toLowerCase().includes(term.text)) ||
        fieldValues(article, 'cat').some((value) => value.toLowerCase().includes(term.text)) ||
        fieldValues(article, 'tag').some((value) => value.toLowerCase().includes(term.text)) ||
        (body?.includes(term.text) ?? false)
      );
  }
}

function fieldValues(article: Article, field: 'cat' | 'tag' | 'author' | 'title'): string[] {
  switch (field) {
    case 'title':
      return [article.title];
    case 'author':
      return article.author ? [article.author] : [];
    case 'tag':
      return article.tags;
    case 'cat':
      return article.categories.map((path) => path.join('/'));
  }
}
