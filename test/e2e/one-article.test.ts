import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers.js';
import { browserCommand, hasTmux, shellQuote, statusOf, TmuxSession } from './tmux.js';

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} of the note.`).join('\n\n');

describe.runIf(hasTmux)('one article, from the shell', () => {
  it('opens a file in the reader; q quits; opened again it is where it was left', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'README.md');
    writeFileSync(
      file,
      `# Notes from the shell\n\nSee [the site](https://example.com/site).\n\n${paragraphs(40)}\n`,
    );
    const env = { XDG_STATE_HOME: tempFolder(), XDG_CACHE_HOME: tempFolder() };
    const first = new TmuxSession(browserCommand(file), { columns: 80, rows: 20, env });
    await first.waitFor(
      (s) => /Notes from the shell/.test(statusOf(s)) && s.some((l) => l.includes('Paragraph 1 ')),
      'the reader on the file',
    );
    // Searching it works as in any article.
    first.send(['/']);
    first.send(['Paragraph 30 '], true);
    first.send(['Enter']);
    const found = await first.waitFor(
      (s) => /match 1\/1/.test(statusOf(s)) && s.some((l) => l.includes('Paragraph 30 ')),
      'the match',
    );
    // The first line of text on screen (a blank line at the top is no place of its own).
    const textOnTop = (screen: string[]) => screen.find((line) => line.trim() !== '');
    const top = textOnTop(found);
    expect(top).toMatch(/Paragraph \d+ of the note\./);
    first.send(['q']);
    expect(await first.exitCode()).toBe(0);
    first.close();
    const again = new TmuxSession(browserCommand(file), { columns: 80, rows: 20, env });
    const reopened = await again.waitFor(
      (s) => /Notes from the shell/.test(statusOf(s)) && textOnTop(s) === top,
      'the place it was left',
    );
    expect(reopened.some((l) => l.includes('Paragraph 1 '))).toBe(false);
    again.send(['Escape']);
    expect(await again.exitCode()).toBe(0);
  });

  it('reads an article piped in, its keys from the terminal', async () => {
    const folder = tempFolder();
    const page = path.join(folder, 'page.html');
    writeFileSync(
      page,
      `<!DOCTYPE html><html><head><title>A piped page</title></head><body>${Array.from(
        { length: 40 },
        (_, i) => `<p>Piped paragraph ${i + 1}.</p>`,
      ).join('')}</body></html>`,
    );
    // An editor that says whether its keyboard is the terminal, and adds a line to what it edits.
    const log = path.join(tempFolder(), 'editor');
    const editor = path.join(tempFolder(), 'edit-it');
    writeFileSync(
      editor,
      `#!/bin/sh\nif [ -t 0 ]; then echo terminal >> ${shellQuote(log)}; else echo pipe >> ${shellQuote(log)}; fi\necho '<p>Added by the editor.</p>' >> "$1"\n`,
    );
    chmodSync(editor, 0o755);
    // The environment is the browser's, after the pipe (before it, it would be cat's alone).
    const env = { XDG_STATE_HOME: tempFolder(), XDG_CACHE_HOME: tempFolder(), VISUAL: editor };
    const assignments = Object.entries(env).map(([key, value]) => `${key}=${shellQuote(value)}`);
    const tmux = new TmuxSession(
      `cat ${shellQuote(page)} | env ${assignments.join(' ')} ${browserCommand('-')}`,
      { columns: 80, rows: 20 },
    );
    await tmux.waitFor(
      (s) => /A piped page/.test(statusOf(s)) && s.some((l) => l.includes('Piped paragraph 1.')),
      'the piped article',
    );
    tmux.send(['Space']);
    await tmux.waitFor(
      (s) => !s.some((l) => l.includes('Piped paragraph 1.')) && /\d+% · A piped/.test(statusOf(s)),
      'the next page: keys come from the terminal',
    );
    // e edits the article as it came, with the terminal for a keyboard; what was written shows.
    tmux.send(['e']);
    await tmux.waitFor(() => existsSync(log), 'the editor');
    expect(readFileSync(log, 'utf8')).toBe('terminal\n');
    // The editor wrote its log before it ended: the text is read again after that, maybe after a G is
    // taken (the reader then keeps its place and the new end is below it). G until the end shows it.
    await tmux.waitFor(
      (s) => {
        if (s.some((l) => l.includes('Added by the editor.'))) return true;
        tmux.send(['G']);
        return false;
      },
      'the edit, read again',
      undefined,
      250,
    );
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('keeps keys typed before the article is on screen', async () => {
    const folder = tempFolder();
    const page = path.join(folder, 'page.html');
    writeFileSync(
      page,
      `<!DOCTYPE html><title>A slow page</title>${Array.from(
        { length: 60 },
        (_, i) => `<p>Slow paragraph ${i + 1}.</p>`,
      ).join('')}`,
    );
    const env = `XDG_STATE_HOME=${shellQuote(tempFolder())} XDG_CACHE_HOME=${shellQuote(tempFolder())}`;
    // A pipe that is slow to give its text: G is typed before the browser has begun.
    const tmux = new TmuxSession(
      `(sleep 1; cat ${shellQuote(page)}) | env ${env} ${browserCommand('-')}`,
      { columns: 80, rows: 20 },
    );
    tmux.send(['G']);
    const end = await tmux.waitFor(
      (s) => /A slow page/.test(statusOf(s)) && s.some((l) => l.includes('Slow paragraph 60.')),
      'the end of the article, where G took it',
    );
    expect(statusOf(end)).toMatch(/100%/);
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });
});
