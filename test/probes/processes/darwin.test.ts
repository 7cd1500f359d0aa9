import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePsColumn, processesFromPs } from '../../../main/probes/processes/parse-darwin';
import { RECORDED, recordedText } from '../../support/replay-host';

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

  it('takes a bare argv[0] for the name and claims no path', () => {
    // The comm rows of oddurs/dirk's src/agent.rs test (pgid column dropped): what a shell or a
    // launcher put in argv[0], no path; with the args listing missing, each still counts by name.
    const comm = '    1 /sbin/launchd\n18776 claude\n99123 node\n  512 Google Chrome Helper\n';
    const processes = processesFromPs(comm, '');
    expect(processes.map(({ name, path }) => ({ name, path }))).toEqual([
      { name: 'launchd', path: '/sbin/launchd' },
      { name: 'claude', path: null },
      { name: 'node', path: null },
      { name: 'Google Chrome Helper', path: null },
    ]);
    expect(processes.find((p) => p.pid === 512)?.cmdline).toBe('Google Chrome Helper');
  });

  it("names a login shell by its argv[0] ('-/bin/zsh'), which is no path", () => {
    expect(ps('login-zsh-terminal-tabs-processes')).toEqual(
      [4773, 13225, 13435].map((pid) => ({ pid, name: 'zsh', path: null, cmdline: '-/bin/zsh' })),
    );
  });

  it('keeps only the processes the comm listing names (a real ps -ef, rows with spaces left out of it)', () => {
    const processes = ps('yabai-user-ps-ef-processes');
    expect(processes).toHaveLength(36);
    // In the args listing only: its argv[0] is unknown, so the reader drops it as a late starter.
    expect(processes.find((p) => p.pid === 10020)).toBeUndefined();
    expect(processes.find((p) => p.pid === 56229)).toEqual({
      pid: 56229,
      name: 'replayd',
      path: '/usr/libexec/replayd',
      cmdline: '/usr/libexec/replayd',
    });
  });

  it('skips lines that are not a pid and a value', () => {
    expect(processesFromPs('garbage\n  12 /bin/sh\n\n', '  12 sh -c true\n')).toEqual([
      { pid: 12, name: 'sh', path: '/bin/sh', cmdline: 'sh -c true' },
    ]);
  });

  // Apple's ps reads both columns from the same argument area, so a recording (real or written
  // here) where they disagree cannot have come from one Mac.
  const recordings = readdirSync(join(RECORDED, 'darwin')).filter((scenario) =>
    existsSync(join(RECORDED, 'darwin', scenario, 'ps-comm.txt')),
  );
  it.each(recordings)('%s: each comm is the start of its command line', (scenario) => {
    const args = parsePsColumn(recordedText('darwin', scenario, 'ps-args.txt'));
    for (const [pid, comm] of parsePsColumn(recordedText('darwin', scenario, 'ps-comm.txt'))) {
      const line = args.get(pid);
      if (line !== undefined) expect(line === comm || line.startsWith(`${comm} `), `pid ${pid}`).toBe(true);
    }
  });
});
