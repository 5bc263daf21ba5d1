import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { graphemes } from '../../text/width.js';

/** A key press with no modifier or special key: one typed character. */
const PLAIN_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
}; // prettier-ignore

/**
 * Calls `press` once for each key, one key a render, so each meets the state
 * the key before it left. Two things need mending for that:
 *
 * - Ink's useInput re-subscribes in an effect after each render, so a key that
 *   arrives between a frame and that effect meets the previous render's
 *   handler; the newest handler is kept in a ref instead.
 * - Several keys can come in one read (a held key, a word and Enter typed
 *   fast) and Ink hands them over as one string; each character is made a key
 *   press of its own and they wait in a queue.
 */
export function useKeypress(press: (input: string, key: Key) => void): void {
  const latest = useRef(press);
  latest.current = press;
  const queue = useRef<Array<[string, Key]>>([]);
  const [, setTick] = useState(0);
  const takeNext = useCallback(() => {
    const next = queue.current.shift();
    if (!next) return;
    latest.current(...next);
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
        if (input.length > 1 && !key.ctrl && !key.meta && !key.escape) {
          for (const character of graphemes(input)) {
            const special =
              character === '\r' || character === '\n'
                ? { return: true }
                : character === '\t'
                  ? { tab: true }
                  : {};
            queue.current.push([character, { ...PLAIN_KEY, ...special }]);
          }
        } else {
          queue.current.push([input, key]);
        }
        if (idle) takeNext();
      },
      [takeNext],
    ),
  );
}
