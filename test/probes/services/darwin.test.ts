import { describe, expect, it } from 'vitest';
import {
  parseDisabledOverrides,
  parseLaunchctlList,
  servicesFromLaunchd,
} from '../../../main/probes/services/parse-darwin';
import { recordedText } from '../../support/replay-host';

const text = (scenario: string, name: string) => recordedText('darwin', scenario, name);

describe('macOS services from launchd', () => {
  it('reads launchctl list rows, running or not', () => {
    const jobs = parseLaunchctlList(text('clean-macbook', 'launchctl-list.txt'));
    expect(jobs).toContainEqual({ label: 'com.apple.Finder', pid: 461 });
    expect(jobs).toContainEqual({ label: 'com.apple.RemoteDesktop.agent', pid: null });
    expect(jobs.some((j) => j.label === 'Label')).toBe(false);
  });

  it('reads both spellings of the disabled overrides', () => {
    expect(
      parseDisabledOverrides(text('anydesk-screensharing', 'launchctl-print-disabled.txt')).get(
        'com.apple.screensharing',
      ),
    ).toBe(false);
    expect(
      parseDisabledOverrides('\t"com.apple.screensharing" => true\n').get('com.apple.screensharing'),
    ).toBe(true);
  });

  it("lists installed daemons and running jobs, but not Apple's idle on-demand agents", () => {
    const services = servicesFromLaunchd(
      parseLaunchctlList(text('clean-macbook', 'launchctl-list.txt')),
      parseDisabledOverrides(text('clean-macbook', 'launchctl-print-disabled.txt')),
      [{ dir: '/Library/LaunchDaemons', files: ['com.philandro.anydesk.service.plist', 'README'] }],
    );
    expect(services).toContainEqual({
      name: 'com.philandro.anydesk.service',
      state: 'enabled',
      path: '/Library/LaunchDaemons/com.philandro.anydesk.service.plist',
    });
    expect(services).toContainEqual({ name: 'com.apple.screensharing', state: 'disabled', path: null });
    expect(services.find((s) => s.name === 'com.apple.RemoteDesktop.agent')).toBeUndefined();
    expect(services.find((s) => s.name === 'com.microsoft.update.agent')).toMatchObject({ state: 'stopped' });
  });
});
