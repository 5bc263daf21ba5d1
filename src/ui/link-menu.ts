// The links and pictures of the article being read, as a menu: what each entry says, which are shown
// for what is typed to narrow them, and the menu's lines.
import type { Block, ImageRef, Reference, Span } from '../render/doc.js';
import { paint, type Palette } from '../render/theme.js';
import type { Glyphs } from '../text/profile.js';
import { sanitizeLine } from '../text/sanitize.js';
import { padToWidth, truncateToWidth } from '../text/width.js';

/** The menu's state in the view: the entry chosen (of those shown), and the words narrowing them. */
export interface LinkMenuState {
  selected: number;
  narrow: string;
  /** True while the narrowing words are being typed (after `/`). */
  typing: boolean;
}

export interface LinkEntry {
  n: number;
  kind: 'link' | 'picture';
  /** The link's text, or the picture's description; empty when it has none. */
  text: string;
  /** The host of a web address, `mail` for an address, else empty. */
  host: string;
  /** Where it goes: what `o` opens and `y` copies. */
  target: string;
}

/** The host a person recognises a link by: `example.com` for a web address. */
function hostOf(target: string): string {
  if (/^mailto:/i.test(target)) return 'mail';
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : '';
  } catch {
    return '';
  }
}

/**
 * Every link and picture of the article, in the order of their numbers,
 * each with its words in the document (a link's own text, however the
 * reader wraps it), a picture's description.
 */
export function linkEntries(
  references: readonly Reference[],
  blocks: readonly Block[],
): LinkEntry[] {
  const linkText = new Map<string, string>();
  const pictureText = new Map<number, string>();
  // The link being read through, and its words so far.
  let href = '';
  let words = '';
  const close = () => {
    if (href && !linkText.has(href)) linkText.set(href, words.trim());
    href = '';
    words = '';
  };
  const picture = (image: ImageRef | undefined) => {
    if (image && image.ref > 0 && !pictureText.has(image.ref))
      pictureText.set(image.ref, image.alt);
  };
  const spans = (list: readonly Span[]) => {
    for (const span of list) {
      picture(span.image);
      if (span.href) {
        if (href !== span.href) {
          close();
          href = span.href;
        }
        words += span.text;
      } else if (span.text.trim() !== '') close();
    }
    // A link ends with its block.
    close();
  };
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph' || block.kind === 'heading') spans(block.spans);
      else if (block.kind === 'list') block.items.forEach(walk);
      else if (block.kind === 'quote') walk(block.blocks);
      else if (block.kind === 'table')
        for (const row of block.rows) for (const cell of row.cells) spans(cell.spans);
      else if (block.kind === 'image') picture(block.image);
    }
  };
  walk(blocks);
  return references
    .filter((reference) => !reference.embedded)
    .map((reference) => ({
      n: reference.n,
      kind: reference.kind === 'link' ? 'link' : 'picture',
      text: sanitizeLine(
        (reference.kind === 'link'
          ? linkText.get(reference.target)
          : pictureText.get(reference.n)) ?? '',
      ).replace(/\s+/g, ' '),
      host: hostOf(reference.target),
      target: reference.target,
    }));
}

/** The entries whose number, text or address hold every word typed (any case). */
export function narrowEntries(entries: readonly LinkEntry[], narrow: string): LinkEntry[] {
  const words = narrow.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = `${entry.n} ${entry.text} ${entry.target}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Rows above the entries (the menu's title and a blank) and below them (the keys). */
export const MENU_HEADER_ROWS = 2;
const MENU_FOOTER_ROWS = 1;

/** How many entries the menu shows at a time in `height` rows. */
function entryRows(height: number): number {
  return Math.max(1, height - MENU_HEADER_ROWS - MENU_FOOTER_ROWS);
}

/** The first entry on screen: the chosen one kept in view, a page at a time. */
export function menuTop(selected: number, rows: number): number {
  const page = Math.max(1, rows);
  return Math.floor(Math.max(0, selected) / page) * page;
}

/** The entry on a row of the screen (0 = its first row), or null for none. */
export function entryAtRow(
  row: number,
  selected: number,
  count: number,
  height: number,
): number | null {
  const rows = entryRows(height);
  const index = menuTop(selected, rows) + row - MENU_HEADER_ROWS;
  return row < MENU_HEADER_ROWS || row >= MENU_HEADER_ROWS + rows || index >= count ? null : index;
}

/** The menu as lines of the screen: a title, then an entry a line (`[3] text  host`), the chosen one in inverse. */
export function linkMenuLines(
  entries: readonly LinkEntry[],
  state: LinkMenuState,
  width: number,
  height: number,
  look: { palette?: Palette; glyphs: Glyphs },
): string[] {
  const { palette, glyphs } = look;
  const count = entries.length;
  const [open, close] = glyphs.quotes;
  const narrowed = state.typing
    ? ` / ${sanitizeLine(state.narrow)}${glyphs.bar}`
    : state.narrow
      ? ` matching ${open}${sanitizeLine(state.narrow)}${close}`
      : '';
  const title = `Links and pictures (${count})${narrowed}`;
  const lines = [paint(truncateToWidth(` ${title}`, width), { bold: true }, palette), ''];
  const rows = entryRows(height);
  const top = menuTop(state.selected, rows);
  const numberWidth = String(entries.at(-1)?.n ?? 0).length + 2;
  for (const [offset, entry] of entries.slice(top, top + rows).entries()) {
    const index = top + offset;
    const number = padToWidth(`[${entry.n}]`, numberWidth);
    const what = entry.text || (entry.kind === 'picture' ? '(picture)' : entry.target);
    const where = entry.host ? `  ${entry.host}` : '';
    const mark = entry.kind === 'picture' ? 'picture: ' : '';
    const text = truncateToWidth(` ${number} ${mark}${what}${where}`, width);
    lines.push(
      index === state.selected ? paint(padToWidth(text, width), { inverse: true }, palette) : text,
    );
  }
  if (count === 0)
    lines.push(
      state.narrow ? ' Nothing matches. Esc shows them all.' : ' This article has no links.',
    );
  while (lines.length < height - MENU_FOOTER_ROWS) lines.push('');
  const keys = ` ${(state.typing
    ? ['type to narrow', 'Up Down choose', 'Enter keep', 'Esc all again']
    : ['j k choose', 'Enter open', 'y copy', '/ narrow', 'Esc close']
  ).join(glyphs.separator)}`;
  lines.push(paint(truncateToWidth(keys, width), { dim: true }, palette));
  return lines.slice(0, height);
}
