import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCorpus, fixtureCorpus, tempCorpus, tempFolder } from '../helpers.js';
import { ReadingState } from '../../src/state/reading.js';
import { hasTmux, shellQuote, TmuxSession, browserCommand, statusOf, WAIT_MS } from './tmux.js';

const command = browserCommand;
const status = statusOf;
/** An SGR sequence that sets a colour (foreground, background, 256 or 24-bit). */
const COLOR = /\u001b\[(?:[\d;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

function session(run: string, env: Record<string, string> = {}, columns = 100, rows = 30) {
  return new TmuxSession(run, {
    columns,
    rows,
    env: {
      XDG_STATE_HOME: tempFolder(),
      XDG_CACHE_HOME: tempFolder(),
      TERM: 'xterm-256color',
      ...env,
    },
  });
}

describe.runIf(hasTmux)('the browser on terminals that are not like ours', () => {
  it('lists instead, with a message, on TERM=dumb: no escape sequence', async () => {
    const tmux = session(command(demoCorpus), { TERM: 'dumb' });
    const screen = await tmux.waitFor(
      (s) => s.some((line) => line.includes('About these articles')),
      'the list',
    );
    expect(await tmux.exitCode()).toBe(0);
    expect(tmux.raw()).toMatch(
      /^broadsheet: this terminal \(TERM=dumb\) cannot show the browser; listing the articles instead\r?\n/,
    );
    expect(screen.join('\n')).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d\s+\S/);
    expect(tmux.raw()).not.toContain('\u001b[');
  });

  it('honours NO_COLOR: bold, dim and inverse, but no colour anywhere', async () => {
    const tmux = session(command(demoCorpus), { NO_COLOR: '1' });
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /\d+%/.test(status(s)), 'the reader');
    tmux.send(['q']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list again');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
    const raw = tmux.raw();
    expect(raw).toContain('\u001b[7m');
    expect(raw).not.toMatch(COLOR);
  });

  it('draws ASCII rules and markers in a C locale', async () => {
    const tmux = session(command(demoCorpus), { LANG: 'C', LC_ALL: '', LC_CTYPE: '' });
    const screen = await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    const text = screen.join('\n');
    expect(text).not.toMatch(/[─│▸▾]/);
    expect(text).toMatch(/ November 2026 -{20,}/);
    expect(text).toMatch(/^> /m);
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('gives the terminal back on Ctrl+Z, and takes it again on fg', async () => {
    const tmux = session('PS1="shell$ " bash --norc --noprofile -i');
    await tmux.waitFor((s) => s.some((line) => line.startsWith('shell$')), 'the shell');
    tmux.send([`${command(demoCorpus)}`, 'Enter']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['C-z']);
    // The shell's prompt on the main screen, the terminal cooked: a typed line is echoed.
    await tmux.waitFor(
      (s) => s.some((line) => /Stopped/.test(line)) && s.at(-1) !== undefined,
      'the stopped job',
    );
    tmux.send(['stty -a | grep -o -- " -\\?icanon " ; echo done', 'Enter']);
    let screen = await tmux.waitFor((s) => s.some((line) => line === 'done'), 'stty');
    expect(screen.join('\n')).toMatch(/^ icanon\s*$/m);
    expect(screen.join('\n')).not.toContain('32 articles');
    tmux.send(['fg', 'Enter']);
    screen = await tmux.waitFor(
      (s) => /32 articles/.test(status(s)) && s.some((line) => line.startsWith('▸')),
      'the list drawn again',
    );
    const selected = screen.findIndex((line) => line.startsWith('▸'));
    // Raw again: one key, no Enter, moves the selection.
    tmux.send(['j']);
    screen = await tmux.waitFor(
      (s) => s.findIndex((line) => line.startsWith('▸')) === selected + 1,
      'j after fg',
    );
    tmux.send(['q']);
    await tmux.waitFor((s) => s.some((line) => line.startsWith('shell$')), 'the shell again');
  });

  it("leaves tmux's pane title as it was, while it runs and after", async () => {
    const tmux = session('PS1="shell$ " bash --norc --noprofile -i');
    await tmux.waitFor((s) => s.some((line) => line.startsWith('shell$')), 'the shell');
    tmux.tmux('select-pane', '-t', 'main', '-T', 'my pane');
    const title = () => tmux.tmux('display-message', '-p', '-t', 'main', '#{pane_title}').trim();
    expect(title()).toBe('my pane');
    tmux.send([`${command(demoCorpus)}`, 'Enter']);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    // The start-up questions have been asked and answered: the theme follows the answer.
    await tmux.settled();
    expect(title()).toBe('my pane');
    tmux.send(['q']);
    await tmux.waitFor(
      (s) => s.filter((line) => line.startsWith('shell$')).length >= 2,
      'the shell again',
    );
    expect(title()).toBe('my pane');
  });

  it('gives up a prompt on Ctrl+C, as readline does, and quits on Ctrl+C in the list', async () => {
    const tmux = session(command(demoCorpus));
    await tmux.waitFor((s) => /^ ?32 articles/.test(status(s).trimStart()), 'the list');
    tmux.send(['/']);
    tmux.send(['weekly'], true);
    await tmux.waitFor((s) => status(s).startsWith('/weekly'), 'the filter typed');
    tmux.send(['C-c']);
    // The prompt is gone and the filter it was typing is taken back: every article again.
    await tmux.waitFor(
      (s) => /^ ?32 articles/.test(status(s).trimStart()) && !status(s).includes('weekly'),
      'the list, unfiltered',
    );
    tmux.send(['j']);
    await tmux.waitFor((s) => s.findIndex((line) => line.startsWith('▸')) > 1, 'j after Ctrl+C');
    tmux.send(['C-c']);
    expect(await tmux.exitCode()).toBe(0);
  });

  it('writes nothing on stderr at exit', async () => {
    const folder = tempFolder();
    const errors = path.join(folder, 'stderr');
    const tmux = session(`${command(demoCorpus)} 2>${shellQuote(errors)}`);
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['q']);
    expect(await tmux.exitCode()).toBe(0);
    expect(readFileSync(errors, 'utf8')).toBe('');
  });
});

describe.runIf(hasTmux)('cat on a terminal', () => {
  /** Whether `cat` asked the terminal about pictures (kitty's graphics query), run where it would ask. */
  async function asks(args: string[], env: Record<string, string> = {}): Promise<boolean> {
    const tmux = session(command('cat', ...args), { TMUX: '', ...env });
    expect(await tmux.exitCode()).toBe(0);
    return tmux.raw().includes('\u001b_Gi=31');
  }

  it('asks the terminal only when there is a picture to draw in colour', async () => {
    const noPictures = path.join(demoCorpus, 'about.md');
    const pictures = path.join(fixtureCorpus, '000_4f1c2a9e7b3d5c60.txt');
    expect(await asks([noPictures])).toBe(false);
    expect(await asks([pictures, '--images', 'none'])).toBe(false);
    expect(await asks([pictures, '--offline'], { NO_COLOR: '1' })).toBe(false);
    expect(await asks([pictures, '--offline'])).toBe(true);
  });
});

describe.runIf(hasTmux)('the reading state, however the browser ends', () => {
  it('keeps the place being read when the browser is killed', async () => {
    const state = tempFolder();
    // An article several screens long: one read to its end would reopen at its start.
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} of the long read.`);
    const root = tempCorpus({
      'long.md': `---\ntitle: Reading in the terminal\ndate: 2026-11-20\n---\n${paragraphs.join('\n\n')}\n`,
    });
    const tmux = session(command(root), { XDG_STATE_HOME: state });
    await tmux.waitFor((s) => /1 article/.test(status(s)), 'the list');
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /\d+%/.test(status(s)), 'the reader');
    tmux.send(['d']);
    const top = await tmux.waitFor(
      (s) => !s[0]!.includes('Reading in the terminal'),
      'half a page down',
    );
    expect(top[0]).not.toContain('Reading in the terminal');
    const pid = tmux.tmux('list-panes', '-t', 'main', '-F', '#{pane_pid}').trim();
    const node = execFileSync('ps', ['-o', 'pid=', '--ppid', pid], { encoding: 'utf8' })
      .trim()
      .split('\n')[0]!
      .trim();
    process.kill(Number(node), 'SIGTERM');
    expect(await tmux.exitCode()).toBe(143);
    // Read as broadsheet reads it: the last saves may be in the journal beside the snapshot.
    const saved = ReadingState.inFolder(path.join(state, 'broadsheet'), { readOnly: true });
    expect(saved.position(realpathSync(path.join(root, 'long.md')))).toBeGreaterThan(0);
  });

  it('ends quietly with status 129 when its terminal is closed, the marks saved', async () => {
    const state = tempFolder();
    const out = tempFolder();
    const [exitFile, errorFile] = [path.join(out, 'exit'), path.join(out, 'stderr')];
    // The shell around it outlives the terminal (it ignores SIGHUP; the browser does not) to write down how it ended.
    const wrapper = path.join(out, 'run.sh');
    writeFileSync(
      wrapper,
      `trap '' HUP\n${command(demoCorpus)} 2>${shellQuote(errorFile)}\necho $? > ${shellQuote(exitFile)}\n`,
    );
    const tmux = session(`bash ${shellQuote(wrapper)}`, { XDG_STATE_HOME: state });
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['m']);
    await tmux.waitFor((s) => /32 articles · 31 unread/.test(status(s)), 'the mark');
    tmux.tmux('kill-session', '-t', 'main');
    const deadline = Date.now() + WAIT_MS;
    while (!existsSync(exitFile) || readFileSync(exitFile, 'utf8') === '') {
      if (Date.now() > deadline) throw new Error('the wrapper never wrote the exit status');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('129');
    expect(readFileSync(errorFile, 'utf8')).toBe('');
    const reading = ReadingState.inFolder(path.join(state, 'broadsheet'), { readOnly: true });
    expect(reading.isRead(realpathSync(path.join(demoCorpus, 'reading-in-the-terminal.md')))).toBe(
      true,
    );
  });

  it('says on the screen, and in the exit code, that it could not save', async () => {
    const tmux = session(command(demoCorpus), { XDG_STATE_HOME: '/etc/passwd/x' });
    await tmux.waitFor((s) => /32 articles/.test(status(s)), 'the list');
    tmux.send(['Enter']);
    await tmux.waitFor((s) => /\d+%/.test(status(s)), 'the reader');
    tmux.send(['C-c']);
    expect(await tmux.exitCode()).toBe(1);
    const screen = await tmux.waitFor(
      (s) => s.some((line) => line.includes('broadsheet:')),
      'the message',
    );
    expect(screen.join('\n')).toMatch(
      /broadsheet: could not save the reading state in \/etc\/passwd\/x\/broadsheet\/reading\.json: /,
    );
  });
});
