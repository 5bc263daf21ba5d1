import { parentPort, workerData } from 'node:worker_threads';
import { bodyMask } from './body-mask.js';

/**
 * A share of a body search: for each file, a bit for each text that its body
 * holds. Only paths come in and numbers go out, so no article is copied.
 */
const { paths, texts } = workerData as { paths: string[]; texts: string[] };
const masks = new Uint32Array(paths.length);
paths.forEach((absolutePath, i) => (masks[i] = bodyMask(absolutePath, texts)));
parentPort!.postMessage(masks, [masks.buffer]);
