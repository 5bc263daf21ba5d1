// Marks: read, unread, starred; the unread articles of the list, and the list of only them.
import type { Command } from '../keymap.js';
import { openPrompt } from '../prompt.js';
import { dispatchCommand, type BrowserContext, type Handler } from './context.js';
import { leaveArticle } from './reading.js';
import { named } from './undo.js';

/** The `is:unread` term `U` adds to the filter and takes out again. */
const UNREAD_TERM = /(^|\s)is:unread(?=\s|$)/gi;

/** The next (or previous) unread article from the selection, selected; said when there is none. */
function toUnread(direction: 1 | -1): Handler {
  return ({ extent, index, marks, dispatch, say, partial, later }) => {
    const { articles } = extent;
    for (let i = index + direction; i >= 0 && i < articles.length; i += direction)
      if (!marks.isRead(articles[i]!)) return dispatch({ type: 'select', index: i, extent });
    // Below the newest articles, the rest of the folder is still being read: looked for there once it is.
    if (direction > 0 && partial && later) {
      later('nextUnread');
      return say('reading the rest of the list: n goes on when it is read');
    }
    say(direction > 0 ? 'no unread article below' : 'no unread article above');
  };
}

/** `y` or `n` to the question `A` asked: every article shown marked read, or nothing. */
export function confirmMarkAll(browser: BrowserContext, yes: boolean): void {
  const { extent, reading, history, dispatch, say } = browser;
  dispatch({ type: 'endPrompt', keep: false, extent });
  if (!yes) return say('nothing marked');
  const unread = extent.articles
    .map((article) => article.absolutePath)
    .filter((file) => !reading.isRead(file));
  const before = reading.recall(unread);
  for (const file of unread) reading.setRead(file, true);
  const count = `${unread.length} article${unread.length === 1 ? '' : 's'}`;
  history.push({ said: `${count} marked read`, before });
  say(`${count} marked read`);
}

export const markHandlers = {
  nextUnread: toUnread(1),
  previousUnread: toUnread(-1),
  toggleRead: (browser) => {
    const { article, reading, history, view, say } = browser;
    if (!article) return;
    const file = article.absolutePath;
    const before = reading.recall([file]);
    if (view.screen === 'reader') {
      leaveArticle(browser);
      reading.setRead(file, false);
      history.push({ said: `kept unread ${named(article)}`, before, article: file });
      dispatchCommand(browser, 'back');
      return say('kept unread');
    }
    const read = !reading.isRead(file);
    // Held to its article first: a mark can take it out of the list (is:unread).
    dispatchCommand(browser, 'toggleRead');
    reading.setRead(file, read);
    history.push({
      said: `marked ${read ? 'read' : 'unread'} ${named(article)}`,
      before,
      article: file,
    });
    say(read ? 'marked read' : 'marked unread');
  },
  markAllRead: ({ extent, marks, dispatch, say }) => {
    const unread = extent.articles.filter((article) => !marks.isRead(article)).length;
    if (unread === 0) return say('every article shown is read');
    const label = `Mark ${unread} article${unread === 1 ? '' : 's'} read? (y/n) `;
    dispatch({ type: 'startPrompt', prompt: openPrompt('confirm', label) });
  },
  onlyUnread: ({ view, extent, dispatch, say }) => {
    const only = new RegExp(UNREAD_TERM.source, 'i').test(view.filter);
    const filter = only
      ? view.filter.replace(UNREAD_TERM, '').trim()
      : `${view.filter} is:unread`.trim();
    dispatch({ type: 'setFilter', filter, extent });
    say(only ? 'read articles shown again' : 'only unread articles');
  },
  star: ({ article, reading, history, say }) => {
    if (!article) return;
    const file = article.absolutePath;
    const starred = !reading.isStarred(file);
    const before = reading.recall([file]);
    reading.setStarred(file, starred);
    history.push({
      said: `${starred ? 'starred' : 'star taken off'} ${named(article)}`,
      before,
      article: file,
    });
    say(starred ? 'starred (is:starred finds it)' : 'star taken off');
  },
} satisfies Partial<Record<Command, Handler>>;
