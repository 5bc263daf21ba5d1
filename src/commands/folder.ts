import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';

/**
 * The folder to read: the one given, else `./source/_posts` (a Hexo site),
 * else `./articles`, else the configuration's `folder`, else the demo
 * articles shipped with broadsheet.
 */
export function resolveFolder(given: string | undefined, configured?: string): string {
  if (given !== undefined) {
    if (!existsSync(given)) throw new UsageError(`no such folder: ${given}`);
    if (!statSync(given).isDirectory()) throw new UsageError(`not a folder: ${given}`);
    return path.resolve(given);
  }
  for (const candidate of ['source/_posts', 'articles']) {
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return path.resolve(candidate);
  }
  if (configured !== undefined) {
    if (!existsSync(configured) || !statSync(configured).isDirectory())
      throw new UsageError(`the folder in the configuration is not a folder: ${configured}`);
    return path.resolve(configured);
  }
  return demoArticles();
}

/** The folder as the status line names it: under the home folder with `~`, the demo as `demo articles`. */
export function folderLabel(root: string, home = os.homedir()): string {
  if (root === demoArticles()) return 'demo articles';
  return home && (root === home || root.startsWith(`${home}${path.sep}`))
    ? `~${root.slice(home.length)}`
    : root;
}

/** The demo articles shipped beside the package's own package.json, wherever the built code sits below it. */
function demoArticles(): string {
  let folder = new URL('.', import.meta.url);
  for (;;) {
    const articles = fileURLToPath(new URL('articles', folder));
    if (existsSync(fileURLToPath(new URL('package.json', folder))) && existsSync(articles))
      return articles;
    const parent = new URL('..', folder);
    if (parent.href === folder.href) return articles;
    folder = parent;
  }
}
