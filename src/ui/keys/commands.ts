// What each key does: its intent (decided from the view alone) carried out by a handler of its kind.
import type { KeyIntent } from '../key-intent.js';
import type { Command } from '../keymap.js';
import { dispatchCommand, type BrowserContext, type Handler } from './context.js';
import { handOverHandlers } from './hand-overs.js';
import { linkHandlers, startLinkNumber } from './links.js';
import { linkMenuKey } from './link-menu.js';
import { markHandlers } from './marks.js';
import { cancelPrompt, confirm, promptHandlers, submitPrompt } from './prompts.js';
import { openArticle, quit, readingHandlers } from './reading.js';
import { treeHandlers } from './tree.js';
import { undoHandlers } from './undo.js';

/** In the category tree (not in help or an article opened from it). */
const inTree = ({ view }: BrowserContext) => view.focus === 'tree' && view.screen !== 'reader';

/**
 * The commands that do more than change the view. Any other command (the
 * movements, help, the tree's Tab) is the reducer's alone.
 */
const HANDLERS: Partial<Record<Command, Handler>> = {
  ...readingHandlers,
  ...markHandlers,
  ...linkHandlers,
  ...handOverHandlers,
  ...promptHandlers,
  ...undoHandlers,
  expand: treeHandlers.expand,
  collapse: treeHandlers.collapse,
  // Enter and q in the tree: a category shown, the tree closed.
  open: (browser) =>
    inTree(browser) ? treeHandlers.open(browser) : openArticle(browser, browser.index),
  quit: (browser) => (inTree(browser) ? dispatchCommand(browser, 'quit') : quit(browser)),
};

/** Carries out a command, as its key does. */
export function runCommand(browser: BrowserContext, command: Command): void {
  const handler = HANDLERS[command];
  if (handler) handler(browser);
  else dispatchCommand(browser, command);
}

/** Carries out what a key press means. */
export function carryOut(browser: BrowserContext, intent: KeyIntent): void {
  switch (intent.kind) {
    case 'quit':
      return quit(browser);
    case 'endPrompt':
      if (intent.submit) submitPrompt(browser);
      else cancelPrompt(browser);
      if (intent.then)
        carryOut({ ...browser, view: { ...browser.view, prompt: null } }, intent.then);
      return;
    case 'editPrompt':
      return browser.dispatch({ type: 'editPrompt', name: intent.name, typed: intent.text });
    case 'confirm':
      return confirm(browser, intent.yes);
    case 'closeImage':
      return browser.dispatch({ type: 'closeImage' });
    case 'closePage':
      return dispatchCommand(browser, intent.command);
    case 'linkMenu':
      return linkMenuKey(browser, intent.name, intent.text);
    case 'linkNumber':
      return startLinkNumber(browser, intent.digit);
    case 'command':
      return runCommand(browser, intent.command);
    case 'none':
      return;
  }
}
