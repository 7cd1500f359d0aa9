import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus, LastVerdict, RefusedReport } from '../../../main/contract/ipc';
import type { Verdict } from '../../../main/contract/checks';
import { AllSet } from '../../../renderer/reattest/AllSet';
import { enrolled } from '../../support/device-status';

const answered = (verdict: Verdict): LastVerdict => ({
  reportId: 'r1',
  verdict,
  reasons: [],
  receivedAt: '2026-11-20T10:00:00.000Z',
});

const home = (lastVerdict: LastVerdict | null, lastRefusal: RefusedReport | null = null): string =>
  renderToStaticMarkup(
    createElement(AllSet, {
      status: { ...enrolled, lastVerdict, lastRefusal } satisfies DeviceStatus,
      onCheckNow: () => {},
      onStatus: () => {},
    }),
  );

const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

describe('the home screen says what is true of the last report', () => {
  it('is "all set" only after a pass', () => {
    expect(heading(home(answered('pass')))).toBe('You&#x27;re all set, Ada');
    expect(home(answered('pass'))).toMatch(/HR accepted your last report \(.*2026\)\./);
  });

  it('after a review, says the report went to a person at HR and never that the hire is all set', () => {
    const html = home(answered('review'));
    expect(heading(html)).toBe('You&#x27;re enrolled, Ada');
    expect(html).toMatch(/Your last report \(.*2026\) went to a person at HR for review/);
    expect(html).not.toMatch(/all set/);
  });

  it('after a fail, says the report did not pass and how to send another', () => {
    const html = home(answered('fail'));
    expect(heading(html)).toBe('Your last report did not pass, Ada');
    expect(html).toContain('press Check now to send a new report');
    expect(html).not.toMatch(/all set/);
  });

  it('after a pass, a newer report HR refused comes first: it did not count, so a new check is asked for', () => {
    const refusal = {
      reportId: 'r2',
      status: 422,
      code: 'report.terms-mismatch',
      reason: 'the report does not answer its challenge',
      at: '2026-11-21T10:00:00.000Z',
    };
    const html = home(answered('pass'), refusal);
    expect(heading(html)).toBe('HR could not accept your last report, Ada');
    expect(html).toContain('HR&#x27;s service refused it (the report does not answer its challenge)');
    expect(html).toContain('Press Check now to do the check again');
    expect(html).not.toMatch(/all set/);
  });

  it('before any answer, says only that the laptop is enrolled', () => {
    const html = home(null);
    expect(heading(html)).toBe('You&#x27;re enrolled, Ada');
    expect(html).not.toMatch(/all set/);
  });
});
