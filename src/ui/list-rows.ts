import type { Article, CategoryPath } from '../corpus/article.js';
import { formatLocalDay, MONTH_NAMES } from '../corpus/dates.js';
import type { CategoryNode } from '../corpus/category-tree.js';
import type { GroupedList } from '../query/group.js';
import { startOfDay } from '../query/group.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { colors, paint } from '../render/theme.js';
import type { Look } from './look.js';
import { headed } from './selectors.js';

/** How many date headings stand at or above the row `row`, by binary search. */
function headingsUpTo(list: GroupedList, row: number): number {
  let low = 0;
  let high = list.headingRows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list.headingRows[mid]! <= row) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The heading of the date group the row `row` is in (the nearest heading at or above it). */
function headingAbove(list: GroupedList, row: number): ListRow {
  const before = headingsUpTo(list, row);
  return { kind: 'heading', label: list.headingLabels[Math.max(0, before - 1)] ?? '' };
}

/** A row of the article list: a date heading, or an article (by index into the list). */
export type ListRow = { kind: 'heading'; label: string } | { kind: 'article'; index: number };

/** One row of the list, built only for the rows on screen. */
export function rowAt(list: GroupedList, row: number): ListRow {
  const low = headingsUpTo(list, row);
  if (low > 0 && list.headingRows[low - 1] === row)
    return { kind: 'heading', label: list.headingLabels[low - 1]! };
  return { kind: 'article', index: row - low };
}

/** The time of day for today and yesterday, `Nov 24` otherwise this year (upcoming days too), the full date else. */
export function timeLabel(time: number, now: number): string {
  const d = new Date(time);
  const yesterday = startOfDay(now) - 86_400_000;
  if (time >= yesterday && time < startOfDay(now) + 86_400_000) {
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }
  if (d.getFullYear() === new Date(now).getFullYear())
    return `${MONTH_NAMES[d.getMonth()]!.slice(0, 3)} ${String(d.getDate()).padStart(2, ' ')}`;
  return formatLocalDay(time);
}

interface RowContext {
  width: number;
  now: number;
  selected: number;
  isRead: (article: Article) => boolean;
  isStarred: (article: Article) => boolean;
  /** The list does not have the keys (the category tree has): the selection is drawn quieter. */
  dimmed: boolean;
  /** Column widths shared by the rows on screen; 0 hides a column. */
  authorWidth: number;
  categoryWidth: number;
  look: Look;
}

function authorOf(article: Article): string {
  return sanitizeLine(article.author ?? '');
}

function categoryOf(article: Article): string {
  return article.categories[0] ? sanitizeLine(article.categories[0].join('/')) : '';
}

/** The widest title, author and category of a list: measured once a list, not once a screen. */
const widestOf = new WeakMap<
  readonly Article[],
  { title: number; author: number; category: number }
>();

function widest(articles: readonly Article[]): { title: number; author: number; category: number } {
  let found = widestOf.get(articles);
  if (!found) {
    found = { title: 0, author: 0, category: 0 };
    for (const article of articles) {
      found.title = Math.max(found.title, displayWidth(sanitizeLine(article.title)));
      found.author = Math.max(found.author, displayWidth(authorOf(article)));
      found.category = Math.max(found.category, displayWidth(categoryOf(article)));
    }
    widestOf.set(articles, found);
  }
  return found;
}

/** Columns of a row before its title: the marker, the time, a space each. */
const TIME_COLUMNS = 2 + 11;
/** The narrowest title the other columns leave (unless every title is narrower). */
const TITLE_AT_LEAST = 30;
const AUTHOR_AT_LEAST = 6;
const CATEGORY_AT_LEAST = 8;

/**
 * Author and category columns for a list at a width, measured over the whole
 * list (`articles`), so that they stay put as it is paged. The title comes
 * first: it keeps at least half the room (30 columns or more, or its widest),
 * and the other columns shrink for it, the category dropped first and then
 * the author where even that is too little.
 */
