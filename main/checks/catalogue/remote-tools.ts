import type { EvidenceRow } from '../../contract/checks';
import { defineCheck } from '../check';
import { remoteTools } from '../remote/catalogue';
import { isAllowed, toolForProcess, toolForService } from '../remote/match';
import { wineProgram } from '../remote/wine';

export const remoteToolsCheck = defineCheck({
  id: 'remote.tools',
  title: 'Remote-control software',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['processes', 'services'],
  severity: 'high',
  rationale:
    'Laptop farms drive company laptops through remote-access tools (AnyDesk, TeamViewer, RustDesk, VNC…). ' +
    'Running ones are matched by executable name and path against 300+ tools (LOLRMM and our supplement), ' +
    'each against the executables built for the platform it runs: a Windows name on Linux or macOS only under Wine.',
  remediation: 'Quit the remote-access program named above (and stop its service), then press Re-check.',
  rule({ processes, services }, { policy, platform }) {
    const running = new Map<string, EvidenceRow[]>();
    const allowed: EvidenceRow[] = [];
    for (const process of processes) {
      const match = toolForProcess(remoteTools, process, platform);
      if (!match) continue;
      const { tool } = match;
      const underWine = match.builtFor !== platform;
      const row = {
        tool: tool.name,
        state: 'running',
        pid: process.pid,
        process: process.name,
        path: process.path,
        ...(underWine ? { runsUnder: 'Wine', program: wineProgram(process) } : {}),
      };
      if (isAllowed(policy.allowTools, tool)) allowed.push({ ...row, allowedByPolicy: true });
      else running.set(tool.name, [...(running.get(tool.name) ?? []), row]);
    }
    const installed: EvidenceRow[] = [];
    for (const service of services) {
      const tool = toolForService(remoteTools, service, platform);
      if (!tool || running.has(tool.name)) continue;
      const row = {
        tool: tool.name,
        state: `service ${service.state}`,
        service: service.name,
        path: service.path,
      };
      if (isAllowed(policy.allowTools, tool)) allowed.push({ ...row, allowedByPolicy: true });
      // The service manager's word that it runs is enough, whether or not its process was matched by name.
      else if (service.state === 'running') running.set(tool.name, [row]);
      else if (service.state !== 'disabled') installed.push(row);
    }
    if (running.size > 0) {
      const names = [...running.keys()].join(', ');
      return {
        status: 'fail',
        summary: `Remote-control software is running: ${names}.`,
        evidence: [...[...running.values()].flat(), ...installed, ...allowed],
        remediation: `Quit ${names} (and stop its service), then press Re-check.`,
      };
    }
    if (installed.length > 0) {
      const names = [...new Set(installed.map((r) => String(r.tool)))].join(', ');
      return {
        status: 'warn',
        summary: `Remote-control software is installed as a service, though not running: ${names}.`,
        evidence: [...installed, ...allowed],
        remediation: `Uninstall ${names} or ask IT to approve it, then press Re-check.`,
      };
    }
    return {
      status: 'pass',
      summary:
        allowed.length > 0
          ? `Only IT-approved remote tools are present (${[...new Set(allowed.map((r) => String(r.tool)))].join(', ')}).`
          : `None of ${remoteTools.length} known remote-access tools is running.`,
      evidence: allowed,
    };
  },
});
