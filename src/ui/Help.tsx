import type { Problem } from '../corpus/article.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { wrapSpans } from '../render/wrap.js';
import { helpSections, keyFor, type KeyBindings, type KeyContext } from './keymap.js';
import { fitHeight, Lines } from './Lines.js';
import { colors, paint } from '../render/theme.js';
import type { Look } from './look.js';

/** The help screen's shape at a width: the line each screen's section starts on, and the lines in all. */
export interface HelpLayout {
  starts: Readonly<Record<KeyContext, number>>;
  lineCount: number;
}

/** Columns of a help row before its description: the indent, the keys, a space. */
const KEYS_WIDTH = 22;
const DESCRIPTION_AT = 3 + KEYS_WIDTH + 1;

export function helpLayout(width: number, keys: KeyBindings, look: Look): HelpLayout {
  const { lines, starts } = helpPage(width, keys, look);
  return { starts, lineCount: lines.length };
}

/** The help screen's lines, generated from the keys in force, the table that drives the keys. */
export function helpLines(width: number, keys: KeyBindings, look: Look): string[] {
  return helpPage(width, keys, look).lines;
}

/** The keys that scroll help, as the list has them (`j k Space b `). */
function scrollKeys(keys: KeyBindings): string {
  const commands = ['down', 'up', 'pageDown', 'pageUp'] as const;
  return commands
    .map((command) => keyFor(keys, 'list', command))
    .filter(Boolean)
    .map((key) => `${key} `)
    .join('');
}

/**
 * Help: a row a key, its description wrapped onto lines of its own under the
 * description column where the width is short, so that none is cut.
 */
function helpPage(
  width: number,
  keys: KeyBindings,
  { palette, glyphs }: Look,
): { lines: string[]; starts: Record<KeyContext, number> } {
  const lines: string[] = [
    paint(` broadsheet${glyphs.dash}keys`, { bold: true }, palette),
    `   ${scrollKeys(keys)}scroll this help${glyphs.separator}any other key returns`,
    '',
  ];
  const starts: Partial<Record<KeyContext, number>> = {};
  const indent = ' '.repeat(DESCRIPTION_AT);
  const room = Math.max(12, width - DESCRIPTION_AT);
  for (const section of helpSections(keys)) {
    // The first section opens with the help's own head above it.
    starts[section.context] = Object.keys(starts).length === 0 ? 0 : lines.length;
    lines.push(paint(` ${section.title}`, { bold: true, color: colors.heading }, palette));
    for (const row of section.rows) {
      // Key names may come from the configuration: shown as text, never as control sequences.
      const named = truncateToWidth(sanitizeLine(row.keys), Math.max(8, width - 3));
      const described = wrapSpans([{ text: row.help, style: 0 }], room).map((spans) =>
        spans.map((span) => span.text).join(''),
      );
      // Keys too many for their column have a line of their own.
      const first = displayWidth(named) <= KEYS_WIDTH ? described.shift() : undefined;
      lines.push(
        truncateToWidth(
          first === undefined ? `   ${named}` : `   ${padToWidth(named, KEYS_WIDTH)} ${first}`,
          width,
        ),
      );
      for (const more of described) lines.push(truncateToWidth(`${indent}${more}`, width));
    }
    lines.push('');
  }
  lines.push('   Ctrl+C quits; in a prompt it gives the line up, as Esc does.');
  // A row's time or date followed by ? is not the article's own (list-rows.ts marks it).
  lines.push(
    ...wrapSpans(
      [
        {
          text: "A time or date with ? (22:04?) is the file's: the article gives no date of its own.",
          style: 0,
        },
      ],
      Math.max(12, width - 3),
    ).map((spans) => `   ${spans.map((span) => span.text).join('')}`),
  );
  return { lines, starts: starts as Record<KeyContext, number> };
}

/**
 * The problems screen: each file that had a problem, one under another, its
 * reason in full below it; the chosen one marked. Also where each entry's
 * first line is, so the choice can be kept in view.
 */
export function problemPage(
  problems: readonly Problem[],
  width: number,
  selected: number,
  { palette, glyphs }: Look,
): { lines: string[]; starts: number[] } {
  const lines = [
    paint(` Files with problems (${problems.length})`, { bold: true }, palette),
    `   j k choose${glyphs.separator}Enter shows the file as it is${glyphs.separator}any other key returns`,
    '',
  ];
  const starts: number[] = [];
  if (problems.length === 0) lines.push('   None: every file was read as it is.');
  problems.forEach((problem, i) => {
    starts.push(lines.length);
    const named = problem.line ? `${problem.path}:${problem.line}` : problem.path;
    const where = truncateToWidth(sanitizeLine(named), Math.max(8, width - 3));
    const mark = i === selected ? glyphs.pointer : ' ';
    const name = paint(where, { color: colors.warning, inverse: i === selected }, palette);
    lines.push(` ${mark} ${name}`);
    for (const spans of wrapSpans(
      [{ text: sanitizeLine(problem.reason), style: 0 }],
      Math.max(8, width - 5),
    ))
      lines.push(`     ${spans.map((span) => span.text).join('')}`);
  });
  return { lines, starts };
}

export function Page({
  lines,
  top,
  height,
}: {
  lines: readonly string[];
  top: number;
  height: number;
}) {
  return <Lines lines={fitHeight(lines.slice(top, top + height), height)} />;
}
