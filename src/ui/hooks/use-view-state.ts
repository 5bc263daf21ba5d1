import { useCallback, useRef, useState } from 'react';
import { reduce, type Action, type ViewState } from '../state.js';

/**
 * The view state, and `dispatch` to change it. The state is kept in a ref as
 * well as in React: several keys can arrive in one read (a held key, a fast
 * typist), and each must meet the state the one before it left, not the last
 * render's. `current()` returns that state; re-renders on every change.
 *
 * `held` is what `hold()` gave when the list was last made (each time an
 * action changes `listed`), taken as the action is carried out: a mark made
 * by the next key of the same read is not in it, so the list keeps the marks
 * it was made with however fast the keys come.
 */
export function useViewState<H>(
  initial: () => ViewState,
  hold: () => H,
): {
  view: ViewState;
  held: H;
  current: () => ViewState;
  dispatch: (action: Action) => void;
} {
  const ref = useRef<{ view: ViewState; held: H } | null>(null);
  ref.current ??= { view: initial(), held: hold() };
  const [state, setState] = useState(ref.current);
  const dispatch = useCallback(
    (action: Action) => {
      const before = ref.current!;
      const view = reduce(before.view, action);
      ref.current = { view, held: view.listed === before.view.listed ? before.held : hold() };
      setState(ref.current);
    },
    // `hold` reads a store that lives as long as the browser.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const current = useCallback(() => ref.current!.view, []);
  return { view: state.view, held: state.held, current, dispatch };
}
