// Key press → frame in the browser, in-process, on a large synthetic list: the
// time from writing a key to Ink's stdout to the new frame having been written.
// Baseline in the same run: the same measurement on an Ink app that redraws a
// full screen of plain text per key (the floor for any full-screen Ink app).
import { performance } from 'node:perf_hooks';
import { Box, Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { createElement, useState } from 'react';
import { ReadingState } from '../dist/state/reading.js';
import { App } from '../dist/ui/App.js';
import { median, report } from './lib.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../dist/corpus/load.js';
import { sniffImage } from '../dist/images/sniff.js';

const WORDS = [
  '编译器',
  '发布',
  'release',
  '终端',
  'reader',
  '数据',
  'Kafka',
  'Rust',
  '夜市',
  '灯塔',
  'typhoon',
  '茶',
];

/** N articles as the corpus layer would give them, newest first. */
export function syntheticArticles(count, now = Date.now()) {
  const articles = [];
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 6 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(
      ' ',
    );
    articles.push({
      path: `posts/${i}.md`,
      absolutePath: `/corpus/posts/${i}.md`,
      title: `${title} ${i}`,
      date: now - i * 3_600_000,
      dateFromFile: false,
      updated: null,
      categories: [
        [['新媒体', '编程', '博客'][i % 3], `Source ${i % 40}`, ['最新', 'news'][i % 2]],
      ],
      tags: [],
      author: `Source ${i % 40}`,
      image: null,
      link: null,
      meta: {},
      problems: [],
      format: 'html',
    });
  }
  return articles;
}

async function until(condition) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** Median and worst ms from key to a changed frame, over `presses` presses of each key. */
async function keyToFrame(app, keys) {
  const times = [];
  for (const key of keys) {
    const before = app.frames.length;
    const start = performance.now();
    app.stdin.write(key);
    await until(() => app.frames.length > before);
    times.push(performance.now() - start);
  }
  return { median: median(times), worst: Math.max(...times) };
}

function FullScreen() {
  const [n, setN] = useState(0);
  useInput(() => setN((value) => value + 1));
  const line = (i) =>
    `${String(n + i).padStart(6)} ${'Lorem ipsum 终端阅读 '.repeat(6)}`.slice(0, 99);
  return createElement(
    Box,
    { flexDirection: 'column' },
    ...Array.from({ length: 29 }, (_, i) => createElement(Text, { key: i }, line(i))),
  );
}

export async function benchTui(counts = [20_000]) {
  console.log('\nkey press → frame, in-process (ink-testing-library), 100×30');
  const plain = render(createElement(FullScreen));
  await until(() => plain.frames.length > 0);
  const floor = await keyToFrame(plain, Array(200).fill('j'));
  plain.unmount();
  const baseline = { name: 'full-screen Ink app', value: floor.median };
  report('Ink app redrawing 29 lines per key (baseline)', floor.median, 'ms');
  for (const count of counts) {
    const corpus = { root: '/corpus', articles: syntheticArticles(count), problems: [] };
    const reading = new ReadingState('/nonexistent/broadsheet-bench/reading.json');
    const effects = { openUrl: async () => null, copy() {} };
    const startedAt = performance.now();
    const app = render(
      createElement(App, {
        load: async () => corpus,
        reading,
        effects,
        size: { columns: 100, rows: 30 },
      }),
    );
    await until(() => (app.lastFrame() ?? '').includes(`${count} articles`));
    report(`${count} articles: mount → first list frame`, performance.now() - startedAt, 'ms');
    const held = await keyToFrame(app, Array(300).fill('j'));
    report(`${count} articles: holding j (median)`, held.median, 'ms', baseline);
    report(`${count} articles: holding j (worst of 300)`, held.worst, 'ms');
    const jumps = await keyToFrame(
      app,
      Array(40)
        .fill(0)
        .flatMap(() => ['G', 'g']),
    );
    report(`${count} articles: G and g (median)`, jumps.median, 'ms', baseline);
    app.stdin.write('/');
    await until(() => (app.lastFrame() ?? '').includes('/'));
    const typed = await keyToFrame(app, [...'title:rust']);
    report(`${count} articles: filter keystroke (median)`, typed.median, 'ms', baseline);
    report(`${count} articles: filter keystroke (worst)`, typed.worst, 'ms');
    app.unmount();
  }
}

/** Scrolling an article with ten pictures drawn as half-blocks or kitty placeholders. */
export async function benchPictures() {
  console.log('\nscrolling an article with 10 pictures, key press → frame, in-process, 100×30');
  const bytes = readFileSync(
    fileURLToPath(new URL('../articles/assets/mountains.png', import.meta.url)),
  );
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-'));
  const body = Array.from(
    { length: 10 },
    (_, i) =>
      `<p>${'Words about the picture. '.repeat(12)}</p><img src="p${i}.png" alt="picture ${i}">`,
  ).join('');
  writeFileSync(
    path.join(root, 'pictures.md'),
    `---\ntitle: Ten pictures\ndate: 2026-01-01\n---\n${body}`,
  );
  for (const protocol of ['blocks', 'kitty']) {
    const pictures = {
      protocol,
      depth: 'truecolor',
      cell: { width: 10, height: 20 },
      load: async () => ({ ok: true, bytes, info: sniffImage(bytes) }),
      writeRaw: () => {},
    };
    const app = render(
      createElement(App, {
        load: () => loadCorpus(root),
        reading: new ReadingState('/nonexistent/broadsheet-bench/reading.json'),
        effects: { openUrl: async () => null, copy() {} },
        size: { columns: 100, rows: 30 },
        pictures,
      }),
    );
    await until(() => (app.lastFrame() ?? '').includes('Ten pictures'));
    app.stdin.write('\r');
    await until(
      () =>
        !(app.lastFrame() ?? '').includes('loading…') &&
        (app.lastFrame() ?? '').includes('Words about'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = await keyToFrame(app, Array(200).fill('j'));
    report(`${protocol}: holding j through the pictures (median)`, held.median, 'ms');
    report(`${protocol}: holding j through the pictures (worst)`, held.worst, 'ms');
    app.unmount();
  }
  rmSync(root, { recursive: true, force: true });
}
