import { describe, expect, it } from 'vitest';
import { makeArticle } from './helpers.js';
import { articleLines, bodyToDoc, layoutArticle } from '../src/render/article.js';
import { lineText } from '../src/render/line.js';
import { findMatches, partsByRow } from '../src/ui/find.js';
import { expandPictures } from '../src/ui/pictures.js';
import { editPrompt, openPrompt } from '../src/ui/prompt.js';
import { nextMatch } from '../src/ui/moves.js';
import { parseMouse } from '../src/terminal/mouse.js';
import { splitInput } from '../src/terminal/answers.js';
import { themeForBackground } from '../src/render/theme.js';
import { columnWidths, listWindowLines, timeLabel, unreadByCategory } from '../src/ui/list-rows.js';
import { DEFAULT_LOOK } from '../src/ui/look.js';
import { groupByDate } from '../src/query/group.js';

/** An article's reader rows at a width, as the browser lays them out. */
async function rows(html: string, width: number) {
  const article = makeArticle({ title: 'T' });
  const doc = await bodyToDoc(article, html);
  return expandPictures(articleLines(layoutArticle(article, doc, width)), null, width);
}

describe('searching an article', () => {
  it('finds a CJK phrase cut by a line end, and marks it on both rows', async () => {
    const text = '一二三四五六七八九十'.repeat(3);
    const laid = await rows(`<p>${text}</p>`, 10);
    const body = laid.filter((row) => lineText(row.line).startsWith('一'));
    expect(lineText(body[0]!.line)).toBe('一二三四五');
    const matches = findMatches(laid, '四五六七');
    expect(matches).toHaveLength(3);
    const first = matches[0]!;
    expect(first.parts).toHaveLength(2);
    expect(
      lineText(laid[first.parts[0]!.row]!.line).slice(first.parts[0]!.from, first.parts[0]!.to),
    ).toBe('四五');
    expect(
      lineText(laid[first.parts[1]!.row]!.line).slice(first.parts[1]!.from, first.parts[1]!.to),
    ).toBe('六七');
  });

  it('finds words cut by a line end where a space was dropped, and not across paragraphs', async () => {
    const laid = await rows('<p>alpha beta gamma delta</p><p>epsilon</p>', 11);
    expect(laid.map((row) => lineText(row.line)).filter(Boolean)).toContain('alpha beta');
    expect(findMatches(laid, 'Beta Gamma')).toHaveLength(1);
    expect(findMatches(laid, 'delta epsilon')).toHaveLength(0);
    // Quoted text keeps its bar out of the joined text.
    const quoted = await rows('<blockquote>alpha beta gamma delta</blockquote>', 13);
    expect(findMatches(quoted, 'beta gamma delta')).toHaveLength(1);
  });

  it('marks the current match apart from the others', () => {
    const byRow = partsByRow(
      [
        { row: 1, parts: [{ row: 1, from: 0, to: 2 }] },
        {
          row: 3,
          parts: [
            { row: 3, from: 4, to: 5 },
            { row: 4, from: 0, to: 1 },
          ],
        },
      ],
      1,
    );
    expect(byRow.get(1)).toEqual([{ from: 0, to: 2, current: false }]);
    expect(byRow.get(4)).toEqual([{ from: 0, to: 1, current: true }]);
  });

  it('goes to the match after the current one, or from the screen when it was scrolled away', () => {
    const extent = { matchLines: [2, 10, 30, 50], height: 10 };
    const cases: Array<[state: { matchIndex: number; readerTop: number }, direction: 1 | -1, index: number, wrapped: boolean]> = [
      [{ matchIndex: 0, readerTop: 0 }, 1, 1, false],
      [{ matchIndex: 3, readerTop: 45 }, 1, 0, true],
      [{ matchIndex: 0, readerTop: 0 }, -1, 3, true],
      // Scrolled to line 25, the screen holds 30: n and N both find it.
      [{ matchIndex: 0, readerTop: 25 }, 1, 2, false],
      [{ matchIndex: 0, readerTop: 25 }, -1, 2, false],
      // Scrolled to line 15, nothing on the screen: N finds 10, above it.
      [{ matchIndex: 0, readerTop: 15 }, -1, 1, false],
    ]; // prettier-ignore
    for (const [state, direction, index, wrapped] of cases)
      expect(nextMatch(state, extent, direction), JSON.stringify([state, direction])).toEqual({
        index,
        wrapped,
      });
    expect(
      nextMatch({ matchIndex: 0, readerTop: 0 }, { matchLines: [], height: 10 }, 1),
    ).toBeNull();
  });
});

