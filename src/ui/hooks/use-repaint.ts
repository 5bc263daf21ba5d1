import type { EventEmitter } from 'node:events';
import { useEffect, useState } from 'react';

/**
 * True for one frame after `source` emits `repaint`. Ink writes only what
 * changed since its last frame; a screen the terminal lost (the alternate
 * screen left for Ctrl+Z, entered again on `fg`) needs the whole frame, so
 * a blank frame goes first and the real one after it.
 */
export function useRepaint(source: EventEmitter | undefined): boolean {
  const [blank, setBlank] = useState(false);
  useEffect(() => {
    if (!source) return;
    const onRepaint = () => setBlank(true);
    source.on('repaint', onRepaint);
    return () => {
      source.off('repaint', onRepaint);
    };
  }, [source]);
  useEffect(() => {
    if (!blank) return;
    const timer = setTimeout(() => setBlank(false), 20);
    return () => clearTimeout(timer);
  }, [blank]);
  return blank;
}
