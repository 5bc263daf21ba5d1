import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { graphemes } from '../../text/width.js';
import { keyName } from '../keymap.js';

/** A key press with no modifier or special key: one typed character. */
const PLAIN_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
}; // prettier-ignore

/** One character of several read together, as the key press Ink would have made of it alone. */
function keyOf(character: string): [string, Key] {
  if (character === '\r' || character === '\n') return [character, { ...PLAIN_KEY, return: true }];
  if (character === '\t') return [character, { ...PLAIN_KEY, tab: true }];
  if (character === '\x7f' || character === '\b') return ['', { ...PLAIN_KEY, backspace: true }];
  const code = character.charCodeAt(0);
  // Ctrl and a letter: Ctrl+U, Ctrl+W typed in a burst.
  if (character.length === 1 && code >= 1 && code <= 26)
    return [String.fromCharCode(code + 96), { ...PLAIN_KEY, ctrl: true }];
  return [character, PLAIN_KEY];
}

/**
 * Calls `press` once for each key, one key a render, so each meets the state
 * the key before it left. Keys wait in a queue, in order:
 *
 * - while `ready` is false (nothing to act on yet), except those `urgent`
 *   names (quitting), which go at once;
 * - when several come in one read (a held key, a word and Enter typed fast,
 *   Backspace held down): Ink hands them over as one string, and each
 *   character is a key press of its own;
 * - between a frame and the effect that subscribes the next handler: the
 *   newest handler is kept in a ref. (Not an effect event: Ink's useInput
 *   takes the handler itself, and an effect event may only be called from an
 *   effect; taking each key in an effect costs a commit and a frame more, and
 *   keys reached the screen later in a real terminal.)
 */
export function useKeypress(
  press: (input: string, key: Key) => void,
  ready = true,
  urgent: (name: string) => boolean = () => false,
): void {
  const latest = useRef({ press, ready, urgent });
  latest.current = { press, ready, urgent };
  const queue = useRef<Array<[string, Key]>>([]);
  const [, setTick] = useState(0);
  const takeNext = useCallback(() => {
    if (!latest.current.ready) return;
    const next = queue.current.shift();
    if (!next) return;
    latest.current.press(...next);
    // A key that changed nothing still needs a render to take the next one.
    if (queue.current.length > 0) setTick((tick) => tick + 1);
  }, []);
  useEffect(() => {
    if (queue.current.length > 0) takeNext();
  });
  useInput(
    useCallback(
      (input: string, key: Key) => {
        const idle = queue.current.length === 0;
        const keys: Array<[string, Key]> = [];
        if (input.length > 1 && !key.ctrl && !key.meta && !key.escape) {
          for (const character of graphemes(input)) keys.push(keyOf(character));
        } else {
          keys.push([input, key]);
        }
        for (const entry of keys) {
          if (!latest.current.ready && latest.current.urgent(keyName(...entry))) {
            latest.current.press(...entry);
            return;
          }
          queue.current.push(entry);
        }
        if (idle) takeNext();
      },
      [takeNext],
    ),
  );
}
