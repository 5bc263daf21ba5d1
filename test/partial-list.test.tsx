import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import type { Corpus } from '../src/corpus/article.js';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import { recordingEffects, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();

/** Forty articles, one a day, the newest first: "Day 40" … "Day 1". */
function folder(): string {
  const files: Record<string, string> = {};
  for (let day = 1; day <= 40; day++) {
    const date = new Date(Date.UTC(2026, 9, day, 9)).toISOString().slice(0, 10);
    files[`d${day}.md`] = `---\ntitle: Day ${day}\ndate: ${date} 09:00\n---\n<p>Day ${day}.</p>`;
  }
  return tempCorpus(files);
}

/**
 * The browser on a warm start: the newest five articles on screen at once,
 * the whole folder only when the test lets it come.
 */
async function start(options: { read?: (whole: Corpus) => string[] } = {}) {
  const root = folder();
  const whole = await loadCorpus(root);
  const newest: Corpus = { ...whole, articles: whole.articles.slice(0, 5), partial: true };
  delete newest.stamps;
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
  for (const file of options.read?.(whole) ?? []) reading.setRead(file, true);
  const app = render(
    <App
      load={async (_onProgress, onIndexed) => {
        onIndexed?.(newest);
        await arrived;
        return whole;
      }}
      initialCorpus={newest}
      reading={reading}
      effects={recordingEffects().effects}
      size={{ columns: 80, rows: 12 }}
      now={new Date(2026, 10, 26, 12).getTime()}
    />,
  );
  mounted.push(app);
  const frame = () => plain(app.lastFrame() ?? '');
  const status = () => frame().split('\n').at(-1)!;
  const selected = () => /^▸ .*?(Day \d+)/m.exec(frame())?.[1];
  await until(() => /Day 40/.test(frame()), 'the newest articles', frame);
  const press = async (key: string, expected: () => boolean, what: string) => {
    app.stdin.write(key);
    await until(expected, what, frame);
  };
  return { app, frame, status, selected, press, arrive };
}

describe('a list of the newest articles only, the rest on its way', () => {
  it('says so, and does not count the rest as unread or missing', async () => {
    const { status, arrive, frame } = await start();
    expect(status()).toMatch(/the newest 5 articles · reading the rest…/);
    expect(status()).not.toMatch(/\d unread/);
    arrive();
    await until(() => /40 articles · 40 unread/.test(status()), 'the whole list', frame);
  });

  it('G goes to the last article of the whole list once it is there', async () => {
    const { selected, press, arrive, status, frame } = await start();
    await press('G', () => selected() === 'Day 36', 'the last of the newest');
    arrive();
    await until(() => selected() === 'Day 1', 'the true last article', frame);
    expect(status()).toMatch(/40 articles/);
    // From there, the keys move in the whole list.
    await press('k', () => selected() === 'Day 2', 'the one before it');
  });

  it('paging to the end goes to the end of the whole list', async () => {
    const { selected, press, arrive, frame } = await start();
    await press(' ', () => selected() !== 'Day 40', 'a page down');
    await press(' ', () => selected() === 'Day 36', 'the end of the newest');
    arrive();
    await until(() => selected() === 'Day 1', 'the true last article', frame);
  });

  it('n looks for the next unread article in the whole list once it is there', async () => {
    // The newest five are read: the next unread one is past them.
    const { selected, press, arrive, status, frame } = await start({
      read: (whole) => whole.articles.slice(0, 5).map((article) => article.absolutePath),
    });
    await press('n', () => /reading the rest of the list/.test(status()), 'the wait said');
    expect(selected()).toBe('Day 40');
    arrive();
    await until(() => selected() === 'Day 35', 'the first unread article', frame);
    expect(status()).not.toMatch(/reading the rest/);
  });

  it('n waits no longer once another key was pressed', async () => {
    const { selected, press, arrive, frame } = await start({
      read: (whole) => whole.articles.slice(0, 5).map((article) => article.absolutePath),
    });
    await press('n', () => true, 'n');
    await press('j', () => selected() === 'Day 39', 'the next row');
    arrive();
    await until(() => /40 articles/.test(frame()), 'the whole list', frame);
    expect(selected()).toBe('Day 39');
  });
});
