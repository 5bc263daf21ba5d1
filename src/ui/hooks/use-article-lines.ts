import { useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import { readArticleBody } from '../../corpus/body.js';
import { fileVersion } from '../../files/version.js';
import { articleLines, bodyToDoc, layoutArticle } from '../../render/article.js';
import { Style, type Doc, type Reference } from '../../render/doc.js';
import { blankLine, type RenderedLine } from '../../render/line.js';
import { wrapSpans } from '../../render/wrap.js';

/** How the reader gets an article's body: from its file, or (in tests) from elsewhere, at once or later. */
export type BodyReader = (article: Article) => string | Promise<string>;

export interface ArticleView {
  lines: RenderedLine[];
  references: Reference[];
  /** Why the article could not be shown; then the lines say so. */
  error?: string;
}

type Read = { key: string; doc: Doc } | { key: string; error: string };

/**
 * The reader's lines for an article at a width. Documents are parsed once and
 * kept for the last few articles while their files are unchanged, so a resize
 * or J/K back re-lays them out without reading the file again, and an article
 * edited since is read anew. Null while the body is being read; a file that
 * cannot be read gives lines that say why. The references come along for `o`.
 */
export function useArticleLines(
  article: Article | null,
  width: number,
  read: BodyReader = readArticleBody,
): ArticleView | null {
  const docs = useRef(new Map<string, Doc>());
  const [doc, setDoc] = useState<Read | null>(null);
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    if (!article) return;
    const stamp = fileVersion(article.absolutePath) ?? `${article.absolutePath}:gone`;
    setKey(stamp);
    const cached = docs.current.get(stamp);
    if (cached) {
      setDoc({ key: stamp, doc: cached });
      return;
    }
    let cancelled = false;
    void Promise.resolve()
      .then(() => read(article))
      .then((body) => bodyToDoc(article, body))
      .then(
        (parsed) => {
          if (docs.current.size >= 8) docs.current.delete(docs.current.keys().next().value!);
          docs.current.set(stamp, parsed);
          if (!cancelled) setDoc({ key: stamp, doc: parsed });
        },
        (error: unknown) => {
          if (!cancelled)
            setDoc({ key: stamp, error: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [article, read]);
  return useMemo(() => {
    if (!article || !doc || doc.key !== key) return null;
    if ('error' in doc) {
      const header = layoutArticle(article, { blocks: [], references: [] }, width).header;
      const note = wrapSpans(
        [{ text: `This article could not be read: ${doc.error}.`, style: Style.bold }],
        width,
      );
      return {
        lines: [...header, blankLine(), ...note.map((spans) => ({ spans }))],
        references: [],
        error: doc.error,
      };
    }
    return {
      lines: articleLines(layoutArticle(article, doc.doc, width)),
      references: doc.doc.references,
    };
  }, [article, doc, key, width]);
}
