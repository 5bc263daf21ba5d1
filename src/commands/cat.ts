import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import type { Invocation } from './invocation.js';
import type { Article } from '../corpus/article.js';
import { readBody } from '../corpus/body.js';
import { readArticleFile } from '../corpus/read.js';
import type { Marks } from '../query/match.js';
import { articleFields } from '../pipe/json.js';
import { NotFoundError, UsageError } from './errors.js';
import { outputStreams, warn, writeErr, writeOut } from '../pipe/output.js';
import { defaultWidth, supportsHyperlinks, wantsColor } from '../pipe/terminal.js';
import { lineToAnsi } from '../render/ansi.js';
import type { RenderedLine } from '../render/line.js';
import { articleLines, bodyToDoc, renderArticle } from '../render/article.js';
import { articleMarkdown } from '../render/markdown-text.js';
import { lineToPlain, toPlainText } from '../render/plain.js';
import { askTerminal, chooseProtocol, colorDepth, type TerminalAnswers } from '../images/detect.js';
import { sanitizeLine, unescapePath } from '../text/sanitize.js';
import { glyphs } from '../text/profile.js';
import { stateFolder } from '../files/places.js';

interface Readable {
  article: Article;
  /** Null until read. */
  body: string | null;
  /** The folder the article's path is relative to. */
  root: string;
}

/** `broadsheet cat`: articles rendered as text or JSON, in the order asked for. */
export async function catCommand(invocation: Invocation): Promise<number> {
  const { readables, missing } = await gather(invocation);
  const width = invocation.width ?? defaultWidth();
  const format = invocation.format ?? (wantsColor(invocation.color) ? 'ansi' : 'plain');
  const hyperlinks = format === 'ansi' && supportsHyperlinks();
  // Pictures only with colour: NO_COLOR and --no-color rule them out as --images none does.
  const pictures =
    invocation.output === 'tsv' && (format === 'ansi' || invocation.images !== 'auto')
      ? pictureDrawer(invocation, width)
      : null;
  const marks =
    invocation.output === 'tsv'
      ? null
      : (await import('./select.js')).readingMarks(
          readables.map(({ article }) => article),
          invocation.settings.state ?? stateFolder(),
        );
  if (invocation.output === 'json') await writeOut('[');
  let printed = 0;
  let failed = 0;
  for (const listed of readables) {
    const readable = listed.body === null ? readAgain(listed) : listed;
    if (typeof readable === 'string') {
      missing.push(readable);
      continue;
    }
    let text: string;
    try {
      text = await articleOutput(readable, invocation, {
        width,
        format,
        hyperlinks,
        pictures,
        marks,
      });
    } catch (error) {
      // One article that cannot be shown spoils nothing else: it is said, the rest are printed.
      failed++;
      warn(`${sanitizeLine(readable.article.path)}: cannot be shown: ${reasonOf(error)}`);
      continue;
    }
    const separator =
      printed === 0
        ? ''
        : invocation.output === 'json'
          ? ','
          : invocation.output === 'ndjson'
            ? ''
            : format === 'markdown'
              ? '\n---\n\n'
              : `${glyphs().rule.repeat(width)}\n\n`;
    await writeOut(`${separator}${text}`);
    printed++;
  }
  if (invocation.output === 'json') await writeOut(printed > 0 ? '\n]\n' : ']\n');
  for (const name of missing) writeErr(`broadsheet: ${name}\n`);
  if (readables.length === 0 && missing.length === 0) throw new NotFoundError('no article matched');
  return missing.length > 0 || failed > 0 || readables.length === 0 ? 1 : 0;
}

