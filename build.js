// The second step of `npm run build`: the compiled modules in dist/ bundled into dist/bundle/, one
// module for the command line and a chunk for each command, loaded as it is needed (every module
// Node loads costs a resolution, a file read and a compilation at each start). Packages stay outside.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: [
    'dist/cli.js',
    'dist/query/search-worker.js',
    'dist/corpus/body-index-worker.js',
    'dist/corpus/body-text-worker.js',
  ],
  entryNames: '[name]',
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
