// Rendering speed: the largest real article through our renderer, against html-to-text's own
// convert on the same input, in the same process and run; cat against its floors (Node doing
// nothing, w3m -dump); and the hostile inputs that once took minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from 'html-to-text';
import { readArticleFile } from '../dist/corpus/read.js';
import { articleLines, bodyToDoc, layoutArticle } from '../dist/render/article.js';
import { htmlToDoc } from '../dist/render/html.js';
import { toPlainText } from '../dist/render/plain.js';
import { medianCommand, medianOf, report } from './lib.js';

export async function benchRender(realCorpus) {
  const files = readdirSync(realCorpus)
    .filter((name) => /\.(md|txt|html)$/.test(name))
    .map((name) => path.join(realCorpus, name));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const outcome = await readArticleFile(realCorpus, largest);
  if (outcome.kind !== 'article') throw new Error(`${largest} is not an article`);
  const { article, body } = outcome;
  const size = `${(readFileSync(largest).length / 1024).toFixed(0)} KB`;
  console.log(
    `\nrender ${path.basename(largest)} (${size}) at 80 columns, median of 15 in-process runs`,
  );
  const baseline = {
    name: 'html-to-text convert',
    value: medianOf(() => convert(body, { wordwrap: 80 })),
  };
  report('html-to-text convert (baseline)', baseline.value, 'ms');
  const doc = await bodyToDoc(article, body);
  report(
    'broadsheet render to plain text',
    medianOf(() =>
      toPlainText(
        articleLines(
          layoutArticle(article, htmlToDoc(body, { articleFile: article.absolutePath }), 80),
        ),
      ),
    ),
    'ms',
    baseline,
  );
  report(
    '  of which layout only (parsed once)',
    medianOf(() => toPlainText(articleLines(layoutArticle(article, doc, 80)))),
    'ms',
    baseline,
  );
}

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/broadsheet.js');
const REAL_LARGEST = '026.md';

/**
 * The 8 MiB edge case, the most of one file broadsheet shows: paragraphs of
 * Chinese and of English with links, as an article and as the bare HTML that
 * w3m and lynx read. Written once into the temp folder.
 */
function eightMegabytes() {
  const folder = path.join(tmpdir(), 'broadsheet-bench-8mb-v1');
  const article = path.join(folder, 'eight.md');
  const html = path.join(folder, 'eight.html');
  if (!existsSync(article)) {
    mkdirSync(folder, { recursive: true });
    const chinese = `<p>${'大文件里的一段文字，终端里读起来也要整齐。'.repeat(50)}</p>\n`;
    const english = `<p>${'The quick brown fox jumps over the <a href="https://example.org/fox">lazy dog</a> and runs on. '.repeat(20)}</p>\n`;
    const unit = chinese + english;
    const body = unit.repeat(Math.floor((8 * 1024 * 1024 - 64) / Buffer.byteLength(unit)));
    writeFileSync(html, body);
    writeFileSync(article, `---\ntitle: Eight megabytes\ndate: 2021-01-01\n---\n${body}`);
  }
  return { article, html };
}

