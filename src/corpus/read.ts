import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import type { Article, BodyFormat, Problem } from './article.js';
import { normalizeArticle } from './fields.js';
import { opensWithFrontMatter, parseFrontMatter } from './front-matter.js';
import { reason } from './scan.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const LOSSY_UTF8 = new TextDecoder('utf-8');
let gb18030: TextDecoder | undefined;

export type ReadOutcome =
  | { kind: 'article'; article: Article; body: string }
  | { kind: 'skipped'; problem: Problem }
  | { kind: 'ignored' };

export interface DecodedText {
  text: string;
  problem: string | null;
}

/**
 * Bytes → text: UTF-8 with the BOM dropped; GB18030 when the bytes are not
 * UTF-8 but are clean GB18030; otherwise UTF-8 with replacement characters and
 * a problem. CRLF and lone CR become LF.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let problem: string | null = null;
  try {
    text = UTF8.decode(bytes);
  } catch {
    try {
      // Built on first use: most folders never need it.
      gb18030 ??= new TextDecoder('gb18030', { fatal: true });
      text = gb18030.decode(bytes);
    } catch {
      text = LOSSY_UTF8.decode(bytes);
      problem = 'not valid UTF-8 or GB18030; unreadable bytes shown as �';
    }
  }
  return { text: text.replace(/\r\n?/g, '\n'), problem };
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** Reads one file into an article, or says why it was skipped. */
export async function readArticleFile(root: string, absolutePath: string): Promise<ReadOutcome> {
  const relativePath = path.relative(root, absolutePath).split(path.sep).join('/');
  const extension = path.extname(absolutePath).toLowerCase();
  let bytes: Buffer;
  let mtime: number;
  try {
    [bytes, mtime] = await Promise.all([
      readFile(absolutePath),
      stat(absolutePath).then((s) => s.mtimeMs),
    ]);
  } catch (error) {
    return {
      kind: 'skipped',
      problem: { path: relativePath, reason: `cannot read: ${reason(error)}` },
    };
  }
  if (looksBinary(bytes)) {
    if (extension === '.txt') return { kind: 'ignored' };
    return {
      kind: 'skipped',
      problem: { path: relativePath, reason: 'binary file, not an article' },
    };
  }
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') {
    if (extension === '.txt') return { kind: 'ignored' };
    return { kind: 'skipped', problem: { path: relativePath, reason: 'empty file' } };
  }
  if (extension === '.txt' && !opensWithFrontMatter(decoded.text)) return { kind: 'ignored' };
  const frontMatter = parseFrontMatter(decoded.text);
  const problems = [decoded.problem, frontMatter.problem].filter((p): p is string => p !== null);
  const article = normalizeArticle({
    path: relativePath,
    absolutePath,
    mtime: Math.floor(mtime),
    data: frontMatter.data,
    body: frontMatter.body,
    format: bodyFormat(extension, frontMatter.body),
    problems,
  });
  return { kind: 'article', article, body: frontMatter.body };
}

/**
 * HTML files are HTML. A Markdown or text file whose body opens with a block
 * tag, as RSS exporters write them, is HTML too; anything else is Markdown,
 * whose raw HTML is rendered all the same.
 */
export function bodyFormat(extension: string, body: string): BodyFormat {
  if (extension === '.html' || extension === '.htm') return 'html';
  return /^\s*<(?:div|p|article|section|figure|img|table|h[1-6]|ul|ol|blockquote|pre|span|br|a|html|body|iframe|video)\b/i.test(
    body,
  )
    ? 'html'
    : 'markdown';
}
