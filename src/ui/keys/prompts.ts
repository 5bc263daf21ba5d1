// The line typed at the bottom: opened by `/`, ended with Enter (each kind carried out) or Esc.
import type { Command } from '../keymap.js';
import { findMatches } from '../find.js';
import { nextMatch } from '../moves.js';
import { openPrompt } from '../prompt.js';
import { dispatchCommand, type BrowserContext, type Handler } from './context.js';
import { submitPipe } from './hand-overs.js';
import { submitCopy, submitLink } from './links.js';
import { confirmMarkAll } from './marks.js';
import { nextUnreadArticle } from './reading.js';
import { quoted } from '../../text/profile.js';

/** Enter: what was typed is carried out (and remembered, for filters, searches and commands). */
export function submitPrompt(browser: BrowserContext): void {
  const { view, reader, reading, extent, dispatch, say } = browser;
  const prompt = view.prompt;
  if (!prompt) return;
  const text = prompt.text.trim();
  let matchLines = extent.matchLines;
  switch (prompt.kind) {
    case 'link':
      submitLink(browser, text);
      break;
    case 'copy':
      submitCopy(browser, text);
      break;
    case 'filter':
      reading.remember('filter', prompt.text);
      break;
    case 'search':
      reading.remember('search', prompt.text);
      // The reducer goes to the first match of what was typed, not of the search before.
      matchLines = reader.lines ? findMatches(reader.lines, prompt.text).map((m) => m.row) : [];
      if (text && matchLines.length === 0) say(`no match for ${quoted(text)}`);
      break;
    case 'pipe':
      submitPipe(browser, text);
      break;
    case 'confirm':
      break;
  }
  dispatch({ type: 'endPrompt', keep: true, extent: { ...extent, matchLines } });
}

/** Esc: the prompt closed, and what it changed as it was typed (a filter) put back. */
export function cancelPrompt({ dispatch, extent }: BrowserContext): void {
  dispatch({ type: 'endPrompt', keep: false, extent });
}

/** A yes or a no to the question asked: only `A` asks one. */
export function confirm(browser: BrowserContext, yes: boolean): void {
  confirmMarkAll(browser, yes);
}

/** To the next (or previous) match of the article search; said when there is none, or when it went round. */
function toMatch(browser: BrowserContext, direction: 1 | -1): void {
  const { view, reader, extent, say } = browser;
  if (!view.search) return say('no search: / searches the article');
  if (reader.matchLines.length === 0) return say(`no match for ${quoted(view.search)}`);
  const at = { matchIndex: view.matchIndex, readerTop: reader.top };
  if (nextMatch(at, extent, direction)?.wrapped)
    say(direction > 0 ? 'wrapped: back to the first match' : 'wrapped: on from the last match');
  dispatchCommand(browser, direction > 0 ? 'nextMatch' : 'previousMatch');
}

export const promptHandlers = {
  /** `/`: the list's filter, or in the reader a search, offering the last one. */
  find: ({ view, reading, dispatch }) =>
    dispatch({
      type: 'startPrompt',
      prompt:
        view.screen === 'reader'
          ? openPrompt('search', '/', view.search, reading.history('search'))
          : openPrompt('filter', '/', view.filter, reading.history('filter')),
    }),
  /** `n` and `N` in the reader, said when there is nothing to go to, or when they went round. */
  /** With no search on, `n` goes to the next unread article, as in the list. */
  nextMatch: (browser) => (browser.view.search ? toMatch(browser, 1) : nextUnreadArticle(browser)),
  previousMatch: (browser) => toMatch(browser, -1),
} satisfies Partial<Record<Command, Handler>>;
