import { sanitizeText } from '../text/sanitize.js';
import { DEFAULT_BINDINGS, type Command, type KeyBindings, type KeyContext } from './keymap.js';
import type { ViewState } from './state.js';

/** What a key press asks for, decided from the view alone; the browser's key hook carries it out. */
export type KeyIntent =
  | { kind: 'quit' }
  | { kind: 'command'; command: Command; context: KeyContext }
  /** The prompt ended; `then`, the key that ended it, taken as itself once it is closed. */
  | { kind: 'endPrompt'; submit: boolean; then?: KeyIntent }
  | { kind: 'editPrompt'; name: string; text: string }
  | { kind: 'confirm'; yes: boolean }
  | { kind: 'closePage'; command: Command }
  | { kind: 'closeImage' }
  /** A key in the link menu, which takes every key but Ctrl+C. */
  | { kind: 'linkMenu'; name: string; text: string }
  /** A digit in the reader: the link number prompt, begun with it. */
  | { kind: 'linkNumber'; digit: string }
  | { kind: 'none' };

/** Keys that edit a prompt or move in it, rather than type. */
const SPECIAL_KEYS = new Set([
  'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'backspace',
]); // prettier-ignore

/** Where keys go: the reader (and help or problems opened from it), the category tree, or the list. */
export function keyContext(view: ViewState): KeyContext {
  if (view.screen === 'reader' || (view.returnTo === 'reader' && view.screen !== 'list'))
    return 'reader';
  return view.focus === 'tree' ? 'tree' : 'list';
}

/**
 * The meaning of a key (as `keyName` spells it, with the text it typed) in
 * the view as the keys before it left it. A prompt takes every key (Ctrl+C
 * and Esc give it up); Ctrl+C quits anywhere else; a full-screen picture closes on any key; help and problems
 * scroll with the movement keys and close on any other. `keys` are the
 * bindings in force.
 */
export function keyIntent(
  view: ViewState,
  name: string,
  typed: string,
  keys: KeyBindings = DEFAULT_BINDINGS,
): KeyIntent {
  if (view.prompt) {
    if (view.prompt.kind === 'confirm')
      return { kind: 'confirm', yes: name === 'y' || name === 'Y' };
    // Ctrl+C gives up the line, as readline does; it quits everywhere else.
    if (name === 'escape' || name === 'ctrl+c') return { kind: 'endPrompt', submit: false };
    if (name === 'enter') return { kind: 'endPrompt', submit: true };
    // Typed text keeps its spaces; control characters, tabs and line breaks are not text.
    const text = name === 'tab' ? '' : sanitizeText(typed).replace(/[\t\n]/g, '');
    const special = name.startsWith('ctrl+') || SPECIAL_KEYS.has(name);
    // A link number takes digits only: any other key typed ends it unopened, and does what it does.
    const numbered = view.prompt.kind === 'link' || view.prompt.kind === 'copy';
    if (numbered && !special && text !== '' && !/^[0-9]+$/.test(text))
      return {
        kind: 'endPrompt',
        submit: false,
        then: keyIntent({ ...view, prompt: null }, name, typed, keys),
      };
    return { kind: 'editPrompt', name, text: special ? '' : text };
  }
  if (name === 'ctrl+c') return { kind: 'quit' };
  if (view.screen === 'image') return { kind: 'closeImage' };
  if (view.linkMenu && view.screen === 'reader')
    return { kind: 'linkMenu', name, text: sanitizeText(typed).replace(/[\t\n]/g, '') };
  const context = keyContext(view);
  // Esc in an article with a search on clears the search before it leaves.
  if (view.screen === 'reader' && name === 'escape' && view.search)
    return { kind: 'command', command: 'clearSearch', context };
  const command = keys.commandFor(context, name);
  // Enter on a file with problems shows it as it is.
  if (view.screen === 'problems' && name === 'enter')
    return { kind: 'command', command: 'showFile', context };
  if (view.screen === 'help' || view.screen === 'problems')
    return { kind: 'closePage', command: command ?? 'back' };
  if (command) return { kind: 'command', command, context };
  // A number typed in an article, then Enter, opens that link (as newsboat's 1…9 do).
  if (view.screen === 'reader' && /^[0-9]$/.test(name)) return { kind: 'linkNumber', digit: name };
  return { kind: 'none' };
}
