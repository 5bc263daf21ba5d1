import type { Article } from '../corpus/article.js';
import type { SearchQuery, SearchTerm } from './parse.js';

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
  // Called for thousands of articles a search: no closure unless a body is there.
  const inBody = bodyHas ?? (body === undefined ? NO_BODY : (text: string) => body.includes(text));
  for (const term of query.terms) if (holds(term, article, inBody) === term.negated) return false;
  return true;
}

const NO_BODY = () => false;

/**
 * The query as a test of fields alone (text terms look at no body), made once
 * per query: the list filter runs it over every article on every keystroke.
 */
export function fieldMatcher(query: SearchQuery): (article: Article) => boolean {
  const terms = query.terms;
  return (article) => {
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      if (holds(term, article, NO_BODY) === term.negated) return false;
    }
    return true;
  };
}

function holds(term: SearchTerm, article: Article, inBody: (text: string) => boolean): boolean {
  switch (term.kind) {
    case 'after':
      return article.date >= term.time;
    case 'before':
      return article.date < term.time;
    case 'field':
      return fieldsOf(article)[term.field].includes(term.text);
    case 'text':
      return fieldsOf(article).all.includes(term.text) || inBody(term.text);
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
const FIELDS = Symbol('search fields');

/**
 * Built once per article and kept on it (a hidden, non-enumerable property):
 * a filter keystroke over 100 000 articles must not lower-case them all again.
 */
function fieldsOf(article: Article): SearchFields {
  const holder = article as Article & { [FIELDS]?: SearchFields };
  let fields = holder[FIELDS];
  if (!fields) {
    const title = article.title.toLowerCase();
    const author = (article.author ?? '').toLowerCase();
    const cat = article.categories
      .map((path) => path.join('/'))
      .join(SEPARATOR)
      .toLowerCase();
    const tag = article.tags.join(SEPARATOR).toLowerCase();
    fields = { title, author, cat, tag, all: [title, author, cat, tag].join(SEPARATOR) };
    Object.defineProperty(holder, FIELDS, { value: fields, enumerable: false });
  }
  return fields;
}
