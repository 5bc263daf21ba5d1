import { useMemo, useState } from 'react';
import type { Article } from '../../corpus/article.js';
import type { Block, ImageRef, Reference } from '../../render/doc.js';
import { findMatches, partsByRow, type TextMatch } from '../find.js';
import { expandPictures, pictureKey, type PictureSettings, type ReaderLine } from '../pictures.js';
import { readerTop, type ReaderRows } from '../selectors.js';
import type { ViewState } from '../state.js';
import { useArticleLines, type ArticleView, type BodyReader } from './use-article-lines.js';
import { useFullPicture } from './use-full-picture.js';
import { usePictures } from './use-pictures.js';

export interface ReaderView {
  /** The reader's rows, pictures drawn in, and the layout they come from; null while the article is read. */
  rows: ReaderRows | null;
  lines: readonly ReaderLine[] | null;
  references: Reference[];
  /** The document's blocks, for the links' words (the link menu). */
  blocks: readonly Block[];
  /** Why the article could not be read, when it could not: it is then not marked read. */
  error: string | undefined;
  /** The first row shown: the view's position in these rows, kept within the article. */
  top: number;
  /** The article search's matches, in order, and the row each starts on. */
  matches: TextMatch[];
  matchLines: number[];
  /** What to mark on each row: the matches' parts, the current one apart. */
  marks: ReturnType<typeof partsByRow>;
  /** The picture shown full screen, and its rows (or a note). */
  fullImage: ImageRef | null;
  fullPicture: string[];
}

export interface ReaderOptions {
  /** The article open in the reader; null when none is. */
  article: Article | null;
  view: Pick<ViewState, 'reader' | 'search' | 'imageKey' | 'matchIndex'>;
  /** The reading width, the pane's height, and the terminal's width (for a picture full screen). */
  layout: { width: number; height: number; columns: number };
  pictures: PictureSettings | null;
  readBody?: BodyReader;
}

/**
 * The reader's side of the browser: the open article laid out at the reading
 * width, its pictures loaded and drawn in, the search's matches, the picture
 * shown full screen, and the row on top (the same text however the rows
 * changed under it: see `readerTop`). Re-renders as the body and each
 * picture arrive.
 */
export function useReader({
  article,
  view,
  layout,
  pictures,
  readBody,
}: ReaderOptions): ReaderView {
  const { width, height, columns } = layout;
  const latest = useArticleLines(article, width, readBody);
  // An article written again while it is read keeps its lines on screen until its new ones are there.
  const [kept, setKept] = useState<{ path: string; view: ArticleView } | null>(null);
  if (latest && article && kept?.view !== latest)
    setKept({ path: article.absolutePath, view: latest });
  const rendered = latest ?? (article && kept?.path === article.absolutePath ? kept.view : null);
  const pictureStates = usePictures(
    rendered?.lines ?? null,
    pictures,
    width,
    Math.max(4, height - 2),
  );
  const rows = useMemo(
    () =>
      rendered
        ? { layout: rendered.lines, lines: expandPictures(rendered.lines, pictureStates, width) }
        : null,
    [rendered, pictureStates, width],
  );
  const lines = rows?.lines ?? null;
  const fullImage = useMemo(
    () =>
      view.imageKey
        ? (rendered?.lines.find((line) => line.image && pictureKey(line.image) === view.imageKey)
            ?.image ?? null)
        : null,
    [view.imageKey, rendered],
  );
  const fullPicture = useFullPicture(fullImage, pictures, columns, height);
  const matches = useMemo(
    () => (lines && view.search ? findMatches(lines, view.search) : []),
    [lines, view.search],
  );
  const matchLines = useMemo(() => matches.map((match) => match.row), [matches]);
  const marks = useMemo(() => partsByRow(matches, view.matchIndex), [matches, view.matchIndex]);
  return {
    rows,
    lines,
    references: rendered?.references ?? [],
    blocks: rendered?.blocks ?? [],
    error: rendered?.error,
    top: readerTop(view.reader, rows, height),
    matches,
    matchLines,
    marks,
    fullImage,
    fullPicture,
  };
}
