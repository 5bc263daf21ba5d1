import { parentPort, workerData } from 'node:worker_threads';
import { loadMarkdown } from '../corpus/body-text.js';
import { markTexts } from './body-texts.js';

/**
 * A share of a body search: for each file, whether its body holds each text,
 * sent a stretch of files at a time so matches can be shown as they are found.
 * Only paths come in and flags go out, so no article is copied.
 */
const { paths, texts, every } = workerData as { paths: string[]; texts: string[]; every: number };
const markdown = await loadMarkdown();
for (let start = 0; start < paths.length; start += every) {
  const end = Math.min(paths.length, start + every);
  const flags = new Uint8Array((end - start) * texts.length);
  for (let i = start; i < end; i++)
    markTexts(paths[i]!, texts, flags, (i - start) * texts.length, markdown);
  parentPort!.postMessage({ start, flags }, [flags.buffer]);
}
