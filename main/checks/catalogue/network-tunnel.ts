import type { EvidenceRow } from '../../contract/checks';
import { defineCheck } from '../check';

export const networkTunnelCheck = defineCheck({
  id: 'network.tunnel',
  title: 'Network traffic is not tunnelled',
  platforms: ['linux', 'darwin', 'win32'],
  probes: ['network'],
  severity: 'medium',
  rationale:
    'A VPN, tunnel or proxy can hide where the laptop really is. Corporate VPNs are normal, so this only ' +
    'ever warns and shows the evidence for a human to judge.',
  remediation:
    'If this is not the company VPN, disconnect it (or remove the proxy setting), then press Re-check.',
  rule({ network }) {
    const tunnels = new Set(network.interfaces.filter((i) => i.kind === 'tunnel').map((i) => i.name));
    const evidence: EvidenceRow[] = [
      ...network.interfaces
        .filter((i) => i.kind === 'tunnel' && i.up)
        .map((i) => ({
          interface: i.name,
          kind: i.kind,
          up: i.up,
          defaultRoute: network.defaultRoutes.includes(i.name),
        })),
      ...network.proxies.map((p) => ({ proxy: p.value, source: p.source })),
    ];
    if (evidence.length === 0)
      return { status: 'pass', summary: 'No VPN, tunnel or proxy in use.', evidence };
    const through = network.defaultRoutes.filter((name) => tunnels.has(name));
    const parts = [
      ...(evidence.some((e) => 'interface' in e)
        ? [
            `tunnel interface(s) up: ${evidence.flatMap((e) => ('interface' in e ? [String(e.interface)] : [])).join(', ')}`,
          ]
        : []),
      ...(through.length > 0 ? [`the default route goes through ${through.join(', ')}`] : []),
      ...(network.proxies.length > 0
        ? [`a proxy is set (${network.proxies.map((p) => p.source).join(', ')})`]
        : []),
    ];
    return { status: 'warn', summary: `Traffic may be tunnelled: ${parts.join('; ')}.`, evidence };
  },
});
