// Writes the README's table of keys from the keymap, the table the handlers and the help screen use.
// npm run docs   (after npm run build)
import { readFileSync, writeFileSync } from 'node:fs';
import { keysTable } from '../dist/ui/keymap.js';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = '<!-- keys: written by npm run docs from src/ui/keymap.ts -->';
const end = '<!-- /keys -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(readme, `${before}\n\n${keysTable()}\n\n${after}`);
