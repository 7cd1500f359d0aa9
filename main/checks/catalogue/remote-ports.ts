import type { EvidenceRow, Platform } from '../../contract/checks';
import type { SocketInfo } from '../../probes/sockets/socket';
import { defineCheck } from '../check';
import { remoteTools } from '../remote/catalogue';
import { isAllowed, toolForProcess, toolsForPort } from '../remote/match';
import { screenControl, screenControlRow, SERVING, unreadableRows } from '../remote/screen-control';
import {
  isLoopback,
  protocolLabel,
  remoteControlPorts,
  servesRemoteControl,
  UNTOLD,
} from '../remote/served-protocols';
import { sshListenerKind } from '../remote/system-ssh';

interface Hit {
  row: EvidenceRow;
  /** What the summary names, when it fails the check. */
  blocking: string | null;
}

const ownerOf = (s: SocketInfo): string => `${s.localPort}${s.process ? ` (${s.process})` : ''}`;

/** An IT-approved tool passes only as the file its package installed, never by its name alone. */
function approved(s: SocketInfo, allowTools: readonly string[], platform: Platform): boolean {
  if (!s.process || s.provenance?.verified !== true) return false;
  const match = toolForProcess(
    remoteTools,
    { pid: s.pid ?? 0, name: s.process, path: s.path ?? null, cmdline: '' },
    platform,
  );
  return match !== null && isAllowed(allowTools, match.tool);
}

function socketRow(s: SocketInfo, extra: EvidenceRow): EvidenceRow {
  return {
    port: s.localPort,
    state: s.state === 'listen' ? 'listening' : `connected from ${s.remoteAddress}:${s.remotePort}`,
    address: s.localAddress,
    loopbackOnly: isLoopback(s.localAddress),
    pid: s.pid,
    process: s.process,
    ...(s.path ? { path: s.path } : {}),
    ...(s.uid !== undefined ? { uid: s.uid } : {}),
    ...extra,
  };
}

/** A listening socket that answered in a remote-control protocol, and what policy makes of it. */
function servedHit(s: SocketInfo, allowTools: readonly string[], platform: Platform): Hit {
  const speaks = s.speaks ?? { protocol: 'other' as const, banner: null, asked: null };
  const label = protocolLabel(speaks.protocol);
  const base = {
    speaks: label,
    banner: speaks.banner,
    ...(s.provenance ? { package: s.provenance.package, packageVerified: s.provenance.verified } : {}),
  };
  if (speaks.protocol === 'ssh') {
    const kind = sshListenerKind(s);
    if (kind !== 'not the system service')
      return {
        row: socketRow(s, {
          ...base,
          meaning:
            kind === 'system service'
              ? "the system's packaged SSH server, only listening: a login through it is remote.session's"
              : 'an SSH server whose owner this user cannot verify (root, or no package database): only listening',
        }),
        blocking: null,
      };
    return {
      row: socketRow(s, { ...base, meaning: "an SSH server that is not the system's packaged one" }),
      blocking: `SSH on ${ownerOf(s)}`,
    };
  }
  if (approved(s, allowTools, platform))
    return { row: socketRow(s, { ...base, allowedByPolicy: true }), blocking: null };
  return {
    row: socketRow(s, { ...base, meaning: `serves ${label} to whoever connects` }),
    blocking: `${label} on ${ownerOf(s)}`,
  };
}

export const remotePortsCheck = defineCheck({
  id: 'remote.ports',
  title: 'Remote-control servers',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['sockets', 'processes'],
  severity: 'high',
  rationale:
    'A remote-control server gives away the screen whatever it is called and whatever port it uses: every ' +
    'listening socket is asked what it speaks (VNC/RFB, RDP, SSH, xpra, a web VNC client), and on Linux a ' +
    'process that maps a VNC/RDP server library, or watches the screen and injects input with no window of its ' +
    'own while talking to the network, is one even when it only connects out or hides behind a relay.',
  remediation: 'Stop the remote-control server named above, then press Re-check.',
  rule({ sockets, processes }, { policy, platform }) {
    const hits: Hit[] = [];
    const remotePorts = remoteControlPorts(sockets);
    const listening = new Set(sockets.filter((s) => s.state === 'listen').map((s) => s.localPort));
    for (const s of sockets) {
      if (servesRemoteControl(s)) {
        hits.push(servedHit(s, policy.allowTools, platform));
        continue;
      }
      if (s.state === 'established' && remotePorts.has(s.localPort)) {
        const served = remotePorts.get(s.localPort);
        const label = protocolLabel(served?.speaks?.protocol ?? 'other');
        const system =
          served?.speaks?.protocol === 'ssh' && sshListenerKind(served) !== 'not the system service';
        hits.push({
          row: socketRow(s, { speaks: label }),
          // An SSH login through the system's own server is remote.session's finding, not a server's.
          blocking: system ? null : `${label} on ${ownerOf(s)} in use`,
        });
        continue;
      }
      // The port list counts only where the socket's answer could not tell what it speaks.
      const tools = toolsForPort(remoteTools, s.localPort);
      if (tools.length === 0 || (s.state === 'established' && !listening.has(s.localPort))) continue;
      const usedBy = tools.map((t) => t.name).join(', ');
      if (s.speaks && !UNTOLD.has(s.speaks.protocol)) {
        hits.push({
          row: socketRow(s, {
            usedBy,
            speaks: protocolLabel(s.speaks.protocol),
            meaning: "the port is a remote tool's, but what listens speaks another protocol",
          }),
          blocking: null,
        });
        continue;
      }
      const owner = s.process
        ? (toolForProcess(
            remoteTools,
            { pid: s.pid ?? 0, name: s.process, path: null, cmdline: '' },
            platform,
          )?.tool ?? null)
        : null;
      const allowed = owner
        ? isAllowed(policy.allowTools, owner)
        : tools.every((t) => isAllowed(policy.allowTools, t));
      hits.push({
        row: socketRow(s, { usedBy, ...(allowed ? { allowedByPolicy: true } : {}) }),
        blocking: allowed ? null : ownerOf(s),
      });
    }
    for (const finding of processes.map(screenControl).filter((f) => f !== null)) {
      hits.push({
        row: screenControlRow(finding),
        blocking: SERVING.has(finding.kind)
          ? `${finding.kind} ${finding.process.name} (pid ${finding.process.pid})`
          : null,
      });
    }
    const hidden = platform === 'linux' ? unreadableRows(processes) : [];
    const evidence = [...hits.map((h) => h.row), ...hidden];
    const blocking = [...new Set(hits.map((h) => h.blocking).filter((b): b is string => b !== null))];
    if (blocking.length === 0) {
      return { status: 'pass', summary: 'No remote-control server is running.', evidence };
    }
    const what = blocking.join('; ');
    return {
      status: 'fail',
      summary: `A remote-control server is running: ${what}.`,
      evidence,
      remediation: `Stop ${what}, then press Re-check.`,
    };
  },
});
