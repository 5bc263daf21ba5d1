import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import { loadCorpus } from '../src/corpus/load.js';
import { watchFolder } from '../src/corpus/watch.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import { recordingEffects, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();

const paragraphs = (word: string, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${word} paragraph ${i + 1}.</p>`).join('\n');

const article = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n---\n${body}`;

function folder(): string {
  return tempCorpus({
    'a.md': article('Alpha news', '2026-11-26 09:00', paragraphs('Alpha', 3)),
    'b.md': article('Beta news', '2026-11-25 09:00', paragraphs('Beta', 40)),
    'c.md': article('Gamma news', '2026-11-24 09:00', paragraphs('Gamma', 3)),
  });
}

/** Waits until `check` holds, up to 10 s (a change is told within two). */
async function soon(check: () => boolean, what: string, show: () => string) {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${show()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function start(options: { poll?: boolean } = {}) {
  const root = folder();
  const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
  const watch = (onChange: () => void) =>
    watchFolder(root, onChange, { poll: options.poll, interval: 200 });
  const app = render(
    <App
      load={(onProgress) => loadCorpus(root, { onProgress })}
      watch={watch}
      reading={reading}
      effects={recordingEffects().effects}
      size={{ columns: 80, rows: 12 }}
      now={new Date(2026, 10, 26, 12).getTime()}
    />,
  );
  mounted.push(app);
  const frame = () => plain(app.lastFrame() ?? '');
  const status = () => frame().split('\n').at(-1)!;
  await until(() => /3 articles/.test(status()) && !/Reading/.test(status()), 'the list', frame);
  const press = async (key: string, expected: () => boolean, what: string) => {
    app.stdin.write(key);
    await until(expected, what, frame);
  };
  return { frame, status, press, root, reading, type: (key: string) => app.stdin.write(key) };
}

describe('a folder that changes while it is shown', () => {
  it.each([false, true])(
    'shows what came, changed and went without r, the article read and its place kept (polling: %s)',
    async (poll) => {
      const { frame, status, press, root, type } = await start({ poll });
      await press('j', () => /▸ .*Beta news/.test(frame()), 'the second article');
      await press('\r', () => frame().includes('Beta paragraph 1.'), 'the reader');
      await press(
        'jjjjj',
        () => /Beta paragraph [2-9]\./.test(frame().split('\n')[0]!),
        'a few lines down',
      );
      const place = frame().split('\n')[0];
      writeFileSync(
        path.join(root, 'd.md'),
        article('Delta news', '2026-11-26 11:00', paragraphs('Delta', 2)),
      );
      await soon(() => /1 new article/.test(status()), 'the new article said', frame);
      // The article being read stays, at the same place.
      expect(frame().split('\n')[0]).toBe(place);
      // Its own file written again, with more at its end: the same place in it. Watched by events, in
      // place; by the folders' times, as editors and sync tools write, a new file renamed over it.
      const beta = path.join(root, 'b.md');
      if (poll) {
        writeFileSync(`${beta}.new`, `${readFileSync(beta, 'utf8')}\n<p>A postscript.</p>\n`);
        renameSync(`${beta}.new`, beta);
      } else appendFileSync(beta, '\n<p>A postscript.</p>\n');
      await soon(() => /1 article changed/.test(status()), 'the change said', frame);
      expect(frame().split('\n')[0]).toBe(place);
      // Once the new text is laid out, its end has the postscript.
      await soon(
        () => (type('G'), frame().includes('A postscript.')),
        'the end, as written now',
        frame,
      );
      await press('q', () => /4 articles/.test(status()), 'the list');
      expect(frame()).toMatch(/▸ .*Beta news/);
      expect(frame()).toMatch(/Delta news/);
      // Beta is read; the three others are not.
      expect(status()).toMatch(/4 articles · 3 unread/);
      rmSync(path.join(root, 'c.md'));
      await soon(() => /1 article removed/.test(status()), 'the removal said', frame);
      expect(status()).toMatch(/3 articles · 2 unread/);
      expect(frame()).toMatch(/▸ .*Beta news/);
      expect(frame()).not.toMatch(/Gamma news/);
      // A folder made inside, with an article in it.
      mkdirSync(path.join(root, 'more'));
      writeFileSync(
        path.join(root, 'more', 'e.md'),
        article('Epsilon news', '2026-11-20 09:00', 'e'),
      );
      await soon(
        () => /4 articles/.test(status()) && /Epsilon news/.test(frame()),
        'the new folder',
        frame,
      );
      expect(frame()).toMatch(/▸ .*Beta news/);
    },
  );

  it.each([
    { opened: 'the middle article', keys: 'j', file: 'b.md', title: 'Beta news', above: 'a.md' },
    { opened: 'the last article', keys: 'G', file: 'c.md', title: 'Gamma news', above: 'b.md' },
  ])(
    'keeps showing $opened when its file is removed, and opens or marks no other',
    async ({ keys, file, title, above }) => {
      const word = title.split(' ')[0]!;
      const wordAbove = { 'a.md': 'Alpha', 'b.md': 'Beta' }[above];
      const { frame, status, press, root, reading, type } = await start();
      // The articles read but the one removed.
      const read = () =>
        ['a.md', 'b.md', 'c.md'].filter(
          (name) => name !== file && reading.isRead(path.join(root, name)),
        );
      await press(keys, () => new RegExp(`▸ .*${title}`).test(frame()), title);
      await press('\r', () => frame().includes(`${word} paragraph 1.`), 'the reader');
      rmSync(path.join(root, file));
      await soon(() => /removed/.test(status()), 'the removal said', frame);
      // Nothing else read, and the same text, said to be gone from the folder.
      expect(read()).toEqual([]);
      expect(frame()).toContain(`${word} paragraph 1.`);
      expect(status()).toContain(`${file} was removed`);
      // Keys go on working on it: J past the last says so; K opens the article that was above it.
      type('j');
      if (file === 'c.md')
        await press('J', () => /this is the last article/.test(status()), 'the end of the list');
      await press('K', () => frame().includes(`${wordAbove} paragraph 1.`), 'the article above');
      await press('q', () => /2 articles · 1 unread/.test(status()), 'the list');
      expect(frame()).not.toContain(title);
      expect(read()).toEqual([above]);
    },
  );
});
