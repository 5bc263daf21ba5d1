import { describe, expect, it } from 'vitest';
import { parseFrontMatter, salvageFields } from '../src/corpus/front-matter.js';

describe('parseFrontMatter', () => {
  it('allows blank lines before the opening ---', () => {
    const parsed = parseFrontMatter('\n\n---\ntitle: Hello\n---\n\n<p>Body</p>\n');
    expect(parsed.data).toEqual({ title: 'Hello' });
    expect(parsed.body).toBe('<p>Body</p>\n');
    expect(parsed.problem).toBeNull();
  });

  it('keeps dates as the strings they were written as', () => {
    const parsed = parseFrontMatter('---\ndate: 2021-07-20 08:07:41\nupdated: 2021-07-20\n---\n');
    expect(parsed.data).toEqual({ date: '2021-07-20 08:07:41', updated: '2021-07-20' });
  });

  it('reads a file without front matter as all body', () => {
    expect(parseFrontMatter('# Title\n\ntext')).toEqual({
      data: {},
      body: '# Title\n\ntext',
      problem: null,
    });
  });

  it('reports front matter with no closing line and keeps the whole text as body', () => {
    const text = '---\ntitle: x\n\nBody without an end';
    const parsed = parseFrontMatter(text);
    expect(parsed.problem).toMatch(/no closing ---/);
    expect(parsed.body).toBe(text);
  });

  it('reports bad YAML and salvages the simple fields', () => {
    const parsed = parseFrontMatter(
      `---\ntitle: """"'2015'""""\ncategories: \n    - 编程\n    - ACM\ndate: Thu, 31 Dec 2015 00:00:00 GMT\n---\nbody`,
    );
    expect(parsed.problem).toMatch(/^bad YAML/);
    expect(parsed.data).toEqual({
      title: '2015',
      categories: ['编程', 'ACM'],
      date: 'Thu, 31 Dec 2015 00:00:00 GMT',
    });
    expect(parsed.body).toBe('body');
  });

  it('reports front matter that is not a mapping', () => {
    expect(parseFrontMatter('---\n- a\n- b\n---\nbody').problem).toMatch(
      /not a list of key: value/,
    );
  });

  it('treats empty front matter as no fields', () => {
    expect(parseFrontMatter('---\n---\nbody')).toEqual({ data: {}, body: 'body', problem: null });
  });
});

describe('salvageFields', () => {
  it('reads key: value lines and lists under empty keys', () => {
    expect(salvageFields("title: 'a: b'\ntags:\n  - x\n  - 'y'\nauthor:")).toEqual({
      title: 'a: b',
      tags: ['x', 'y'],
      author: null,
    });
  });
});
