import { useMemo } from 'react';
import type { Article, Corpus } from '../../corpus/article.js';
import { buildCategoryTree } from '../../corpus/category-tree.js';
import { matchesFilter, type ArticleFilter } from '../../query/filter.js';
import { groupByDate, type GroupedList } from '../../query/group.js';
import { parseQuery } from '../../query/parse.js';
import { flattenTree, type TreeRow } from '../list-rows.js';
import { useArticleColumns } from './use-article-columns.js';
import { useBodySearch } from './use-body-search.js';
import { useNarrowingFilter } from './use-narrowing-filter.js';

export interface ArticleList {
  /** Every article the command line's filters let through: what the counts are out of. */
  base: readonly Article[];
  /** The articles shown, in list order, and their rows with date headings. */
  visible: readonly Article[];
  grouped: GroupedList;
  treeRows: TreeRow[];
}

/**
 * The list as the view asks for it: the command line's filters, then the
 * category, then the filter typed (fields at once, bodies a moment later when
 * a term needs them), grouped by date; and the category tree's rows.
 * Re-computed only when one of those changes.
 */
export function useArticleList(
  corpus: Corpus | null,
  startFilter: ArticleFilter | undefined,
  view: { category: string | null; filter: string; expanded: readonly string[] },
  now: number,
): ArticleList {
  const base = useMemo(
    () => (corpus ? corpus.articles.filter(matchesFilter(startFilter ?? {})) : []),
    [corpus, startFilter],
  );
  const columns = useArticleColumns(base);
  const inCategory = useMemo(
    () => (view.category ? columns.where(matchesFilter({ category: view.category })) : null),
    [columns, view.category],
  );
  const query = useMemo(() => parseQuery(view.filter), [view.filter]);
  const byFields = useNarrowingFilter(columns, inCategory, view.filter, query);
  const searched = useMemo(() => columns.listing(inCategory).articles, [columns, inCategory]);
  const byBodies = useBodySearch(searched, view.filter);
  const listing = useMemo(
    () =>
      columns.listing(
        byBodies ? columns.where((article) => byBodies.has(article), inCategory) : byFields,
      ),
    [byBodies, byFields, columns, inCategory],
  );
  const grouped = useMemo(() => groupByDate(listing.dates, now), [listing, now]);
  const tree = useMemo(() => buildCategoryTree(base), [base]);
  const treeRows = useMemo(() => flattenTree(tree, new Set(view.expanded)), [tree, view.expanded]);
  return { base, visible: listing.articles, grouped, treeRows };
}
