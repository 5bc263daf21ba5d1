import path from 'node:path';
import type { Article } from '../corpus/article.js';
import type { Marks } from './match.js';

/** What the reading state says of marked articles: their keys (real paths), and how a folder's real path is found. */
export interface MarkedArticles {
  marked(): Iterable<[key: string, marks: { read: boolean; starred: boolean }]>;
  realFolder(folder: string): string;
}

/**
 * The marks of a list's articles as the reading state holds them now, asked
 * by article: two sets of paths in the list's folder, made from the marked
 * entries (few) and the folders the articles are in (few), so asking about
 * 300 000 articles is a set lookup each, with no path worked out or kept for
 * any of them. An article in a linked folder, or one file listed through two
 * paths, has the marks of its real file. Made again when the marks change.
 */
export function marksOf(state: MarkedArticles, articles: readonly Article[]): Marks {
  const byKeyFolder = new Map<string, string[]>();
  for (const [folder, absoluteFolder] of foldersOf(articles)) {
    const real = state.realFolder(absoluteFolder);
    const folders = byKeyFolder.get(real);
    if (folders) folders.push(folder);
    else byKeyFolder.set(real, [folder]);
  }
  const read = new Set<string>();
  const starred = new Set<string>();
  for (const [key, marks] of state.marked()) {
    const base = path.basename(key);
    for (const folder of byKeyFolder.get(path.dirname(key)) ?? []) {
      const relative = folder === '' ? base : `${folder}/${base}`;
      if (marks.read) read.add(relative);
      if (marks.starred) starred.add(relative);
    }
  }
  return {
    isRead: (article) => read.has(article.path),
    isStarred: (article) => starred.has(article.path),
  };
}

const foldersCache = new WeakMap<readonly Article[], Map<string, string>>();

/** Each folder the articles are in, by its path in the list's folder (`''` for the folder itself), with its absolute path. */
function foldersOf(articles: readonly Article[]): Map<string, string> {
  let folders = foldersCache.get(articles);
  if (!folders) {
    folders = new Map();
    for (const article of articles) {
      const slash = article.path.lastIndexOf('/');
      const folder = slash < 0 ? '' : article.path.slice(0, slash);
      if (!folders.has(folder)) folders.set(folder, path.dirname(article.absolutePath));
    }
    foldersCache.set(articles, folders);
  }
  return folders;
}
