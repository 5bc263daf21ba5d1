import { useLook } from './hooks/use-look.js';
import { linkMenuLines, type LinkEntry, type LinkMenuState } from './link-menu.js';
import { fitHeight, Lines } from './Lines.js';

/** The article's links and pictures as a menu, over the reader: `[n] text  host`, the chosen one in inverse. */
export function LinkMenu({
  entries,
  state,
  width,
  height,
}: {
  entries: readonly LinkEntry[];
  state: LinkMenuState;
  width: number;
  height: number;
}) {
  const look = useLook();
  return <Lines lines={fitHeight(linkMenuLines(entries, state, width, height, look), height)} />;
}
