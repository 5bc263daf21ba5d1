import { useMemo } from 'react';
import type { Article, Corpus } from '../../corpus/article.js';
import { buildCategoryTree } from '../../corpus/category-tree.js';
import { inCategory } from '../../query/filter.js';
import { groupByDate, type GroupedList } from '../../query/group.js';
import type { Marks } from '../../query/match.js';
import type { BodySource } from '../../corpus/body-index.js';
import { needsMarks, parseQuery, type SearchQuery } from '../../query/parse.js';
import { flattenTree, type TreeRow } from '../list-rows.js';
import { useArticleColumns } from './use-article-columns.js';
import { useBodySearch } from './use-body-search.js';
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
  /** How far the body index is, while a filter waits for it. */
  indexing: { done: number; total: number } | null;
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
  bodiesOf?: (corpus: Corpus) => BodySource,
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
  const { found: byBodies, indexing } = useBodySearch(searched, view.filter, asked, bodies);
  const listing = useMemo(() => {
    const all = columns.listing(
      byBodies ? columns.where((article) => byBodies.has(article), category) : byFields,
    );
    return view.limit === null ? all : columns.first(all, view.limit);
  }, [byBodies, byFields, columns, category, view.limit]);
  const unread = useMemo(
    () => listing.articles.length - columns.count(listing, marks.live.isRead),
    [columns, listing, marks.live],
  );
  const grouped = useMemo(() => groupByDate(listing.dates, now), [listing, now]);
  const tree = useMemo(() => buildCategoryTree(base), [base]);
  const treeRows = useMemo(() => flattenTree(tree, new Set(view.expanded)), [tree, view.expanded]);
  return { base, visible: listing.articles, unread, grouped, treeRows, indexing, query };
}
