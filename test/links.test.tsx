import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { ReadingState } from '../src/state/reading.js';
import { openableUrl } from '../src/text/urls.js';
import { App } from '../src/ui/App.js';
import { plain, unmountAfterEach, until } from './frames.js';
import { tempCorpus, tempFolder } from './helpers.js';

describe('links handed to the browser', () => {
  it('are web and mail links only, whole', () => {
    expect(openableUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(openableUrl('mailto:someone@example.org')).toBe('mailto:someone@example.org');
    for (const refused of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>',
      'smb://host/share',
      'ssh://host',
      '-oProxyCommand=touch /tmp/x',
      '../relative/path',
      'http://',
    ])
      expect(openableUrl(refused), refused).toBeNull();
  });

  const mounted = unmountAfterEach();

  it('are opened from the list and the reader, and anything else is shown, not opened', async () => {
    const root = tempCorpus({
      'a.md': `---\ntitle: Tricky links\ndate: 2026-11-26 09:00\nlink: "javascript:alert(1)"\n---\n<p><a href="file:///etc/passwd">one</a> <a href="-oProxyCommand=x">two</a> <a href="https://example.org/ok">three</a></p>`,
    });
    const opened: string[] = [];
    const app = render(
      <App
        load={(onProgress) => loadCorpus(root, { onProgress })}
        reading={ReadingState.inFolder(tempFolder())}
        effects={{
          openUrl: async (url) => {
            opened.push(url);
            return url.includes('ok') ? null : 'xdg-open failed (exit 4)';
          },
          copy() {},
          handOver: () => Promise.resolve(null),
          readFile: () => Promise.resolve(''),
        }}
        size={{ columns: 100, rows: 16 }}
        now={new Date(2026, 10, 26, 12).getTime()}
      />,
    );
    mounted.push(app);
    const frame = () => plain(app.lastFrame() ?? '');
    const press = async (key: string, expected: (f: string) => boolean, what: string) => {
      app.stdin.write(key);
      await until(() => expected(frame()), what, frame);
    };
    await until(() => frame().includes('Tricky links'), 'the list', frame);
    await press('o', (f) => f.includes('not opened'), 'the refusal');
    expect(frame()).toContain('not opened (only web and mail links open): javascript:alert(1)');
    await press('\r', (f) => f.includes('three'), 'the reader');
    for (const [n, shown] of [
      ['1', 'not opened (only web and mail links open): file:///etc/passwd'],
      ['2', 'not opened (only web and mail links open): -oProxyCommand=x'],
      ['3', 'opened https://example.org/ok'],
    ] as const) {
      await press('o', (f) => f.includes('open link number:'), 'the prompt');
      await press(n, (f) => f.includes(`open link number: ${n}`), 'the number');
      await press('\r', (f) => f.includes(shown), shown);
    }
    expect(opened).toEqual(['https://example.org/ok']);
  });
});
