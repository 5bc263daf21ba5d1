// One article outside any folder: a file named on the command line, or standard input (`-`).
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type { Article, Corpus } from '../corpus/article.js';
import { splitFrontMatter } from '../corpus/front-matter.js';
import { bodyFormat, decodeText, MAX_ARTICLE_BYTES, readArticleFile } from '../corpus/read.js';
import { reason } from '../files/errors.js';
import { sanitizeLine } from '../text/sanitize.js';
import { UsageError } from './errors.js';

/** Standard input, as the command line names it. */
export const STANDARD_INPUT = '-';

/** True when `given` is `-` or a file (not a folder): one article to read, not a folder to browse. */
export function namesOneArticle(given: string | undefined): given is string {
  if (given === STANDARD_INPUT) return true;
  try {
    return given !== undefined && existsSync(given) && !statSync(given).isDirectory();
  } catch {
    return false;
  }
}

/**
 * All of standard input, up to the most of one article that is shown (8 MiB;
 * the rest is left unread). Throws with a reason when it cannot be read.
 */
export async function readStandardInput(
  stream: NodeJS.ReadableStream = process.stdin,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(bytes);
      size += bytes.length;
      if (size >= MAX_ARTICLE_BYTES) break;
    }
  } catch (error) {
    throw new Error(`cannot read standard input: ${reason(error)}`, { cause: error });
  }
  return Buffer.concat(chunks).subarray(0, MAX_ARTICLE_BYTES);
}

/**
 * True when the text is HTML: a whole page (`<!DOCTYPE html>`, `<html>`, a
 * `<head>`), or a body that opens with a block tag, as the folders' articles
 * are told apart; anything else is Markdown. Front matter is looked past.
 */
export function looksLikeHtml(text: string): boolean {
  const { body } = splitFrontMatter(text);
  return (
    /^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<title\b|<link\b|<!--)/i.test(body) ||
    bodyFormat('', body) === 'html'
  );
}

/**
 * Standard input's bytes as a file of their own in a new temporary folder,
 * named `standard input.html` or `.md` as the text is, so that everything that
 * reads an article's file (the reader, the editor, the pager) reads it.
 */
export function standardInputFile(bytes: Buffer): { file: string; remove: () => void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-stdin-'));
  const extension = looksLikeHtml(decodeText(bytes.subarray(0, 64 * 1024)).text) ? 'html' : 'md';
  const file = path.join(folder, `standard input.${extension}`);
  writeFileSync(file, bytes, { mode: 0o600 });
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * The article of one file as a list of its own, the file's folder its root
 * (`fromInput`: the copy of standard input, which has no date of its own).
 * Throws a UsageError that says why when the file is no article (binary,
 * empty, unreadable).
 */
export function oneArticleCorpus(
  file: string,
  shownAs = file,
  options: { fromInput?: boolean } = {},
): Corpus {
  const absolute = path.resolve(file);
  const root = path.dirname(absolute);
  const outcome = readArticleFile(root, absolute, { named: true });
  if (outcome.kind === 'article') {
    // Standard input's copy is a file of the moment: its time is no date of the article's.
    const article = options.fromInput
      ? { ...outcome.article, undated: true as const }
      : outcome.article;
    return { root, articles: [article], problems: [] };
  }
  const why = outcome.kind === 'skipped' ? outcome.problem.reason : 'not an article';
  throw new UsageError(`not an article: ${sanitizeLine(shownAs)}: ${why}`);
}

/**
 * The article on standard input, as `cat -` prints it (its path `-`), or what
 * is wrong with it in words.
 */
export async function standardInputArticle(): Promise<{ article: Article; body: string } | string> {
  const copy = standardInputFile(await readStandardInput());
  try {
    const outcome = readArticleFile(path.dirname(copy.file), copy.file, { named: true });
    if (outcome.kind === 'article')
      return {
        article: { ...outcome.article, path: STANDARD_INPUT, undated: true },
        body: outcome.body,
      };
    return `not an article: standard input: ${outcome.kind === 'skipped' ? outcome.problem.reason : 'not an article'}`;
  } finally {
    copy.remove();
  }
}
