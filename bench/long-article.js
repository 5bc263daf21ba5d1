// Keys while a long article is opened in the browser, in-process (ink-testing-library), 100×30:
// the longest the event loop is held (the longest a key, a signal or a frame waits) between Enter
// and the article's first frame, that time itself, and how long `q` typed 100 ms after Enter takes
// to bring the list back. Articles of about 8 MB: HTML paragraphs with links, and the same as Markdown.
// node bench/long-article.js [--dist DIR] [--runs N] [--mb N] [--only html|markdown]
// --dist DIR measures the browser built in DIR (default: this checkout's dist/), e.g. an older one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, report } from './lib.js';
import { clearInterval, setInterval } from 'node:timers';

const here = path.dirname(fileURLToPath(import.meta.url));
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const dist = path.resolve(option('dist', path.join(here, '../dist')));
const runs = Number(option('runs', 3));
const megabytes = Number(option('mb', 8));
// React's production build, as the browser runs it (its development build logs every prop).
process.env.NODE_ENV ??= 'production';
const { render } = await import('ink-testing-library');
const { createElement } = await import('react');
const from = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { App } = await from('ui/App.js');
const { loadCorpus } = await from('corpus/load.js');
const { ReadingState } = await from('state/reading.js');

const WORDS = 'the quick brown fox jumps over a lazy dog while reading long articles'.split(' ');

function paragraph(i, markdown) {
  const text = Array.from({ length: 60 }, (_, j) => WORDS[(i + j) % WORDS.length]).join(' ');
  const link = markdown
    ? `[link ${i}](https://example.org/${i})`
    : `<a href="https://example.org/${i}">link ${i}</a>`;
  const heading = i % 50 === 0 ? (markdown ? `## Part ${i}\n\n` : `<h2>Part ${i}</h2>\n`) : '';
  return markdown
    ? `${heading}${text} ${link} end-${i}.\n\n`
    : `${heading}<p>${text} ${link} end-${i}.</p>\n`;
}

function writeArticle(root, name, markdown) {
  const parts = [`---\ntitle: Long ${name}\ndate: 2026-11-20 10:00\n---\n`];
  let size = 0;
  for (let i = 0; size < megabytes * 1_000_000; i++) {
    const part = paragraph(i, markdown);
    parts.push(part);
    size += part.length;
  }
  writeFileSync(path.join(root, name), parts.join(''));
  return size;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
let current = null;
async function until(condition) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > 300_000)
      throw new Error(`no frame came in 300 s; the last:\n${current?.lastFrame()}`);
    await tick();
  }
}

/** Watches the event loop with a 1 ms timer: the longest gap between its turns. */
function stallWatch() {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  return () => {
    clearInterval(timer);
    return Math.max(worst, performance.now() - last);
  };
}

async function opened(root, title, quitAfter) {
  const state = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-state-'));
  const app = render(
    createElement(App, {
      load: () => loadCorpus(root),
      reading: ReadingState.inFolder(state),
      effects: { openUrl: async () => null, copy() {}, readFile: async () => '' },
      size: { columns: 100, rows: 30 },
    }),
  );
  current = app;
  const frame = () => (app.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  await until(() => frame().includes(title));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stopWatch = stallWatch();
  const start = performance.now();
  app.stdin.write('\r');
  let result;
  if (quitAfter === undefined) {
    await until(() => frame().includes('end-0.'));
    result = { shown: performance.now() - start, stall: stopWatch() };
  } else {
    const due = start + quitAfter;
    await new Promise((resolve) => setTimeout(resolve, quitAfter));
    app.stdin.write('q');
    await until(() => /\b1 article\b/.test(frame()) && !frame().includes('Reading…'));
    stopWatch();
    result = { back: performance.now() - due };
  }
  app.unmount();
  rmSync(state, { recursive: true, force: true });
  return result;
}

const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-long-'));
console.log(`\na long article opened in the browser (${dist}), ${runs} runs each, medians`);
const only = option('only', 'html,markdown').split(',');
for (const [name, markdown] of [
  ['long-html.md', false],
  ['long-markdown.md', true],
].filter(([, markdown]) => only.includes(markdown ? 'markdown' : 'html'))) {
  const folder = mkdtempSync(path.join(root, 'corpus-'));
  const size = writeArticle(folder, name, markdown);
  const title = `Long ${name}`;
  const shows = [];
  for (let i = 0; i < runs; i++) shows.push(await opened(folder, title));
  const backs = [];
  for (let i = 0; i < runs; i++) backs.push(await opened(folder, title, 100));
  const label = `${(size / 1e6).toFixed(1)} MB ${markdown ? 'Markdown' : 'HTML'}`;
  report(`${label}: Enter → article shown`, median(shows.map((run) => run.shown)), 'ms');
  report(`${label}: longest stall while opening`, median(shows.map((run) => run.stall)), 'ms');
  report(`${label}: q 100 ms after Enter → list`, median(backs.map((run) => run.back)), 'ms');
}
rmSync(root, { recursive: true, force: true });
