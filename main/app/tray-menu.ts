import type { DeviceStatus } from '../contract/ipc';
import type { AppView } from './main-window';

export interface TrayActions {
  open: () => void;
  recheck: () => void;
  /** Present when the policy lets the hire open the helpdesk view (see `trayActions`). */
  helpdesk?: () => void;
  quit: () => void;
}

export interface TrayItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  click?: () => void;
}

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** One line for the tray tooltip and the menu's first row. */
export function trayStatusLine(status: DeviceStatus | null): string {
  if (!status) return 'HireProof: starting…';
  if (!status.enrolled) return 'HireProof: not set up yet';
  if (status.schedule?.overdue) return `HireProof: check overdue (was due ${day(status.schedule.nextDueAt)})`;
  if (status.schedule) return `HireProof: next check due ${day(status.schedule.nextDueAt)}`;
  return 'HireProof: cannot reach HR to learn the next check date';
}

/**
 * The actions the tray offers: the helpdesk view only when the enrolled policy enables it, or when
 * IT started the app with `--helpdesk` (the flag works whatever the policy says).
 */
export function trayActions(
  all: Required<TrayActions>,
  status: DeviceStatus | null,
  launchView: AppView,
): TrayActions {
  const { helpdesk, ...always } = all;
  return status?.helpdeskOffered || launchView === 'helpdesk' ? all : always;
}

/** The tray's menu, from the device's status: status, next due date, Re-check now, open, quit. */
export function trayMenu(status: DeviceStatus | null, actions: TrayActions): TrayItem[] {
  return [
    { label: trayStatusLine(status), enabled: false },
    { type: 'separator' },
    { label: 'Re-check now', enabled: status?.enrolled === true, click: actions.recheck },
    { label: 'Open HireProof', click: actions.open },
    ...(actions.helpdesk ? [{ label: 'Helpdesk view', click: actions.helpdesk }] : []),
    { type: 'separator' },
    { label: 'Quit', click: actions.quit },
  ];
}