export function columnWidths(
  articles: readonly Article[],
  width: number,
): { authorWidth: number; categoryWidth: number } {
  const most = widest(articles);
  const free = width - TIME_COLUMNS;
  // Wide terminals give the columns room in proportion, the title keeping the most.
  let author = Math.min(most.author, Math.max(16, Math.floor(width * 0.12)));
  let category = Math.min(most.category, Math.max(24, Math.floor(width * 0.2)));
  const title = Math.min(most.title, Math.max(TITLE_AT_LEAST, Math.floor(free * 0.55)));
  const room = free - title;
  const gaps = (author ? 2 : 0) + (category ? 2 : 0);
  if (author + category + gaps > room) {
    // Shrunk in proportion to what they would have.
    const share = Math.max(0, room - gaps) / (author + category);
    const shrunkAuthor = Math.floor(author * share);
    const shrunkCategory = Math.max(0, room - gaps) - shrunkAuthor;
    if (
      (author === 0 || shrunkAuthor >= AUTHOR_AT_LEAST) &&
      (category === 0 || shrunkCategory >= CATEGORY_AT_LEAST)
    ) {
      author = author && shrunkAuthor;
      category = category && shrunkCategory;
    } else {
      category = 0;
      author = Math.min(author, room - 2);
      if (author < AUTHOR_AT_LEAST) author = 0;
    }
  }
  return { authorWidth: author, categoryWidth: category };
}

/** One screen line for a list row: a date heading, or time, title, author and category. */
function listRowLine(row: ListRow, articles: readonly Article[], context: RowContext): string {
  const { width, look } = context;
  const { palette, glyphs } = look;
  if (row.kind === 'heading') {
    const label = ` ${row.label} `;
    const rule = glyphs.rule.repeat(Math.max(0, width - displayWidth(label) - 1));
    return (
      paint(label, { bold: true, color: colors.heading }, palette) +
      paint(rule, { dim: true }, palette)
    );
  }
  const article = articles[row.index]!;
  const selected = row.index === context.selected;
  // A date the article did not give (its file's time) is marked as a guess.
  const time = `${timeLabel(article.date, context.now)}${article.dateFromFile ? '?' : ''}`;
  const author = authorOf(article);
  const category = categoryOf(article);
  const { authorWidth, categoryWidth } = context;
  const titleWidth = Math.max(
    4,
    width - 2 - 11 - (authorWidth ? authorWidth + 2 : 0) - (categoryWidth ? categoryWidth + 2 : 0),
  );
  const title = sanitizeLine(article.title);
  // The selection, the star, or both: a selected starred article takes a cell of the time's room.
  const starred = context.isStarred(article);
  const marker = selected
    ? `${glyphs.pointer}${starred ? glyphs.star : ''}`
    : starred
      ? glyphs.star
      : ' ';
  const when = padToWidth(time, 11 - displayWidth(marker));
  let line = `${marker} ${when} ${padToWidth(truncateToWidth(title, titleWidth), titleWidth)}`;
  if (authorWidth) line += `  ${padToWidth(truncateToWidth(author, authorWidth), authorWidth)}`;
  if (categoryWidth)
    line += `  ${padToWidth(truncateToWidth(category, categoryWidth), categoryWidth)}`;
  line = padToWidth(truncateToWidth(line, width), width);
  if (selected)
    return paint(line, context.dimmed ? { underline: true } : { inverse: true }, palette);
  return context.isRead(article) ? paint(line, { dim: true }, palette) : line;
}

/** A category tree row: the node, indented, with its count; the first row is every article. */
export interface TreeRow {
  node: CategoryNode | null;
  depth: number;
  open: boolean;
}

export function flattenTree(
  nodes: readonly CategoryNode[],
  expanded: ReadonlySet<string>,
): TreeRow[] {
  const rows: TreeRow[] = [{ node: null, depth: 0, open: true }];
  const pending: TreeRow[] = nodes
    .map((node) => ({ node, depth: 0, open: expanded.has(node.path) }))
    .reverse();
  while (pending.length > 0) {
    const row = pending.pop()!;
    rows.push(row);
    if (row.open && row.node) {
      for (const child of [...row.node.children].reverse()) {
        pending.push({ node: child, depth: row.depth + 1, open: expanded.has(child.path) });
      }
    }
  }
  return rows;
}

