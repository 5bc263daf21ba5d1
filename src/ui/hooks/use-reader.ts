import { useEffect, useMemo, useRef } from 'react';
import type { Article } from '../../corpus/article.js';
import type { ImageRef, Reference } from '../../render/doc.js';
import {
  expandPictures,
  followAnchor,
  pictureKey,
  placeAt,
  rowOfPlace,
  type PictureSettings,
  type ReaderLine,
} from '../pictures.js';
import { maxTop, type Action, type ViewState } from '../state.js';
import { findMatches, partsByRow, type TextMatch } from '../find.js';
import type { TextPlace } from '../../state/reading.js';
import { useArticleLines, type BodyReader } from './use-article-lines.js';
import { useFullPicture } from './use-full-picture.js';
import { usePictures } from './use-pictures.js';

export interface ReaderView {
  /** The reader's rows, pictures drawn in; null while the article is read. */
  lines: ReaderLine[] | null;
  references: Reference[];
  /** Why the article could not be read, when it could not: it is then not marked read. */
  error: string | undefined;
  /** The first row shown, kept within the article. */
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

/**
 * The reader's side of the browser: the open article laid out at the reading
 * width, its pictures loaded and drawn in, the search's matches, and the
 * picture shown full screen. A picture arriving above the place being read
 * moves the text down by its rows, so the text on screen stays where it is.
 */
export function useReader(
  article: Article | null,
  view: Pick<ViewState, 'readerTop' | 'search' | 'imageKey' | 'matchIndex'>,
  current: () => ViewState,
  dispatch: (action: Action) => void,
  layout: { width: number; height: number; columns: number },
  pictures: PictureSettings | null,
  savedPlace: (path: string) => TextPlace | null,
  readBody?: BodyReader,
): ReaderView {
  const { width, height, columns } = layout;
  const rendered = useArticleLines(article, width, readBody);
  const pictureStates = usePictures(
    rendered?.lines ?? null,
    pictures,
    width,
    Math.max(4, height - 2),
  );
  const lines = useMemo(
    () => (rendered ? expandPictures(rendered.lines, pictureStates, width) : null),
    [rendered, pictureStates, width],
  );
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

  // The text being read stays on screen when the rows change under it: a picture arriving above
  // (same layout, more rows), a new width (a new layout: the same place in the text), or the
  // article opened again (the place it was left at, at whatever width it was read).
  const top = Math.min(view.readerTop, maxTop(lines?.length ?? 0, height));
  const path = article?.absolutePath ?? null;
  const shown = useRef<{
    path: string | null;
    rendered: typeof rendered;
    lines: typeof lines;
    top: number;
  }>({ path: null, rendered: null, lines: null, top: 0 });
  useEffect(() => {
    const previous = shown.current;
    shown.current = { path, rendered, lines, top };
    if (!lines || previous.lines === lines) return;
    let wanted: number | null = null;
    if (previous.path === path && previous.lines && previous.rendered === rendered) {
      wanted = followAnchor(previous.lines, previous.top, lines);
    } else if (previous.path === path && previous.lines) {
      const place = placeAt(previous.lines, previous.top);
      wanted = place ? rowOfPlace(lines, place) : null;
    } else if (path && (previous.path !== path || !previous.lines)) {
      const place = savedPlace(path);
      wanted = place ? rowOfPlace(lines, place) : null;
    }
    if (wanted !== null && wanted !== Math.min(current().readerTop, maxTop(lines.length, height)))
      dispatch({ type: 'scrollTo', readerTop: wanted });
  }, [path, rendered, lines, top, height, current, dispatch, savedPlace]);

  return {
    lines,
    references: rendered?.references ?? [],
    error: rendered?.error,
    top,
    matches,
    matchLines,
    marks,
    fullImage,
    fullPicture,
  };
}
