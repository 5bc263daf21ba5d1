import { useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import { readArticleBody } from '../../corpus/body.js';
import { fileVersion } from '../../files/version.js';
import {
  articleLines,
  bodyToDocInSlices,
  layoutArticle,
  layoutArticleInSlices,
  type RenderedArticle,
} from '../../render/article.js';
import { Style, type Block, type Doc, type Reference } from '../../render/doc.js';
import { blankLine, type RenderedLine } from '../../render/line.js';
import { wrapSpans } from '../../render/wrap.js';

/** How the reader gets an article's body: from its file, or (in tests) from elsewhere, at once or later. */
export type BodyReader = (article: Article) => string | Promise<string>;

export interface ArticleView {
  lines: RenderedLine[];
  references: Reference[];
  /** The document laid out: what the link menu takes links' words from. */
  blocks: readonly Block[];
  /** Why the article could not be shown; then the lines say so. */
  error?: string;
}

/**
 * How long a stretch of reading or laying out a body runs before keys, signals
 * and frames get a turn: `q` leaves an 8 MB article at once, and the work
 * stops.
 */
const SLICE_MS = 20;

/** Bodies up to this many characters are laid out at once (a change of width shows at the next frame). */
const LAYOUT_AT_ONCE = 200_000;

type Read = { key: string; doc: Doc; size: number } | { key: string; error: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The reader's lines for an article at a width. Documents are parsed once and
 * kept for the last few articles while their files are unchanged, so a resize
 * or J/K back re-lays them out without reading the file again, and an article
 * edited since is read anew. A body is read, and a long one laid out, a
 * stretch at a time with the event loop turning between, and the work is
 * dropped when the reader leaves the article or the width changes. Null
 * while the body is being read or laid out; a file that cannot be read gives
 * lines that say why. The references come along for `o`.
 */
export function useArticleLines(
  article: Article | null,
  width: number,
  read: BodyReader = readArticleBody,
): ArticleView | null {
  const docs = useRef(new Map<string, { doc: Doc; size: number }>());
  const [doc, setDoc] = useState<Read | null>(null);
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    if (!article) return;
    const stamp = fileVersion(article.absolutePath) ?? `${article.absolutePath}:gone`;
    setKey(stamp);
    const cached = docs.current.get(stamp);
    if (cached) {
      setDoc({ key: stamp, ...cached });
      return;
    }
    let cancelled = false;
    const slices = { sliceMs: SLICE_MS, cancelled: () => cancelled };
    void Promise.resolve()
      .then(() => read(article))
      .then(async (body) => ({
        parsed: await bodyToDocInSlices(article, body, slices),
        size: body.length,
      }))
      .then(
        ({ parsed, size }) => {
          if (!parsed) return;
          if (docs.current.size >= 8) docs.current.delete(docs.current.keys().next().value!);
          docs.current.set(stamp, { doc: parsed, size });
          if (!cancelled) setDoc({ key: stamp, doc: parsed, size });
        },
        (error: unknown) => {
          if (!cancelled) setDoc({ key: stamp, error: message(error) });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [article, read]);

  const current = article && doc?.key === key ? doc : null;
  const parsed = current && !('error' in current) ? current : null;
  const atOnce = parsed !== null && parsed.size <= LAYOUT_AT_ONCE;
  // A long body's lines, laid out in slices for this document at this width.
  const [long, setLong] = useState<{
    doc: Doc;
    width: number;
    rendered: RenderedArticle | { error: string };
  } | null>(null);
  useEffect(() => {
    if (!article || !parsed || atOnce) return;
    let cancelled = false;
    const slices = { sliceMs: SLICE_MS, cancelled: () => cancelled };
    void layoutArticleInSlices(article, parsed.doc, width, slices).then(
      (rendered) => {
        if (rendered && !cancelled) setLong({ doc: parsed.doc, width, rendered });
      },
      (error: unknown) => {
        if (!cancelled) setLong({ doc: parsed.doc, width, rendered: { error: message(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [article, parsed, atOnce, width]);

  return useMemo(() => {
    if (!article || !current) return null;
    const failure = (error: string): ArticleView => {
      const header = layoutArticle(article, { blocks: [], references: [] }, width).header;
      const note = wrapSpans(
        [{ text: `This article could not be read: ${error}.`, style: Style.bold }],
        width,
      );
      return {
        lines: [...header, blankLine(), ...note.map((spans) => ({ spans }))],
        references: [],
        blocks: [],
        error,
      };
    };
    if ('error' in current) return failure(current.error);
    let rendered: RenderedArticle;
    if (atOnce) rendered = layoutArticle(article, current.doc, width);
    else if (long?.doc === current.doc && long.width === width) {
      if ('error' in long.rendered) return failure(long.rendered.error);
      rendered = long.rendered;
    } else return null;
    return {
      lines: articleLines(rendered),
      references: current.doc.references,
      blocks: current.doc.blocks,
    };
  }, [article, current, atOnce, long, width]);
}