describe('the prompt', () => {
  const type = (keys: Array<[string, string]>, start = openPrompt('filter', '/', 'rust')) =>
    keys.reduce((prompt, [name, typed]) => editPrompt(prompt, name, typed), start);

  it('offers the last line selected: typing replaces it, a movement keeps it', () => {
    expect(type([['g', 'g']]).text).toBe('g');
    expect(
      type([
        ['end', ''],
        ['s', 's'],
      ]).text,
    ).toBe('rusts');
    expect(
      type([
        ['right', ''],
        ['!', '!'],
      ]).text,
    ).toBe('rust!');
    expect(
      type([
        ['left', ''],
        ['>', '>'],
      ]).text,
    ).toBe('>rust');
    expect(type([['backspace', '']]).text).toBe('');
  });

  it('edits as readline does, in characters a person counts', () => {
    const start = openPrompt('search', '/');
    const typed = type([['x', '上海 港口 灯塔']], start);
    expect(type([['backspace', '']], typed).text).toBe('上海 港口 灯');
    expect(type([['ctrl+w', '']], typed).text).toBe('上海 港口 ');
    expect(
      type(
        [
          ['ctrl+w', ''],
          ['ctrl+w', ''],
        ],
        typed,
      ).text,
    ).toBe('上海 ');
    expect(
      type(
        [
          ['ctrl+a', ''],
          ['ctrl+u', ''],
        ],
        typed,
      ).text,
    ).toBe('上海 港口 灯塔');
    expect(
      type(
        [
          ['left', ''],
          ['left', ''],
          ['ctrl+u', ''],
        ],
        typed,
      ).text,
    ).toBe('灯塔');
    expect(
      type(
        [
          ['home', ''],
          ['right', ''],
          ['ctrl+e', ''],
          ['!', '!'],
        ],
        typed,
      ).text,
    ).toBe('上海 港口 灯塔!');
    expect(
      type(
        [
          ['left', ''],
          ['backspace', ''],
          ['ctrl+e', ''],
        ],
        typed,
      ),
    ).toMatchObject({ text: '上海 港口 塔', cursor: 7 });
  });

  it('walks the history with ↑ and ↓, and gives back the line being typed', () => {
    const start = openPrompt('filter', '/', '', ['first', 'second']);
    const typed = type([['d', 'draft']], start);
    expect(type([['up', '']], typed).text).toBe('second');
    expect(
      type(
        [
          ['up', ''],
          ['up', ''],
          ['up', ''],
        ],
        typed,
      ).text,
    ).toBe('first');
    expect(
      type(
        [
          ['up', ''],
          ['down', ''],
        ],
        typed,
      ).text,
    ).toBe('draft');
  });
});

describe('the terminal', () => {
  it('reads SGR mouse reports: presses, releases, the wheel', () => {
    expect(parseMouse('\u001b[<0;12;5M')).toEqual({ kind: 'press', button: 0, column: 12, row: 5 });
    expect(parseMouse('\u001b[<0;12;5m')).toEqual({
      kind: 'release',
      button: 0,
      column: 12,
      row: 5,
    });
    expect(parseMouse('\u001b[<64;1;1M')).toMatchObject({ kind: 'wheelUp' });
    expect(parseMouse('\u001b[<65;1;1M')).toMatchObject({ kind: 'wheelDown' });
    expect(parseMouse('\u001b[<32;3;3M')).toMatchObject({ kind: 'drag' });
    expect(parseMouse('\u001b[A')).toBeNull();
  });

  it('takes mouse reports out of the keys, whole or cut across reads', () => {
    expect(splitInput('', 'j\u001b[<0;12;5Mk')).toEqual({
      keys: 'jk',
      answers: ['\u001b[<0;12;5M'],
      pending: '',
    });
    const cut = splitInput('', 'j\u001b[<65;1');
    expect(cut).toEqual({ keys: 'j', answers: [], pending: '\u001b[<65;1' });
    expect(splitInput(cut.pending, ';1Mk')).toEqual({
      keys: 'k',
      answers: ['\u001b[<65;1;1M'],
      pending: '',
    });
  });

  it('chooses the light palette for a light background and the dark one for a dark', () => {
    expect(themeForBackground('\u001b]11;rgb:ffff/ffff/ffff\u001b\\')).toBe('light');
    expect(themeForBackground('\u001b]11;rgb:fdf6/e3e3/c8c8\u0007')).toBe('light');
    expect(themeForBackground('\u001b]11;rgb:0000/0000/0000\u001b\\')).toBe('dark');
    expect(themeForBackground('\u001b]11;rgb:28/2c/34\u001b\\')).toBe('dark');
    expect(themeForBackground('')).toBeNull();
  });
});

