import { describe, expect, it } from 'vitest';
import { screenControl, unreadableRows } from '../../../main/checks/remote/screen-control';
import type { ProcessInfo, ProcessNetwork } from '../../../main/probes/processes/process';

const talks: ProcessNetwork = { tcpListening: false, tcpConnected: true, unixListening: false };
const quiet: ProcessNetwork = { tcpListening: false, tcpConnected: false, unixListening: false };
const proc = (name: string, libraries: string[], network: ProcessNetwork = talks): ProcessInfo => ({
  pid: 4000,
  name,
  path: `/usr/bin/${name}`,
  cmdline: '',
  uid: 1000,
  libraries,
  network,
});
const kind = (p: ProcessInfo) => screenControl(p)?.kind ?? null;

/*
 * Library sets from primary sources: ldd of Debian 12's x11vnc, chromium and barrierc; the package
 * dependencies of gnome-remote-desktop, tigervnc-scraping-server (x0vncserver) and kdeconnect; for
 * Zoom the libraries its Linux client needs (Zoom's install notes: libxcb-xtest0, libpulse0, Qt
 * bundled under /opt/zoom); Electron apps (Teams for Linux, Slack) depend on libxtst6 and map
 * Chromium's libXdamage and libasound.
 */
describe('screen control by structure', () => {
  it('fails a VNC server library that serves, however it connects: listening, reverse or behind a relay', () => {
    const x11vnc = ['libvncserver', 'libXtst (XTEST)', 'libXdamage (XDamage)'];
    expect(kind(proc('notes-sync', x11vnc))).toBe('remote-desktop server');
    expect(kind(proc('notes-sync', x11vnc, { ...quiet, unixListening: true }))).toBe('remote-desktop server');
    expect(screenControl(proc('notes-sync', x11vnc))?.meaning).toBe(
      'maps a remote-desktop server library and holds a TCP connection',
    );
  });

  it('lets an idle remote-desktop service pass (GNOME Remote Desktop with sharing off)', () => {
    expect(kind(proc('gnome-remote-desktop-daemon', ['libfreerdp-server', 'libpipewire'], quiet))).toBe(
      'idle remote-desktop server',
    );
  });

  it('fails a headless process that watches the screen, injects input and talks TCP (x0vncserver)', () => {
    expect(kind(proc('x0vncserver', ['libXtst (XTEST)', 'libXdamage (XDamage)']))).toBe(
      'headless screen controller',
    );
    // The same without a network connection is not serving anyone.
    expect(kind(proc('x0vncserver', ['libXtst (XTEST)', 'libXdamage (XDamage)'], quiet))).toBeNull();
  });

  it('passes conferencing, browsers and input sharing, naming the look-alike', () => {
    expect(kind(proc('zoom', ['libxcb-xtest (XTEST)', 'libasound', 'libpulse', 'libgtk', 'libQtGui']))).toBe(
      'look-alike',
    );
    expect(
      kind(proc('teams-for-linux', ['libXtst (XTEST)', 'libXdamage (XDamage)', 'libasound', 'libpulse'])),
    ).toBe('look-alike');
    expect(kind(proc('kdeconnectd', ['libXtst (XTEST)', 'libpulse', 'libQtGui']))).toBe('look-alike');
    expect(screenControl(proc('barrierc', ['libXtst (XTEST)']))?.meaning).toMatch(
      /^injects input it receives but watches no screen/,
    );
    // A browser captures and plays sound but injects nothing: not even shown.
    expect(kind(proc('chromium', ['libXdamage (XDamage)', 'libasound', 'libpulse']))).toBeNull();
  });

  it('counts what this user cannot read, by owner', () => {
    const hidden = { pid: 1, name: 'sshd', path: null, cmdline: '', uid: 0 };
    expect(unreadableRows([hidden, { ...hidden, pid: 2 }, proc('bash', [])])).toEqual([
      expect.objectContaining({ signal: 'not readable', uid: '0', processes: 2 }),
    ]);
  });
});
