import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadingState } from '../../src/state/reading.js';
import { projectRoot, tempFolder } from '../helpers.js';

const saver = path.join(projectRoot, 'test/fixtures/reading-saver.mjs');

/**
 * A state of `count` entries, as a reader of a large archive has (reading it
 * takes a while); none at all when `count` is 0, so each save writes a whole
 * new snapshot.
 */
function stateOf(count: number): string {
  const where = tempFolder('broadsheet-saves-');
  if (count === 0) return where;
  const articles: Record<string, unknown> = {};
  for (let i = 0; i < count; i++)
    articles[`/archive/feed/${i}.md`] = {
      readAt: 1,
      read: true,
      starred: false,
      line: 0,
      changedAt: 1,
    };
  writeFileSync(
    path.join(where, 'reading.json'),
    JSON.stringify({ version: 1, articles, history: {} }),
  );
  return where;
}

/** A process holding a reading state with one article marked, once it says it is ready. */
async function browser(
  where: string,
  locks: string,
  article: string,
  ...mode: string[]
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [saver, where, locks, article, ...mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [data] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(String(data)).toBe('ready\n');
  return child;
}

/**
 * Browsers on one state, each with its own article marked, all ended at the
 * same moment: by `q`, or by a signal (closing a terminal with tabs sends
 * SIGHUP to each; a logout, SIGTERM). Every mark must be in the state after.
 */
describe('browsers saving at the same moment', () => {
  it.each([
    [2, 'q', 20_000],
    [2, 'SIGTERM', 20_000],
    [3, 'SIGTERM', 20_000],
    [3, 'SIGHUP', 20_000],
    [3, 'SIGTERM', 0],
    [3, 'SIGHUP', 0],
  ] as const)(
    '%i browsers ended together by %s keep every mark (a state of %i entries)',
    async (count, end, entries) => {
      const where = stateOf(entries);
      const locks = tempFolder('broadsheet-locks-');
      const articles = Array.from({ length: count }, (_, i) => `/mine/${i}.md`);
      const children = await Promise.all(articles.map((article) => browser(where, locks, article)));
      const exits = children.map((child) => once(child, 'exit'));
      for (const child of children) {
        if (end === 'q') child.stdin!.write('q');
        else child.kill(end);
      }
      const codes = (await Promise.all(exits)).map(([code]) => code);
      expect(codes).toEqual(children.map(() => ({ q: 0, SIGTERM: 143, SIGHUP: 129 })[end]));
      const after = new ReadingState(path.join(where, 'reading.json'), { readOnly: true });
      expect(articles.filter((article) => !after.isRead(article))).toEqual([]);
      expect(after.position(articles[0]!)).toBe(7);
      if (entries > 0) expect(after.isRead(`/archive/feed/${entries - 1}.md`)).toBe(true);
    },
    60_000,
  );
});

describe('marks saved as they are made', () => {
  it('keeps a mark when the browser is killed with SIGKILL after it, with no exit to save it', async () => {
    const where = stateOf(1000);
    const locks = tempFolder('broadsheet-locks-');
    const child = await browser(where, locks, '/mine/starred.md', 'autosave');
    const exit = once(child, 'exit');
    child.stdin!.write('m');
    const starred = () =>
      new ReadingState(path.join(where, 'reading.json'), { readOnly: true }).isStarred(
        '/mine/starred.md',
      );
    const deadline = Date.now() + 20_000;
    while (!starred() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exit).toEqual([null, 'SIGKILL']);
    expect(starred()).toBe(true);
  }, 60_000);
});
