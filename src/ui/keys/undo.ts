// Undo: the marking actions (m, A, s, an article read by opening it) taken back, the last first.
import type { Article } from '../../corpus/article.js';
import type { Recalled } from '../../state/reading.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { truncateToWidth } from '../../text/width.js';
import type { Command } from '../keymap.js';
import { dispatchCommand, type Handler } from './context.js';

/** Steps kept: the last this many marking actions can be taken back. */
const DEPTH = 100;

/** A marking action, as it can be taken back: what the state held before it, and what it did. */
export interface MarkStep {
  /** What was done, as the status line says it (`marked read “Title”`). */
  said: string;
  /** The entries of the articles it changed, as they were before. */
  before: Recalled;
  /** The one article it marked, to be selected again when it is taken back. */
  article?: string;
  /** It was the article read by opening it: taking it back in the reader goes back to the list. */
  opened?: boolean;
}

/** The marking actions done, the last at the end; at most DEPTH of them. */
export class MarkHistory {
  private readonly steps: MarkStep[] = [];

  push(step: MarkStep): void {
    this.steps.push(step);
    if (this.steps.length > DEPTH) this.steps.shift();
  }

  pop(): MarkStep | undefined {
    return this.steps.pop();
  }

  get size(): number {
    return this.steps.length;
  }
}

/** An article as the status line names it: its title, quoted, cut short. */
export function named(article: Article): string {
  return `“${truncateToWidth(sanitizeLine(article.title), 40)}”`;
}

export const undoHandlers = {
  /** `z`: the last marking action taken back, and said; the list made again with the article selected. */
  undo: (browser) => {
    const { reading, history, view, dispatch, say } = browser;
    const step = history.pop();
    if (!step) return say('nothing to undo');
    reading.restore(step.before);
    say(`undone: ${step.said}`);
    if (view.screen === 'reader') {
      // The article being read is unread again: the reader leaves it, as `m` does.
      if (!(step.opened && step.article === browser.article?.absolutePath)) return;
      dispatchCommand(browser, 'back');
    }
    dispatch({ type: 'relist', ...(step.article ? { select: step.article } : {}) });
  },
} satisfies Partial<Record<Command, Handler>>;
