import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Article, BodyFormat, Problem } from './article.js';
import { hasTitle, normalizeArticle } from './fields.js';
import { opensWithFrontMatter, parseFrontMatter } from './front-matter.js';
import { joinPath } from './file-path.js';
import { reason } from '../files/errors.js';

const LOSSY_UTF8 = new TextDecoder('utf-8');
let gb18030: TextDecoder | undefined;

export type ReadOutcome =
  | { kind: 'article'; article: Article; body: string; stamp: FileStamp }
  | { kind: 'skipped'; problem: Problem }
  | { kind: 'ignored' };

export interface DecodedText {
  text: string;
  problem: string | null;
}

/**
 * Bytes → text: UTF-8 with the BOM dropped; GB18030 when the bytes are not
 * UTF-8 but are clean GB18030; otherwise UTF-8 with replacement characters and
 * a problem. CRLF and lone CR become LF. UTF-8 is checked and decoded by
 * Buffer's own native code, several times faster than a fatal TextDecoder.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let problem: string | null = null;
  if (isUtf8(bytes)) {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    try {
      // Built on first use: most folders never need it.
      gb18030 ??= new TextDecoder('gb18030', { fatal: true });
      text = gb18030.decode(bytes);
    } catch {
      text = LOSSY_UTF8.decode(bytes);
      problem = 'not valid UTF-8 or GB18030; unreadable bytes shown as �';
    }
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, problem };
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** How much of a file the list reads: the front matter is at its start. */
const HEAD_BYTES = 16 * 1024;

/** What a file looked like when read: enough to tell later whether it changed. */
export interface FileStamp {
  size: number;
  /**
   * The later of its modification and change times: a file written again with
   * its size and modification time put back still has a new change time.
   */
  changedMs: number;
}

/** When a file last changed, by either of its times. */
export function changedAt(info: { mtimeMs: number; ctimeMs: number }): number {
  return Math.max(info.mtimeMs, info.ctimeMs);
}

interface FileBytes extends FileStamp {
  mtimeMs: number;
  bytes: Uint8Array;
  /** False when only the head was read. */
  complete: boolean;
}

/**
 * Reads a file, or its first `limit` bytes, synchronously: for thousands of
 * small files one open-stat-read-close in a row is several times faster than
 * the promise API, and the callers yield between batches.
 */
function readBytes(file: string, limit = Infinity): FileBytes {
  // Without blocking: a FIFO, a socket or a device put where an article was must not hold the program.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw Object.assign(new Error('not a regular file'), { code: 'ENOTREGULAR' });
    const { size, mtimeMs } = stat;
    const changedMs = changedAt(stat);
    const wanted = Math.min(size, limit);
    // Heads are read into one reused buffer: a new one per file is garbage by the thousand.
    const bytes = wanted <= headBuffer.length ? headBuffer : Buffer.allocUnsafe(wanted);
    let filled = 0;
    while (filled < wanted) {
      const read = readSync(fd, bytes, filled, wanted - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { bytes: bytes.subarray(0, filled), size, mtimeMs, changedMs, complete: filled >= size };
  } finally {
    closeSync(fd);
  }
}

const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

/** The bytes without a UTF-8 sequence cut off at the end (a head read stops anywhere). */
export function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 4 && (bytes[end - back - 1]! & 0xc0) === 0x80) back++;
  const lead = bytes[end - back - 1];
  if (lead === undefined || lead < 0xc0) return bytes.subarray(0, end - back);
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (back + 1 < length) end -= back + 1;
  return bytes.subarray(0, end);
}

/** The most of one article that is read to be shown: a larger file is shown up to there. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** A file's text, up to `limit` bytes of it, decoded as articles are. */
export function readTextSync(file: string, limit = MAX_ARTICLE_BYTES): string {
  const read = readBytes(file, limit);
  return decodeText(read.complete ? read.bytes : withoutCutCharacter(read.bytes)).text;
}

/**
 * Reads one file (up to 8 MiB of it) into an article, or says why it was
 * skipped. A file `named` by the reader is read whatever it is called: a
 * `.txt` file without front matter, which a folder's scan leaves out, is read
 * as Markdown.
 */
export function readArticleFile(
  root: string,
  absolutePath: string,
  options: { named?: boolean } = {},
): ReadOutcome {
  return readArticle(root, absolutePath, MAX_ARTICLE_BYTES, false, options.named);
}

