import { createContext, useContext } from 'react';
import { DEFAULT_LOOK, type Look } from '../look.js';

/** The look the browser was given, for the views below it. */
export const LookContext = createContext<Look>(DEFAULT_LOOK);

/** How to draw: the palette and the glyphs the browser was given. */
export function useLook(): Look {
  return useContext(LookContext);
}
