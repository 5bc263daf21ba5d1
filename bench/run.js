// npm run bench: every benchmark, each printing medians and a baseline measured in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const realCorpus = path.resolve(here, '../../shared/corpus/real');

const wanted = process.argv.indexOf('--articles');
const sizes = wanted > 0 ? process.argv[wanted + 1].split(',').map(Number) : [20_000];
console.log(
  `node ${process.version}, ${new Date().toISOString()}; command: npm run bench -- --articles ${sizes.join(',')}`,
);
await benchRender(realCorpus);
await benchStartup(realCorpus);
// As the browser runs: React's production build.
process.env.NODE_ENV ??= 'production';
const { benchTui, benchPictures } = await import('./tui.js');
await benchTui([20_000, 100_000]);
await benchPictures();
const { benchScale } = await import('./scale.js');
for (const size of sizes) await benchScale(size);
