import { parentPort, workerData } from 'node:worker_threads';
import { openBodyIndex, syncBodyIndex, type IndexedFile } from './body-index.js';

/** Brings a folder's body index up to date, away from the thread that answers keys; says how far it is. */
const { file, files, fingerprint } = workerData as {
  file: string;
  files: IndexedFile[];
  fingerprint: string | null;
};
const db = openBodyIndex(file);
if (!db) {
  parentPort!.postMessage({ finished: false });
} else {
  try {
    syncBodyIndex(db, files, fingerprint, (done, total) =>
      parentPort!.postMessage({ done, total }),
    );
    parentPort!.postMessage({ finished: true });
  } catch {
    parentPort!.postMessage({ finished: false });
  } finally {
    db.close();
  }
}
