import type { Invocation } from './invocation.js';
import type { Article } from '../corpus/article.js';
import { joinCategoryPath } from '../corpus/categories.js';
import { formatLocalMinute } from '../corpus/dates.js';
import { articleFields } from '../pipe/json.js';
import { writeOut } from '../pipe/output.js';
import { escapePath } from '../text/sanitize.js';
import { selectArticles } from './select.js';

/** `broadsheet list`: one line, or one JSON object, an article; exit 1 when none matched. */
export async function listCommand(invocation: Invocation): Promise<number> {
  const { articles } = await selectArticles(invocation);
  if (invocation.output === 'json') {
    // Written in pieces, so a large folder never exists as one string.
    if (articles.length === 0) await writeOut('[]\n');
    for (let start = 0; start < articles.length; start += 500) {
      const piece = articles
        .slice(start, start + 500)
        .map((article) => indent(JSON.stringify(articleFields(article), null, 2)));
      await writeOut(
        `${start === 0 ? '[\n' : ',\n'}${piece.join(',\n')}${start + 500 >= articles.length ? '\n]\n' : ''}`,
      );
    }
  } else {
    const line = invocation.output === 'ndjson' ? ndjsonLine : tsvLine;
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

function ndjsonLine(article: Article): string {
  return `${JSON.stringify(articleFields(article))}\n`;
}

/** `YYYY-MM-DD HH:mm<TAB>A/B/C<TAB>TITLE<TAB>PATH`, every field on one line; the path escaped so `cat` takes it back. */
export function tsvLine(article: Article): string {
  const categories = article.categories.map(joinCategoryPath).join(', ');
  return `${formatLocalMinute(article.date)}\t${categories}\t${article.title}\t${escapePath(article.path)}\n`;
}

/** A JSON object indented as an element of the top-level array. */
function indent(json: string): string {
  return `  ${json.replace(/\n/g, '\n  ')}`;
}
