import type { RenderedLine } from '../render/line.js';
import { sanitizeLine } from '../text/sanitize.js';
import { truncateToWidth } from '../text/width.js';
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
): Promise<Map<RenderedLine, string>> {
  const drawn = new Map<RenderedLine, string>();
  await Promise.all(
    lines.map(async (line) => {
      if (!line.image) return;
      const prepared = await preparePicture(load, line.image.source, options);
      drawn.set(
        line,
        !prepared.ok
          ? unshown(line, prepared.reason, options.maxColumns)
          : protocol === 'blocks'
            ? pictureBlocks(prepared.picture, options.depth).join('\n')
            : graphicsSequence(prepared.picture, prepared.bytes, protocol),
      );
    }),
  );
  return drawn;
}

function unshown(line: RenderedLine, reason: string, width: number): string {
  const text = `[image: ${line.image!.alt}] (${sanitizeLine(reason)})`;
  return truncateToWidth(text, width);
}
