import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { processesFromWin32 } from '../../../main/probes/processes/parse-win32';
import { readWin32Processes } from '../../../main/probes/processes/win32';
import { recordingLayout } from '../../../main/probes/recorded/layout';
import { loadRecordedMachine, recordedText, replayHost } from '../../support/replay-host';

const processes = (scenario: string) =>
  processesFromWin32(decodeJson(recordedText('win32', scenario, 'processes.json'), 'test'));

describe('Windows processes from Win32_Process', () => {
  it('keeps name, path and command line, and the nulls Windows gives for protected processes', () => {
    const rows = processes('clean-laptop');
    expect(rows).toHaveLength(24);
    expect(rows.find((p) => p.pid === 4)).toEqual({ pid: 4, name: 'System', path: null, cmdline: '' });
    expect(rows.find((p) => p.pid === 6440)).toMatchObject({
      name: 'chrome.exe',
      path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    });
  });

  it('reads Teams under the user profile and the new ms-teams.exe by their real paths', () => {
    const teams = processes('teams').filter((p) => /teams/i.test(p.name));
    expect(teams.map((p) => [p.name, p.path])).toEqual([
      ['Teams.exe', 'C:\\Users\\dana\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe'],
      ['Teams.exe', 'C:\\Users\\dana\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe'],
      [
        'ms-teams.exe',
        'C:\\Program Files\\WindowsApps\\MSTeams_24124.2315.2911.3357_x64__8wekyb3d8bbwe\\ms-teams.exe',
      ],
    ]);
  });

  it('takes a single process printed as a bare object, and skips rows without a pid or name', () => {
    expect(
      processesFromWin32({ Name: 'a.exe', ProcessId: 7, ExecutablePath: null, CommandLine: null }),
    ).toHaveLength(1);
    expect(processesFromWin32([{ Name: 'x' }, { ProcessId: 3 }, 'junk', null])).toEqual([]);
  });

  it('rejects, naming the command, when PowerShell prints an error instead of JSON', async () => {
    const machine = loadRecordedMachine('win32', 'clean-laptop');
    const host = replayHost({
      ...machine,
      recordings: [
        { command: recordingLayout.win32['processes.json']!, output: 'Get-CimInstance : Access denied' },
      ],
    });
    await expect(readWin32Processes(host)).rejects.toThrow(
      /Win32_Process did not print JSON: Get-CimInstance : Access denied/,
    );
  });
});
