import { describe, expect, it } from 'vitest';
import { classifyStatus, retryAfterMs } from '../../main/outbox/send-result';

describe('what a status means for delivery', () => {
  it.each([
    [200, 'accepted'],
    [201, 'accepted'],
    [400, 'rejected'],
    [401, 'rejected'],
    [410, 'rejected'],
    [413, 'rejected'],
    [408, 'retry'],
    [409, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('%i → %s', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
