import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './article.js';
import { joinPath } from './file-path.js';
import { reason } from '../files/errors.js';
import { pushAll } from '../text/arrays.js';

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);

/** A folder's candidate article files: the folder, its path in the root (`''` for the root), and their names. */
export interface ScannedFolder {
  folder: string;
  relative: string;
  names: string[];
}

export interface ScanResult {
  /**
   * Candidate article files, folder by folder in walk order. A file's path is
   * made when it is needed: 300 000 absolute paths held at once for the
   * length of a reading are 27 MB.
   */
  folders: ScannedFolder[];
  /** How many files the folders hold in all. */
  count: number;
  problems: Problem[];
}

/** The files of a scan in walk order: each one's absolute path and its `/`-separated path in the root. */
export function* scannedFiles(scan: ScanResult): Generator<{ file: string; relative: string }> {
  for (const { folder, relative, names } of scan.folders)
    for (const name of names)
      yield {
        file: joinPath(folder, name),
        relative: relative === '' ? name : `${relative}/${name}`,
      };
}

/**
 * Finds candidate article files under `root`: recursive, hidden entries and
 * `node_modules` skipped, each real folder visited once however many symlinks
 * lead to it. `.txt` files are candidates; whether they open with front matter
 * is for the reader to decide.
 */
export async function scanFolder(root: string): Promise<ScanResult> {
  const folders: ScannedFolder[] = [];
  let count = 0;
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
    const names: string[] = [];
    try {
      // One read a folder: a folder of 100 000 files is one call, not one await an entry.
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          const link = joinPath(folder, entry.name);
          try {
            const target = await stat(link);
            isDirectory = target.isDirectory();
            isFile = target.isFile();
          } catch (error) {
            if (isArticleName(entry.name))
              problems.push({ path: relative(link), reason: `broken link: ${reason(error)}` });
            continue;
          }
        }
        // A file's path is made when it is checked (`scannedFiles`), not here as well.
        if (isDirectory) subfolders.push(joinPath(folder, entry.name));
        else if (isFile && isArticleName(entry.name)) names.push(entry.name);
      }
    } catch (error) {
      problems.push({ path: relative(folder), reason: `cannot read folder: ${reason(error)}` });
    }
    if (names.length > 0) {
      folders.push({ folder, relative: folder === root ? '' : relative(folder), names });
      count += names.length;
    }
    // Reverse so that popping visits folders in name order.
    pushAll(pending, subfolders.sort().reverse());
  }
  return { folders, count, problems };
}

function isArticleName(name: string): boolean {
  return ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase());
}
