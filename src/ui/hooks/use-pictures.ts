import { useLayoutEffect, useState } from 'react';
import { kittyDelete, kittyPlaceholderLines, kittyVirtual } from '../../images/kitty.js';
import { pictureBlocks, pixelBitmap, preparePicture } from '../../images/picture.js';
import type { RenderedLine } from '../../render/line.js';
import { pictureKey, type PictureSettings, type PictureState } from '../pictures.js';

/** Image ids for kitty start at a random place, so two programs on one terminal rarely meet. */
let nextKittyId = 1 + Math.floor(Math.random() * 0xfff000);

/**
 * The pictures of the article on screen, loaded and drawn in the background;
 * re-renders as each arrives. With kitty, each picture is transmitted once as
 * a virtual placement and drawn with placeholder text, and freed when the
 * article is left. Null when pictures are off.
 */
export function usePictures(
  lines: readonly RenderedLine[] | null,
  settings: PictureSettings | null,
  width: number,
  maxRows: number,
): ReadonlyMap<string, PictureState> | null {
  const [pictures, setPictures] = useState<Map<string, PictureState>>(new Map());
  // A layout effect: leaving an article frees its pictures before the next frame is drawn.
  useLayoutEffect(() => {
    setPictures(new Map());
    if (!settings || !lines) return;
    let cancelled = false;
    const transmitted: number[] = [];
    const images = new Map(
      lines.flatMap((line) => (line.image ? [[pictureKey(line.image), line.image] as const] : [])),
    );
    const update = (key: string, state: PictureState) => {
      if (!cancelled) setPictures((previous) => new Map(previous).set(key, state));
    };
    for (const [key, image] of images) {
      update(key, { status: 'loading' });
      void (async () => {
        const prepared = await preparePicture(settings.load, image.source, {
          maxColumns: width,
          maxRows,
          depth: settings.depth,
          cell: settings.cell,
        });
        if (cancelled) return;
        if (!prepared.ok) return update(key, { status: 'failed', reason: prepared.reason });
        const { picture } = prepared;
        if (settings.protocol === 'kitty') {
          const id = nextKittyId++;
          transmitted.push(id);
          settings.writeRaw(kittyVirtual(pixelBitmap(picture), id, picture.columns, picture.rows));
          return update(key, {
            status: 'ready',
            rows: kittyPlaceholderLines(id, picture.columns, picture.rows),
            kittyId: id,
          });
        }
        update(key, { status: 'ready', rows: pictureBlocks(picture, settings.depth) });
      })();
    }
    return () => {
      cancelled = true;
      for (const id of transmitted) settings.writeRaw(kittyDelete(id));
    };
  }, [lines, settings, width, maxRows]);
  return settings ? pictures : null;
}
