import { useLayoutEffect, useState } from 'react';
import { kittyDelete } from '../../images/kitty.js';
import { graphicsSequence, pictureBlocks, preparePicture } from '../../images/picture.js';
import type { ImageRef } from '../../render/doc.js';
import type { PictureSettings } from '../pictures.js';
import { glyphs } from '../../text/profile.js';

/**
 * A picture shown full screen. Half-blocks come back as lines for the frame;
 * kitty, iTerm2 and sixel pictures are written straight to the terminal over
 * a blank frame (Ink cannot carry them) and cleared when the view closes.
 * Returns the lines to show, or a note while loading or on failure.
 */
export function useFullPicture(
  image: ImageRef | null,
  settings: PictureSettings | null,
  columns: number,
  rows: number,
): string[] {
  const [shown, setShown] = useState<string[]>([]);
  // A layout effect: closing the view frees the picture before the next frame is drawn, never after.
  useLayoutEffect(() => {
    setShown([]);
    if (!image || !settings) return;
    let cancelled = false;
    // Chosen up front so that closing the view always frees it, however far drawing got.
    const kittyId =
      settings.protocol === 'kitty' ? 0x7f0000 + Math.floor(Math.random() * 0xffff) : null;
    let drawTimer: NodeJS.Timeout | undefined;
    void (async () => {
      setShown([` Loading the picture${glyphs().ellipsis}`]);
      const prepared = await preparePicture(settings.load, image.source, {
        maxColumns: columns,
        maxRows: rows,
        depth: settings.depth,
        cell: settings.cell,
      });
      if (cancelled) return;
      if (!prepared.ok) return setShown([` [image: ${image.alt}] not shown: ${prepared.reason}`]);
      if (settings.protocol === 'blocks')
        return setShown(pictureBlocks(prepared.picture, settings.depth));
      setShown([]);
      const sequence = graphicsSequence(
        prepared.picture,
        prepared.bytes,
        settings.protocol,
        kittyId ?? undefined,
      );
      // After the blank frame is on screen: save the cursor, draw at the top left, put the cursor back.
      drawTimer = setTimeout(() => {
        if (!cancelled) settings.writeRaw(`\x1b7\x1b[H${sequence}\x1b8`);
      }, 50);
    })();
    return () => {
      cancelled = true;
      clearTimeout(drawTimer);
      if (kittyId !== null) settings.writeRaw(kittyDelete(kittyId));
    };
  }, [image, settings, columns, rows]);
  return shown;
}
