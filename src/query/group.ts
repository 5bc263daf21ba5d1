import type { Article } from '../corpus/article.js';

/** A row of the article list: a date heading, or an article (by index into the list). */
export type ListRow = { kind: 'heading'; label: string } | { kind: 'article'; index: number };

export interface GroupedList {
  rows: ListRow[];
  /** For each article index, its row. */
  rowOfArticle: number[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Groups a newest-first list by date as a reader thinks of it: Today,
 * Yesterday, This week, then month by month (in local time). Articles dated
 * after today go under Upcoming.
 */
export function groupByDate(articles: readonly Article[], now: number): GroupedList {
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
      label: `${MONTHS[d.getMonth()]} ${d.getFullYear()}`,
      from: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
    };
  };
  const rows: ListRow[] = [];
  const rowOfArticle: number[] = new Array(articles.length);
  let current: { label: string; from: number } | null = null;
  articles.forEach((article, index) => {
    if (!current || article.date < current.from) {
      const group = groupOf(article.date);
      if (group.label !== current?.label) rows.push({ kind: 'heading', label: group.label });
      current = group;
    }
    rowOfArticle[index] = rows.length;
    rows.push({ kind: 'article', index });
  });
  return { rows, rowOfArticle };
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
