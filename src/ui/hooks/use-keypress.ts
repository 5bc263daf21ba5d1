import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';

/**
 * Ink's useInput re-subscribes in an effect after each render, so a key that
 * arrives between a frame and that effect meets the previous render's handler.
 * This keeps the newest handler in a ref, set during render, and subscribes once.
 */
export function useKeypress(handler: (input: string, key: Key) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useInput(useCallback((input: string, key: Key) => latest.current(input, key), []));
}
