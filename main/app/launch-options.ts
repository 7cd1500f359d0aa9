import { parseArgs } from 'node:util';
import type { AppView } from './main-window';

export interface LaunchOptions {
  view: AppView;
  /** Started at login: stay in the tray until the user or a due re-attestation opens the window. */
  hidden: boolean;
  server: string | null;
  /** Development only: read the machine under this folder. Refused in a packaged app. */
  sysroot: string | undefined;
}

/** What a login launch passes (auto-launch), so the app starts in the tray; parsed as `hidden` below. */
export const LOGIN_LAUNCH_ARGS = ['--hidden'] as const;

/** The app's own flags; anything else (Chromium switches, a deep link) is left to others. */
export function launchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  packaged: boolean,
): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      helpdesk: { type: 'boolean' },
      hidden: { type: 'boolean' },
      server: { type: 'string' },
      sysroot: { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  if (values.sysroot !== undefined && packaged) throw new Error('--sysroot is for development builds only');
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    view: values.helpdesk === true ? 'helpdesk' : 'onboarding',
    hidden: values.hidden === true,
    server: text(values.server) ?? env.HIREPROOF_SERVER ?? null,
    sysroot: text(values.sysroot),
  };
}
