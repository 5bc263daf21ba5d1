import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { plain, unmountAfterEach, until } from './frames.js';
import {
  looksLikeHtml,
  namesOneArticle,
  oneArticleCorpus,
  standardInputFile,
} from '../src/commands/one-article.js';
import { readArticleFile } from '../src/corpus/read.js';
import { ReadingState } from '../src/state/reading.js';
import { App } from '../src/ui/App.js';
import { recordingEffects, tempCorpus } from './helpers.js';

const mounted = unmountAfterEach();

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} of the note.`).join('\n\n');

describe('one article instead of a folder', () => {
  it('tells HTML from Markdown by what the text is, front matter or not', () => {
    expect(looksLikeHtml('<!DOCTYPE html>\n<html><body><p>x</p></body></html>')).toBe(true);
    expect(looksLikeHtml('  <html lang="en"><head><title>T</title></head>')).toBe(true);
    expect(looksLikeHtml('<p>An exported feed item.</p>')).toBe(true);
    expect(looksLikeHtml('---\ntitle: A\n---\n<div>body</div>')).toBe(true);
    expect(looksLikeHtml('# A heading\n\nSome <b>bold</b> words.')).toBe(false);
    expect(looksLikeHtml('---\ntitle: A\n---\nPlain *Markdown*.')).toBe(false);
    expect(looksLikeHtml('')).toBe(false);
  });

  it('keeps standard input in a file named as its content is, removed after', () => {
    const html = standardInputFile(Buffer.from('<!doctype html><title>Piped</title><p>x</p>'));
    const markdown = standardInputFile(Buffer.from('# Piped\n\ntext'));
    try {
      expect(path.basename(html.file)).toBe('standard input.html');
      expect(path.basename(markdown.file)).toBe('standard input.md');
      expect(oneArticleCorpus(html.file).articles[0]).toMatchObject({
        title: 'Piped',
        format: 'html',
      });
      expect(oneArticleCorpus(markdown.file).articles[0]).toMatchObject({
        title: 'Piped',
        format: 'markdown',
      });
    } finally {
      html.remove();
      markdown.remove();
    }
    expect(namesOneArticle(html.file)).toBe(false);
  });

  it('reads a file named whatever it is called, and says why one is no article', () => {
    const root = tempCorpus({
      'notes.txt': 'Just words, no front matter.\n',
      'blob.md': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]),
    });
    const notes = path.join(root, 'notes.txt');
    // A folder's scan leaves a text file without front matter out; named, it is an article.
    expect(readArticleFile(root, notes).kind).toBe('ignored');
    expect(oneArticleCorpus(notes).articles[0]).toMatchObject({
      title: 'notes',
      absolutePath: notes,
    });
    expect(namesOneArticle(notes)).toBe(true);
    expect(namesOneArticle(root)).toBe(false);
    expect(namesOneArticle('-')).toBe(true);
    expect(() => oneArticleCorpus(path.join(root, 'blob.md'))).toThrow(
      /not an article: .*blob\.md: binary file/,
    );
  });

  it('opens the reader on it at once, where it was left, and q quits', async () => {
    const root = tempCorpus({ 'note.md': `# A note\n\n${paragraphs(40)}\n` });
    const file = path.join(root, 'note.md');
    const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
    const open = () => {
      const stop = vi.spyOn(reading, 'stop');
      const app = render(
        <App
          load={() => Promise.resolve(oneArticleCorpus(file))}
          initialCorpus={oneArticleCorpus(file)}
          single
          start={{ open: file }}
          reading={reading}
          effects={recordingEffects().effects}
          size={{ columns: 80, rows: 12 }}
          folderLabel="note.md"
        />,
      );
      mounted.push(app);
      const frame = () => plain(app.lastFrame() ?? '');
      return { app, frame, stop };
    };
    const first = open();
    await until(
      () => first.frame().includes('Paragraph 1 of the note.'),
      'the reader',
      first.frame,
    );
    // Its hints say that q quits: there is no list to go back to.
    expect(first.frame().split('\n').at(-1)).toMatch(/q quit/);
    // No list was ever shown: the first frame is the article's.
    expect(first.app.frames.map(plain).some((f) => /1 article/.test(f))).toBe(false);
    // A search takes it to one place, however fast the keys are taken.
    first.app.stdin.write('/');
    await until(() => first.frame().includes('/'), 'the search prompt', first.frame);
    first.app.stdin.write('Paragraph 20 ');
    first.app.stdin.write('\r');
    await until(
      () => /match 1\/1/.test(first.frame()) && !first.frame().includes('Paragraph 1 of'),
      'the match, down the article',
      first.frame,
    );
    // The first line of text on screen (a blank line at the top is no place of its own).
    const textOnTop = (frame: string) => frame.split('\n').find((line) => line.trim() !== '');
    const place = textOnTop(first.frame());
    expect(place).toMatch(/Paragraph \d+ of the note\./);
    first.app.stdin.write('q');
    await until(() => first.stop.mock.calls.length > 0, 'the browser ended', first.frame);
    expect(reading.isRead(file)).toBe(true);
    first.stop.mockRestore();
    // Opened again: at the same place.
    const again = open();
    await until(() => textOnTop(again.frame()) === place, 'the place it was left', again.frame);
  });

  it('says no date of standard input, its title once, no next article, and m keeps it unread', async () => {
    const copy = standardInputFile(
      Buffer.from(
        `<!DOCTYPE html><title>A piped page</title><h1>A piped page</h1><p>Its text.</p>`,
      ),
    );
    const root = tempCorpus({ 'note.md': `# A note\n\n${paragraphs(40)}\n` });
    const file = path.join(root, 'note.md');
    const reading = ReadingState.inFolder(mkdtempSync(path.join(tmpdir(), 'broadsheet-state-')));
    const open = (article: string, corpus: () => ReturnType<typeof oneArticleCorpus>) => {
      const stop = vi.spyOn(reading, 'stop');
      const app = render(
        <App
          load={() => Promise.resolve(corpus())}
          initialCorpus={corpus()}
          single
          start={{ open: article }}
          reading={reading}
          effects={recordingEffects().effects}
          size={{ columns: 80, rows: 12 }}
        />,
      );
      mounted.push(app);
      const frame = () => plain(app.lastFrame() ?? '');
      return { app, frame, stop };
    };
    const alone = (frame: string, text: string) =>
      frame.split('\n').filter((line) => line.trim() === text).length;
    try {
      const piped = open(copy.file, () =>
        oneArticleCorpus(copy.file, 'standard input', { fromInput: true }),
      );
      await until(() => piped.frame().includes('Its text.'), 'the piped article', piped.frame);
      expect(piped.frame()).not.toMatch(/time|date|\d{4}-\d\d-\d\d/);
      expect(alone(piped.frame(), 'A piped page')).toBe(1);
      piped.app.unmount();
    } finally {
      copy.remove();
    }
    const note = open(file, () => oneArticleCorpus(file));
    await until(() => note.frame().includes('Paragraph 1 of the note.'), 'the note', note.frame);
    // Its heading is its title: said once, above the date.
    expect(alone(note.frame(), 'A note')).toBe(1);
    const status = () => note.frame().split('\n').at(-1)!;
    expect(status()).toMatch(/Space page/);
    expect(status()).not.toMatch(/next/);
    note.app.stdin.write('G');
    await until(() => /100%/.test(status()), 'the end', note.frame);
    note.app.stdin.write(' ');
    await until(() => /the end of the article/.test(status()), 'the end said', note.frame);
    expect(status()).not.toMatch(/last article/);
    expect(reading.isRead(file)).toBe(true);
    // m: quits, the article kept unread.
    note.app.stdin.write('m');
    await until(() => note.stop.mock.calls.length > 0, 'the browser ended', note.frame);
    expect(reading.isRead(file)).toBe(false);
  });
});
