import { graphemes } from '../text/width.js';

/** What a line typed at the bottom is for. */
export type PromptKind = 'filter' | 'search' | 'link' | 'copy' | 'pipe' | 'confirm';

/**
 * A line being typed, edited as readline edits one: a cursor (in characters
 * as a person counts them), the previous line offered selected (typing
 * replaces it, a movement keeps it), and a history walked with ↑ and ↓.
 */
export interface Prompt {
  kind: PromptKind;
  /** What the prompt says before the text (the question, for a confirmation). */
  label: string;
  text: string;
  /** Where the cursor is, in graphemes from the start. */
  cursor: number;
  /** The whole text is selected: typing replaces it. */
  selected: boolean;
  /** The value before the prompt opened, given back by Esc. */
  before: string;
  history: readonly string[];
  /** The history line shown, or `history.length` for the line being typed. */
  historyAt: number;
  /** The line being typed, kept while the history is walked. */
  draft: string;
}

export function openPrompt(
  kind: PromptKind,
  label: string,
  text = '',
  history: readonly string[] = [],
): Prompt {
  return {
    kind,
    label,
    text,
    cursor: graphemes(text).length,
    selected: text !== '',
    before: text,
    history,
    historyAt: history.length,
    draft: text,
  };
}

/**
 * The prompt after a key (named as `keyName` names it) or typed text:
 * characters insert at the cursor, ←/→ and Ctrl+A/Home, Ctrl+E/End move,
 * Backspace erases before the cursor, Ctrl+U erases to the start, Ctrl+W the
 * word before the cursor, ↑/↓ walk the history. Any key but a movement ends
 * the selection of the offered line (Backspace erases it whole).
 */
export function editPrompt(prompt: Prompt, name: string, typed: string): Prompt {
  const characters = graphemes(prompt.text);
  const at = Math.min(prompt.cursor, characters.length);
  const set = (list: string[], cursor: number): Prompt => ({
    ...prompt,
    text: list.join(''),
    cursor,
    selected: false,
    historyAt: prompt.history.length,
    draft: list.join(''),
  });
  switch (name) {
    case 'left':
      return { ...prompt, cursor: prompt.selected ? 0 : Math.max(0, at - 1), selected: false };
    case 'right':
      return { ...prompt, cursor: Math.min(characters.length, at + 1), selected: false };
    case 'home':
    case 'ctrl+a':
      return { ...prompt, cursor: 0, selected: false };
    case 'end':
    case 'ctrl+e':
      return { ...prompt, cursor: characters.length, selected: false };
    case 'backspace':
      if (prompt.selected) return set([], 0);
      return at === 0
        ? prompt
        : set([...characters.slice(0, at - 1), ...characters.slice(at)], at - 1);
    case 'ctrl+u':
      return set(prompt.selected ? [] : characters.slice(at), 0);
    case 'ctrl+w': {
      if (prompt.selected) return set([], 0);
      let start = at;
      while (start > 0 && /\s/.test(characters[start - 1]!)) start--;
      while (start > 0 && !/\s/.test(characters[start - 1]!)) start--;
      return set([...characters.slice(0, start), ...characters.slice(at)], start);
    }
    case 'up':
    case 'down': {
      const historyAt = Math.max(
        0,
        Math.min(prompt.history.length, prompt.historyAt + (name === 'up' ? -1 : 1)),
      );
      if (historyAt === prompt.historyAt) return prompt;
      const text = historyAt === prompt.history.length ? prompt.draft : prompt.history[historyAt]!;
      return { ...prompt, text, cursor: graphemes(text).length, selected: false, historyAt };
    }
    default: {
      if (!typed) return prompt;
      const inserted = graphemes(typed);
      if (prompt.selected) return set(inserted, inserted.length);
      return set(
        [...characters.slice(0, at), ...inserted, ...characters.slice(at)],
        at + inserted.length,
      );
    }
  }
}
