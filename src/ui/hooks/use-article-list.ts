import { useMemo } from 'react';
import type { Article, Corpus } from '../../corpus/article.js';
import { buildCategoryTree } from '../../corpus/category-tree.js';
import { inCategory } from '../../query/filter.js';
import { groupByDate, type GroupedList } from '../../query/group.js';
import type { Marks } from '../../query/match.js';
import { needsMarks, parseQuery, type SearchQuery } from '../../query/parse.js';
import { flattenTree, type TreeRow } from '../list-rows.js';
import { useArticleColumns } from './use-article-columns.js';
import {
  useBodySearch,
  usePreparedBodies,
  type BrowserBodies,
  type Progress,
} from './use-body-search.js';
import { useNarrowingFilter } from './use-narrowing-filter.js';

export interface ArticleList {
  /** Every article of the folder: what the counts are out of. */
  base: readonly Article[];
  /** The articles shown, in list order, and their rows with date headings. */
  visible: readonly Article[];
  /** How many of them are unread. */
  unread: number;
  grouped: GroupedList;
  treeRows: TreeRow[];
  /** How far the body index is being brought up to date in the background, while it is. */
  indexing: Progress | null;
  /** True while the filter's search of article text runs: the list is what was found so far. */
  searching: boolean;
  /** How many bodies the search has gone through, while it says. */
  searchProgress: Progress | null;
  /** The filter as read: what in it could not be read is in `ignored`. */
  query: SearchQuery;
}

/**
 * The list as the view asks for it: the category, then the filter typed
 * (fields at once, bodies a moment later when a term needs them), then the
 * limit, grouped by date; and the category tree's rows. Re-computed only
 * when one of those changes, or the marks when the filter asks about them.
 */
export function useArticleList(
  corpus: Corpus | null,
  view: {
    category: string | null;
    filter: string;
    expanded: readonly string[];
    limit: number | null;
  },
  now: number,
  /** The marks as they are now (counted), and as they were when the list was made (filtered by). */
  marks: { live: Marks; listed: Marks },
  bodiesOf?: (corpus: Corpus) => BrowserBodies,
): ArticleList {
  const base = useMemo(() => corpus?.articles ?? [], [corpus]);
  const columns = useArticleColumns(base);
  const category = useMemo(
    () => (view.category ? columns.where(inCategory(view.category)) : null),
    [columns, view.category],
  );
  const query = useMemo(() => parseQuery(view.filter), [view.filter]);
  // Marks change the list only when the filter asks about them.
  const asked = needsMarks(query) ? marks.listed : undefined;
  const byFields = useNarrowingFilter(columns, category, view.filter, query, asked);
  const searched = useMemo(() => columns.listing(category).articles, [columns, category]);
  const bodies = useMemo(() => (corpus && bodiesOf ? bodiesOf(corpus) : null), [corpus, bodiesOf]);
  const indexing = usePreparedBodies(corpus, bodies);
  const search = useBodySearch(searched, view.filter, asked, bodies);
  const { found: byBodies, sofar } = search;
  // While bodies are searched, the list is what is sure so far: the articles whose fields hold every
  // word (unless a word is to be left out, which only a body can tell), and the bodies' matches as
  // they are found.
  const sure = search.searching && !query.terms.some((t) => t.kind === 'text' && t.negated);
  const listing = useMemo(() => {
    let selection = byFields;
    if (byBodies) selection = columns.where((article) => byBodies.has(article), category);
    else if (search.searching) {
      const fields = sure ? new Set(columns.listing(byFields).articles) : new Set<Article>();
      selection = columns.where(
        (article) => fields.has(article) || (sofar?.has(article) ?? false),
        category,
      );
    }
    const all = columns.listing(selection);
    return view.limit === null ? all : columns.first(all, view.limit);
  }, [byBodies, byFields, columns, category, view.limit, search.searching, sure, sofar]);
  const unread = useMemo(
    () => listing.articles.length - columns.count(listing, marks.live.isRead),
    [columns, listing, marks.live],
  );
  const grouped = useMemo(() => groupByDate(listing.dates, now), [listing, now]);
  const tree = useMemo(() => buildCategoryTree(base), [base]);
  const treeRows = useMemo(() => flattenTree(tree, new Set(view.expanded)), [tree, view.expanded]);
  return {
    base,
    visible: listing.articles,
    unread,
    grouped,
    treeRows,
    indexing,
    searching: search.searching,
    searchProgress: search.progress,
    query,
  };
}
