import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { paint } from '../render/theme.js';
import type { Look } from './look.js';

/** What the status line says: on the left what is shown, on the right the key hints for the screen. */
export function statusText(s: {
  loading: string | null;
  screen: string;
  /** The folder browsed, as a person names it (`~/blog/source/_posts`, `demo articles`). */
  folder: string;
  count: number;
  total: number;
  unread: number;
  /** Only the newest articles are there yet: the counts are not the folder's. */
  partial?: boolean;
  limit: number | null;
  focus: 'list' | 'tree';
  category: string | null;
  filter: string;
  /** What in the filter could not be read (`not a date: 2026-1`). */
  filterProblem?: string;
  problems: number;
  title: string;
  starred: boolean;
  position: string;
  match: string;
  image: string;
  notice: string | null;
}): { left: string; right: string } {
  const parts: string[] = [];
  if (s.loading) parts.push(s.loading);
  if (s.screen === 'reader') {
    // What was just said and the search first: a long title gives way to them.
    parts.push(s.position);
    if (s.notice) parts.push(s.notice);
    if (s.match) parts.push(`match ${s.match}`);
    parts.push(s.starred ? `★ ${s.title}` : s.title);
  } else {
    const articles = `article${s.total === 1 ? '' : 's'}`;
    const total = s.partial ? `the newest ${s.total}` : `${s.total}`;
    parts.push(s.count === s.total ? `${total} ${articles}` : `${s.count} of ${total} ${articles}`);
    // Of some articles only, an unread count would be a number the folder does not have.
    parts.push(s.partial ? 'reading the rest…' : `${s.unread} unread`);
    if (s.category) parts.push(`in ${s.category}`);
    if (s.filter) parts.push(`filter: ${s.filter}`);
    if (s.filterProblem) parts.push(`(${s.filterProblem}: left out)`);
    if (s.limit !== null) parts.push(`first ${s.limit}`);
    // The folder last: where space is short, what is shown matters more than where from.
    if (s.folder) parts.push(s.folder);
  }
  if (s.problems > 0) parts.push(`${s.problems} problem${s.problems === 1 ? '' : 's'} (!)`);
  if (s.notice && s.screen !== 'reader') parts.push(s.notice);
  if (s.screen === 'image') return { left: ` ${s.image}`, right: 'any key returns ' };
  const right =
    s.screen === 'reader'
      ? 'Space next  / search  o link  q back  ? help '
      : s.screen === 'help'
        ? 'j k scroll  any other key returns '
        : s.screen === 'problems'
          ? 'j k choose  Enter show the file  q back '
          : s.focus === 'tree'
            ? 'Enter show  l h open/close  q close  ? help '
            : '/ filter  n unread  Tab categories  ? help  q quit ';
  return { left: ` ${parts.filter(Boolean).join(' · ')}`, right };
}

/** The status line: the left text, and the hints where there is room for them, in inverse video. */
export function statusLine(width: number, left: string, right: string, look: Look): string {
  const safeLeft = truncateToWidth(sanitizeLine(left), width);
  const room = width - displayWidth(safeLeft) - 2;
  const hints = room >= displayWidth(right) ? right : '';
  const line = padToWidth(safeLeft, width - displayWidth(hints)) + hints;
  return paint(line, { inverse: true }, look.palette);
}
