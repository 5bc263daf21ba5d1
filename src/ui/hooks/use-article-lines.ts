import { useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import { readBody } from '../../corpus/body.js';
import { articleLines, bodyToDoc, layoutArticle } from '../../render/article.js';
import type { Doc, Reference } from '../../render/doc.js';
import type { RenderedLine } from '../../render/line.js';

/** How the reader gets an article's body: from its file, or (in tests) from elsewhere, at once or later. */
export type BodyReader = (article: Article) => string | Promise<string>;

export interface ArticleView {
  lines: RenderedLine[];
  references: Reference[];
}

/**
 * The reader's lines for an article at a width. Documents are parsed once and
 * kept for the last few articles, so a resize or J/K back re-lays them out
 * without reading the file again. Null while the body is being read.
 * The references come along for `o` (open link N).
 */
export function useArticleLines(
  article: Article | null,
  width: number,
  read: BodyReader = readBody,
): ArticleView | null {
  const docs = useRef(new Map<string, Doc>());
  const [doc, setDoc] = useState<{ path: string; doc: Doc } | null>(null);
  useEffect(() => {
    if (!article) return;
    const cached = docs.current.get(article.absolutePath);
    if (cached) {
      setDoc({ path: article.absolutePath, doc: cached });
      return;
    }
    let cancelled = false;
    void Promise.resolve(read(article))
      .then((body) => bodyToDoc(article, body))
      .then((parsed) => {
        if (docs.current.size >= 8) docs.current.delete(docs.current.keys().next().value!);
        docs.current.set(article.absolutePath, parsed);
        if (!cancelled) setDoc({ path: article.absolutePath, doc: parsed });
      });
    return () => {
      cancelled = true;
    };
  }, [article, read]);
  return useMemo(
    () =>
      article && doc?.path === article.absolutePath
        ? {
            lines: articleLines(layoutArticle(article, doc.doc, width)),
            references: doc.doc.references,
          }
        : null,
    [article, doc, width],
  );
}
