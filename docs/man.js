// Writes the man page from the command line's own description of its commands and flags.
// npm run docs   (after npm run build)
import { readFileSync, writeFileSync } from 'node:fs';
import { manPage } from '../dist/cli/man.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(new URL('../man/broadsheet.1', import.meta.url), manPage(version));
