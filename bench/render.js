// Rendering speed: the largest real article through our renderer, against
// html-to-text's own convert on the same input, in the same process and run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { convert } from 'html-to-text';
import { readArticleFile } from '../dist/corpus/read.js';
import { articleLines, bodyToDoc, layoutArticle } from '../dist/render/article.js';
import { htmlToDoc } from '../dist/render/html.js';
import { toPlainText } from '../dist/render/plain.js';
import { medianOf, report } from './lib.js';

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
