// The packages one might expect broadsheet to use, measured against its own code on the same input:
// gray-matter (front matter), html-to-text (rendering), terminal-image (pictures), meow and
// node:util parseArgs (the command line).
// node bench/alternatives.js   (after npm run build; --command-line: the command-line readers alone)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.js';
import { median, medianCommand, report } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parseFrontMatter } = await import('../dist/corpus/front-matter.js');
const { decodeText } = await import('../dist/corpus/read.js');
const { renderArticle, articleLines } = await import('../dist/render/article.js');
const { toPlainText } = await import('../dist/render/plain.js');
const { displayWidth } = await import('../dist/text/width.js');
const { default: matter } = await import('gray-matter');
const { convert } = await import('html-to-text');

const article = (fields) => ({
  path: 'a.md', absolutePath: '/a.md', title: 'T', date: 0, dateFromFile: false, updated: null,
  categories: [], tags: [], author: null, image: null, link: null, meta: {}, problems: [],
  format: 'html', ...fields,
}); // prettier-ignore

export async function benchAlternatives() {
  console.log('\nalternatives, on the same input in the same run (node bench/alternatives.js)');
  frontMatter();
  await rendering();
  pictures();
  commandLine();
}

/** gray-matter against our splitter and js-yaml, on 20 000 seed-format articles. */
function frontMatter() {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-alt-'));
  generateCorpus(folder, 20_000);
  const texts = readdirSync(folder).flatMap((sub) =>
    readdirSync(path.join(folder, sub)).map(
      (name) => decodeText(readFileSync(path.join(folder, sub, name))).text,
    ),
  );
  rmSync(folder, { recursive: true, force: true });
  const run = (parse) => {
    const times = [];
    let found = 0;
    for (let i = 0; i < 3; i++) {
      matter.clearCache();
      globalThis.gc?.();
      const before = process.memoryUsage().heapUsed;
      const start = performance.now();
      found = 0;
      for (const text of texts) if (Object.keys(parse(text)).length > 0) found++;
      times.push(performance.now() - start);
      globalThis.gc?.();
      run.kept = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    }
    return { ms: median(times), found, kept: run.kept };
  };
  const ours = run((text) => parseFrontMatter(text).data);
  // As the seed format is written: a blank line before the front matter, which gray-matter does not allow.
  const theirs = run((text) => matter(text).data);
  const wrapped = run((text) => matter(text.replace(/^\s+/, '')).data);
  report(`our front matter: fields found in ${ours.found} of ${texts.length}`, ours.ms, 'ms');
  console.log(`  heap kept afterwards: ${ours.kept.toFixed(0)} MB`);
  report(`gray-matter as is: found in ${theirs.found}`, theirs.ms, 'ms', {
    name: 'ours',
    value: ours.ms,
  });
  report(`gray-matter, blank lines trimmed first: found in ${wrapped.found}`, wrapped.ms, 'ms', {
    name: 'ours',
    value: ours.ms,
  });
  console.log(
    `  heap kept afterwards: ${wrapped.kept.toFixed(0)} MB (it caches every file it read, by content)`,
  );
  let ran = false;
  globalThis.broadsheetBench = () => (ran = true);
  matter('---js\n{ title: globalThis.broadsheetBench() }\n---\nbody');
  console.log(`  gray-matter runs \`---js\` front matter as code: ${ran}`);
  let unclosed;
  try {
    unclosed = JSON.stringify(matter('---\ntitle: x\n\nbody').data);
  } catch (error) {
    unclosed = `throws ${error.name}`;
  }
  console.log(
    `  a block that never closes: gray-matter ${unclosed}; ours lists it: ${JSON.stringify(parseFrontMatter('---\ntitle: x\n\nbody').problem)}`,
  );
}

/** html-to-text against our renderer: widths of CJK, emoji cut in two, escapes passed on, deep nesting. */
async function rendering() {
  const chinese = `<p>${'终端阅读器把文章变成整齐的文字，按日期和分类浏览。'.repeat(6)}</p>`;
  const widest = (text) => Math.max(...text.split('\n').map(displayWidth));
  const ours = async (html, width) =>
    toPlainText(articleLines(await renderArticle(article(), html, width)));
  console.log(
    `  CJK paragraph at 40 columns: widest line ${widest(convert(chinese, { wordwrap: 40 }))} columns from html-to-text, ${widest(await ours(chinese, 40))} from ours`,
  );
  const emoji = `<p>${'a😀'.repeat(30)}</p>`;
  const lone = (text) => (text.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g) ?? []).length; // prettier-ignore
  console.log(
    `  a word of 30 letters and emoji, forced wraps at 9 columns: ${lone(convert(emoji, { wordwrap: 9, longWordSplit: { forceWrapOnLimit: true } }))} half characters from html-to-text (forceWrapOnLimit), ${lone(await ours(emoji, 9))} from ours`,
  );
  const escapes =
    '<pre>\u001b]52;c;ZXZpbA==\u0007\u001b[2J</pre><a href="x\u001b[31m">y</a><img alt="\u001b[5m">';

  const controls = (text) =>
    (text.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? []).length;
  console.log(
    `  escape codes from the article: ${controls(convert(escapes))} control characters through html-to-text, ${controls(await ours(escapes, 80))} through ours`,
  );
  const deep = `${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}`;
  let outcome;
  try {
    convert(deep);
    outcome = 'rendered';
  } catch (error) {
    outcome = error instanceof RangeError ? 'stack overflow' : String(error);
  }
  console.log(
    `  20 000 nested divs: html-to-text ${outcome}, ours ${(await ours(deep, 80)).includes('deep') ? 'rendered' : 'lost it'}`,
  );
}

