import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import type { Corpus } from '../src/corpus/article.js';
import {
  BodyIndex,
  bodyIndexAvailable,
  bodyIndexFile,
  openBodyIndex,
  type BodyBatch,
} from '../src/corpus/body-index.js';
import { IndexCache } from '../src/corpus/index-cache.js';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import type { BrowserBodies } from '../src/ui/hooks/use-body-search.js';
import { recordingEffects, runMain, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();

const ENTER = '\r';

/** Five articles a day apart; the word "gamma" in one title and in two other bodies. */
function folder(): string {
  const article = (title: string, day: number, body: string) =>
    `---\ntitle: ${title}\ndate: 2026-11-${day} 09:00\n---\n<p>${body}</p>`;
  return tempCorpus({
    'a.md': article('Alpha news', 26, 'A word on gamma rays.'),
    'b.md': article('Beta news', 25, 'Nothing here.'),
    'c.md': article('Gamma news', 24, 'The title says it.'),
    'd.md': article('Delta news', 23, 'More gamma, further down.'),
    'e.md': article('Epsilon news', 22, 'Nothing either.'),
  });
}

async function start(options: {
  root?: string;
  bodiesOf?: (corpus: Corpus) => BrowserBodies;
  index?: IndexCache;
}) {
  const root = options.root ?? folder();
  const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
  const app = render(
    <App
      load={(onProgress, onIndexed) =>
        loadCorpus(root, { onProgress, onIndexed, index: options.index })
      }
      reading={reading}
      effects={recordingEffects().effects}
      size={{ columns: 100, rows: 14 }}
      now={new Date(2026, 10, 26, 12).getTime()}
      bodiesOf={options.bodiesOf}
    />,
  );
  mounted.push(app);
  const frame = () => plain(app.lastFrame() ?? '');
  const status = () => frame().split('\n').at(-1)!;
  await until(() => /\d+ articles/.test(status()) && !/Reading/.test(status()), 'the list', frame);
  const type = (keys: string) => app.stdin.write(keys);
  /** Every frame drawn from now on. */
  const framesFrom = () => {
    const first = app.frames.length;
    return () => app.frames.slice(first).map(plain);
  };
  return { app, frame, status, type, framesFrom, root };
}

/** A body source the test drives: it says how far it is, hands over batches, and answers, when told. */
function drivenBodies() {
  let batch: ((batch: BodyBatch) => void) | undefined;
  let progress: ((done: number, total: number) => void) | undefined;
  let answer: (found: Map<string, Set<string>>) => void = () => {};
  let asked: readonly string[] = [];
  const source: BrowserBodies = {
    bodiesWith: (texts, onProgress, onBatch) => {
      asked = texts;
      progress = onProgress;
      batch = onBatch;
      return new Promise((resolve) => (answer = resolve));
    },
  };
  return {
    bodiesOf: () => source,
    progress: (done: number, total: number) => progress?.(done, total),
    batch: (paths: string[], found: string[]) =>
      batch?.({ paths, found: new Map([['gamma', new Set(found)]]) }),
    answer: (found: string[]) => answer(new Map([['gamma', new Set(found)]])),
    /** The last search asked for this text (typing may have started one for a shorter text before). */
    asked: (text: string) => () => asked.join(' ') === text,
  };
}

describe('a filter that searches article text', () => {
  it('shows title matches at once and body matches as they are found, saying how far it is, beside the prompt too', async () => {
    const driven = drivenBodies();
    const { frame, status, type, framesFrom } = await start({ bodiesOf: driven.bodiesOf });
    const seen = framesFrom();
    type('/gamma');
    // The title that holds the word is there before any body is read.
    await until(
      () => /Gamma news/.test(frame()) && !/Alpha news/.test(frame()),
      'the title match',
      frame,
    );
    await until(driven.asked('gamma'), 'the search of bodies');
    driven.progress(2, 5);
    // The prompt is open: how far the search is shows beside it.
    await until(
      () => /^\/gamma.*searching article text… 2\/5$/.test(status()),
      'the progress beside the prompt',
      frame,
    );
    driven.batch(['a.md', 'b.md'], ['a.md']);
    await until(
      () => /Alpha news/.test(frame()) && /Gamma news/.test(frame()),
      'a body match joined',
      frame,
    );
    expect(frame()).not.toMatch(/Delta news/);
    type(ENTER);
    await until(
      () => /searching article text… 2\/5/.test(status()),
      'the progress in the status line',
      frame,
    );
    driven.answer(['a.md', 'd.md']);
    await until(() => /3 of 5 articles/.test(status()), 'the whole answer', frame);
    expect(status()).not.toMatch(/searching/);
    expect(frame()).toMatch(/Delta news/);
    expect(seen().some((f) => /No article matches/.test(f))).toBe(false);
  });

  it('says it is still searching, not that nothing matches, until the bodies are read', async () => {
    const driven = drivenBodies();
    const { frame, status, type, framesFrom } = await start({ bodiesOf: driven.bodiesOf });
    const seen = framesFrom();
    type(`/zebra${ENTER}`);
    await until(driven.asked('zebra'), 'the search of bodies');
    await until(
      () => /searching article text…; nothing found yet/.test(frame()),
      'the wait said',
      frame,
    );
    driven.answer([]);
    await until(() => /No article matches/.test(frame()), 'the empty answer', frame);
    expect(status()).toMatch(/0 of 5 articles/);
    const before = seen().findIndex((f) => /No article matches/.test(f));
    expect(
      seen()
        .slice(0, before)
        .some((f) => /searching article text/.test(f)),
    ).toBe(true);
  });

  it('ends with what list --search prints, reading the bodies without an index', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      files[`p${i}.md`] =
        `---\ntitle: Post ${i}${i % 9 === 0 ? ' about quasars' : ''}\ndate: 2026-10-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00\n---\n<p>${i % 7 === 0 ? 'A quasar seen.' : 'Plain text.'}</p>`;
    const root = tempCorpus(files);
    const { frame, status, type, framesFrom } = await start({ root });
    const seen = framesFrom();
    type(`/quasar${ENTER}`);
    const listed = await runMain(['list', root, '--search', 'quasar'], { cwd: root });
    expect(listed.code, listed.stderr).toBe(0);
    const titles = listed.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[2]!);
    await until(
      () => status().includes(`${titles.length} of 40 articles`),
      'the answer of list --search',
      frame,
    );
    const rows = frame()
      .split('\n')
      .filter((line) => /^[▸ ] Oct/.test(line))
      .map((line) => line.slice(13).trim());
    expect(rows).toEqual(titles);
    expect(seen().some((f) => /No article matches/.test(f))).toBe(false);
  });
});

