/**
 * Work on many items done in short stretches, so the event loop answers keys
 * and draws frames between them: `step(i)` for each index in order, with a
 * turn of the loop (setImmediate) whenever a stretch has lasted `sliceMs`.
 * `onSlice` hears how far it got at each turn; `cancelled` stops it between
 * stretches. True when every item was done.
 */
export async function inSlices(
  count: number,
  step: (index: number) => void,
  options: { sliceMs: number; onSlice?: (done: number) => void; cancelled?: () => boolean },
): Promise<boolean> {
  let sliceStart = performance.now();
  for (let i = 0; i < count; i++) {
    step(i);
    if (performance.now() - sliceStart >= options.sliceMs && i + 1 < count) {
      options.onSlice?.(i + 1);
      await new Promise((resolve) => setImmediate(resolve));
      if (options.cancelled?.()) return false;
      sliceStart = performance.now();
    }
  }
  return true;
}
