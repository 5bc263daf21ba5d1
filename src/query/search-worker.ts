import { parentPort, workerData } from 'node:worker_threads';
import { markTexts } from './body-texts.js';

/**
 * A share of a body search: for each file, whether its body holds each text.
 * Only paths come in and flags go out, so no article is copied.
 */
const { paths, texts } = workerData as { paths: string[]; texts: string[] };
const flags = new Uint8Array(paths.length * texts.length);
paths.forEach((absolutePath, i) => markTexts(absolutePath, texts, flags, i * texts.length));
parentPort!.postMessage(flags, [flags.buffer]);