/** How `cat` prints one article: text for a terminal or a pipe, Markdown, or a JSON record. */
async function articleOutput(
  readable: Readable,
  invocation: Invocation,
  how: {
    width: number;
    format: 'plain' | 'ansi' | 'markdown';
    hyperlinks: boolean;
    pictures: ReturnType<typeof pictureDrawer> | null;
    /** The reader's marks, for JSON. */
    marks: Marks | null;
  },
): Promise<string> {
  const { width, format, hyperlinks, pictures, marks } = how;
  const body = readable.body ?? readBody(readable.article);
  if (format === 'markdown' && invocation.output === 'tsv')
    return articleMarkdown(readable.article, await bodyToDoc(readable.article, body));
  // Plain text is for the next tool: its URLs and code lines are kept whole.
  const rendered = await renderArticle(readable.article, body, width, {
    plain: format !== 'ansi' || invocation.output !== 'tsv',
  });
  if (invocation.output === 'tsv') {
    const lines = articleLines(rendered);
    // The terminal is asked what it can draw only when there is a picture to draw.
    const drawn =
      pictures && lines.some((line) => line.image)
        ? await pictures(lines)
        : new Map<RenderedLine, string | null>();
    const text = lines
      .flatMap((line) => {
        const picture = drawn.get(line);
        if (picture === null) return [];
        return [
          picture ?? (format === 'ansi' ? lineToAnsi(line, { hyperlinks }) : lineToPlain(line)),
        ];
      })
      .join('\n');
    return `${text}\n`;
  }
  const record = {
    ...articleFields(readable.article, { root: readable.root, ...marks! }),
    text: toPlainText(rendered.body),
    links: rendered.doc.references
      .filter((r) => r.kind !== 'image')
      .map((r) => ({ n: r.n, url: r.target })),
    images: rendered.doc.references
      .filter((r) => r.kind === 'image')
      .map((r) => ({ n: r.n, url: r.target })),
  };
  const json = JSON.stringify(record, null, invocation.output === 'json' ? 2 : undefined);
  return invocation.output === 'json' ? `\n${json}` : `${json}\n`;
}

