import { parentPort, workerData } from 'node:worker_threads';
import { syncFile, type IndexedFile } from './body-index.js';

/** Brings a folder's body index up to date, away from the thread that answers keys; says how far it is. */
const { file, root, files, fingerprint } = workerData as {
  file: string;
  root: string;
  files: IndexedFile[];
  fingerprint: string | null;
};
const finished = syncFile(file, root, files, fingerprint, (done, total) =>
  parentPort!.postMessage({ done, total }),
);
parentPort!.postMessage({ finished });
