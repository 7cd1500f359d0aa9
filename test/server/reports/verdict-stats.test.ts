import { describe, expect, it } from 'vitest';
import { dayRange, verdictSeries } from '../../../server/reports/verdict-stats';

describe('verdicts per day', () => {
  it('lists every UTC day of the range, oldest first, ending on the day of now', () => {
    expect(dayRange(new Date('2025-03-02T23:59:59Z'), 3)).toEqual(['2025-02-28', '2025-03-01', '2025-03-02']);
    expect(dayRange(new Date('2024-03-01T00:00:00Z'), 2)).toEqual(['2024-02-29', '2024-03-01']);
  });

  it('counts each verdict on its day, shows quiet days as zero and ignores days outside the range', () => {
    const days = ['2025-03-01', '2025-03-02', '2025-03-03'];
    expect(
      verdictSeries(days, [
        { day: '2025-03-01', verdict: 'pass', count: 2 },
        { day: '2025-03-01', verdict: 'fail', count: 1 },
        { day: '2025-03-03', verdict: 'review', count: 4 },
        { day: '2025-02-27', verdict: 'pass', count: 9 },
      ]),
    ).toEqual([
      { day: '2025-03-01', pass: 2, review: 0, fail: 1 },
      { day: '2025-03-02', pass: 0, review: 0, fail: 0 },
      { day: '2025-03-03', pass: 0, review: 4, fail: 0 },
    ]);
  });
});