function reasonOf(error: unknown): string {
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

async function gather(
  invocation: Invocation,
): Promise<{ readables: Readable[]; missing: string[] }> {
  const filtered =
    invocation.all || invocation.search !== undefined || invocation.limit !== undefined;
  const [first] = invocation.inputs;
  const firstIsFolder = first !== undefined && existsSync(first) && statSync(first).isDirectory();
  if (filtered) {
    if (invocation.inputs.length > 1 || (first !== undefined && !firstIsFolder)) {
      throw new UsageError('cat takes either ARTICLE paths or a folder with --all or filters');
    }
    // The folder reader (scan, index, search threads) is loaded only for a folder.
    const { selectArticles } = await import('./select.js');
    const { corpus, articles } = await selectArticles(invocation, first ?? invocation.dir);
    return {
      readables: articles.map((article) => ({ article, body: null, root: corpus.root })),
      missing: [],
    };
  }
  if (invocation.inputs.length === 0)
    throw new UsageError('cat needs ARTICLE paths, or --all or a filter');
  if (firstIsFolder && invocation.inputs.length === 1) {
    throw new UsageError(`${first} is a folder: add --all or a filter to print its articles`);
  }
  const readables: Readable[] = [];
  const missing: string[] = [];
  for (const input of invocation.inputs) {
    if (input === '-') {
      const read = await (await import('./one-article.js')).standardInputArticle();
      if (typeof read === 'string') missing.push(read);
      else readables.push({ ...read, root: process.cwd() });
      continue;
    }
    const file = locate(input, invocation.dir);
    if (!file) {
      missing.push(`no such article: ${sanitizeLine(input)}`);
      continue;
    }
    const root =
      invocation.dir && isInside(file, path.resolve(invocation.dir))
        ? path.resolve(invocation.dir)
        : path.dirname(file);
    // A file named is read whatever it is called (a .txt without front matter, as Markdown).
    const outcome = await readArticleFile(root, file, { named: true });
    if (outcome.kind === 'article') {
      for (const problem of outcome.article.problems)
        warn(`${sanitizeLine(outcome.article.path)}: ${sanitizeLine(problem)}`);
      readables.push({ article: outcome.article, body: outcome.body, root });
    } else if (outcome.kind === 'skipped') {
      missing.push(`not an article: ${sanitizeLine(input)}: ${outcome.problem.reason}`);
    } else {
      missing.push(`not an article: ${sanitizeLine(input)}: no front matter`);
    }
  }
  return { readables, missing };
}

/**
 * An article of a list, read again whole: a file edited since the list was
 * read shows its header as it is now with its body. A file gone or no longer
 * an article is said, as a path typed would be.
 */
function readAgain(listed: Readable): Readable | string {
  const outcome = readArticleFile(listed.root, listed.article.absolutePath);
  const name = sanitizeLine(listed.article.path);
  if (outcome.kind === 'article')
    return { ...listed, article: outcome.article, body: outcome.body };
  return outcome.kind === 'skipped'
    ? `not an article: ${name}: ${outcome.problem.reason}`
    : `not an article: ${name}: no front matter`;
}

/**
 * An article path: absolute, relative to -d DIR, or relative to the current
 * folder; as typed, or as `list` escaped it (a name with control characters);
 * or a whole line of `list`, whose last field is the file.
 */
function locate(line: string, dir: string | undefined): string | null {
  // A tab is never part of a name `list` printed (it escapes it), so one means a whole line.
  const input = line.includes('\t') ? line.slice(line.lastIndexOf('\t') + 1) : line;
  const names = input.includes('\\') ? [input, unescapePath(input)] : [input];
  const candidates = names.flatMap((name) =>
    path.isAbsolute(name) ? [name] : [...(dir ? [path.join(dir, name)] : []), name],
  );
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.resolve(candidate);
  }
  return null;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * How `cat` draws pictures: `--images` decides, `auto` draws only on a
 * terminal, which is asked what it can draw the first time a picture comes.
 * Pictures are as wide as the text and at most a screenful tall.
 */
function pictureDrawer(
  invocation: Invocation,
  width: number,
): (lines: readonly RenderedLine[]) => Promise<Map<RenderedLine, string | null>> {
  let drawer: Promise<
    ((lines: readonly RenderedLine[]) => Promise<Map<RenderedLine, string | null>>) | null
  > | null = null;
  return async (lines) => {
    drawer ??= makeDrawer(invocation, width);
    const draw = await drawer;
    return draw ? draw(lines) : new Map();
  };
}

async function makeDrawer(
  invocation: Invocation,
  width: number,
): Promise<((lines: readonly RenderedLine[]) => Promise<Map<RenderedLine, string | null>>) | null> {
  const { stdout } = outputStreams();
  const { protocol, cell } = await chooseProtocol(
    invocation.images,
    process.env,
    Boolean(stdout.isTTY),
    askOnce,
  );
  if (protocol === 'none') return null;
  // Loaded only when pictures are drawn: the network modules cost start-up time.
  const [{ drawImageLines }, { userImageLoader }] = await Promise.all([
    import('../pipe/pictures.js'),
    import('../images/load.js'),
  ]);
  const load = userImageLoader(invocation.offline, invocation.allowPrivateImages);
  const maxRows = stdout.isTTY ? Math.max(4, (stdout.rows || 24) - 2) : 24;
  const options = { maxColumns: width, maxRows, depth: colorDepth(process.env), cell };
  return (lines) => drawImageLines(lines, load, protocol, options);
}

/** The terminal's answers to one query, read in raw mode and given back cooked. */
async function askOnce(): Promise<TerminalAnswers> {
  if (!process.stdin.isTTY) return { kitty: false, sixel: false, cell: null, background: null };
  const { TerminalInput } = await import('../terminal/input.js');
  const input = new TerminalInput(process.stdin);
  try {
    return await askTerminal(input, (query) => outputStreams().stdout.write(query), process.env);
  } finally {
    input.close();
    process.stdin.setRawMode(false);
  }
}
