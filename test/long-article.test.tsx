// A long article is read and laid out a stretch at a time: keys typed meanwhile are answered at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach } from './frames.js';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import { recordingEffects, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();

/** A body of `paragraphs` paragraphs, each with a link: a megabyte and more to read and lay out. */
function longBody(paragraphs: number): string {
  const words = 'the quick brown fox jumps over a lazy dog reading long articles'.split(' ');
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const text = Array.from({ length: 40 }, (_, j) => words[(i + j) % words.length]).join(' ');
    parts.push(`<p>${text} <a href="https://example.org/${i}">link ${i}</a> paragraph-${i}.</p>`);
  }
  return parts.join('\n');
}

/** The next turn of the event loop, after whatever work was waiting for it. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Waits, a turn of the event loop at a time, until `condition` holds (the test's own limit ends it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('a long article', () => {
  it('answers a key typed while it is read and laid out: q leaves before it is shown, and it is not marked read', async () => {
    const root = tempCorpus({
      'long.md': '---\ntitle: A very long article\ndate: 2026-11-20 10:00\n---\n<p>Short.</p>\n',
    });
    const body = longBody(5_000);
    let reads = 0;
    const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
    const app = render(
      <App
        load={(onProgress) => loadCorpus(root, { onProgress })}
        reading={reading}
        effects={recordingEffects().effects}
        size={{ columns: 80, rows: 16 }}
        readBody={() => {
          reads++;
          return body;
        }}
      />,
    );
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    await until(() => frame().includes('A very long article'));
    app.stdin.write('\r');
    // The work has begun: q comes three turns of the event loop later, as a key typed meanwhile would.
    await until(() => reads === 1);
    for (let i = 0; i < 3; i++) await turn();
    app.stdin.write('q');
    await until(() => /1 article/.test(frame()) && !frame().includes('Reading…'));
    // The body was never drawn: q was taken while it was still being read or laid out.
    expect(app.frames.some((shown) => shown.includes('paragraph-0.'))).toBe(false);
    expect(reading.isRead(path.join(root, 'long.md'))).toBe(false);
    // Opened again, it is shown whole.
    app.stdin.write('\r');
    await until(() => frame().includes('paragraph-0.'));
    app.stdin.write('G');
    await until(() => frame().includes('https://example.org/4999'));
  }, 120_000);
});
