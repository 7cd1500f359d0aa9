import { describe, expect, it } from 'vitest';
import { processesFromPs } from '../../../main/probes/processes/parse-darwin';
import { recordedText } from '../../support/replay-host';

const ps = (scenario: string) =>
  processesFromPs(
    recordedText('darwin', scenario, 'ps-comm.txt'),
    recordedText('darwin', scenario, 'ps-args.txt'),
  );

describe('macOS processes from ps', () => {
  it('reads the executable path, its name and the command line of every process', () => {
    const processes = ps('clean-macbook');
    expect(processes).toHaveLength(37);
    expect(processes.find((p) => p.pid === 1)).toEqual({
      pid: 1,
      name: 'launchd',
      path: '/sbin/launchd',
      cmdline: '/sbin/launchd',
    });
    // A path with spaces and parentheses stays whole; the arguments come from the args column.
    const renderer = processes.find((p) => p.pid === 655);
    expect(renderer?.name).toBe('Google Chrome Helper (Renderer)');
    expect(renderer?.cmdline).toContain('--type=renderer');
  });

  it('keeps a process whose path ps may not read, by its kernel name', () => {
    expect(ps('clean-macbook').find((p) => p.pid === 1203)).toMatchObject({
      name: 'mdworker_shared',
      path: null,
    });
  });

  it('sees AnyDesk by its bundle path', () => {
    const anydesk = ps('anydesk-screensharing').filter((p) => p.name === 'AnyDesk');
    expect(anydesk.map((p) => p.path)).toEqual([
      '/Applications/AnyDesk.app/Contents/MacOS/AnyDesk',
      '/Applications/AnyDesk.app/Contents/MacOS/AnyDesk',
    ]);
  });

  it('skips lines that are not a pid and a value', () => {
    expect(processesFromPs('garbage\n  12 /bin/sh\n\n', '  12 sh -c true\n')).toEqual([
      { pid: 12, name: 'sh', path: '/bin/sh', cmdline: 'sh -c true' },
    ]);
  });
});
