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
  const label = (time: number): string => {
    if (time >= tomorrow) return 'Upcoming';
    if (time >= today) return 'Today';
    if (time >= yesterday) return 'Yesterday';
    if (time >= weekStart) return 'This week';
    const d = new Date(time);
    return `${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  };
  const rows: ListRow[] = [];
  const rowOfArticle: number[] = new Array(articles.length);
  let current = '';
  articles.forEach((article, index) => {
    const group = label(article.date);
    if (group !== current) {
      rows.push({ kind: 'heading', label: group });
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
