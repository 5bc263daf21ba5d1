import { useLayoutEffect, useState } from 'react';
import { blockLines } from '../../images/blocks.js';
import { kittyDelete, kittyPlaceholderLines, kittyVirtual } from '../../images/kitty.js';
import { blocksBitmap, pixelBitmap, sizePicture } from '../../images/picture.js';
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
        const loaded = await settings.load(image.source);
        if (cancelled) return;
        if (!loaded.ok) return update(key, { status: 'failed', reason: loaded.reason });
        try {
          const picture = await sizePicture(loaded.bytes, {
            maxColumns: width,
            maxRows,
            depth: settings.depth,
            cell: settings.cell,
          });
          if (cancelled) return;
          if (settings.protocol === 'kitty') {
            const id = nextKittyId++;
            transmitted.push(id);
            settings.writeRaw(
              kittyVirtual(pixelBitmap(picture), id, picture.columns, picture.rows),
            );
            return update(key, {
              status: 'ready',
              rows: kittyPlaceholderLines(id, picture.columns, picture.rows),
              kittyId: id,
            });
          }
          update(key, { status: 'ready', rows: blockLines(blocksBitmap(picture), settings.depth) });
        } catch (error) {
          update(key, {
            status: 'failed',
            reason: `undecodable: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      })();
    }
    return () => {
      cancelled = true;
      for (const id of transmitted) settings.writeRaw(kittyDelete(id));
    };
  }, [lines, settings, width, maxRows]);
  return settings ? pictures : null;
}