describe('list rows', () => {
  const now = new Date(2026, 10, 26, 12).getTime();

  it('gives upcoming articles their day, today and yesterday their time', () => {
    expect(timeLabel(new Date(2026, 10, 26, 8, 5).getTime(), now)).toBe('08:05');
    expect(timeLabel(new Date(2026, 10, 25, 8, 5).getTime(), now)).toBe('08:05');
    expect(timeLabel(new Date(2026, 10, 27, 8, 5).getTime(), now)).toBe('Nov 27');
    expect(timeLabel(new Date(2026, 11, 3).getTime(), now)).toBe('Dec  3');
  });

  it('leaves a date heading blank rather than alone on the last row', () => {
    const dates = [new Date(2026, 10, 26).getTime(), new Date(2026, 9, 1).getTime()];
    const articles = dates.map((date, i) => makeArticle({ title: `A${i}`, date, path: `${i}.md` }));
    const grouped = groupByDate(Float64Array.from(dates), now);
    const window = { top: 0, width: 40, selected: 0, now, isRead: () => false, look: DEFAULT_LOOK };
    // Rows: Today, A0, October, A1: three rows end on the October heading.
    expect(listWindowLines(grouped, articles, { ...window, height: 3 }).at(-1)).toBe('');
    expect(listWindowLines(grouped, articles, { ...window, height: 4 })[2]).toMatch(/October/);
  });

  it('gives the author and category columns room on a wide terminal', () => {
    const articles = [
      makeArticle({
        author: 'A'.repeat(40),
        categories: [['Category'.repeat(8).split('').join('')]],
      }),
    ];
    expect(columnWidths(articles, 100)).toEqual({ authorWidth: 16, categoryWidth: 24 });
    expect(columnWidths(articles, 200)).toEqual({ authorWidth: 24, categoryWidth: 40 });
  });

  it('gives the title the room at 80 columns: author and category shrink, then drop', () => {
    const articles = [
      makeArticle({
        title: 'T'.repeat(60),
        author: 'A'.repeat(17),
        categories: [['Category'.repeat(3)]],
      }),
    ];
    const at80 = columnWidths(articles, 80);
    const title80 = 80 - 13 - at80.authorWidth - 2 - at80.categoryWidth - 2;
    expect(title80).toBeGreaterThanOrEqual(36);
    expect(at80.authorWidth).toBeGreaterThanOrEqual(6);
    expect(at80.categoryWidth).toBeGreaterThanOrEqual(8);
    expect(title80).toBeGreaterThan(at80.authorWidth + at80.categoryWidth);
    // Narrower: the category goes first, then the author.
    expect(columnWidths(articles, 60)).toEqual({ authorWidth: 15, categoryWidth: 0 });
    expect(columnWidths(articles, 48)).toEqual({ authorWidth: 0, categoryWidth: 0 });
    // Short titles leave the other columns what they need.
    expect(columnWidths([makeArticle({ ...articles[0], title: 'Short' })], 80)).toEqual({
      authorWidth: 16,
      categoryWidth: 24,
    });
  });

  it('counts unread articles under each category, once each', () => {
    const articles = [
      makeArticle({
        path: 'a.md',
        categories: [
          ['Tech', 'Rust'],
          ['Tech', 'Go'],
        ],
      }),
      makeArticle({ path: 'b.md', categories: [['Tech', 'Go']] }),
      makeArticle({ path: 'c.md', categories: [['Life']] }),
    ];
    // Items of one feed share their array of categories: each of them counts.
    const feed = [['News', 'World']];
    for (const name of ['d.md', 'e.md', 'f.md'])
      articles.push(makeArticle({ path: name, categories: feed }));
    const counts = unreadByCategory(articles, (article) => ['b.md', 'f.md'].includes(article.path));
    expect(Object.fromEntries(counts)).toEqual({
      Tech: 1,
      'Tech/Rust': 1,
      'Tech/Go': 1,
      Life: 1,
      News: 2,
      'News/World': 2,
    });
  });
});
