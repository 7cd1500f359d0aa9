import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus, LastVerdict } from '../../../main/contract/ipc';
import type { Verdict } from '../../../main/contract/checks';
import { AllSet } from '../../../renderer/reattest/AllSet';
import { enrolled } from '../../support/device-status';

const answered = (verdict: Verdict): LastVerdict => ({
  reportId: 'r1',
  verdict,
  reasons: [],
  receivedAt: '2026-11-20T10:00:00.000Z',
});

const home = (lastVerdict: LastVerdict | null): string =>
  renderToStaticMarkup(
    createElement(AllSet, {
      status: { ...enrolled, lastVerdict } satisfies DeviceStatus,
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

  it('before any answer, says only that the laptop is enrolled', () => {
    const html = home(null);
    expect(heading(html)).toBe('You&#x27;re enrolled, Ada');
    expect(html).not.toMatch(/all set/);
  });
});
