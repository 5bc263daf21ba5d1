import { describe, expect, it } from 'vitest';
import { runMain, tempCorpus } from './helpers.js';

/** Small Markdown files that once overflowed the parser's stack. */
const DEEP = {
  'quotes.md': `${'>'.repeat(3000)} deep quote\n`,
  'stars.md': `${'*'.repeat(3000)}starred${'*'.repeat(3000)}\n`,
  'quoted-lists.md': `${'> - '.repeat(2000)}deep item\n`,
};
const article = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2021-01-01\n---\n${body}`;

describe('small Markdown files nested thousands deep', () => {
  it.each(Object.entries(DEEP))('%s prints with cat, exit 0', async (name, body) => {
    const root = tempCorpus({ [name]: article(name, body) });
    const result = await runMain(['cat', `${root}/${name}`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/deep quote|starred|deep item/);
  });

  it('spoil nothing of the others in cat --all, --json and --ndjson', async () => {
    const root = tempCorpus({
      ...Object.fromEntries(
        Object.entries(DEEP).map(([name, body]) => [name, article(name, body)]),
      ),
      'plain.md': article('A plain one', 'Just text.\n'),
    });
    const all = await runMain(['cat', '--all', root]);
    expect(all.code).toBe(0);
    for (const title of [...Object.keys(DEEP), 'A plain one', 'Just text.'])
      expect(all.stdout).toContain(title);
    const json = await runMain(['cat', '--all', '--json', root]);
    expect(json.code).toBe(0);
    const records = JSON.parse(json.stdout) as Array<{ title: string; text: string }>;
    expect(records.map((r) => r.title).sort()).toEqual(
      ['A plain one', ...Object.keys(DEEP)].sort(),
    );
    const ndjson = await runMain(['cat', '--all', '--ndjson', root]);
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as object),
    ).toHaveLength(4);
  });
});
