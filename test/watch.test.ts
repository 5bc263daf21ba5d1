import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventsUnreliable, watchFile, watchFolder, type FolderWatch } from '../src/corpus/watch.js';
import { tempCorpus } from './helpers.js';

const watching: FolderWatch[] = [];
afterEach(() => {
  for (const watch of watching.splice(0)) watch.stop();
});

/** Watches a fresh folder; `calls` counts what it was told. */
function watched(poll: boolean, quiet = 100) {
  const root = tempCorpus({ 'a.md': '---\ntitle: A\n---\na', 'sub/b.md': '---\ntitle: B\n---\nb' });
  let calls = 0;
  const watch = watchFolder(root, () => calls++, { poll, interval: 100, quiet });
  watching.push(watch);
  return { root, watch, calls: () => calls };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching a folder of articles', () => {
  it('trusts the events of a local file system', () => {
    expect(eventsUnreliable(tempCorpus({}))).toBe(false);
    expect(watched(false).watch.mode).toBe('events');
    expect(watched(true).watch.mode).toBe('polling');
  });

  it.each([false, true])(
    'tells of a file added, one in a folder made since, and one removed (polling: %s)',
    async (poll) => {
      const { root, calls } = watched(poll);
      writeFileSync(path.join(root, 'c.md'), '---\ntitle: C\n---\nc');
      await expect.poll(calls, { timeout: 10_000 }).toBe(1);
      mkdirSync(path.join(root, 'new'));
      await expect.poll(calls, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const before = calls();
      writeFileSync(path.join(root, 'new', 'd.md'), '---\ntitle: D\n---\nd');
      await expect.poll(calls, { timeout: 10_000 }).toBeGreaterThan(before);
      const then = calls();
      rmSync(path.join(root, 'sub', 'b.md'));
      await expect.poll(calls, { timeout: 10_000 }).toBeGreaterThan(then);
    },
  );

  it('tells of a burst of changes once, and of hidden files not at all', async () => {
    // Writes a moment apart are one burst: here, however slow the machine, within a second of each other.
    const { root, calls } = watched(false, 1000);
    for (let i = 0; i < 50; i++)
      writeFileSync(path.join(root, `n${i}.md`), `---\ntitle: ${i}\n---\n`);
    await expect.poll(calls, { timeout: 10_000 }).toBe(1);
    await settle(300);
    expect(calls()).toBe(1);
    writeFileSync(path.join(root, '.swap'), 'x');
    mkdirSync(path.join(root, '.git'));
    await settle(1500);
    expect(calls()).toBe(1);
  });

  it.each([false, true])('tells nothing once stopped (polling: %s)', async (poll) => {
    const { root, watch, calls } = watched(poll);
    watch.stop();
    writeFileSync(path.join(root, 'c.md'), '---\ntitle: C\n---\nc');
    await settle(400);
    expect(calls()).toBe(0);
  });

  it.each([false, true])(
    'tells of the one file read, written or removed (polling: %s)',
    async (poll) => {
      const root = tempCorpus({ 'note.md': '# Note\n', 'other.md': '# Other\n' });
      const file = path.join(root, 'note.md');
      let calls = 0;
      const watch = watchFile(file, () => calls++, { poll, interval: 100, quiet: 100 });
      watching.push(watch);
      writeFileSync(file, '# Note, longer now\n');
      await expect.poll(() => calls, { timeout: 10_000 }).toBe(1);
      rmSync(file);
      await expect.poll(() => calls, { timeout: 10_000 }).toBe(2);
    },
  );
});
