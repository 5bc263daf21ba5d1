// A build of the body index stopped by SIGKILL in the middle of thousands of articles.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  bodiesContaining,
  bodyIndexAvailable,
  bodyIndexFile,
  openBodyIndex,
  syncBodyIndex,
} from '../../src/corpus/body-index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { article } from '../body-folder.js';
import { bin, tempCorpus, tempFolder } from '../helpers.js';

describe.runIf(bodyIndexAvailable())('a build that is stopped', () => {
  it('keeps what it committed: the next reads only the rest', async () => {
    // Enough that the first commit (2 000 files, or 1.5 s) comes long before the last.
    const count = 6000;
    const root = tempCorpus(
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `${String(Math.floor(i / 500))}/${i}.md`,
          article(`T${i}`, `<p>${i % 100 === 0 ? 'harbour' : 'sea'} ${'words '.repeat(50)}</p>`),
        ]),
      ),
    );
    const cache = tempFolder();
    const file = bodyIndexFile(path.join(cache, 'broadsheet'), path.resolve(root));
    const rows = () => {
      const db = existsSync(file) ? openBodyIndex(file) : null;
      if (!db) return 0;
      try {
        return Number((db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n);
      } finally {
        db.close();
      }
    };
    const child = spawn(process.execPath, [bin, 'list', root, '--search', 'harbour'], {
      env: { ...process.env, XDG_CACHE_HOME: cache },
      stdio: 'ignore',
    });
    onTestFinished(() => void child.kill('SIGKILL'));
    const ended = new Promise((resolve) => child.once('exit', resolve));
    // Stopped once the first transaction is in, before the last.
    for (let n = rows(); n === 0; n = rows()) await new Promise((resolve) => setImmediate(resolve));
    child.kill('SIGKILL');
    await ended;
    const kept = rows();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(count);
    const corpus = await loadCorpus(root);
    const db = openBodyIndex(file)!;
    const totals: number[] = [];
    const stamps = corpus.stamps!();
    await syncBodyIndex(
      db,
      corpus.root,
      corpus.articles.map((a) => ({ path: a.path, stamp: stamps.get(a.path)! })),
      null,
      (_, total) => totals.push(total),
    );
    expect(totals.at(-1)).toBe(count - kept);
    expect(bodiesContaining(db, 'harbour').size).toBe(count / 100);
    db.close();
  });
});
