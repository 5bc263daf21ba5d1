// Whole-process cost of the pipe commands, against Node starting and doing
// nothing, and against Node starting and importing just the packages the
// command needs (the floor for any program built on them).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianCommand, report } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/broadsheet.js');
const imports = (names) => names.map((name) => `await import('${name}');`).join(' ');
const CAT_PACKAGES = [
  'meow',
  'js-yaml',
  'entities/decode',
  'htmlparser2',
  'string-width',
  'get-east-asian-width',
];
const LIST_PACKAGES = ['meow', 'js-yaml', 'entities/decode'];

export async function benchStartup(realCorpus) {
  const article = path.join(realCorpus, readdirSync(realCorpus).sort()[0]);
  const node = (args) => medianCommand(process.execPath, args, { cwd: root });
  console.log('\nwhole process, median of 9 runs');
  const bare = { name: "node -e ''", value: node(['-e', '']) };
  report("node -e '' (baseline)", bare.value, 'ms');
  const commands = [
    { label: `cat ${path.basename(article)}`, args: ['cat', article], packages: CAT_PACKAGES },
    {
      label: `list ${path.basename(realCorpus)} (${readdirSync(realCorpus).length} files)`,
      args: ['list', realCorpus],
      packages: LIST_PACKAGES,
    },
  ];
  for (const { label, args, packages } of commands) {
    const floor = {
      name: 'node + its imports',
      value: node(['--input-type=module', '-e', imports(packages)]),
    };
    report(
      `node importing ${packages.length} packages ${args[0]} needs (baseline)`,
      floor.value,
      'ms',
      bare,
    );
    report(label, node([bin, ...args]), 'ms', floor);
  }
}
