// Opening, leaving and going between articles; quitting; the picture on screen; reading the folder again.
import type { Command } from '../keymap.js';
import { pictureInView, placeAt, type ReaderLine } from '../pictures.js';
import type { TextPlace } from '../../state/reading.js';
import { maxTop } from '../selectors.js';
import { dispatchCommand, type BrowserContext, type Handler } from './context.js';

/** Opens the article at `index`, at the place it was left (it is marked read once its text is on screen). */
export function openArticle(browser: BrowserContext, index: number): void {
  const article = browser.extent.articles[index];
  if (!article) return;
  const at = {
    line: browser.reading.position(article.absolutePath),
    place: browser.reading.place(article.absolutePath),
  };
  browser.dispatch({ type: 'openArticle', index, at, extent: browser.extent });
}

/**
 * Where an article read down to `top` reopens: there, or at its start when
 * it was read to the end.
 */
export function leftAt(
  lines: readonly ReaderLine[],
  top: number,
  height: number,
): { line: number; place: TextPlace | null } {
  if (top >= maxTop(lines.length, height)) return { line: 0, place: null };
  return { line: top, place: placeAt(lines, top) };
}

/** Remembers where the article being left was read to (one that could not be read is not marked). */
export function leaveArticle({ article, gone, reader, reading, extent }: BrowserContext): void {
  if (!article || gone || reader.error !== undefined || !reader.lines) return;
  const { line, place } = leftAt(reader.lines, reader.top, extent.height);
  reading.markRead(article.absolutePath, line, place);
}

/** Quits, what is not saved yet written first. */
export const quit: Handler = (browser) => {
  if (browser.view.screen === 'reader') leaveArticle(browser);
  browser.reading.save();
  browser.exit();
};

/** J and K: the next or previous article of the list, the one being left remembered. */
function step(direction: 1 | -1): Handler {
  return (browser) => {
    // Below an article no longer listed is the one in its place.
    const next = browser.index + (browser.gone && direction === 1 ? 0 : direction);
    if (next < 0 || next >= browser.extent.articles.length)
      return browser.say(next < 0 ? 'this is the first article' : 'this is the last article');
    leaveArticle(browser);
    openArticle(browser, next);
  };
}

/** `n` in an article with no search on: the next unread article of the list, the one being left remembered. */
export const nextUnreadArticle: Handler = (browser) => {
  const { articles } = browser.extent;
  for (let i = browser.index + (browser.gone ? 0 : 1); i < articles.length; i++) {
    if (browser.marks.isRead(articles[i]!)) continue;
    leaveArticle(browser);
    return openArticle(browser, i);
  }
  browser.say('no unread article below');
};

export const readingHandlers = {
  back: (browser) => {
    if (browser.view.screen === 'reader') leaveArticle(browser);
    dispatchCommand(browser, 'back');
  },
  pageDown: (browser) => {
    const { view, reader, extent } = browser;
    // Space at the end of an article goes on to the next one.
    const atEnd = reader.lines && reader.top >= maxTop(reader.lines.length, extent.height);
    if (view.screen === 'reader' && atEnd)
      return extent.articles.length <= 1 && browser.index === 0
        ? browser.say('the end of the article')
        : browser.run('nextArticle');
    dispatchCommand(browser, 'pageDown');
  },
  nextArticle: step(1),
  previousArticle: step(-1),
  viewImage: (browser) => {
    const { reader, settings, say } = browser;
    if (!settings.picturesOn) return say('pictures are off (--images none)');
    const key = reader.lines ? pictureInView(reader.lines, reader.top) : null;
    if (!key) return say('no picture here or below');
    browser.dispatch({ type: 'viewImage', key });
  },
  reload: (browser) => {
    browser.say('reading the folder again');
    // The article selected stays selected in the list read again.
    dispatchCommand(browser, 'reload');
    browser.reload();
  },
} satisfies Partial<Record<Command, Handler>>;
