// In a C (or other non-UTF-8) locale, what broadsheet writes itself is ASCII: its rules and markers,
// and its ellipsis, separators, star and quotes too. Only the articles' own text can be more.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { outputProfile, setOutputProfile } from '../src/text/profile.js';
import { App } from '../src/ui/App.js';
import { lookOf } from '../src/ui/look.js';
import { projectRoot, recordingEffects, runMain, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();
const before = outputProfile();
afterEach(() => setOutputProfile(before));

/** Articles written in ASCII only, one with a title longer than any screen. */
function folder(): string {
  return tempCorpus({
    'a.md': `---\ntitle: ${'A title that goes on and on '.repeat(8)}\ndate: 2026-11-25 10:00\ncategories: [Tech, Go]\nauthor: Jane Doe\n---\nThe word tea is here, and tea again.\n`,
    'b.md': '---\ntitle: Short\ndate: 2026-11-24\ncategories: [Life]\n---\nNo more.\n',
  });
}

const notAscii = /[^\x20-\x7e\n]/u;

describe('a C locale', () => {
  it('gets only ASCII from the browser’s own drawing: lists, help, the reader and its status line', async () => {
    setOutputProfile({ color: false, unicode: false });
    const root = folder();
    const app = render(
      <App
        load={(onProgress) => loadCorpus(root, { onProgress })}
        reading={ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')))}
        effects={recordingEffects().effects}
        size={{ columns: 60, rows: 14 }}
        look={lookOf(outputProfile(), 'mono')}
      />,
    );
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    await until(() => frame().includes('Short'), 'the list', frame);
    app.stdin.write('\t');
    await until(() => frame().includes('Tech'), 'the categories', frame);
    app.stdin.write('\t');
    app.stdin.write('?');
    await until(() => frame().includes('any other key returns'), 'the help', frame);
    app.stdin.write('x');
    await until(() => frame().includes('Short'), 'the list again', frame);
    app.stdin.write('s');
    app.stdin.write('\r');
    await until(() => frame().includes('Jane Doe'), 'the article', frame);
    app.stdin.write('/');
    for (const key of 'tea') app.stdin.write(key);
    app.stdin.write('\r');
    await until(() => frame().includes('1/2'), 'the matches', frame);
    const frames = app.frames.map(plain);
    // What was looked for was there: the cut title, the separators, the star and the quotes.
    const shown = frames.join('\n');
    expect(shown).toContain('...');
    expect(shown).toContain('Tech/Go - Jane Doe');
    expect(shown).toContain('* A title');
    expect(shown).toContain('"tea"');
    expect(frames.filter((text) => notAscii.test(text))).toEqual([]);
  });

  it('gets only ASCII from cat’s header of an ASCII article', async () => {
    const root = folder();
    const result = await runMain(['cat', path.join(root, 'a.md'), '--width', '40'], {
      env: { LC_ALL: 'C', LANG: 'C' },
    });
    expect(result.stdout).toContain('Jane Doe');
    expect(result.stdout).not.toMatch(notAscii);
  });

  it('is what the README says', () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/`…` and `·` as `\.\.\.` and `-`/);
  });
});
