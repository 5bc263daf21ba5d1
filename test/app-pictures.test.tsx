import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Loaded } from '../src/images/load.js';
import { sniffImage } from '../src/images/sniff.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import type { PictureSettings } from '../src/ui/pictures.js';
import { recordingEffects, tempCorpus } from './helpers.js';
import { QUADRANTS } from './image-server.js';

const paragraphs = (from: number, to: number) =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `<p>Paragraph ${from + i} of the story.</p>`,
  ).join('');

const mounted = unmountAfterEach();

/** A browser on one article with a picture between paragraphs 3 and 4, its loads released by the test. */
async function start(protocol: PictureSettings['protocol']) {
  const root = tempCorpus({
    'story.md': `---\ntitle: A story with a picture\ndate: 2026-11-26 09:00\n---\n${paragraphs(1, 3)}<img src="http://pictures.example/quadrants.png" alt="four colours">${paragraphs(4, 40)}`,
  });
  const written: string[] = [];
  const loaded: Loaded = { ok: true, bytes: QUADRANTS, info: sniffImage(QUADRANTS) };
  const waiting: Array<() => void> = [];
  let released = false;
  /** Lets the pictures arrive: those asked for so far, and any asked for later. */
  const release = () => {
    released = true;
    for (const resolve of waiting.splice(0)) resolve();
  };
  const settings: PictureSettings = {
    protocol,
    depth: 'truecolor',
    cell: { width: 10, height: 20 },
    load: () =>
      released
        ? Promise.resolve(loaded)
        : new Promise<Loaded>((resolve) => waiting.push(() => resolve(loaded))),
    writeRaw: (sequence) => written.push(sequence),
  };
  const app = render(
    <App
      load={(onProgress) => loadCorpus(root, { onProgress })}
      reading={ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')))}
      effects={recordingEffects().effects}
      size={{ columns: 60, rows: 16 }}
      now={new Date(2026, 10, 26, 12).getTime()}
      pictures={settings}
    />,
  );
  mounted.push(app);
  const frame = () => plain(app.lastFrame() ?? '');
  const press = async (key: string, expected: (frame: string) => boolean, what: string) => {
    app.stdin.write(key);
    await until(() => expected(frame()), what, frame);
  };
  await until(() => frame().includes('A story with a picture'), 'the list', frame);
  await press('\r', (f) => f.includes('Paragraph 1 of the story.'), 'the reader');
  return { app, frame, press, written, release };
}

describe('pictures in the reader', () => {
  it('shows a note while a picture loads, then the picture as half-blocks', async () => {
    const { frame, release } = await start('blocks');
    await until(() => frame().includes('[image 1: four colours] loading…'), 'the note', frame);
    release();
    await until(() => frame().includes('▄▄▄▄'), 'the picture', frame);
    expect(frame()).not.toContain('loading…');
  });

  it('keeps the text being read in place when a picture above it arrives', async () => {
    const { frame, press, release } = await start('blocks');
    await press('d', (f) => !f.includes('Paragraph 1 of'), 'half a page down');
    await press('d', (f) => !f.includes('[image'), 'below the picture');
    const before = frame().split('\n').slice(0, 3);
    expect(before.join('\n')).not.toContain('[image:');
    const position = () => /(\d+)%/.exec(frame())?.[1];
    const shown = position();
    release();
    // The picture adds rows above the top of the page (the article grows, so the position
    // changes), and the page scrolls with them: the same text stays on top.
    const top = () => frame().split('\n').slice(0, 3).join('\n');
    await until(
      () => position() !== shown && top() === before.join('\n'),
      'the picture to arrive with the same text on top',
      frame,
    );
  });

  it('transmits kitty pictures once, draws them with placeholders, and frees them on leaving', async () => {
    const { app, frame, press, written, release } = await start('kitty');
    release();
    await until(() => written.some((s) => s.includes('a=T,U=1')), 'the transmission', frame);
    const id = /a=T,U=1,i=(\d+),c=(\d+),r=(\d+)/.exec(written.join(''))!;
    await until(() => (app.lastFrame() ?? '').includes('\u{10EEEE}'), 'the placeholders', frame);
    const rows = (app.lastFrame() ?? '').split('\n').filter((line) => line.includes('\u{10EEEE}'));
    const color = `\u001b[38;2;${(Number(id[1]) >> 16) & 255};${(Number(id[1]) >> 8) & 255};${Number(id[1]) & 255}m`;
    expect(rows[0]).toContain(color);
    expect(rows[0]!.match(/\u{10EEEE}/gu)).toHaveLength(Number(id[2]));
    await press('q', (f) => f.includes('Today'), 'the list');
    expect(written.at(-1)).toBe(`\u001b_Ga=d,d=I,i=${id[1]},q=2\u001b\\`);
  });

  it('shows the picture full screen on i, and returns on any key', async () => {
    const { frame, press, written, release } = await start('kitty');
    release();
    await until(() => written.some((s) => s.includes('a=T,U=1')), 'the transmission', frame);
    await press(
      'i',
      (f) => f.includes('four colours') && f.includes('any key returns'),
      'the full-screen view',
    );
    await until(
      () => written.some((s) => /^\u001b7\u001b\[H\u001b_Ga=T,i=\d+,c=\d+,r=\d+/.test(s)),
      'the full picture',
      frame,
    );
    await press('x', (f) => f.includes('Paragraph 1 of the story.'), 'the reader again');
    expect(written.at(-1)).toMatch(/^\u001b_Ga=d,d=I,i=\d+,q=2\u001b\\$/);
  });
});
