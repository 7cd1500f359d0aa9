import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksReport } from '../../main/contract/checks';
import { hireproof } from '../support/cli';
import { start, waitForPort } from '../support/processes';

/**
 * Real look-alikes on this machine, read through the real /proc: Xvfb with x11vnc on 5900, the
 * same x11vnc binary copied under another name on 5901, and an unknown program on VNC port 5905.
 */
describe('remote control on this machine', () => {
  const display = ':57';
  const stops: (() => Promise<void>)[] = [];
  let dir = '';
  let listener: Server | undefined;
  let report: ChecksReport;
  let code: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-vnc-'));
    const renamed = join(dir, 'notes-sync');
    await copyFile('/usr/bin/x11vnc', renamed);
    stops.push(start('Xvfb', [display, '-screen', '0', '1024x768x24', '-nolisten', 'tcp']).stop);
    await new Promise((r) => setTimeout(r, 500));
    const vnc = ['-display', display, '-forever', '-shared', '-nopw', '-quiet'];
    stops.push(start('x11vnc', [...vnc, '-rfbport', '5900']).stop);
    stops.push(start(renamed, [...vnc, '-rfbport', '5901']).stop);
    listener = createServer().listen(5905, '127.0.0.1');
    await Promise.all([waitForPort(5900), waitForPort(5901), waitForPort(5905)]);
    const result = await hireproof(['check', '--json']);
    code = result.code;
    report = ChecksReport.parse(JSON.parse(result.stdout));
  }, 60_000);

  afterAll(async () => {
    listener?.close();
    for (const stop of stops.reverse()) await stop();
    await rm(dir, { recursive: true, force: true });
  });

  const check = (id: string) => report.checks.find((c) => c.id === id);

  it('fails the run', () => {
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
  });

  it('catches the running x11vnc by name', () => {
    expect(check('remote.tools')?.status).toBe('fail');
    expect(check('remote.tools')?.evidence).toContainEqual(
      expect.objectContaining({ tool: 'x11vnc', process: 'x11vnc', state: 'running' }),
    );
  });

  it('catches the renamed copy and the unknown listener by their ports, with their owners', () => {
    const ports = check('remote.ports');
    expect(ports?.status).toBe('fail');
    // x11vnc also binds [::]:5900 when it can, so a port may have several owners (ss shows the same).
    const listening = (ports?.evidence ?? []).filter((e) => e.state === 'listening');
    const owners = (port: number) => new Set(listening.filter((e) => e.port === port).map((e) => e.process));
    expect(owners(5900)).toContain('x11vnc');
    expect(owners(5901)).toEqual(new Set(['notes-sync']));
    expect(owners(5905)).toEqual(new Set(['node']));
  });
});
