// npm run bench: every benchmark, each printing medians and a baseline measured in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const realCorpus = path.resolve(here, '../../shared/corpus/real');

console.log(`node ${process.version}, ${new Date().toISOString()}; command: npm run bench`);
await benchRender(realCorpus);
await benchStartup(realCorpus);
// As the browser runs: React's production build.
process.env.NODE_ENV ??= 'production';
const { benchTui, benchPictures } = await import('./tui.js');
await benchTui([20_000, 100_000]);
await benchPictures();
