import { MONTH_NAMES } from '../corpus/dates.js';
/**
 * The list's rows, kept compact: one number an article and one entry a
 * heading, so a filter keystroke over 100 000 articles allocates little.
 */
export interface GroupedList {
  rowCount: number;
  /** For each article index, its row. */
  rowOfArticle: Int32Array;
  /** The rows that are headings, in order, and their labels. */
  headingRows: number[];
  headingLabels: string[];
}

/**
 * Groups a newest-first list, given by its dates, as a reader thinks of it:
 * Today, Yesterday, This week, then month by month (in local time). Articles
 * dated after today go under Upcoming.
 */
export function groupByDate(dates: ArrayLike<number>, now: number): GroupedList {
  const today = startOfDay(now);
  const tomorrow = addDays(today, 1);
  const yesterday = addDays(today, -1);
  const weekStart = addDays(today, -((new Date(today).getDay() + 6) % 7));
  /** The group of a time, and the earliest time still in it: the list is newest first, so most articles only compare. */
  const groupOf = (time: number): { label: string; from: number } => {
    if (time >= tomorrow) return { label: 'Upcoming', from: tomorrow };
    if (time >= today) return { label: 'Today', from: today };
    if (time >= yesterday) return { label: 'Yesterday', from: yesterday };
    if (time >= weekStart) return { label: 'This week', from: weekStart };
    const d = new Date(time);
    return {
      label: `${MONTH_NAMES[d.getMonth()]} ${d.getFullYear()}`,
      from: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
    };
  };
  const rowOfArticle = new Int32Array(dates.length);
  const headingRows: number[] = [];
  const headingLabels: string[] = [];
  let row = 0;
  let current: { label: string; from: number } | null = null;
  for (let index = 0; index < dates.length; index++) {
    const date = dates[index]!;
    if (!current || date < current.from) {
      const group = groupOf(date);
      if (group.label !== current?.label) {
        headingRows.push(row++);
        headingLabels.push(group.label);
      }
      current = group;
    }
    rowOfArticle[index] = row++;
  }
  return { rowCount: row, rowOfArticle, headingRows, headingLabels };
}

export function startOfDay(time: number): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function addDays(time: number, days: number): number {
  const d = new Date(time);
  d.setDate(d.getDate() + days);
  return d.getTime();
}
