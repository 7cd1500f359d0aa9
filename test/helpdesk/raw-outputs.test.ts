import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecording } from '../../main/cli/read-recording';
import { rawOutputFiles, RAW_FOLDER } from '../../main/helpdesk/raw-outputs';
import { sysrootHost } from '../../main/probes/host';
import { readDarwinProcesses } from '../../main/probes/processes/darwin';
import { readWin32Processes } from '../../main/probes/processes/win32';
import { readDarwinServices } from '../../main/probes/services/darwin';
import { capturingHost } from '../../main/probes/recorded/capturing-host';
import { replayHost } from '../../main/probes/recorded/replay-host';
import { recordedText, RECORDED } from '../support/replay-host';

const temporary: string[] = [];
afterEach(() => temporary.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeOut(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hireproof-raw-'));
  temporary.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return join(root, RAW_FOLDER);
}

describe('the raw outputs a helpdesk bundle carries', () => {
  it('keeps a Mac as a recorded machine that replays, with the arguments cut from ps', async () => {
    const host = capturingHost(replayHost(readRecording(join(RECORDED, 'darwin/anydesk-screensharing'))));
    const processes = await readDarwinProcesses(host);
    await readDarwinServices(host);
    const files = rawOutputFiles(host.capture());

    expect(files[`${RAW_FOLDER}/ps-args.txt`]).toBe(
      recordedText('darwin', 'anydesk-screensharing', 'ps-comm.txt'),
    );
    expect(recordedText('darwin', 'anydesk-screensharing', 'ps-args.txt')).not.toBe(
      recordedText('darwin', 'anydesk-screensharing', 'ps-comm.txt'),
    );
    const replayed = replayHost(readRecording(writeOut(files)));
    expect((await readDarwinProcesses(replayed)).map((p) => p.name)).toEqual(processes.map((p) => p.name));
    expect(readRecording(writeOut(files)).dirs?.['/Library/LaunchDaemons']).toContain(
      'com.philandro.anydesk.service.plist',
    );
  });

  it('drops command lines from Windows processes but keeps each executable', async () => {
    const host = capturingHost(replayHost(readRecording(join(RECORDED, 'win32/neekey-ps-take-control'))));
    await readWin32Processes(host);
    const rows = JSON.parse(rawOutputFiles(host.capture())[`${RAW_FOLDER}/processes.json`] ?? '[]') as {
      CommandLine: string | null;
      ExecutablePath: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.CommandLine === null)).toBe(true);
    expect(rows.some((row) => row.ExecutablePath !== null)).toBe(true);
  });

  it('keeps what a Linux reader read, without process environments or arguments', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hireproof-sysroot-'));
    temporary.push(root);
    mkdirSync(join(root, 'proc/42'), { recursive: true });
    writeFileSync(join(root, 'proc/42/cmdline'), 'x11vnc\0-passwd\0s3cret\0');
    writeFileSync(join(root, 'proc/42/environ'), 'TOKEN=s3cret\0');
    const host = capturingHost(sysrootHost(root));
    await host.readText('/proc/42/cmdline');
    await host.readText('/proc/42/environ');
    const snapshot = JSON.parse(rawOutputFiles(host.capture())[`${RAW_FOLDER}/sysroot.json`] ?? '{}') as {
      files: Record<string, string>;
    };
    expect(snapshot.files).toEqual({ '/proc/42/cmdline': 'x11vnc' });
  });
});