describe('the body index, brought up to date in the background', () => {
  it('is prepared once the whole list is there, and stopped when the browser ends', async () => {
    const calls: string[] = [];
    const bodiesOf = (corpus: Corpus): BrowserBodies => ({
      bodiesWith: async () => null,
      prepare: async (onProgress) => {
        calls.push(`prepare ${corpus.articles.length}${corpus.partial ? ' partial' : ''}`);
        onProgress?.(1, 4);
        return new Promise<boolean>(() => {});
      },
      stop: () => calls.push('stop'),
    });
    const { app, status, frame } = await start({ bodiesOf });
    await until(() => /indexing article text… 1\/4/.test(status()), 'the indexing said', frame);
    expect(calls).toEqual(['prepare 5']);
    app.unmount();
    expect(calls).toEqual(['prepare 5', 'stop']);
  });

  it.runIf(bodyIndexAvailable())(
    'answers the first search from an index built before it was asked',
    async () => {
      const root = folder();
      const cache = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
      const index = new IndexCache(path.join(cache, 'index'));
      const file = bodyIndexFile(cache, root);
      const built: string[] = [];
      const bodiesOf = (corpus: Corpus) => {
        const bodies = new BodyIndex(file, corpus);
        return {
          bodiesWith: bodies.bodiesWith.bind(bodies),
          stop: () => bodies.stop(),
          prepare: async (onProgress?: (done: number, total: number) => void) => {
            const done = await bodies.prepare(onProgress);
            built.push(String(done));
            return done;
          },
        };
      };
      const { frame, status, type } = await start({ root, index, bodiesOf });
      await until(() => built.length > 0, 'the index prepared', frame);
      expect(built).toEqual(['true']);
      const db = openBodyIndex(file)!;
      expect(db.prepare('SELECT count(*) AS n FROM files').get()).toEqual({ n: 5 });
      db.close();
      type(`/gamma${ENTER}`);
      await until(() => /3 of 5 articles/.test(status()), 'the answer', frame);
    },
  );
});