const which = (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

/**
 * `cat` against the floors it is held to, whole processes in one run, medians:
 * a small article and the largest real one against Node doing nothing, and the
 * 8 MiB article against w3m -dump of the same HTML (lynx beside it).
 */
export function benchCatRatios(corpus) {
  const articles = readdirSync(corpus)
    .filter((name) => /\.(md|txt|html)$/.test(name))
    .map((name) => path.join(corpus, name));
  const small = articles.sort((a, b) => statSync(a).size - statSync(b).size)[0];
  const real = path.join(corpus, REAL_LARGEST);
  const large = existsSync(real) ? real : articles[articles.length - 1];
  console.log(`\ncat against its floors: whole processes, medians of 9 runs (15 for Node)`);
  if (!existsSync(real))
    console.log(`  (${REAL_LARGEST} is not in ${corpus}: the largest article there stands in)`);
  const node = { name: 'node -e 0', value: medianCommand(process.execPath, ['-e', '0'], { runs: 15 }) };
  report('node -e 0 (baseline)', node.value, 'ms');
  const kb = (file) => `${Math.max(1, Math.round(statSync(file).size / 1024))} KB`;
  const rows = [];
  for (const [file, target] of [[small, 1.3], [large, 1.6]]) {
    const value = medianCommand(process.execPath, [bin, 'cat', file]);
    const label = `broadsheet cat ${path.basename(file)} (${kb(file)})`;
    report(label, value, 'ms', node);
    rows.push([label, 'node -e 0', value / node.value, target]);
  }
  const eight = eightMegabytes();
  const runs = 5;
  const ours = medianCommand(process.execPath, [bin, 'cat', eight.article], { runs });
  if (which('w3m')) {
    const w3m = {
      name: 'w3m -dump',
      value: medianCommand('w3m', ['-dump', '-T', 'text/html', '-cols', '80', '-O', 'UTF-8', eight.html], { runs }),
    };
    report(`w3m -dump -cols 80 eight.html (8 MB, baseline)`, w3m.value, 'ms');
    if (which('lynx'))
      report('lynx -dump -width=80 eight.html', medianCommand('lynx', ['-dump', '-width=80', '-display_charset=utf-8', eight.html], { runs }), 'ms', w3m);
    report('broadsheet cat eight.md (8 MB)', ours, 'ms', w3m);
    rows.push(['broadsheet cat eight.md (8 MB)', 'w3m -dump', ours / w3m.value, 2]);
  } else {
    report('broadsheet cat eight.md (8 MB)', ours, 'ms');
    console.log('  (w3m is not installed: no ratio for the 8 MB article)');
  }
  console.log(`the three ratios (${eight.article}):`);
  for (const [label, against, ratio, target] of rows)
    console.log(`  ${label} / ${against}: ${ratio.toFixed(2)}× (target ≤ ${target}×)`);
} // prettier-ignore

/** The inputs that once took seconds to minutes, at the sizes they were found at, rendered in-process. */
const HOSTILE = {
  'a <pre> line of 10 000 tabs': ['html', () => `<pre>${'\t'.repeat(10_000)}x</pre>`],
  'Markdown lists nested 1 000 deep': ['markdown', () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item\n`).join('')],
  '20 000 nested <a>': ['html', () => `${'<a href="https://e.org/">'.repeat(20_000)}x${'</a>'.repeat(20_000)}`],
  '100 000 nested <span>': ['html', () => `${'<span>'.repeat(100_000)}x${'</span>'.repeat(100_000)}`],
  '200 000 nested <div>': ['html', () => `${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}`],
  '>×3 000 (Markdown)': ['markdown', () => `${'>'.repeat(3000)} x\n`],
  '*×3 000 x *×3 000 (Markdown)': ['markdown', () => `${'*'.repeat(3000)}x${'*'.repeat(3000)}\n`],
  '> - ×2 000 (Markdown)': ['markdown', () => `${'> - '.repeat(2000)}x\n`],
}; // prettier-ignore

export async function benchHostile() {
  const { markdownReader } = await import('../dist/text/markdown.js');
  const toHtml = await markdownReader();
  console.log('\nhostile small inputs, rendered to plain text at 80 columns, median of 3 in-process runs');
  const time = (fn) => medianOf(fn, { runs: 3, warmup: 1 });
  for (const [name, [format, make]] of Object.entries(HOSTILE)) {
    const body = make();
    const article = { ...minimalArticle, format };
    const value = time(() => {
      const html = format === 'markdown' ? toHtml(body) : body;
      toPlainText(articleLines(layoutArticle(article, htmlToDoc(html, { articleFile: '/x.md' }), 80)));
    });
    report(`${name} (${Math.round(body.length / 1024)} KB)`, value, 'ms');
  }
  const title = 'word '.repeat(200_000);
  report(
    'a 1 MB title',
    time(() => toPlainText(articleLines(layoutArticle({ ...minimalArticle, title }, { blocks: [], references: [] }, 80)))),
    'ms',
  );
} // prettier-ignore

const minimalArticle = {
  path: 'x.md',
  absolutePath: '/x.md',
  title: 'Title',
  date: 0,
  dateFromFile: false,
  updated: null,
  categories: [],
  tags: [],
  author: null,
  image: null,
  link: null,
  meta: {},
  problems: [],
  format: 'html',
};
