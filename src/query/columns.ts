import type { Article } from '../corpus/article.js';
import { fieldHolds, hasMark, labelsOf, type Labels, type Marks } from './match.js';
import type { SearchQuery, SearchTerm } from './parse.js';

/** Some of a list's articles, by position, in list order; null stands for all of them. */
export type Selection = Int32Array | null;

/** A selection as the list shows it: the articles, and their dates side by side for grouping. */
export interface Listing {
  articles: readonly Article[];
  dates: Float64Array;
}

/**
 * A list of articles held the way a filter reads it: titles lower-cased once
 * into an array of their own, the rest of each article's fields as one shared
 * object for all articles filed alike (a feed's thousands of items share an
 * author and categories), and the dates in a typed array. A filter keystroke
 * over 100 000 articles then walks short strings in a row instead of visiting
 * 100 000 objects, and its answer is a typed array of positions.
 */
export class ArticleColumns {
  readonly dates: Float64Array;
  private readonly titles: string[];
  private readonly labels: Labels[];
  private readonly shared = new LabelsCache();
  private built = 0;

  constructor(readonly articles: readonly Article[]) {
    this.dates = Float64Array.from(articles, (article) => article.date);
    this.titles = new Array<string>(articles.length);
    this.labels = new Array<Labels>(articles.length);
  }

  /**
   * Lower-cases the fields of the articles in order, up to the `i`th, so the
   * work can be spread over idle moments; a filter finishes what is left.
   */
  build(i: number): void {
    const { articles } = this;
    for (; this.built <= i && this.built < articles.length; this.built++) {
      const article = articles[this.built]!;
      // A title with nothing to lower (Chinese, say) is kept as it is, not copied.
      const title = article.title.toLowerCase();
      this.titles[this.built] = title === article.title ? article.title : title;
      this.labels[this.built] = this.shared.of(article);
    }
  }

  /** True once every article's fields are ready. */
  get complete(): boolean {
    return this.built === this.articles.length;
  }

  /** The positions, from `from`, of the articles whose fields match every term of the query. */
  match(query: SearchQuery, from: Selection, marks?: Marks): Int32Array {
    this.build(this.articles.length - 1);
    let selection = from;
    for (const term of query.terms)
      selection = keep(selection, this.articles.length, this.test(term, marks));
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

  private test(term: SearchTerm, marks: Marks | undefined): (i: number) => boolean {
    const { negated } = term;
    const { dates, titles, labels, articles } = this;
    switch (term.kind) {
      case 'after':
        return (i) => dates[i]! >= term.time !== negated;
      case 'before':
        return (i) => dates[i]! < term.time !== negated;
      case 'text': {
        const text = term.text;
        return (i) => (titles[i]!.includes(text) || labels[i]!.rest.includes(text)) !== negated;
      }
      case 'field': {
        const text = term.text;
        if (term.field === 'title') return (i) => titles[i]!.includes(text) !== negated;
        const field = term.field;
        return (i) => fieldHolds(field, labels[i]![field], text) !== negated;
      }
      case 'is': {
        const mark = term.mark;
        return (i) => hasMark(marks, articles[i]!.absolutePath, mark) !== negated;
      }
    }
  }
}

/** One `Labels` object for each author, categories and tags, by identity: repeated values are shared objects already. */
class LabelsCache {
  private readonly byAuthor = new Map<string | null, Map<unknown, Map<unknown, Labels>>>();

  of(article: Article): Labels {
    let byCategories = this.byAuthor.get(article.author);
    if (!byCategories) this.byAuthor.set(article.author, (byCategories = new Map()));
    let byTags = byCategories.get(article.categories);
    if (!byTags) byCategories.set(article.categories, (byTags = new Map()));
    let labels = byTags.get(article.tags);
    if (!labels) byTags.set(article.tags, (labels = labelsOf(article)));
    return labels;
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
