import type { Article } from '../corpus/article.js';
import { fieldHolds, hasMark, labelsOf, SEPARATOR, type Labels, type Marks } from './match.js';
import type { SearchQuery, SearchTerm } from './parse.js';

/** Titles lower-cased and searched as one string, each followed by the separator no query holds. */
const RUN = 4096;

/** Some of a list's articles, by position, in list order; null stands for all of them. */
export type Selection = Int32Array | null;

/** A selection as the list shows it: the articles, their dates side by side for grouping, and their positions. */
export interface Listing {
  articles: readonly Article[];
  dates: Float64Array;
  positions: Selection;
}

/**
 * A list of articles held the way a filter reads it: every title lower-cased
 * into one string, the rest of each article's fields as one shared object for
 * all articles filed alike (a feed's thousands of items share an author and
 * categories), and the dates in a typed array. A filter keystroke over 100 000
 * articles then searches one string and short arrays instead of visiting
 * 100 000 objects, and its answer is a typed array of positions. The
 * lower-cased titles are made a few thousand at a time, each run joined
 * and lower-cased as one string: no string an article is made, and none of
 * them is held twice.
 */
export class ArticleColumns {
  readonly dates: Float64Array;
  /** Each article's labels as a number: the place of its labels in `distinct`. */
  private readonly labelIds: Int32Array;
  private readonly distinct: Labels[] = [];
  private readonly idOf = new Map<Labels, number>();
  private readonly shared = new LabelsCache();
  private built = 0;
  /** The lower-cased titles, RUN at a time, each followed by a separator no query holds. */
  private readonly runs: string[] = [];
  /** Where each title starts in its run. */
  private readonly starts: Int32Array;
  /** The last test `count` asked about, and its answer for every article. */
  private flagged: { test: (article: Article) => boolean; flags: Uint8Array } | null = null;

  constructor(readonly articles: readonly Article[]) {
    this.dates = Float64Array.from(articles, (article) => article.date);
    this.starts = new Int32Array(articles.length);
    this.labelIds = new Int32Array(articles.length);
  }

  /**
   * Lower-cases the fields of the articles in order, up to the `i`th, so the
   * work can be spread over idle moments; a filter finishes what is left.
   */
  build(i: number): void {
    const { articles } = this;
    for (; this.built <= i && this.built < articles.length; this.built++) {
      const article = articles[this.built]!;
      if (this.built % RUN === 0) this.makeRun(this.built);
      const labels = this.shared.of(article);
      let id = this.idOf.get(labels);
      if (id === undefined) {
        id = this.distinct.push(labels) - 1;
        this.idOf.set(labels, id);
      }
      this.labelIds[this.built] = id;
    }
  }

  /** The run of titles from the `first`th, joined and lower-cased at once where that keeps each in its place. */
  private makeRun(first: number): void {
    const titles = this.articles.slice(first, first + RUN).map((article) => article.title);
    let run = `${titles.join(SEPARATOR)}${SEPARATOR}`.toLowerCase();
    // A few letters lower-case to more than one character (İ): then each title is lowered on its own.
    if (run.length !== titles.reduce((n, title) => n + title.length + 1, 0)) {
      titles.forEach((title, k) => (titles[k] = title.toLowerCase()));
      run = `${titles.join(SEPARATOR)}${SEPARATOR}`;
    }
    let at = 0;
    titles.forEach((title, k) => {
      this.starts[first + k] = at;
      at += title.length + 1;
    });
    this.runs.push(run);
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
      selection = keep(selection, this.articles.length, this.test(term, marks, selection));
    return selection ?? everyPosition(this.articles.length);
  }

  /** The positions, from `from`, of the articles passing a test of the article itself. */
  where(test: (article: Article) => boolean, from: Selection = null): Int32Array {
    const { articles } = this;
    return keep(from, articles.length, (i) => test(articles[i]!));
  }

  listing(selection: Selection): Listing {
    if (!selection) return { articles: this.articles, dates: this.dates, positions: null };
    const articles = new Array<Article>(selection.length);
    const dates = new Float64Array(selection.length);
    for (let k = 0; k < selection.length; k++) {
      articles[k] = this.articles[selection[k]!]!;
      dates[k] = this.dates[selection[k]!]!;
    }
    return { articles, dates, positions: selection };
  }

