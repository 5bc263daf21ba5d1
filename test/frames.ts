import { afterEach } from 'vitest';

/** Waits until `condition` holds, up to 5 s; the error shows what was on screen. */
export async function until(
  condition: () => boolean,
  what: string,
  show: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${show()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A frame as a person reads it: colour sequences removed. */
export const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

/** Apps rendered by a test file, unmounted after each test. */
export function unmountAfterEach(): Array<{ unmount: () => void }> {
  const mounted: Array<{ unmount: () => void }> = [];
  afterEach(() => {
    for (const app of mounted.splice(0)) app.unmount();
  });
  return mounted;
}
