import type { ServiceInfo } from './service';

export interface LaunchdJob {
  label: string;
  pid: number | null;
}

/** `launchctl list`: PID (or `-`), last exit status, label; tab-separated under a header. */
export function parseLaunchctlList(text: string): LaunchdJob[] {
  const jobs: LaunchdJob[] = [];
  for (const line of text.split('\n')) {
    const match = /^(-|\d+)\s+(-?\d+|-)\s+(\S.*)$/.exec(line.trim());
    if (!match) continue;
    jobs.push({ label: (match[3] ?? '').trim(), pid: match[1] === '-' ? null : Number(match[1]) });
  }
  return jobs;
}

/**
 * `launchctl print-disabled system`: `"label" => disabled|enabled` (macOS 11+), or
 * `=> true|false` on older systems, where the value answers "is it disabled?".
 */
export function parseDisabledOverrides(text: string): Map<string, boolean> {
  const overrides = new Map<string, boolean>();
  for (const line of text.split('\n')) {
    const match = /^\s*"([^"]+)"\s*=>\s*(enabled|disabled|true|false)\s*$/.exec(line);
    if (!match) continue;
    overrides.set(match[1] ?? '', match[2] === 'disabled' || match[2] === 'true');
  }
  return overrides;
}

export interface LaunchdPlistFolder {
  dir: string;
  files: string[];
}

/**
 * Jobs launchd has loaded, jobs installed by plist in /Library, and the system's on/off switches.
 * Apple's own on-demand jobs are loaded on every Mac whether their feature is on or off, so a
 * stopped one is reported through its switch (print-disabled), not as an installed service.
 */
export function servicesFromLaunchd(
  jobs: readonly LaunchdJob[],
  overrides: ReadonlyMap<string, boolean>,
  folders: readonly LaunchdPlistFolder[],
): ServiceInfo[] {
  const byName = new Map<string, ServiceInfo>();
  const switchState = (label: string): ServiceInfo['state'] | null => {
    const disabled = overrides.get(label);
    return disabled === undefined ? null : disabled ? 'disabled' : 'enabled';
  };
  for (const { dir, files } of folders) {
    for (const file of files.filter((f) => f.endsWith('.plist'))) {
      const label = file.slice(0, -'.plist'.length);
      byName.set(label, { name: label, state: switchState(label) ?? 'enabled', path: `${dir}/${file}` });
    }
  }
  for (const job of jobs) {
    const installed = byName.get(job.label);
    if (job.pid !== null) {
      byName.set(job.label, { name: job.label, state: 'running', path: installed?.path ?? null });
    } else if (!installed && !job.label.startsWith('com.apple.')) {
      byName.set(job.label, { name: job.label, state: switchState(job.label) ?? 'stopped', path: null });
    }
  }
  for (const [label] of overrides) {
    if (!byName.has(label))
      byName.set(label, { name: label, state: switchState(label) ?? 'unknown', path: null });
  }
  return [...byName.values()];
}
