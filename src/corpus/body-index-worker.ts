import { parentPort, workerData } from 'node:worker_threads';
import { readInWorkers, syncFile, type IndexedFile } from './body-index.js';

/**
 * Brings a folder's body index up to date, away from the thread that answers
 * keys, its bodies read by threads of its own; says how far it is at each commit.
 */
const { file, root, files, fingerprint, threads } = workerData as {
  file: string;
  root: string;
  files: IndexedFile[];
  fingerprint: string | null;
  threads: number;
};
const finished = await syncFile(
  file,
  root,
  files,
  fingerprint,
  (done, total, lastId) => parentPort!.postMessage({ done, total, lastId }),
  readInWorkers(threads),
);
parentPort!.postMessage({ finished });
