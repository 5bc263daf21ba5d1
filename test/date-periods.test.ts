// Dates in filters name a period (a year, a month, a day) or an instant (a time, 7d, 2w), and both
// after: and before: count the period in, as --since and --until do.
import { describe, expect, it } from 'vitest';
import { formatLocalMinute, parseDatePeriod } from '../src/corpus/dates.js';
import { parseQuery } from '../src/query/parse.js';
import { runMain, tempCorpus } from './helpers.js';

const local = (text: string) => new Date(text).getTime();

describe('the period a date names', () => {
  const now = local('2026-03-10T15:30:00');

  it.each([
    ['2022', '2022-01-01T00:00', '2023-01-01T00:00'],
    ['2022-05', '2022-05-01T00:00', '2022-06-01T00:00'],
    ['2022/12', '2022-12-01T00:00', '2023-01-01T00:00'],
    ['2022-05-17', '2022-05-17T00:00', '2022-05-18T00:00'],
    ['today', '2026-03-10T00:00', '2026-03-11T00:00'],
    ['yesterday', '2026-03-09T00:00', '2026-03-10T00:00'],
    ['Yesterday', '2026-03-09T00:00', '2026-03-10T00:00'],
    ['7d', '2026-03-03T15:30', '2026-03-03T15:30'],
    ['2w', '2026-02-24T15:30', '2026-02-24T15:30'],
    ['2022-05-17 08:00', '2022-05-17T08:00', '2022-05-17T08:00'],
  ])('%s is from %s up to %s', (text, start, end) => {
    expect(parseDatePeriod(text, now)).toEqual({ start: local(start), end: local(end) });
  });

  it.each(['2022-13', '2022-1', '22', 'someday', '7x', 'd', '-7d', '2022-05-'])(
    '%s is no date',
    (text) => {
      expect(parseDatePeriod(text, now)).toBeNull();
    },
  );

  it('bounds after: at the period’s start and before: at its end', () => {
    expect(parseQuery('after:2022-05 before:2022', now).terms).toEqual([
      { kind: 'after', time: local('2022-05-01T00:00'), negated: false },
      { kind: 'before', time: local('2023-01-01T00:00'), negated: false },
    ]);
    expect(parseQuery('after:yesterday', now).terms).toEqual([
      { kind: 'after', time: local('2026-03-09T00:00'), negated: false },
    ]);
    expect(parseQuery('after:2w', now).ignored).toEqual([]);
  });
});

describe('years, months and days ago on the command line', () => {
  const day = 24 * 3_600_000;
  /** Articles dated some days before now, and in May and June 2022. */
  function folder() {
    const ago = (days: number) => formatLocalMinute(Date.now() - days * day);
    return tempCorpus({
      'recent.md': `---\ntitle: Three days ago\ndate: ${ago(3)}\n---\nx`,
      'older.md': `---\ntitle: Ten days ago\ndate: ${ago(10)}\n---\nx`,
      'oldest.md': `---\ntitle: Twenty days ago\ndate: ${ago(20)}\n---\nx`,
      'april.md': '---\ntitle: April\ndate: 2022-04-30 23:59\n---\nx',
      'may.md': '---\ntitle: May\ndate: 2022-05-31 23:00\n---\nx',
      'june.md': '---\ntitle: June\ndate: 2022-06-01 00:00\n---\nx',
      'last-year.md': '---\ntitle: Twenty-one\ndate: 2021-12-31 23:59\n---\nx',
    });
  }
  const titles = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[2])
      .sort();

  it.each([
    [['--since', '7d'], ['Three days ago']],
    [
      ['--since', '2w'],
      ['Ten days ago', 'Three days ago'],
    ],
    [
      ['--until', '2w', '--since', '2022'],
      ['April', 'June', 'May', 'Twenty days ago'],
    ],
    [['--since', '2022-05', '--until', '2022-05'], ['May']],
    [
      ['--search', 'after:2022-05 before:2022-06'],
      ['June', 'May'],
    ],
    [
      ['--until', '2022-04'],
      ['April', 'Twenty-one'],
    ],
    [['--until', '2021'], ['Twenty-one']],
    [['--since', 'yesterday'], []],
  ])('%j keeps %j', async (flags, expected) => {
    const result = await runMain(['list', folder(), ...flags]);
    expect(titles(result.stdout)).toEqual(expected);
  });

  it('refuses what is no date, naming it', async () => {
    const result = await runMain(['list', folder(), '--since', '2022-13']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since: not a date: 2022-13');
  });
});
