import type { Article } from '../corpus/article.js';
import { searchFields } from './match.js';
import type { SearchQuery, SearchTerm } from './parse.js';

/** Some of a list's articles, by position, in list order; null stands for all of them. */
export type Selection = Int32Array | null;

/** A selection as the list shows it: the articles, and their dates side by side for grouping. */
export interface Listing {
  articles: readonly Article[];
  dates: Float64Array;
}

type Field = 'title' | 'author' | 'cat' | 'tag' | 'all';

/**
 * A list of articles held the way a filter reads it: each field lower-cased
 * once into an array of its own, and the dates in a typed array. A filter
 * keystroke over 100 000 articles then walks short strings in a row instead
 * of visiting 100 000 objects, and its answer is a typed array of positions
 * rather than an array of articles.
 */
export class ArticleColumns {
  readonly dates: Float64Array;
  private readonly text: Record<Field, string[]>;
  private built = 0;

  constructor(readonly articles: readonly Article[]) {
    this.dates = Float64Array.from(articles, (article) => article.date);
    const column = () => new Array<string>(articles.length);
    this.text = { title: column(), author: column(), cat: column(), tag: column(), all: column() };
  }

  /**
   * Lower-cases fields until `deadline` (a `performance.now()` time), so the
   * work can be spread over idle moments; true once every article is done.
   */
  buildUntil(deadline: number): boolean {
    const { articles, text } = this;
    while (this.built < articles.length) {
      const end = Math.min(articles.length, this.built + 512);
      for (let i = this.built; i < end; i++) {
        const fields = searchFields(articles[i]!);
        text.title[i] = fields.title;
        text.author[i] = fields.author;
        text.cat[i] = fields.cat;
        text.tag[i] = fields.tag;
        text.all[i] = fields.all;
      }
      this.built = end;
      if (performance.now() >= deadline) break;
    }
    return this.built === articles.length;
  }

  /** The positions, from `from`, of the articles whose fields match every term of the query. */
  match(query: SearchQuery, from: Selection): Int32Array {
    this.buildUntil(Infinity);
    let selection = from;
    for (const term of query.terms)
      selection = keep(selection, this.articles.length, this.test(term));
    return selection ?? everyPosition(this.articles.length);
  }

  /** The positions, from `from`, of the articles passing a test of the article itself. */
  where(test: (article: Article) => boolean, from: Selection = null): Int32Array {
    const { articles } = this;
    return keep(from, articles.length, (i) => test(articles[i]!));
  }

  listing(selection: Selection): Listing {
    if (!selection) return { articles: this.articles, dates: this.dates };
    const articles = new Array<Article>(selection.length);
    const dates = new Float64Array(selection.length);
    for (let k = 0; k < selection.length; k++) {
      articles[k] = this.articles[selection[k]!]!;
      dates[k] = this.dates[selection[k]!]!;
    }
    return { articles, dates };
  }

  private test(term: SearchTerm): (i: number) => boolean {
    const { negated } = term;
    const { dates } = this;
    switch (term.kind) {
      case 'after':
        return (i) => dates[i]! >= term.time !== negated;
      case 'before':
        return (i) => dates[i]! < term.time !== negated;
      case 'field':
      case 'text': {
        const column = this.text[term.kind === 'text' ? 'all' : term.field];
        const text = term.text;
        return (i) => column[i]!.includes(text) !== negated;
      }
    }
  }
}

function keep(from: Selection, count: number, test: (i: number) => boolean): Int32Array {
  const size = from ? from.length : count;
  const kept = new Int32Array(size);
  let n = 0;
  if (from) {
    for (let k = 0; k < size; k++) if (test(from[k]!)) kept[n++] = from[k]!;
  } else {
    for (let i = 0; i < size; i++) if (test(i)) kept[n++] = i;
  }
  return kept.subarray(0, n);
}

function everyPosition(count: number): Int32Array {
  const all = new Int32Array(count);
  for (let i = 0; i < count; i++) all[i] = i;
  return all;
}
