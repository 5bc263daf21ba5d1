import { describe, expect, it } from 'vitest';
import { askTerminal, terminalQuery, underMultiplexer } from '../src/images/detect.js';

/** Whether a query holds an APC string (`ESC _`), which tmux and screen take for a title. */
const hasApc = (query: string) => query.includes('\u001b_');

describe('what broadsheet asks the terminal at start', () => {
  it('asks for kitty graphics only where no multiplexer stands between', () => {
    expect(hasApc(terminalQuery({ TERM: 'xterm-256color' }))).toBe(true);
    for (const env of [
      { TMUX: '/tmp/tmux-0/default,1,0', TERM: 'xterm-256color' },
      { TERM: 'tmux-256color' },
      { TERM: 'screen.xterm-256color' },
      { STY: '1234.pts-0.host', TERM: 'xterm' },
    ]) {
      expect(underMultiplexer(env)).toBe(true);
      const query = terminalQuery(env);
      expect(hasApc(query)).toBe(false);
      // The rest is still asked, the device attributes last: they end the wait.
      expect(query).toContain('\u001b]11;?');
      expect(query.endsWith('\u001b[c')).toBe(true);
    }
  });

  it('writes the multiplexer-safe query when asked inside tmux', async () => {
    const written: string[] = [];
    let listener: ((answer: string) => void) | undefined;
    const source = {
      onAnswer(next: (answer: string) => void) {
        listener = next;
        return () => {
          listener = undefined;
        };
      },
    };
    const answers = askTerminal(source, (query) => written.push(query), { TMUX: '/tmp/x,1,0' });
    listener?.('\u001b]11;rgb:0000/0000/0000\u001b\\');
    listener?.('\u001b[?1;2c');
    expect(await answers).toMatchObject({ kitty: false, background: expect.any(String) });
    expect(written.join('')).not.toContain('\u001b_');
  });
});
