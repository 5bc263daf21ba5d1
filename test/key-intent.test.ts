import { describe, expect, it } from 'vitest';
import { keyIntent } from '../src/ui/key-intent.js';
import { createDefaultState } from '../src/ui/state.js';

describe('what a key means', () => {
  const list = createDefaultState();
  const reader = createDefaultState({ screen: 'reader' });

  it('depends on where it is pressed', () => {
    expect(keyIntent(list, 'j', 'j')).toEqual({
      kind: 'command',
      command: 'down',
      context: 'list',
    });
    expect(keyIntent(list, 'q', 'q')).toMatchObject({ command: 'quit' });
    expect(keyIntent(reader, 'q', 'q')).toMatchObject({ command: 'back', context: 'reader' });
    expect(keyIntent(list, 'J', 'J')).toEqual({ kind: 'none' });
    expect(keyIntent(reader, 'J', 'J')).toMatchObject({ command: 'nextArticle' });
    expect(keyIntent({ ...list, focus: 'tree' }, 'l', 'l')).toMatchObject({
      command: 'expand',
      context: 'tree',
    });
    // Help opened from the reader keeps the reader's keys.
    expect(keyIntent({ ...reader, screen: 'help' }, 'j', 'j')).toEqual({
      kind: 'closePage',
      command: 'down',
    });
    expect(keyIntent({ ...list, screen: 'help' }, 'x', 'x')).toEqual({
      kind: 'closePage',
      command: 'back',
    });
    expect(keyIntent({ ...reader, screen: 'image' }, 'j', 'j')).toEqual({ kind: 'closeImage' });
  });

  it('goes to the prompt while one is open, as text, with control characters left out', () => {
    const prompting = { ...list, prompt: { kind: 'filter' as const, text: 'ru', before: '' } };
    expect(keyIntent(prompting, 'q', 'q')).toEqual({ kind: 'typePrompt', text: 'q' });
    expect(keyIntent(prompting, 'x', 'x\u001b[2Jy')).toEqual({ kind: 'typePrompt', text: 'x[2Jy' });
    expect(keyIntent(prompting, 'enter', '\r')).toEqual({ kind: 'editPrompt', edit: 'submit' });
    expect(keyIntent(prompting, 'escape', '')).toEqual({ kind: 'editPrompt', edit: 'cancel' });
    expect(keyIntent(prompting, 'backspace', '')).toEqual({ kind: 'editPrompt', edit: 'erase' });
    expect(keyIntent(prompting, 'tab', '\t')).toEqual({ kind: 'none' });
    expect(keyIntent(prompting, 'ctrl+c', 'c')).toEqual({ kind: 'quit' });
  });
});
