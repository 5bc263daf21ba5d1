// npm run bench: every benchmark, each printing medians and a baseline measured in the same run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCatRatios, benchHostile, benchRender } from './render.js';
import { benchStartup } from './startup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The real articles when they are beside the project, else our own fixtures of the same format.
const real = path.resolve(here, '../../shared/corpus/real');
const corpus = existsSync(real) ? real : path.resolve(here, '../test/fixtures/corpus');

const wanted = process.argv.indexOf('--articles');
const sizes = wanted > 0 ? process.argv[wanted + 1].split(',').map(Number) : [20_000];
console.log(
  `node ${process.version}, ${new Date().toISOString()}; command: npm run bench -- --articles ${sizes.join(',')}`,
);
console.log(`articles for render and start-up: ${corpus}`);
await benchRender(corpus);
benchCatRatios(corpus);
await benchHostile();
await benchStartup(corpus);
const { benchAlternatives } = await import('./alternatives.js');
await benchAlternatives();
// As the browser runs: React's production build.
process.env.NODE_ENV ??= 'production';
const { benchTui, benchPictures } = await import('./tui.js');
await benchTui([20_000, 100_000]);
await benchPictures();
const { benchLongArticles } = await import('./scale.js');
benchLongArticles();
const { benchTargets } = await import('./targets.js');
for (const size of sizes) await benchTargets(size);
// The held-out shape: 20 000 long articles (12 KB each), the body search on full bodies.
await benchTargets(20_000, { bodyBytes: 11_000 });
