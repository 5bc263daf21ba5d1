import { parentPort, workerData } from 'node:worker_threads';
import { readBodyText } from './body.js';
import { loadMarkdown } from './body-text.js';
import { joinPath } from './file-path.js';

/**
 * Reads a share of a folder's bodies for the body index's writer: their
 * searchable texts, a batch at a time, at most two batches ahead of what the
 * writer has taken (it says `more` for each).
 */
const { root, paths, batch } = workerData as { root: string; paths: string[]; batch: number };
const port = parentPort!;
let credit = 2;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
});
const markdown = await loadMarkdown();
for (let start = 0; start < paths.length; start += batch) {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage(
    paths
      .slice(start, start + batch)
      .map((relative) => readBodyText(joinPath(root, relative), markdown)),
  );
}
port.close();
