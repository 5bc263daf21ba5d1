import { useCallback, useRef, useState } from 'react';
import { reduce, type Action, type ViewState } from '../state.js';

/**
 * The view state, and `dispatch` to change it. The state is kept in a ref as
 * well as in React: several keys can arrive in one read (a held key, a fast
 * typist), and each must meet the state the one before it left, not the last
 * render's. `current()` returns that state; re-renders on every change.
 */
export function useViewState(initial: () => ViewState): {
  view: ViewState;
  current: () => ViewState;
  dispatch: (action: Action) => void;
} {
  const ref = useRef<ViewState | null>(null);
  ref.current ??= initial();
  const [view, setView] = useState(ref.current);
  const dispatch = useCallback((action: Action) => {
    ref.current = reduce(ref.current!, action);
    setView(ref.current);
  }, []);
  const current = useCallback(() => ref.current!, []);
  return { view, current, dispatch };
}
