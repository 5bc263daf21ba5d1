import { describe, expect, it } from 'vitest';
import { formatLocalMinute, parseDate } from '../src/corpus/dates.js';
import { useTimeZone } from './helpers.js';

const iso = (value: unknown) => {
  const parsed = parseDate(value);
  return parsed ? new Date(parsed.time).toISOString() : null;
};

describe('parseDate', () => {
  useTimeZone('Asia/Shanghai');

  it('reads RFC 2822 with a named or numeric zone', () => {
    expect(iso('Tue, 16 Nov 2021 21:10:14 GMT')).toBe('2021-11-16T21:10:14.000Z');
    expect(iso('Tue, 16 Nov 2021 21:10:14 +0800')).toBe('2021-11-16T13:10:14.000Z');
    expect(iso('16 Nov 2021 21:10 EST')).toBe('2021-11-17T02:10:00.000Z');
  });

  it('reads ISO 8601 with a zone as that instant', () => {
    expect(iso('2021-07-20T08:07:41Z')).toBe('2021-07-20T08:07:41.000Z');
    expect(iso('2021-07-20T08:07:41.250+02:00')).toBe('2021-07-20T06:07:41.250Z');
    expect(iso('2021-07-20T08:07:41-0500')).toBe('2021-07-20T13:07:41.000Z');
  });

  it('reads a time without a zone as local time', () => {
    expect(iso('2021-07-20 08:07:41')).toBe('2021-07-20T00:07:41.000Z');
    expect(iso('2021-07-20T08:07')).toBe('2021-07-20T00:07:00.000Z');
    expect(iso('Tue, 16 Nov 2021 21:10:14')).toBe('2021-11-16T13:10:14.000Z');
    process.env.TZ = 'America/New_York';
    expect(iso('2021-07-20 08:07:41')).toBe('2021-07-20T12:07:41.000Z');
  });

  it('reads a bare day as local midnight and says it is a day', () => {
    expect(iso('2021-07-20')).toBe('2021-07-19T16:00:00.000Z');
    expect(parseDate('2021-07-20')?.dateOnly).toBe(true);
    expect(parseDate('2021-07-20 10:00')?.dateOnly).toBe(false);
  });

  it('takes a Date as it is', () => {
    expect(iso(new Date('2020-01-02T03:04:05Z'))).toBe('2020-01-02T03:04:05.000Z');
  });

  it('refuses what is not a real date', () => {
    for (const bad of [
      'Invalid Date',
      '2021-02-30',
      '2021-13-01',
      '2021-01-01 25:00',
      'yesterday',
      '',
      42,
      null,
    ]) {
      expect(parseDate(bad), String(bad)).toBeNull();
    }
  });

  it('formats minutes in local time', () => {
    expect(formatLocalMinute(Date.parse('2021-11-16T21:10:14Z'))).toBe('2021-11-17 05:10');
  });
});
