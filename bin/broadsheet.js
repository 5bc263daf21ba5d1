#!/usr/bin/env node
// Node's version is checked before anything is loaded: on an older Node a package would fail to
// load with a stack trace instead. The floor is package.json's "engines" (a test keeps them equal).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`broadsheet needs Node 20.19 or later (this is ${process.versions.node})\n`);
  process.exit(1);
}

const { default: module } = await import('node:module');
// Where Node offers it (22.1 and later), compiled code is kept between runs: a warm start costs less.
module.enableCompileCache?.();

const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