/** terminal-image: what importing it costs, against starting Node. */
function pictures() {
  const bare = {
    name: "node -e ''",
    value: medianCommand(process.execPath, ['-e', ''], { cwd: root }),
  };
  const cost = medianCommand(
    process.execPath,
    ['--input-type=module', '-e', "await import('terminal-image')"],
    { cwd: root },
  );
  report('  import terminal-image', cost - bare.value, 'ms (beyond node)');
  const source = readFileSync(path.join(root, 'node_modules/terminal-image/index.js'), 'utf8');
  console.log(
    `  terminal-image writes kitty graphics to process.stdout itself: ${/process\.stdout\.write\(`\\u001B_G/.test(source)}; sizes from process.stdout.columns: ${source.includes('process.stdout.columns')}; sixel: ${/sixel/i.test(source)}; placeholders: ${/U=1|10EEEE/.test(source)}`,
  );
}

/**
 * meow and node:util's parseArgs against broadsheet's own parser (src/cli/parse.ts with the
 * description of the commands and flags it reads, bundled as the program bundles it): importing
 * each and reading one command line, each in a fresh Node, in turn; then what each makes of the
 * lines only ours reads as meant.
 */
async function commandLine() {
  const { FLAGS } = await import('../dist/cli/usage.js');
  const { build } = await import('esbuild');
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-alt-'));
  const ours = path.join(folder, 'parse.js');
  await build({ entryPoints: [path.join(root, 'dist/cli/parse.js')], bundle: true, format: 'esm', platform: 'node', outfile: ours, logLevel: 'warning' });
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const meowFlags = Object.fromEntries(FLAGS.map((flag) => [camel(flag.name), { type: flag.value ? 'string' : 'boolean', ...(flag.short ? { shortFlag: flag.short } : {}) }]));
  const utilOptions = Object.fromEntries(FLAGS.map((flag) => [flag.name, { type: flag.value ? 'string' : 'boolean', ...(flag.short ? { short: flag.short } : {}) }]));
  const readers = {
    'broadsheet (src/cli/parse.ts)': (argv) => `const { parseCommandLine } = await import(${JSON.stringify(ours)}); const r = parseCommandLine(${argv}); console.log(JSON.stringify([r.positionals, r.flags]));`,
    'node:util parseArgs': (argv) => `const { parseArgs } = await import('node:util'); const r = parseArgs({ args: ${argv}, options: ${JSON.stringify(utilOptions)}, allowPositionals: true, allowNegative: true, strict: true }); console.log(JSON.stringify([r.positionals, r.values]));`,
    'meow 14': (argv) => `const { default: meow } = await import('meow'); const r = meow('', { importMeta: import.meta, argv: ${argv}, flags: ${JSON.stringify(meowFlags)}, autoHelp: false, autoVersion: false, allowUnknownFlags: false }); console.log(JSON.stringify([r.input, r.flags]));`,
  }; // prettier-ignore
  const line = JSON.stringify(['cat', 'x.md', '--width', '80', '--no-color']);
  const times = Object.fromEntries(Object.keys(readers).map((name) => [name, []]));
  for (let run = 0; run < 15; run++)
    for (const [name, reader] of Object.entries(readers)) {
      const program = `const t = performance.now(); ${reader(line)} process.stderr.write(String(performance.now() - t));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: root, encoding: 'utf8' });
      times[name].push(Number(result.stderr));
    }
  console.log(`\ncommand-line readers: importing one and reading ${line}, each in a fresh Node, median of 15`);
  const baseline = { name: 'broadsheet', value: median(times['broadsheet (src/cli/parse.ts)']) };
  for (const name of Object.keys(readers)) report(`  ${name}`, median(times[name]), 'ms', baseline);
  for (const argv of [['--search', '-sport'], ['--width', '--json'], ['--wdith', '80']]) {
    console.log(`  ${argv.join(' ')}:`);
    for (const [name, reader] of Object.entries(readers)) {
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', reader(JSON.stringify(argv))], { cwd: root, encoding: 'utf8' });
      const said = result.status === 0 ? result.stdout.trim() : `exit ${result.status}: ${(result.stderr.match(/(?:Error|UsageError)[^:]*: (.*)/)?.[1] ?? result.stderr).trim().replace(/\s+/g, ' ')}`;
      console.log(`    ${name.padEnd(30)} ${said}`);
    }
  }
  rmSync(folder, { recursive: true, force: true });
} // prettier-ignore

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--command-line')) await commandLine();
  else await benchAlternatives();
}
