// Writes N articles of the real archives' shape for the body-index benchmark: the real articles
// beside the project (or those of SOURCE) copied in turn, article i being source article i mod their
// count, a thousand to a folder (DIR/00/00000.txt, DIR/00/00001.md …). Nothing is kept in the project.
// node bench/real-shaped.js DIR N [SOURCE]
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const real = path.resolve(here, '../../shared/corpus/real');

export function realShapedCorpus(folder, count, source = real) {
  const names = readdirSync(source)
    .filter((name) => /\.(md|markdown|txt|html?)$/i.test(name))
    .sort();
  if (names.length === 0) throw new Error(`no articles in ${source}`);
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length];
    const sub = path.join(folder, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    copyFileSync(
      path.join(source, name),
      path.join(sub, `${String(i).padStart(5, '0')}${path.extname(name)}`),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, count, source = real] = process.argv.slice(2);
  if (!folder || !count || !existsSync(source)) {
    console.error(
      'usage: node bench/real-shaped.js DIR N [SOURCE] (SOURCE: ../shared/corpus/real)',
    );
    process.exit(2);
  }
  realShapedCorpus(folder, Number(count), source);
}
