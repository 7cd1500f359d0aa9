import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../main/contract/ipc';
import type { AppView } from '../../main/app/main-window';
import { trayActions, trayMenu, trayStatusLine } from '../../main/app/tray-menu';
import { enrolled } from '../support/device-status';

const actions = { open: () => undefined, recheck: () => undefined, quit: () => undefined };

describe('the tray', () => {
  it('shows the next due date, or that the check is overdue', () => {
    expect(trayStatusLine(enrolled)).toBe('HireProof: next check due 2 Dec 2026');
    expect(
      trayStatusLine({ ...enrolled, schedule: { nextDueAt: '2026-11-20T10:00:00.000Z', overdue: true } }),
    ).toBe('HireProof: check overdue (was due 20 Nov 2026)');
    expect(trayStatusLine({ ...enrolled, schedule: null })).toMatch(/cannot reach HR/);
    expect(trayStatusLine({ ...enrolled, enrolled: false })).toBe('HireProof: not set up yet');
  });

  it('offers Re-check now only once enrolled, and the helpdesk only when allowed', () => {
    const labels = (items: ReturnType<typeof trayMenu>) => items.filter((i) => i.label).map((i) => i.label);
    const menu = trayMenu(enrolled, actions);
    expect(labels(menu)).toEqual([
      'HireProof: next check due 2 Dec 2026',
      'Re-check now',
      'Open HireProof',
      'Quit',
    ]);
    expect(menu.find((i) => i.label === 'Re-check now')?.enabled).toBe(true);
    expect(
      trayMenu({ ...enrolled, enrolled: false }, actions).find((i) => i.label === 'Re-check now')?.enabled,
    ).toBe(false);
    expect(labels(trayMenu(enrolled, { ...actions, helpdesk: () => undefined }))).toContain('Helpdesk view');
  });

  it('offers the helpdesk view only when the enrolled policy enables it, or IT launched with --helpdesk', () => {
    const all = { ...actions, helpdesk: () => undefined };
    const offered = { ...enrolled, helpdeskOffered: true };
    const hasHelpdesk = (menu: ReturnType<typeof trayMenu>) => menu.some((i) => i.label === 'Helpdesk view');
    const menu = (status: DeviceStatus | null, view: AppView) =>
      trayMenu(status, trayActions(all, status, view));
    expect(hasHelpdesk(menu(enrolled, 'onboarding'))).toBe(false);
    expect(hasHelpdesk(menu(null, 'onboarding'))).toBe(false);
    expect(hasHelpdesk(menu(offered, 'onboarding'))).toBe(true);
    expect(hasHelpdesk(menu(enrolled, 'helpdesk'))).toBe(true);
    expect(hasHelpdesk(menu(null, 'helpdesk'))).toBe(true);
    const opened: string[] = [];
    const item = trayMenu(
      enrolled,
      trayActions(
        { ...actions, helpdesk: () => opened.push('helpdesk') },
        { ...enrolled, helpdeskOffered: true },
        'onboarding',
      ),
    ).find((i) => i.label === 'Helpdesk view');
    item?.click?.();
    expect(opened).toEqual(['helpdesk']);
  });
});
