/**
 * The one date parser. Front matter dates come as RFC 2822, ISO 8601 with or
 * without a zone, `YYYY-MM-DD HH:mm[:ss]` or `YYYY-MM-DD`. A time without a
 * zone is local time (the `TZ` environment), as Hexo reads it.
 */

/** The months' English names, January first: dates are read and shown with these. */
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December',
] as const; // prettier-ignore

/** A month's number from its name's first three letters, as RFC 2822 writes it. */
const MONTHS: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.map((name, i) => [name.slice(0, 3).toLowerCase(), i + 1]),
);

/** RFC 2822 §4.3 obsolete zone names, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420,
}; // prettier-ignore

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;
const RFC2822 =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]+|[+-]\d{4})?$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC; undefined means local time. */
  offset: number | undefined;
  hasTime: boolean;
}

export interface ParsedDate {
  /** Milliseconds since the epoch. */
  time: number;
  /** True when the text named a day but no time of day. */
  dateOnly: boolean;
}

/** Parses a front-matter or command-line date; null when it is not a date we know. */
export function parseDate(value: unknown): ParsedDate | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : { time, dateOnly: false };
  }
  if (typeof value !== 'string') return null;
  const parts = splitDate(value.trim());
  if (!parts || !isValid(parts)) return null;
  return { time: toEpoch(parts), dateOnly: !parts.hasTime };
}

function splitDate(text: string): DateParts | null {
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    return {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(s ?? 0),
      millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
      offset: zoneOffset(zone),
      hasTime: h !== undefined,
    };
  }
  const rfc = RFC2822.exec(text);
  if (rfc) {
    const [, d, mon, y, h, mi, s, zone] = rfc;
    const month = MONTHS[mon!.toLowerCase()];
    if (month === undefined) return null;
    let year = Number(y);
    if (y!.length === 2) year += year < 50 ? 2000 : 1900;
    const offset = zoneOffset(zone);
    if (zone && offset === undefined) return null;
    return {
      year,
      month,
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(s ?? 0),
      millisecond: 0,
      offset,
      hasTime: h !== undefined,
    };
  }
  return null;
}

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!numeric) return undefined;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  return numeric[1] === '-' ? -minutes : minutes;
}

function isValid(p: DateParts): boolean {
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return (
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth &&
    p.hour < 24 &&
    p.minute < 60 &&
    p.second < 61
  );
}

function toEpoch(p: DateParts): number {
  if (p.offset === undefined) {
    const local = new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
    // Years 0–99 are taken as 1900–1999 by the Date constructor.
    if (p.year < 100) local.setFullYear(p.year);
    return local.getTime();
  }
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return utc - p.offset * 60_000;
}

/** `YYYY-MM-DD HH:mm` in local time. */
export function formatLocalMinute(time: number): string {
  const d = new Date(time);
  return `${formatLocalDay(time)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `YYYY-MM-DD` in local time. */
export function formatLocalDay(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The stretch of time a date names, from `start` up to (not including) `end`; an instant when they are equal. */
export interface DatePeriod {
  start: number;
  end: number;
}

/**
 * The period a filter's date names, in local time: a year (`2022`), a month
 * (`2022-05`), a day (`2022-05-17`, `today`, `yesterday`), or an instant (a
 * day with a time; `7d` and `2w`, that many days or weeks before `now`).
 * Null when it is none of these.
 */
export function parseDatePeriod(value: string, now = Date.now()): DatePeriod | null {
  const text = value.trim().toLowerCase();
  const year = /^(\d{4})$/.exec(text);
  if (year) return localPeriod(Number(year[1]), 0, 1, { years: 1 });
  const month = /^(\d{4})[-/](\d{2})$/.exec(text);
  if (month) {
    const number = Number(month[2]);
    return number >= 1 && number <= 12
      ? localPeriod(Number(month[1]), number - 1, 1, { months: 1 })
      : null;
  }
  if (text === 'today' || text === 'yesterday') {
    const day = new Date(now);
    return localPeriod(
      day.getFullYear(),
      day.getMonth(),
      day.getDate() - (text === 'yesterday' ? 1 : 0),
      { days: 1 },
    );
  }
  const ago = /^(\d{1,5})([dw])$/.exec(text);
  if (ago) {
    const then = new Date(now);
    then.setDate(then.getDate() - Number(ago[1]) * (ago[2] === 'w' ? 7 : 1));
    return { start: then.getTime(), end: then.getTime() };
  }
  const parsed = parseDate(value);
  if (!parsed) return null;
  if (!parsed.dateOnly) return { start: parsed.time, end: parsed.time };
  const day = new Date(parsed.time);
  return localPeriod(day.getFullYear(), day.getMonth(), day.getDate(), { days: 1 });
}

/** From a local midnight to the one a year, a month or a day later. */
function localPeriod(
  year: number,
  month: number,
  day: number,
  length: { years?: number; months?: number; days?: number },
): DatePeriod {
  const at = (y: number, m: number, d: number) => {
    const date = new Date(y, m, d);
    // Years 0–99 are taken as 1900–1999 by the Date constructor.
    if (y < 100) date.setFullYear(y, m, d);
    return date.getTime();
  };
  return {
    start: at(year, month, day),
    end: at(year + (length.years ?? 0), month + (length.months ?? 0), day + (length.days ?? 0)),
  };
}
