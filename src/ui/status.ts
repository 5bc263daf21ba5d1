import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { paint } from '../render/theme.js';
import { DEFAULT_LOOK, type Look } from './look.js';
import {
  DEFAULT_BINDINGS,
  keyFor,
  type Command,
  type KeyBindings,
  type KeyContext,
} from './keymap.js';

/**
 * A key hint of the status line (`? help`), and how long it stays when room
 * is short: the lowest `rank` goes last.
 */
export interface Hint {
  text: string;
  rank: number;
  /** Kept even where the left text must be cut short for it (`? help`, unless something was just said). */
  stays?: boolean;
}

/** Each screen's hints, in the order shown: the command, what the hint calls it, and its rank. */
const HINTS: Record<string, { context: KeyContext; hints: Array<[Command, string, number]> }> = {
  list: {
    context: 'list',
    hints: [['find', 'filter', 2], ['nextUnread', 'unread', 3], ['toggleTree', 'categories', 4], ['help', 'help', 0], ['quit', 'quit', 1]],
  },
  tree: {
    context: 'tree',
    hints: [['open', 'show', 2], ['expand', 'open', 3], ['collapse', 'close', 3], ['back', 'back', 1], ['help', 'help', 0]],
  },
  reader: {
    context: 'reader',
    hints: [['pageDown', 'next', 2], ['find', 'search', 3], ['openLink', 'link', 4], ['back', 'back', 1], ['help', 'help', 0]],
  },
}; // prettier-ignore

/** The hints of a screen, with the keys in force: a command with no key left has none. */
function hintsOf(
  screen: string,
  focus: 'list' | 'tree',
  keys: KeyBindings,
  single = false,
  noUnread = false,
): Hint[] {
  if (screen === 'image') return [{ text: 'any key returns', rank: 0 }];
  if (screen === 'help') {
    const scroll = [keyFor(keys, 'list', 'down'), keyFor(keys, 'list', 'up')].filter(Boolean);
    return [
      ...(scroll.length ? [{ text: `${scroll.join(' ')} scroll`, rank: 1 }] : []),
      { text: 'any other key returns', rank: 0 },
    ];
  }
  if (screen === 'problems')
    return [
      { text: `${keyFor(keys, 'list', 'down') ?? ''} ${keyFor(keys, 'list', 'up') ?? ''} choose`.trim(), rank: 1 },
      { text: 'Enter show the file', rank: 2 },
      { text: 'any other key returns', rank: 0 },
    ]; // prettier-ignore
  const { context, hints } =
    HINTS[screen === 'reader' ? 'reader' : focus === 'tree' ? 'tree' : 'list']!;
  return hints.flatMap(([command, label, rank]) => {
    if (noUnread && command === 'nextUnread') return [];
    const key = keyFor(keys, context, command);
    // One article (a file, standard input) has no list to go back to: leaving it quits.
    // Nor is there a next article: Space pages.
    const said =
      single && command === 'back' ? 'quit' : single && command === 'pageDown' ? 'page' : label;
    return key ? [{ text: `${key} ${said}`, rank }] : [];
  });
}

/** What the status line says: on the left what is shown, on the right the key hints for the screen. */
export function statusText(
  s: {
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
    /** One article, not a folder: the reader's way back quits. */
    single?: boolean;
  },
  keys: KeyBindings = DEFAULT_BINDINGS,
  { glyphs }: Pick<Look, 'glyphs'> = DEFAULT_LOOK,
): { left: string; right: Hint[] } {
  // What was just said first: it is what the line is for at that moment. Then
  // what is shown, and where from last, so that a short line cuts the folder
  // (or the title) first, then the counts.
  const parts: string[] = [];
  if (s.notice) parts.push(s.notice);
  if (s.loading) parts.push(s.loading);
  if (s.screen === 'reader') {
    // The search next: a long title gives way to it.
    parts.push(s.position);
    if (s.match) parts.push(`match ${s.match}`);
    if (s.problems > 0) parts.push(problems(s.problems));
    parts.push(s.starred ? `${glyphs.star} ${s.title}` : s.title);
  } else {
    const articles = `article${s.total === 1 ? '' : 's'}`;
    const total = s.partial ? `the newest ${s.total}` : `${s.total}`;
    parts.push(s.count === s.total ? `${total} ${articles}` : `${s.count} of ${total} ${articles}`);
    // Of some articles only, an unread count would be a number the folder does not have.
    parts.push(s.partial ? `reading the rest${glyphs.ellipsis}` : `${s.unread} unread`);
    if (s.category) parts.push(`in ${s.category}`);
    if (s.filter) parts.push(`filter: ${s.filter}`);
    if (s.filterProblem) parts.push(`(${s.filterProblem}: left out)`);
    if (s.limit !== null) parts.push(`first ${s.limit}`);
    if (s.problems > 0) parts.push(problems(s.problems));
    // The folder last: where space is short, what is shown matters more than where from.
    if (s.folder) parts.push(s.folder);
  }
  // `? help` stays, the folder or the title cut short for it; not what was just said.
  const said = Boolean(s.notice || s.filterProblem);
  // An empty list, or one with nothing unread, has no unread article to go to.
  const noUnread = s.count === 0 || (!s.partial && s.unread === 0);
  const right = hintsOf(s.screen, s.focus, keys, s.single, noUnread).map((hint) =>
    hint.rank === 0 && !said ? { ...hint, stays: true } : hint,
  );
  if (s.screen === 'image') return { left: ` ${s.image}`, right };
  return { left: ` ${parts.filter(Boolean).join(glyphs.separator)}`, right };
}

function problems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'} (!)`;
}

/**
 * The status line in inverse video: the left text, and on the right as many
 * hints as there is room for, the lowest ranked kept longest. A hint that
 * stays is kept while the line is wide enough for it and some of the left
 * text: the left text is cut short for it.
 */
export function statusLine(
  width: number,
  left: string,
  right: readonly Hint[],
  look: Look,
): string {
  const text = sanitizeLine(left);
  const widthOf = (hints: readonly Hint[]) =>
    hints.reduce((sum, hint) => sum + displayWidth(hint.text) + 2, 0);
  const byRank = [...right].sort((a, b) => a.rank - b.rank);
  const staying = byRank.filter((hint) => hint.stays);
  const kept = widthOf(staying) + 30 <= width ? staying : [];
  const shown = truncateToWidth(text, width - widthOf(kept) - (kept.length ? 1 : 0));
  let room = width - displayWidth(shown) - 2 - widthOf(kept);
  for (const hint of byRank.filter((hint) => !kept.includes(hint))) {
    const need = displayWidth(hint.text) + 2;
    if (need > room) break;
    kept.push(hint);
    room -= need;
  }
  const hints = right.filter((hint) => kept.includes(hint)).map((hint) => hint.text);
  const tail = hints.length ? `${hints.join('  ')} ` : '';
  return paint(
    padToWidth(shown, width - displayWidth(tail)) + tail,
    { inverse: true },
    look.palette,
  );
}
