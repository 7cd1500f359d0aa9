import { describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../main/outbox/deliver';
import { reportOutcome } from '../../main/outbox/report-outcome';

const r0 = '00000000-0000-4000-8000-000000000000';
const r1 = '11111111-1111-4111-8111-111111111111';
const ack = { reportId: r1, verdict: 'review', reasons: [] };
const summary = (parts: Partial<DeliverySummary>): DeliverySummary => ({
  delivered: [],
  deadLettered: [],
  remaining: 0,
  ...parts,
});

describe('how delivery went for one report', () => {
  it('is accepted with HR’s acknowledgement when HR answered it', () => {
    expect(reportOutcome(r1, summary({ delivered: [{ reportId: r1, body: ack }] }))).toMatchObject({
      state: 'accepted',
      ack: { verdict: 'review' },
    });
  });

  it('is refused with HR’s code and reason, even beside other reports that went through', () => {
    const delivery = summary({
      delivered: [{ reportId: r0, body: { ...ack, reportId: r0 } }],
      deadLettered: [{ reportId: r1, code: 'report.stale', reason: 'too old' }],
    });
    expect(reportOutcome(r1, delivery)).toEqual({
      state: 'refused',
      reportId: r1,
      code: 'report.stale',
      reason: 'too old',
    });
  });

  it('is unreadable when HR’s answer is not a report acknowledgement', () => {
    const delivery = summary({ delivered: [{ reportId: r1, body: { hello: 'world' } }] });
    expect(reportOutcome(r1, delivery).state).toBe('unreadable');
  });

  it('is queued, with how many wait, when another report’s answer is all that came back', () => {
    const delivery = summary({ delivered: [{ reportId: r0, body: ack }], remaining: 2 });
    expect(reportOutcome(r1, delivery)).toEqual({ state: 'queued', reportId: r1, waiting: 2 });
  });
});
