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

  it('goes to the prompt while one is open, as text, with control characters left out', async () => {
    const { openPrompt } = await import('../src/ui/prompt.js');
    const prompting = { ...list, prompt: openPrompt('filter', '/', 'ru') };
    expect(keyIntent(prompting, 'q', 'q')).toEqual({ kind: 'editPrompt', name: 'q', text: 'q' });
    expect(keyIntent(prompting, 'x', 'x\u001b[2Jy')).toEqual({
      kind: 'editPrompt',
      name: 'x',
      text: 'x[2Jy',
    });
    expect(keyIntent(prompting, 'enter', '\r')).toEqual({ kind: 'endPrompt', submit: true });
    expect(keyIntent(prompting, 'escape', '')).toEqual({ kind: 'endPrompt', submit: false });
    expect(keyIntent(prompting, 'backspace', '')).toEqual({
      kind: 'editPrompt',
      name: 'backspace',
      text: '',
    });
    // A Ctrl chord edits; it does not type its letter.
    expect(keyIntent(prompting, 'ctrl+u', 'u')).toEqual({
      kind: 'editPrompt',
      name: 'ctrl+u',
      text: '',
    });
    expect(keyIntent(prompting, 'tab', '\t')).toEqual({
      kind: 'editPrompt',
      name: 'tab',
      text: '',
    });
    // Ctrl+C gives up the line, as in readline; outside a prompt it quits.
    expect(keyIntent(prompting, 'ctrl+c', 'c')).toEqual({ kind: 'endPrompt', submit: false });
    expect(keyIntent(list, 'ctrl+c', 'c')).toEqual({ kind: 'quit' });
    expect(keyIntent(reader, 'ctrl+c', 'c')).toEqual({ kind: 'quit' });
    const confirming = { ...list, prompt: openPrompt('confirm', 'Mark 3 read? ') };
    expect(keyIntent(confirming, 'y', 'y')).toEqual({ kind: 'confirm', yes: true });
    expect(keyIntent(confirming, 'escape', '')).toEqual({ kind: 'confirm', yes: false });
    expect(keyIntent(confirming, 'ctrl+c', 'c')).toEqual({ kind: 'confirm', yes: false });
  });

  it('clears a search with Esc before Esc leaves the article', () => {
    expect(keyIntent({ ...reader, search: 'kafka' }, 'escape', '')).toMatchObject({
      command: 'clearSearch',
    });
    expect(keyIntent(reader, 'escape', '')).toMatchObject({ command: 'back' });
    expect(keyIntent({ ...reader, search: 'kafka' }, 'q', 'q')).toMatchObject({ command: 'back' });
  });
});

describe('keys from the configuration', () => {
  const list = createDefaultState();

  it('win over the defaults, for the handlers and the help alike, and leave the defaults as they are', async () => {
    const { DEFAULT_KEYMAP, helpSections, keyBindings } = await import('../src/ui/keymap.js');
    const keys = keyBindings({ nextUnread: ['x', 'ctrl+n'], star: ['j'] });
    expect(keyIntent(list, 'x', 'x', keys)).toMatchObject({ command: 'nextUnread' });
    expect(keyIntent(list, 'ctrl+n', 'n', keys)).toMatchObject({ command: 'nextUnread' });
    expect(keyIntent(list, 'n', 'n', keys)).toEqual({ kind: 'none' });
    // A key given to a command by the configuration is that command's, not the default one's.
    expect(keyIntent(list, 'j', 'j', keys)).toMatchObject({ command: 'star' });
    expect(keyIntent(list, 'down', '', keys)).toMatchObject({ command: 'down' });
    const rows = helpSections(keys).find((section) => section.title === 'Article list')!.rows;
    expect(rows).toContainEqual({ keys: 'x ctrl+n', help: 'next unread article' });
    // Nothing else changed: the defaults, and what a key means without the configuration.
    expect(keyIntent(list, 'j', 'j')).toMatchObject({ command: 'down' });
    expect(keyIntent(list, 'n', 'n')).toMatchObject({ command: 'nextUnread' });
    expect(DEFAULT_KEYMAP.find((binding) => binding.command === 'star')!.keys).toEqual(['s']);
    expect(Object.isFrozen(DEFAULT_KEYMAP[0])).toBe(true);
  });
});
