// Links: opened in the web browser, or copied to the clipboard (OSC 52).
import type { Command } from '../keymap.js';
import type { Article } from '../../corpus/article.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { openableUrl } from '../../text/urls.js';
import { openPrompt } from '../prompt.js';
import type { BrowserContext, Handler } from './context.js';

/** Opens a web or mail link, and says what happened; anything else is shown, not opened. */
export function openLink({ effects, say }: BrowserContext, raw: string): void {
  const url = openableUrl(raw);
  const shown = sanitizeLine(raw);
  if (!url) return say(`not opened (only web and mail links open): ${shown}`);
  void effects
    .openUrl(url)
    .then((failure) => say(failure ? `could not open ${shown}: ${failure}` : `opened ${shown}`));
}

export function copy({ effects, say }: BrowserContext, text: string): void {
  effects.copy(text);
  say(`copied ${sanitizeLine(text)}`);
}

function openSource(browser: BrowserContext, article: Article | null): void {
  if (article?.link) return openLink(browser, article.link);
  browser.say('this article has no source link');
}

/** The source link, or the file's path when there is none. */
function copySource(browser: BrowserContext, article: Article | null): void {
  if (article) copy(browser, article.link ?? article.absolutePath);
}

/** The link numbered as typed, or a sentence saying there is none. */
function linkNumbered({ reader, say }: BrowserContext, text: string): string | null {
  const n = Number.parseInt(text, 10);
  const url = reader.references.find((reference) => reference.n === n)?.target;
  if (!url) say(`no link [${sanitizeLine(text)}] in this article`);
  return url ?? null;
}

/** Enter on the link number prompt: that link opened. */
export function submitLink(browser: BrowserContext, text: string): void {
  const url = linkNumbered(browser, text);
  if (url) openLink(browser, url);
}

/** Enter on the copy prompt: that link copied, or the source link with nothing typed. */
export function submitCopy(browser: BrowserContext, text: string): void {
  if (text === '') return copySource(browser, browser.article);
  const url = linkNumbered(browser, text);
  if (url) copy(browser, url);
}

/** A digit typed in an article: the link number prompt, with the digit in it. */
export function startLinkNumber(browser: BrowserContext, digit: string): void {
  const prompt = openPrompt('link', 'open link number: ', digit);
  browser.dispatch({ type: 'startPrompt', prompt: { ...prompt, selected: false } });
}

export const linkHandlers = {
  openLink: (browser) => {
    if (browser.view.screen !== 'reader') return openSource(browser, browser.article);
    browser.dispatch({ type: 'startPrompt', prompt: openPrompt('link', 'open link number: ') });
  },
  openSource: (browser) => openSource(browser, browser.article),
  /** `L`: the article's links and pictures, as a menu. */
  links: (browser) => {
    if (browser.view.screen === 'reader') browser.dispatch({ type: 'openLinkMenu' });
  },
  copy: (browser) => {
    if (browser.view.screen !== 'reader') return copySource(browser, browser.article);
    const prompt = openPrompt('copy', 'copy link number (Enter: the source link): ');
    browser.dispatch({ type: 'startPrompt', prompt });
  },
} satisfies Partial<Record<Command, Handler>>;
