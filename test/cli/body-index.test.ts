// The body index as the command line uses it, with other processes: how body search is done, a
// search's index built in a worker and kept up to date, and a database another program holds.
import { spawn } from 'node:child_process';
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bodyIndexAvailable, bodyIndexFile, openBodyIndex } from '../../src/corpus/body-index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { article, bodyFolder, searchBoth } from '../body-folder.js';
import { runCli, tempFolder } from '../helpers.js';

describe('how body search is done', () => {
  it('is said by --version --verbose', async () => {
    const { stdout, stderr, code } = await runCli(['--version', '--verbose']);
    expect(code).toBe(0);
    // Node 22 says node:sqlite is experimental when it is loaded: that one warning is kept from the user.
    expect(stderr).toBe('');
    expect(stdout).toContain(`Node ${process.versions.node}; body search: `);
    expect(stdout).toMatch(
      bodyIndexAvailable()
        ? /an index of article text \(SQLite 3\.\d+\.\d+, FTS5 trigram, from node:sqlite\)/
        : /reading every article body \(this Node has no node:sqlite/,
    );
  });
});

describe.runIf(bodyIndexAvailable())('list --search with the body index', () => {
  it('builds the index in a worker on the first search, and follows the folder after', async () => {
    const root = bodyFolder();
    const cache = tempFolder();
    const env = { XDG_CACHE_HOME: cache };
    const titles = async (query: string) => {
      const { stdout, stderr } = await runCli(['list', root, '--search', query], { env });
      expect(stderr).toBe('');
      return stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[2]);
    };
    expect(await titles('守夜')).toEqual(['A']);
    expect(existsSync(path.join(cache, 'broadsheet', 'bodies'))).toBe(true);
    writeFileSync(path.join(root, 'c.md'), article('C', '<p>守夜的人</p>'));
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'c.md'), later, later);
    expect(await titles('守夜')).toEqual(['A', 'C']);
  });
});

describe.runIf(bodyIndexAvailable())('the body index under attack', () => {
  it('never deletes an index another program holds locked: bodies are read meanwhile, and the index is used after', async () => {
    const root = bodyFolder();
    const corpus = await loadCorpus(root);
    const file = bodyIndexFile(tempFolder(), root);
    openBodyIndex(file)!.close();
    const before = statSync(file).ino;
    // Another program takes the database for itself and writes in it, holding its lock until told.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const { DatabaseSync } = require('node:sqlite');
         const db = new DatabaseSync(${JSON.stringify(file)});
         db.exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO meta(key, value) VALUES ('holder', 'here')");
         console.log('held');
         process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); console.log('released'); });`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    onTestFinished(() => void holder.kill('SIGKILL'));
    const said = (word: string) =>
      new Promise<void>((resolve) =>
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes(word) && resolve()),
      );
    await said('held');
    const { found, fromIndex } = await searchBoth(corpus, '灯塔', file);
    expect(found).toEqual(['a.md']);
    expect(fromIndex).toBe(false);
    expect(statSync(file).ino).toBe(before);
    const released = said('released');
    holder.stdin.write('go\n');
    await released;
    // The holder's own write is in the file: it was never deleted under it.
    const db = openBodyIndex(file)!;
    expect({
      ...(db.prepare("SELECT value FROM meta WHERE key = 'holder'").get() as object),
    }).toEqual({ value: 'here' });
    db.close();
    expect((await searchBoth(corpus, '灯塔', file)).fromIndex).toBe(true);
  });
});