/**
 * Reads the fields of one file from its head, the whole file only when its
 * front matter runs past the head: the list needs no body.
 */
export function readArticleHead(root: string, absolutePath: string): ReadOutcome {
  return readArticle(root, absolutePath, HEAD_BYTES);
}

/** How much of the body is decoded with the fields: enough to tell HTML from Markdown. */
const BODY_PEEK = 2048;

/**
 * Where the front matter's closing line ends in the bytes, or -1: the first
 * `---` or `...` line after the opening `---`. Bytes, not text: the list needs
 * only the fields, and decoding a whole head of a long article into a string
 * was most of what reading it cost. (`-`, `.` and newline never occur inside a
 * multi-byte character of UTF-8 or GB18030.)
 */
function frontMatterEnd(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const open = buffer.indexOf('---');
  if (open < 0) return -1;
  let from = buffer.indexOf(10, open);
  while (from >= 0) {
    const dashes = buffer.indexOf('\n---', from);
    const dots = buffer.indexOf('\n...', from);
    const line = dashes < 0 ? dots : dots < 0 ? dashes : Math.min(dashes, dots);
    if (line < 0) return -1;
    let end = line + 4;
    while (bytes[end] === 0x20 || bytes[end] === 0x09 || bytes[end] === 0x0d) end++;
    if (end >= bytes.length || bytes[end] === 10) return end;
    from = line + 1;
  }
  return -1;
}

function readArticle(
  root: string,
  absolutePath: string,
  limit: number,
  fieldsOnly = limit < MAX_ARTICLE_BYTES,
  named = false,
): ReadOutcome {
  const relativePath = path.relative(root, absolutePath).split(path.sep).join('/');
  const extension = path.extname(absolutePath).toLowerCase();
  // A scan leaves out text files that are not articles; one asked for by name is read.
  const skipsText = !named && extension === '.txt';
  let file: FileBytes;
  try {
    file = readBytes(absolutePath, limit);
  } catch (error) {
    return {
      kind: 'skipped',
      problem: { path: relativePath, reason: `cannot read: ${reason(error)}` },
    };
  }
  if (looksBinary(file.bytes)) {
    if (skipsText) return { kind: 'ignored' };
    return {
      kind: 'skipped',
      problem: { path: relativePath, reason: 'binary file, not an article' },
    };
  }
  // A head that falls short (a cut character, front matter longer than the head) is read again, up to the cap.
  const canGrow = !file.complete && limit < MAX_ARTICLE_BYTES;
  const end = fieldsOnly ? frontMatterEnd(file.bytes) : -1;
  const part =
    end >= 0 && end + BODY_PEEK < file.bytes.length
      ? file.bytes.subarray(0, end + BODY_PEEK)
      : null;
  const decoded = decodeText(
    part ? withoutCutCharacter(part) : file.complete ? file.bytes : withoutCutCharacter(file.bytes),
  );
  if (canGrow && decoded.problem) return readArticle(root, absolutePath, MAX_ARTICLE_BYTES);
  if (decoded.text.trim() === '') {
    if (file.complete && skipsText) return { kind: 'ignored' };
    if (file.complete)
      return { kind: 'skipped', problem: { path: relativePath, reason: 'empty file' } };
    if (canGrow) return readArticle(root, absolutePath, MAX_ARTICLE_BYTES);
  }
  if (skipsText && !opensWithFrontMatter(decoded.text)) return { kind: 'ignored' };
  const frontMatter = parseFrontMatter(decoded.text);
  // Without a title of its own, the article is named by a heading in its body: read all of the head.
  if (part && !hasTitle(frontMatter.data)) return readArticle(root, absolutePath, limit, false);
  if (canGrow && frontMatter.problem?.includes('no closing')) {
    return readArticle(root, absolutePath, MAX_ARTICLE_BYTES);
  }
  const cut =
    file.complete || canGrow
      ? null
      : `longer than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB; shown up to there`;
  const problems = [decoded.problem, frontMatter.problem, cut].filter(
    (p): p is string => p !== null,
  );
  const article = normalizeArticle({
    path: relativePath,
    absolutePath: joinPath(root, relativePath),
    mtime: Math.floor(file.mtimeMs),
    data: frontMatter.data,
    body: frontMatter.body,
    format: bodyFormat(extension, frontMatter.body),
    problems,
  });
  return {
    kind: 'article',
    article,
    body: frontMatter.body,
    stamp: { size: file.size, changedMs: file.changedMs },
  };
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
