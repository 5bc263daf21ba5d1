import type { Article } from '../corpus/article.js';
import { readBody, searchableText } from '../corpus/body.js';
import { matchesQuery } from './match.js';
import { needsBody, parseQuery } from './parse.js';

/** The articles matching a search, in the order given; bodies are read only when a term needs them. */
export async function searchArticles(articles: Article[], source: string): Promise<Article[]> {
  const query = parseQuery(source);
  if (!needsBody(query))
    return articles.filter((article) => matchesQuery(query, { article, body: undefined }));
  const matched: boolean[] = new Array(articles.length).fill(false);
  let next = 0;
  const worker = async () => {
    while (next < articles.length) {
      const index = next++;
      const article = articles[index]!;
      const body = searchableText(await readBody(article));
      matched[index] = matchesQuery(query, { article, body });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return articles.filter((_, index) => matched[index]);
}
