import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './article.js';
import { joinPath } from './file-path.js';
import { reason } from '../files/errors.js';
import { pushAll } from '../text/arrays.js';

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);

export interface ScanResult {
  /** Absolute paths of candidate article files, in walk order. */
  files: string[];
  problems: Problem[];
}

/**
 * Finds candidate article files under `root`: recursive, hidden entries and
 * `node_modules` skipped, each real folder visited once however many symlinks
 * lead to it. `.txt` files are candidates; whether they open with front matter
 * is for the reader to decide.
 */
export async function scanFolder(root: string): Promise<ScanResult> {
  const files: string[] = [];
  const problems: Problem[] = [];
  const visited = new Set<string>();
  const relative = (full: string) => path.relative(root, full).split(path.sep).join('/') || '.';
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let real: string;
    try {
      real = await realpath(folder);
    } catch (error) {
      problems.push({ path: relative(folder), reason: `cannot open folder: ${reason(error)}` });
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    const subfolders: string[] = [];
    try {
      // One read a folder: a folder of 100 000 files is one call, not one await an entry.
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = joinPath(folder, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = await stat(full);
            isDirectory = target.isDirectory();
            isFile = target.isFile();
          } catch (error) {
            if (isArticleName(entry.name)) {
              problems.push({ path: relative(full), reason: `broken link: ${reason(error)}` });
            }
            continue;
          }
        }
        if (isDirectory) subfolders.push(full);
        else if (isFile && isArticleName(entry.name)) files.push(full);
      }
    } catch (error) {
      problems.push({ path: relative(folder), reason: `cannot read folder: ${reason(error)}` });
    }
    // Reverse so that popping visits folders in name order.
    pushAll(pending, subfolders.sort().reverse());
  }
  return { files, problems };
}

function isArticleName(name: string): boolean {
  return ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase());
}
