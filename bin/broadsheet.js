#!/usr/bin/env node
import module from 'node:module';

// Where Node offers it (22.1 and later), compiled code is kept between runs: a warm start costs less.
module.enableCompileCache?.();

const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
