import type { Problem } from '../corpus/article.js';
import { sanitizeLine } from '../text/sanitize.js';
import { displayWidth, padToWidth, truncateToWidth } from '../text/width.js';
import { helpSections } from './keymap.js';
import { fitHeight, Lines } from './Lines.js';
import { colors, paint } from '../render/theme.js';

/** The help screen's lines, generated from the keymap that drives the keys. */
export function helpLines(width: number): string[] {
  const lines: string[] = [paint(' broadsheet — keys', { bold: true }), ''];
  for (const section of helpSections()) {
    lines.push(paint(` ${section.title}`, { bold: true, color: colors.heading }));
    for (const row of section.rows) {
      lines.push(truncateToWidth(`   ${padToWidth(row.keys, 22)} ${row.help}`, width));
    }
    lines.push('');
  }
  lines.push('   Ctrl+C always quits. Any other key closes this help.');
  return lines;
}

/** The problems screen: each file that had a problem, and why. */
export function problemLines(problems: readonly Problem[], width: number): string[] {
  const lines = [paint(` Files with problems (${problems.length})`, { bold: true }), ''];
  if (problems.length === 0) lines.push('   None: every file was read as it is.');
  for (const problem of problems) {
    const where = truncateToWidth(sanitizeLine(problem.path), Math.max(8, width - 5));
    const why = truncateToWidth(
      sanitizeLine(problem.reason),
      Math.max(0, width - 5 - displayWidth(where)),
    );
    lines.push(`   ${paint(where, { color: colors.warning })}  ${why}`);
  }
  return lines;
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
