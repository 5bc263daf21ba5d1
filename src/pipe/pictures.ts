import type { RenderedLine } from '../render/line.js';
import { sanitizeLine } from '../text/sanitize.js';
import { wrapSpans } from '../render/wrap.js';
import { imagePlaceholder, type ImageRef } from '../render/doc.js';
import type { Protocol } from '../images/detect.js';
import type { Loaded } from '../images/load.js';
import {
  graphicsSequence,
  pictureBlocks,
  preparePicture,
  type PictureOptions,
} from '../images/picture.js';
import type { ImageSource } from '../images/source.js';

/**
 * The text `cat` prints for each image line: the picture in the chosen
 * protocol, or the `[image: ALT]` line with the reason it is not shown.
 * Pictures load side by side; none delays another beyond the loader's limits.
 */
export async function drawImageLines(
  lines: readonly RenderedLine[],
  load: (source: ImageSource) => Promise<Loaded>,
  protocol: Protocol,
  options: PictureOptions,
): Promise<Map<RenderedLine, string | null>> {
  const drawn = new Map<RenderedLine, string | null>();
  await Promise.all(
    lines.map(async (line) => {
      // The placeholder's other lines give way to the picture, or to the note that says why not.
      if (line.pictureOf) return drawn.set(line, null);
      if (!line.image) return;
      const prepared = await preparePicture(load, line.image.source, options);
      drawn.set(
        line,
        !prepared.ok
          ? unshown(line.image, prepared.reason, options.maxColumns)
          : protocol === 'blocks'
            ? pictureBlocks(prepared.picture, options.depth).join('\n')
            : graphicsSequence(prepared.picture, prepared.bytes, protocol),
      );
    }),
  );
  return drawn;
}

/** `[image 3: ALT] (why it is not shown)`, wrapped to the width. */
function unshown(image: ImageRef, reason: string, width: number): string {
  return wrapSpans(
    [{ text: `${imagePlaceholder(image)} (${sanitizeLine(reason)})`, style: 0 }],
    width,
  )
    .map((spans) => spans.map((span) => span.text).join(''))
    .join('\n');
}
