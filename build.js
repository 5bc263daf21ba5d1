// The second step of `npm run build`: the compiled modules in dist/ bundled into dist/bundle/, one
// module for the command line and a chunk for each command, loaded as it is needed (every module
// Node loads costs a resolution, a file read and a compilation at each start).
//
// The packages the pipe commands use are bundled too (they were 40 modules of cat's start), and
// their licences are written beside the bundle, in THIRD-PARTY-NOTICES.txt, which the package
// ships; package.json lists them as devDependencies, so installing broadsheet does not fetch them
// again. What stays a package: the browser's Ink and React, the picture decoders (loaded at the
// first picture; libwebp finds its WebAssembly beside its own module) and string-width (required
// synchronously, and only for text with emoji, joiners or marks).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const EXTERNAL = [
  'ink',
  'react',
  'react/*',
  'pngjs',
  'pngjs/*',
  'jpeg-js',
  'jpeg-js/*',
  'omggif',
  '@jsquash/webp',
  '@jsquash/webp/*',
  'string-width',
];

/**
 * htmlparser2's index also loads its Parser and the DOM packages it offers (domhandler, domutils,
 * dom-serializer and an older entities): broadsheet reads HTML with its Tokenizer alone, so the
 * bundle takes that module. A name it does not export here fails the build.
 */
const htmlparser2Parts = {
  name: 'htmlparser2-parts',
  setup(build) {
    build.onResolve({ filter: /^htmlparser2$/ }, () => ({
      path: 'htmlparser2',
      namespace: 'htmlparser2-parts',
    }));
    build.onLoad({ filter: /.*/, namespace: 'htmlparser2-parts' }, () => ({
      resolveDir: path.resolve('node_modules/htmlparser2/dist/esm'),
      contents: "export { default as Tokenizer, QuoteType } from './Tokenizer.js';",
    }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
const { metafile } = await build({
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
  external: EXTERNAL,
  plugins: [htmlparser2Parts],
  // jsonc-parser's main module is UMD, whose require of its own parts fails in an ES module bundle.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  metafile: true,
  logLevel: 'warning',
});

writeFileSync('dist/bundle/THIRD-PARTY-NOTICES.txt', notices(bundledPackages(metafile)));

/** The folders of the packages whose code went into the bundle. */
function bundledPackages(metafile) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]);
  }
  return [...folders].sort((a, b) => a.localeCompare(b));
}

/** Each bundled package's name, version, licence and the text of its licence file. */
function notices(folders) {
  const parts = folders.map((folder) => {
    const json = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    if (!file) throw new Error(`${json.name} has no licence file to ship with the bundle`);
    return [
      `${json.name} ${json.version} (${json.license})`,
      '',
      readFileSync(path.join(folder, file), 'utf8').trim(),
    ].join('\n');
  });
  const heading =
    'broadsheet bundles these packages into dist/bundle/; each is used under its licence, given here in full.';
  return [heading, ...parts].join(`\n\n${'-'.repeat(80)}\n\n`) + '\n';
}
