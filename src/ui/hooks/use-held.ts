import { useState } from 'react';

/**
 * `value` as it was when `key` last changed: the same until the key does,
 * whatever `value` became meanwhile. How the list keeps the marks it was made
 * with (the key is the view's `listed`).
 */
export function useHeld<T>(value: T, key: unknown): T {
  const [held, setHeld] = useState({ key, value });
  if (!Object.is(held.key, key)) {
    // Set while rendering, as React lets a component adjust its state to new props.
    setHeld({ key, value });
    return value;
  }
  return held.value;
}
