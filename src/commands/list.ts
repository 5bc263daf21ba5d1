import type { Invocation } from './invocation.js';
import type { Article } from '../corpus/article.js';
import { joinCategoryPath } from '../corpus/categories.js';
import { formatLocalMinute } from '../corpus/dates.js';
import { articleFields } from '../pipe/json.js';
import { writeOut } from '../pipe/output.js';
import { escapePath } from '../text/sanitize.js';
import { readingMarks, selectArticles } from './select.js';
import type { RecordContext } from '../pipe/json.js';
import path from 'node:path';
import process from 'node:process';
import { stateFolder } from '../files/places.js';

/** `broadsheet list`: one line, or one JSON object, an article; exit 1 when none matched. */
export async function listCommand(invocation: Invocation): Promise<number> {
  const { corpus, articles } = await selectArticles(invocation);
  const context: RecordContext =
    invocation.output === 'tsv'
      ? { root: corpus.root, isRead: () => false, isStarred: () => false }
      : {
          root: corpus.root,
          ...readingMarks(articles, invocation.settings.state ?? stateFolder()),
        };
  if (invocation.output === 'json') {
    // Written in pieces, so a large folder never exists as one string.
    if (articles.length === 0) await writeOut('[]\n');
    for (let start = 0; start < articles.length; start += 500) {
      const piece = articles
        .slice(start, start + 500)
        .map((article) => indent(JSON.stringify(articleFields(article, context), null, 2)));
      await writeOut(
        `${start === 0 ? '[\n' : ',\n'}${piece.join(',\n')}${start + 500 >= articles.length ? '\n]\n' : ''}`,
      );
    }
  } else {
    const prefix = filePrefix(corpus.root);
    const line =
      invocation.output === 'ndjson'
        ? (article: Article) => `${JSON.stringify(articleFields(article, context))}\n`
        : (article: Article) => tsvLine(article, prefix);
    for (let start = 0; start < articles.length; start += 1000) {
      await writeOut(
        articles
          .slice(start, start + 1000)
          .map(line)
          .join(''),
      );
    }
  }
  return articles.length > 0 ? 0 : 1;
}

/**
 * `YYYY-MM-DD HH:mm<TAB>A/B/C<TAB>TITLE<TAB>FILE`, every field on one line:
 * FILE is the article's file as `cat` takes it from where `list` ran (its
 * folder's `prefix` before its path), escaped so that it stays one field.
 */
function tsvLine(article: Article, prefix: string): string {
  const categories = article.categories.map(joinCategoryPath).join(', ');
  return `${formatLocalMinute(article.date)}\t${categories}\t${article.title}\t${escapePath(prefix + article.path)}\n`;
}

/**
 * What goes before an article's path to name its file from the current
 * folder: the folder relative to it when the folder is inside it (as `fd` and
 * `rg` print paths), else the folder's absolute path.
 */
function filePrefix(root: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, root);
  if (relative === '') return '';
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  return `${(inside ? relative : root).split(path.sep).join('/')}/`;
}

/** A JSON object indented as an element of the top-level array. */
function indent(json: string): string {
  return `  ${json.replace(/\n/g, '\n  ')}`;
}