/**
 * Unread articles at or under each category path (`/`-joined), each counted
 * once per node however many of its paths lead there. The items of a feed
 * share one array of categories: articles are counted by that array, and each
 * array spelled out into nodes once, not once an article.
 */
export function unreadByCategory(
  articles: readonly Article[],
  isRead: (article: Article) => boolean,
): Map<string, number> {
  const bySet = new Map<readonly CategoryPath[], number>();
  for (const article of articles) {
    if (article.categories.length === 0 || isRead(article)) continue;
    bySet.set(article.categories, (bySet.get(article.categories) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [categories, unread] of bySet) {
    const nodes = new Set<string>();
    for (const path of categories)
      for (let depth = 1; depth <= path.length; depth++) nodes.add(path.slice(0, depth).join('/'));
    for (const node of nodes) counts.set(node, (counts.get(node) ?? 0) + unread);
  }
  return counts;
}

/** Unread articles in the tree: of all the articles, and at or under each category path. */
export interface TreeUnread {
  all: number;
  byCategory: ReadonlyMap<string, number>;
}

export function treeRowLine(
  row: TreeRow,
  total: number,
  width: number,
  selected: boolean,
  active: boolean,
  unread: TreeUnread | null,
  { palette, glyphs }: Look,
): string {
  const marker =
    row.node === null || row.node.children.length === 0
      ? ' '
      : row.open
        ? glyphs.open
        : glyphs.closed;
  const name = row.node ? sanitizeLine(row.node.name) : 'All articles';
  const all = row.node ? row.node.count : total;
  const unreadHere =
    unread && (row.node ? (unread.byCategory.get(row.node.path) ?? 0) : unread.all);
  // Unread of all, as newsboat counts them: `3/12`.
  const count = unread === null ? String(all) : `${unreadHere}/${all}`;
  const indent = '  '.repeat(row.depth);
  const room = Math.max(1, width - displayWidth(indent) - 2 - count.length - 1);
  const line =
    padToWidth(`${indent}${marker} ${truncateToWidth(name, room)}`, width - count.length - 1) +
    ` ${count}`;
  const fitted = truncateToWidth(line, width);
  if (selected) return paint(padToWidth(fitted, width), { inverse: true, dim: !active }, palette);
  return active ? fitted : paint(fitted, { dim: true }, palette);
}

/** Which part of the list is on screen, and how its rows are drawn. */
export interface ListWindow {
  top: number;
  height: number;
  width: number;
  /** Index of the selected article. */
  selected: number;
  now: number;
  isRead: (article: Article) => boolean;
  isStarred?: (article: Article) => boolean;
  dimmed?: boolean;
  /** The whole list the columns are measured over, so that paging does not move them; the articles given when absent. */
  columnsOf?: readonly Article[];
  look: Look;
}

/**
 * The list's rows from `top`, as many as fit: one string a row, styled. A date
 * heading that would sit alone on the last row, its articles below the
 * screen, is left blank: the next page starts with it.
 */
export function listWindowLines(
  rows: GroupedList,
  articles: readonly Article[],
  {
    top,
    height,
    width,
    selected,
    now,
    isRead,
    isStarred = () => false,
    dimmed = false,
    columnsOf = articles,
    look,
  }: ListWindow,
): string[] {
  // A pane that starts inside a date group has the group's heading on top.
  const heading = height > 1 && headed(rows, top) ? headingAbove(rows, top) : null;
  const shown = heading === null ? height : height - 1;
  const window = [
    ...(heading === null ? [] : [heading]),
    ...Array.from({ length: Math.max(0, Math.min(shown, rows.rowCount - top)) }, (_, i) =>
      rowAt(rows, top + i),
    ),
  ];
  const context = {
    width, now, selected, isRead, isStarred, dimmed, look, ...columnWidths(columnsOf, width),
  }; // prettier-ignore
  const lines = window.map((row) => listRowLine(row, articles, context));
  if (window.length === height && window.at(-1)?.kind === 'heading') lines[lines.length - 1] = '';
  return lines;
}
