import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { readArticleBody, readBodyText } from '../src/corpus/body.js';
import { bodyText, htmlText, loadMarkdown } from '../src/corpus/body-text.js';
import { renderArticle } from '../src/render/article.js';
import { Style, type Span } from '../src/render/doc.js';
import { demoCorpus, fixtureCorpus, hasRealCorpus, realCorpus } from './helpers.js';
import { countWork } from './work-meter.js';

/** The words of a text: runs of letters and digits, lower-cased. */
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}\p{M}]+/u)
      .filter(Boolean),
  );

/** The reader's own marks, quiet text that is not the article's: link numbers, bullets, list numbers, quote bars. */
const isMark = (span: Span) =>
  (span.style & Style.dim) !== 0 &&
  /^(?:\[\d+\]|[\s\p{P}\p{S}\d]*|\s*[a-z]{1,4}\.\s*)$/iu.test(span.text);

/**
 * What the reader shows of a body, as words: set at a width nothing reaches,
 * without the notation the reader adds (link numbers, picture and player
 * labels), which is not the article's text.
 */
async function shownWords(root: string) {
  const corpus = await loadCorpus(root);
  return Promise.all(
    corpus.articles.map(async (article) => {
      const rendered = await renderArticle(article, readArticleBody(article), 100_000, {
        plain: true,
      });
      const text = rendered.body
        .map((line) =>
          line.spans
            // A link's number stands right after it; bullets, bars and a table's rules stand between words.
            .map((span) => (!isMark(span) ? span.text : /^\[\d+\]$/.test(span.text) ? '' : ' '))
            .join(''),
        )
        .join('\n');
      // A picture shows its description, or its file's name when it has none: the name is not text.
      const labels = /\[(?:image|embed|video|audio)\b[^\]\n]*\](?:\[\d+\])?/g;
      return {
        article,
        // The header shows the title: a first heading that repeats it is not shown again in the body.
        shown: words(
          `${article.title}\n${text.replace(/\[image(?: \d+)?: ([^\]\n]*)\](?:\[\d+\])?/g, ' $1 ')}`,
        ),
        text: words(text.replace(labels, ' ')),
      };
    }),
  );
}

const folders: Array<[string, string]> = [
  ['the fixtures', fixtureCorpus],
  ['the demo articles', demoCorpus],
  ...(hasRealCorpus ? [['the real articles', realCorpus] as [string, string]] : []),
];

describe('the searchable text of a body', () => {
  it.each(folders)(
    'holds the words the reader shows of each of %s, and no others',
    async (_, root) => {
      const markdown = await loadMarkdown();
      const articles = await shownWords(root);
      expect(articles.length).toBeGreaterThan(5);
      for (const { article, shown, text } of articles) {
        const searchable = words(readBodyText(article.absolutePath, markdown));
        // Nothing found that the reader does not show (a script, a style, a template, a tag's name)…
        const phantom = [...searchable].filter((word) => !shown.has(word));
        expect(phantom, article.path).toEqual([]);
        // …and everything it shows is found.
        const missed = [...text].filter((word) => !searchable.has(word));
        expect(missed, article.path).toEqual([]);
      }
    },
  );

  it.each([
    [
      'inline tags join words, others part them',
      '<p>你好<b>世界</b></p><p>next</p>',
      ' 你好世界 next ',
    ],
    ['entities are decoded', '<p>Fish &amp; chips&nbsp;&#x4e2d;</p>', ' fish & chips 中 '],
    [
      'a picture reads as its description',
      '<p>a<img src="x.png" alt="Harbour Lights">b</p>',
      ' a harbour lights b ',
    ],
    [
      'a tracking pixel reads as nothing, a picture from nowhere as its description',
      '<img src="t.gif" width="1" height="1" alt="px"><img alt="none">',
      ' none ',
    ],
    [
      'scripts, styles and templates are not text; the choices of a list box and a text area are',
      '<p>a</p><script>var x</script><style>p{}</style><template>t</template><select><option>o</option><option>p</option></select><textarea>w</textarea>',
      ' a o p w',
    ],
    [
      "a player's fallback is not text",
      '<video src="v.mp4">Your browser cannot play this</video><p>after</p>',
      ' after ',
    ],
    [
      'code keeps what HTML would take for tags',
      '<pre>Box&lt;T&gt; and Vec<T> <b>bold</b></pre>',
      ' box<t> and vec<t> bold ',
    ],
    [
      'soft hyphens go, control characters go',
      '<p>dis\u00adentangle \u001b[31mred</p>',
      ' disentangle [31mred ',
    ],
    [
      'raised and changed text reads as written',
      '<p>10<sup>100</sup> H<sub>2</sub>O <del>old</del><ins>new</ins></p>',
      ' 10^100 h_2o [-old-]{+new+} ',
    ],
    ['a comment is not text', '<p>a<!-- hidden -->b</p>', ' ab '],
    [
      'a text area reads as the reader shows it, entities decoded',
      '<textarea>fish &amp; chips</textarea>',
      'fish & chips',
    ],
  ])('%s', (_, html, expected) => {
    expect(htmlText(html)).toBe(expected);
  });

  it('reads Markdown as the reader does, and Markdown too deep for its parser as it is written', async () => {
    const markdown = await loadMarkdown();
    expect(
      bodyText('Some **bold** words and [a link](https://example.org/x).', 'markdown', markdown),
    ).toBe(' some bold words and a link. ');
    const deep = `${'>'.repeat(20_000)} deep words`;
    expect(bodyText(deep, 'markdown', markdown)).toContain('deep words');
  });
});

const nested = (open: string, close: string) => (n: number) =>
  `${open.repeat(n)}x${close.repeat(n)}`;

/** Hostile bodies of size about n: nesting as deep as the body is long. */
const DEEP: Record<string, (n: number) => string> = {
  'nested <div>': nested('<div>', '</div>'),
  'nested <span>': nested('<span>', '</span>'),
  'nested <b><i>': nested('<b><i>', '</i></b>'),
  'nested <sup>': nested('<sup>', '</sup>'),
  'nested lists and quotes': nested('<ul><li><blockquote>', '</blockquote></li></ul>'),
  'nested tables': nested('<table><tr><td>', '</td></tr></table>'),
  'nested <pre> in code': nested('<pre><code>', '</code></pre>'),
  'unclosed <b>': (n) => `<p>${'<b>x '.repeat(n)}</p>`,
  'unclosed <div> with stray closing tags': (n) => `${'<div>'.repeat(n)}x${'</span>'.repeat(n)}`,
  'a script in deep nesting': (n) => `${'<div>'.repeat(n)}<script>${'<p>'.repeat(n)}</script>x`,
};

describe('the searchable text of deeply nested HTML', () => {
  it.each(Object.entries(DEEP))(
    '%s costs work that grows as the body does',
    (_, make) => {
      const small = make(1000);
      const large = make(4000);
      expect(htmlText(large)).toContain('x');
      const workSmall = countWork(() => void htmlText(small));
      const workLarge = countWork(() => void htmlText(large));
      const growth = workLarge / workSmall;
      expect(growth, `work ${workSmall} → ${workLarge}`).toBeLessThan(
        (1.5 * large.length) / small.length,
      );
    },
    60_000,
  );
});