  /** The first `count` of a listing. */
  first(listing: Listing, count: number): Listing {
    if (listing.articles.length <= count) return listing;
    return {
      articles: listing.articles.slice(0, count),
      dates: listing.dates.subarray(0, count),
      positions: listing.positions?.subarray(0, count) ?? everyPosition(count),
    };
  }

  /**
   * How many articles of a listing pass `test` (whether each is read, say):
   * every article is tested once for a given test, then a listing's count is
   * a sum over its positions, not a visit to each of its articles.
   */
  count(listing: Listing, test: (article: Article) => boolean): number {
    if (this.flagged?.test !== test) {
      const flags = new Uint8Array(this.articles.length);
      this.articles.forEach((article, i) => {
        if (test(article)) flags[i] = 1;
      });
      this.flagged = { test, flags };
    }
    const { flags } = this.flagged;
    let n = 0;
    if (listing.positions) for (const i of listing.positions) n += flags[i]!;
    else for (let i = 0; i < flags.length; i++) n += flags[i]!;
    return n;
  }

  /**
   * The titles that hold `text`, as one flag an article: one pass of
   * `indexOf` over each run of titles (a string search the engine does at
   * memory speed) rather than one call an article.
   */
  private titlesHolding(text: string): Uint8Array {
    const { runs, starts } = this;
    const hits = new Uint8Array(this.articles.length);
    runs.forEach((run, r) => {
      const first = r * RUN;
      const last = Math.min(first + RUN, starts.length) - 1;
      let article = first;
      for (let at = run.indexOf(text); at >= 0;) {
        while (article < last && starts[article + 1]! <= at) article++;
        hits[article] = 1;
        if (article === last) break;
        at = run.indexOf(text, starts[article + 1]!);
      }
    });
    return hits;
  }

  /** Whether the lower-cased title of the article at `i` holds `text`: a slice of its run, not a copy. */
  private titleHolds(i: number, text: string): boolean {
    const run = this.runs[Math.floor(i / RUN)]!;
    const end =
      (i + 1) % RUN === 0 || i + 1 === this.starts.length ? run.length : this.starts[i + 1]!;
    return run.slice(this.starts[i]!, end - 1).includes(text);
  }

  /** Whether the title at a position holds `text`: searched all at once over many articles, else one by one. */
  private inTitles(text: string, wide: boolean): (i: number) => boolean {
    if (!wide) return (i) => this.titleHolds(i, text);
    const hits = this.titlesHolding(text);
    return (i) => hits[i] === 1;
  }

  /** Whether a term holds, worked out once for each distinct set of labels, not for every article. */
  private byLabels(holds: (labels: Labels) => boolean): (i: number) => boolean {
    const answers = Uint8Array.from(this.distinct, (labels) => (holds(labels) ? 1 : 0));
    const { labelIds } = this;
    return (i) => answers[labelIds[i]!] === 1;
  }

  private test(
    term: SearchTerm,
    marks: Marks | undefined,
    from: Selection,
  ): (i: number) => boolean {
    const { negated } = term;
    const { dates, articles } = this;
    // Over many articles, the titles are searched all at once.
    const wide = from === null || from.length > articles.length / 16;
    switch (term.kind) {
      case 'after':
        return (i) => dates[i]! >= term.time !== negated;
      case 'before':
        return (i) => dates[i]! < term.time !== negated;
      case 'text': {
        const text = term.text;
        const inTitle = this.inTitles(text, wide);
        const inLabels = this.byLabels((labels) => labels.rest.includes(text));
        return (i) => (inTitle(i) || inLabels(i)) !== negated;
      }
      case 'field': {
        const text = term.text;
        if (term.field === 'title') {
          const inTitle = this.inTitles(text, wide);
          return (i) => inTitle(i) !== negated;
        }
        const field = term.field;
        const holds = this.byLabels((labels) => fieldHolds(field, labels[field], text));
        return (i) => holds(i) !== negated;
      }
      case 'is': {
        const mark = term.mark;
        return (i) => hasMark(marks, articles[i]!, mark) !== negated;
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
