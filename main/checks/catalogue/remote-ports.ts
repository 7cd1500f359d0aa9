import type { EvidenceRow } from '../../contract/checks';
import { defineCheck } from '../check';
import { remoteTools } from '../remote/catalogue';
import { isAllowed, toolForProcess, toolsForPort } from '../remote/match';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export const remotePortsCheck = defineCheck({
  id: 'remote.ports',
  title: 'Remote-control ports',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['sockets'],
  severity: 'high',
  rationale:
    'A remote-control server listens on its port (VNC 5900, RDP 3389, AnyDesk 7070, RustDesk 21115…) whatever its ' +
    'process is called, so a renamed tool is still caught here, with the process that owns the port.',
  remediation: 'Stop the program listening on the port named above, then press Re-check.',
  rule({ sockets }, { policy, platform }) {
    const listening = new Set(sockets.filter((s) => s.state === 'listen').map((s) => s.localPort));
    const hits: EvidenceRow[] = [];
    for (const socket of sockets) {
      const tools = toolsForPort(remoteTools, socket.localPort);
      if (tools.length === 0) continue;
      if (socket.state === 'established' && !listening.has(socket.localPort)) continue;
      const owner = socket.process
        ? (toolForProcess(
            remoteTools,
            { pid: socket.pid ?? 0, name: socket.process, path: null, cmdline: '' },
            platform,
          )?.tool ?? null)
        : null;
      const allowed = owner
        ? isAllowed(policy.allowTools, owner)
        : tools.every((t) => isAllowed(policy.allowTools, t));
      hits.push({
        port: socket.localPort,
        state:
          socket.state === 'listen'
            ? 'listening'
            : `connected from ${socket.remoteAddress}:${socket.remotePort}`,
        address: socket.localAddress,
        loopbackOnly: LOOPBACK.test(socket.localAddress),
        usedBy: tools.map((t) => t.name).join(', '),
        pid: socket.pid,
        process: socket.process,
        ...(allowed ? { allowedByPolicy: true } : {}),
      });
    }
    const blocking = hits.filter((h) => h.allowedByPolicy !== true);
    if (blocking.length === 0) {
      return { status: 'pass', summary: 'No remote-control port is open.', evidence: hits };
    }
    const what = [...new Set(blocking.map((h) => `${h.port}${h.process ? ` (${h.process})` : ''}`))].join(
      ', ',
    );
    return {
      status: 'fail',
      summary: `A remote-control port is open: ${what}.`,
      evidence: hits,
      remediation: `Stop the program on port ${what}, then press Re-check.`,
    };
  },
});
