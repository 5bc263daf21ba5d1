// Recall against w3m: every character w3m's text of an article has, ours has too (as many times).
// Run on demand, with w3m installed: node bench/recall.js [FOLDER]   (after npm run build)
// The folder defaults to the real articles beside the project, else the fixtures.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFile } from '../dist/corpus/read.js';
import { articleLines, renderArticle } from '../dist/render/article.js';
import { toPlainText } from '../dist/render/plain.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const real = path.resolve(here, '../../shared/corpus/real');
const folder =
  process.argv[2] ?? (existsSync(real) ? real : path.resolve(here, '../test/fixtures/corpus'));

/** Characters a reader reads, counted: letters, digits and ideographs (no spaces, rules, markers). */
function counts(text) {
  const found = new Map();
  for (const ch of text.match(/[\p{L}\p{N}]/gu) ?? []) found.set(ch, (found.get(ch) ?? 0) + 1);
  return found;
}

let missingIn = 0;
let articles = 0;
for (const name of readdirSync(folder)
  .filter((f) => /\.(md|txt|html?)$/.test(f))
  .sort()) {
  const outcome = readArticleFile(folder, path.join(folder, name));
  if (outcome.kind !== 'article' || outcome.article.format !== 'html') continue;
  articles++;
  const theirs = execFileSync('w3m', ['-dump', '-T', 'text/html', '-cols', '80', '-O', 'UTF-8'], {
    input: outcome.body,
    encoding: 'utf8',
  });
  const ours = toPlainText(articleLines(await renderArticle(outcome.article, outcome.body, 80)));
  const have = counts(ours);
  const lost = [...counts(theirs)].filter(([ch, n]) => (have.get(ch) ?? 0) < n);
  if (lost.length > 0) {
    missingIn++;
    console.log(`${name}: ${lost.map(([ch, n]) => `${ch}×${n - (have.get(ch) ?? 0)}`).join(' ')}`);
  }
}
console.log(
  `${articles - missingIn} of ${articles} HTML articles in ${folder} keep every letter, digit and ideograph of w3m -dump`,
);
process.exitCode = missingIn > 0 ? 1 : 0;
