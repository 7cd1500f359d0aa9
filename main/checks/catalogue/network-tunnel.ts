import type { EvidenceRow } from '../../contract/checks';
import { defineCheck } from '../check';
import { judgeTunnels } from '../network/tunnels';

export const networkTunnelCheck = defineCheck({
  id: 'network.tunnel',
  title: 'VPNs, tunnels and proxies',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['network', 'processes'],
  severity: 'medium',
  rationale:
    'A VPN, tunnel or proxy can hide where the laptop really is. The company’s own VPN passes when its policy ' +
    'approves it: by the client running from its package-verified installed path, or by the company’s egress ' +
    'ranges, judged by the HR service on the address a report arrives from; never by an interface name. ' +
    'Consumer VPNs commonly used to hide a location warn, naming the product; any other tunnel warns for a human to judge.',
  remediation:
    'If this is not the company VPN, disconnect it (or remove the proxy setting), then press Re-check.',
  rule({ network, processes }, { policy, reportAddress }) {
    const { tunnels, idleConsumers } = judgeTunnels(network, processes, policy.vpn, reportAddress);
    const flagged = tunnels.filter((t) => t.verdict !== 'approved');
    const evidence: EvidenceRow[] = [
      ...tunnels.map((t) => t.row),
      ...idleConsumers,
      ...network.proxies.map((p) => ({ proxy: p.value, source: p.source })),
    ];
    if (flagged.length === 0 && network.proxies.length === 0) {
      const approved = tunnels.map((t) => `${t.row.vpn ?? 'a tunnel'} on ${t.row.interface}`);
      return {
        status: 'pass',
        summary:
          approved.length > 0
            ? `Only the company’s approved VPN is in use: ${approved.join(', ')}.`
            : 'No VPN, tunnel or proxy in use.',
        evidence,
      };
    }
    const consumers = [
      ...new Set(flagged.filter((t) => t.verdict === 'consumer').map((t) => String(t.row.vpn))),
    ];
    const others = flagged.filter((t) => t.verdict !== 'consumer').map((t) => String(t.row.interface));
    const through = flagged.filter((t) => t.row.defaultRoute === true).map((t) => String(t.row.interface));
    const parts = [
      ...(consumers.length > 0 ? [`a consumer VPN is connected (${consumers.join(', ')})`] : []),
      ...(others.length > 0 ? [`tunnel interface(s) up: ${others.join(', ')}`] : []),
      ...(through.length > 0 ? [`the default route goes through ${through.join(', ')}`] : []),
      ...(network.proxies.length > 0
        ? [`a proxy is set (${network.proxies.map((p) => p.source).join(', ')})`]
        : []),
    ];
    return {
      status: 'warn',
      summary: `Traffic may be tunnelled: ${parts.join('; ')}.`,
      evidence,
      ...(consumers.length > 0
        ? {
            remediation: `Disconnect ${consumers.join(', ')} (a consumer VPN hides where the laptop is), then press Re-check.`,
          }
        : {}),
    };
  },
});
