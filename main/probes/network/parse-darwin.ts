import type { InterfaceKind, NetworkInfo, NetworkInterface } from './network';

/** Interface families macOS names by prefix. `en` is Ethernet or Wi-Fi: ifconfig does not tell. */
function kindOf(name: string): InterfaceKind {
  if (/^lo\d/.test(name)) return 'loopback';
  if (/^(utun|ipsec|ppp|tun|tap|gif|stf|wg)\d/.test(name)) return 'tunnel';
  if (/^(bridge|vmenet|feth|awdl|llw|anpi|ap)\d/.test(name)) return 'virtual';
  if (/^en\d/.test(name)) return 'ethernet';
  return 'other';
}

/** An `inet` line, or an `inet6` one outside link-local fe80::/10 (every utun has one of those). */
const ROUTABLE_ADDRESS = /^\s+(inet \d|inet6 (?!fe[89ab][0-9a-f]:)[0-9a-f:]+)/i;

/**
 * `ifconfig`: a `name: flags=…<UP,…>` line, then indented properties (ether, inet, status).
 * A tunnel says whether it holds a routable address: macOS's own utuns (one per system service,
 * no `status:` line) hold only a link-local IPv6 one.
 */
export function parseIfconfig(text: string): NetworkInterface[] {
  const interfaces: NetworkInterface[] = [];
  type Reading = NetworkInterface & { status: string | null; flags: string[]; routable: boolean };
  let current: Reading | null = null;
  const flush = (): void => {
    if (!current) return;
    const { status, flags, routable, ...info } = current;
    interfaces.push({
      ...info,
      up: flags.includes('UP') && (status === null || status === 'active'),
      ...(info.kind === 'tunnel' ? { addressed: routable } : {}),
    });
  };
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
    const head = /^([\w.]+): flags=\w+<([^>]*)>/.exec(line);
    if (head) {
      flush();
      const name = head[1] ?? '';
      const kind = kindOf(name);
      current = {
        name,
        mac: null,
        physical: false,
        kind,
        up: false,
        status: null,
        flags: (head[2] ?? '').split(','),
        routable: false,
      };
      continue;
    }
    if (!current) continue;
    const ether = /^\s+ether ([0-9a-f:]{17})/i.exec(line);
    if (ether) {
      current.mac = (ether[1] ?? '').toLowerCase();
      current.physical = current.kind === 'ethernet';
    }
    if (ROUTABLE_ADDRESS.test(line)) current.routable = true;
    const status = /^\s+status: (\w+)/.exec(line);
    if (status) current.status = status[1] ?? null;
  }
  flush();
  return interfaces;
}

/**
 * `netstat -rn`: interfaces that carry a default route. Rows flagged `I` are scoped to one
 * interface (macOS keeps one per utun for system services) and are not the machine's default;
 * the `0/1` + `128.0/1` pair is how many VPNs take over the default without replacing it.
 */
export function parseDefaultRoutes(text: string): string[] {
  const found = new Set<string>();
  let netif = -1;
  let flags = -1;
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === 'Destination') {
      netif = fields.indexOf('Netif');
      flags = fields.indexOf('Flags');
      continue;
    }
    if (netif < 0 || fields.length <= netif) continue;
    const destination = fields[0] ?? '';
    const isDefault =
      destination === 'default' || /^(0|128\.0|0\.0\.0\.0|128\.0\.0\.0|::|8000::)\/1$/.test(destination);
    if (isDefault && !(fields[flags] ?? '').includes('I')) found.add(fields[netif] ?? '');
  }
  found.delete('');
  return [...found];
}

/** `scutil --proxy`: the system proxy dictionary, `Key : value` lines. */
export function parseScutilProxy(text: string): NetworkInfo['proxies'] {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(\w+) : (.*)$/.exec(line.replace(/\r$/, ''));
    if (match && !(match[2] ?? '').startsWith('<')) values.set(match[1] ?? '', (match[2] ?? '').trim());
  }
  const proxies: NetworkInfo['proxies'] = [];
  for (const kind of ['HTTP', 'HTTPS', 'SOCKS', 'FTP', 'RTSP', 'Gopher']) {
    const host = values.get(`${kind}Proxy`);
    if (values.get(`${kind}Enable`) === '1' && host) {
      const port = values.get(`${kind}Port`);
      proxies.push({ source: `scutil --proxy ${kind}Proxy`, value: port ? `${host}:${port}` : host });
    }
  }
  const pac = values.get('ProxyAutoConfigURLString');
  if (values.get('ProxyAutoConfigEnable') === '1' && pac) {
    proxies.push({ source: 'scutil --proxy ProxyAutoConfigURLString', value: pac });
  }
  return proxies;
}
