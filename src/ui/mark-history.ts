// The marking actions done, kept to be taken back, the last first.
import type { Recalled } from '../state/reading.js';

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
