import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateFolder } from '../src/files/places.js';
import { ReadingState } from '../src/state/reading.js';

const folder = () => mkdtempSync(path.join(tmpdir(), 'broadsheet-reading-'));

describe('ReadingState', () => {
  it('remembers read articles and positions across runs, by absolute path', () => {
    const where = folder();
    const first = ReadingState.inFolder(where);
    expect(first.isRead('/a.md')).toBe(false);
    first.markRead('/a.md', 12, 1000);
    expect(first.save()).toBeNull();
    const second = ReadingState.inFolder(where);
    expect(second.isRead('/a.md')).toBe(true);
    expect(second.position('/a.md')).toBe(12);
    expect(second.position('/b.md')).toBe(0);
    expect(second.warning).toBeNull();
  });

  it('writes atomically: no temporary file is left beside the state', () => {
    const where = folder();
    const state = ReadingState.inFolder(where);
    state.markRead('/a.md', 1);
    state.save();
    expect(readdirSync(where)).toEqual(['reading.json']);
    expect(JSON.parse(readFileSync(path.join(where, 'reading.json'), 'utf8'))).toEqual({
      version: 1,
      articles: { '/a.md': { readAt: expect.any(Number), line: 1 } },
    });
  });

  it('replaces a corrupt file with a warning instead of failing', () => {
    const where = folder();
    writeFileSync(path.join(where, 'reading.json'), '{"version": 1, "articles": {"/a.md": ');
    const state = ReadingState.inFolder(where);
    expect(state.warning).toMatch(/unreadable and has been started afresh/);
    expect(state.isRead('/a.md')).toBe(false);
    expect(state.save()).toBeNull();
    expect(JSON.parse(readFileSync(path.join(where, 'reading.json'), 'utf8'))).toEqual({
      version: 1,
      articles: {},
    });
  });

  it('says why it could not save rather than throwing', () => {
    const blocker = path.join(folder(), 'not-a-folder');
    writeFileSync(blocker, '');
    const state = new ReadingState(path.join(blocker, 'reading.json'));
    state.markRead('/a.md', 3);
    expect(state.save()).toMatch(/^could not save reading state/);
  });

  it.skipIf(process.platform !== 'linux')('lives in $XDG_STATE_HOME/broadsheet', () => {
    expect(stateFolder({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/broadsheet');
    expect(stateFolder({})).toMatch(/\/\.local\/state\/broadsheet$/);
  });
});
