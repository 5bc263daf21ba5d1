import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import type { BodyFormat } from '../src/corpus/article.js';
import { normalizeArticle } from '../src/corpus/fields.js';
import { salvageFields } from '../src/corpus/front-matter.js';
import { projectRoot } from './helpers.js';
import { countWork } from './work-meter.js';

/**
 * Reading an article's fields costs what its text weighs, whatever runs of
 * one character it holds: spaces, `#`, quotes, `<`. A pattern that tries
 * every way to share such a run between two of its parts takes the square of
 * the run (40 000 spaces in a `# heading` line took 13 s); that is found in
 * the patterns themselves, since the work meter sees a pattern's result, not
 * its backtracking. The code around them is counted as test/linear.test.ts does.
 */
const folder = path.join(projectRoot, 'src/corpus');
const patterns = readdirSync(folder)
  .filter((name) => name.endsWith('.ts'))
  .flatMap((name) =>
    [
      ...readFileSync(path.join(folder, name), 'utf8').matchAll(
        /(?<=[(=,:!&|?]\s*)\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\n\\[])+)\/[a-z]*/g,
      ),
    ].map((m) => ({ where: name, literal: m[0] })),
  );

describe('patterns over article fields', () => {
  it('never take the square of a run of one character (nor more)', () => {
    expect(patterns.length).toBeGreaterThan(10);
    const parser = new RegExpParser();
    const slow = patterns.filter(
      ({ literal }) => analyse(parser.parseLiteral(literal)).reports.length > 0,
    );
    expect(slow).toEqual([]);
  });
});

const title = (body: string, format: BodyFormat = 'markdown') =>
  normalizeArticle({
    path: 'post.md',
    absolutePath: '/folder/post.md',
    mtime: 0,
    data: {},
    problems: [],
    body,
    format,
  }).title;

describe('titles from a body, as before', () => {
  it.each([
    ['# The heading  ##\n', 'The heading'],
    ['#\t  Spaced out # \n', 'Spaced out'],
    ['# \n# The second line\n', 'The second line'],
    ['Intro\n#not a heading\n# Heading\n', 'Heading'],
    ['# ###\n', '#'],
    ['<h1>Big <b>news</b> &amp; more</h1>', 'Big news & more'],
    ['<H1 class="x">Upper</h1 >', 'Upper'],
    ['<h1>never closed <title>Page</title>', 'Page'],
    ['<title>a < b</title>', 'a < b'],
    ['<h1>x', 'post'],
  ])('%j → %j', (body, expected) => {
    expect(title(body)).toBe(expected);
  });

  it('takes whichever heading comes first', () => {
    expect(title('# Markdown first\n<h1>HTML</h1>')).toBe('Markdown first');
    expect(title('<h1>HTML first</h1>\n# Markdown')).toBe('HTML first');
    expect(title('# Not read in HTML\n<h1>HTML</h1>', 'html')).toBe('HTML');
  });
});

describe('salvaged fields, as before', () => {
  it('takes any number of quotes off both ends, and the spaces around', () => {
    expect(salvageFields(`title:   """'a "quoted" word'"""  \ntags:\n  -   'x'\n  -\ty`)).toEqual({
      title: 'a "quoted" word',
      tags: ['x', 'y'],
    });
  });
});

/** Inputs of size about n, with long runs of one character. */
const SHAPES: Record<string, (n: number) => () => unknown> = {
  'spaces inside a # heading': (n) => () => title(`# a${' '.repeat(n)}b\n`),
  '#s inside a # heading': (n) => () => title(`# ${'#'.repeat(n)}x\n`),
  'a # heading of spaces, line after line': (n) => () => title('#  \n'.repeat(n / 4)),
  'unclosed <h1>s': (n) => () => title('<h1>'.repeat(n / 4), 'html'),
  'unclosed <title> before a closed <h1>': (n) => () =>
    title(`${'<title>'.repeat(n / 7)}<h1>x</h1>`, 'html'),
  '<s inside an <h1>': (n) => () => title(`<h1>${'<'.repeat(n)}</h1>`, 'html'),
  'quotes inside a value': (n) => () => salvageFields(`title: x${"'".repeat(n)}x\n`),
  'spaces after a key': (n) => () => salvageFields(`title:${' '.repeat(n)}\u2028\n`),
  'spaces after a list item': (n) => () => salvageFields(`tags:\n -${' '.repeat(n)}\u2028\n`),
};

describe('reading fields grows as the input does', () => {
  it.each(Object.entries(SHAPES))(
    '%s',
    (_, make) => {
      const small = countWork(make(4000));
      const large = countWork(make(16_000));
      expect(large / small, `work ${small} → ${large}`).toBeLessThan(6);
    },
    60_000,
  );
});
