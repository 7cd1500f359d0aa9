import { field, flag, integer, rowsOf, text, type JsonRow } from '../json-rows';
import type { InterfaceKind, NetworkInfo, NetworkInterface } from './network';

/** Adapter descriptions of VPN and tunnel drivers (the interface is a tunnel whatever it is named). */
const TUNNEL =
  /TAP-Windows|Wintun|WireGuard|OpenVPN|AnyConnect|PANGP|GlobalProtect|Fortinet|FortiClient|Juniper|Pulse Secure|Zscaler|Tailscale|ZeroTier|NordLynx|WAN Miniport|Check Point/i;

function kindOf(adapter: JsonRow): InterfaceKind {
  const description = `${text(adapter, 'InterfaceDescription') ?? ''} ${text(adapter, 'Name') ?? ''}`;
  if (/Loopback/i.test(description)) return 'loopback';
  if (TUNNEL.test(description)) return 'tunnel';
  if (flag(adapter, 'Virtual') === true || /Hyper-V|vEthernet|VirtualBox|VMware/i.test(description))
    return 'virtual';
  if (/802\.11|Wireless|Wi-?Fi/i.test(`${text(adapter, 'MediaType') ?? ''} ${description}`))
    return 'wireless';
  return flag(adapter, 'HardwareInterface') === true ? 'ethernet' : 'other';
}

/** Get-NetAdapter rows; MACs come as `00-15-5D-01-02-03`. */
export function interfacesFromWin32(value: unknown): NetworkInterface[] {
  return rowsOf(value).flatMap((adapter) => {
    const name = text(adapter, 'Name');
    if (name === null) return [];
    const mac = text(adapter, 'MacAddress');
    const kind = kindOf(adapter);
    return [
      {
        name,
        mac: mac ? mac.toLowerCase().replace(/-/g, ':') : null,
        physical: flag(adapter, 'HardwareInterface') === true && kind !== 'virtual' && kind !== 'tunnel',
        kind,
        up: text(adapter, 'Status') === 'Up' || integer(adapter, 'Status') === 1,
      },
    ];
  });
}

/** `netsh winhttp show proxy`: "Direct access (no proxy server)." or "Proxy Server(s) :  host:port". */
export function parseWinHttpProxy(textOutput: string): string | null {
  const match = /Proxy Server\(s\)\s*:\s*(\S.*)$/m.exec(textOutput);
  return match ? (match[1] ?? '').trim() : null;
}

/** Adapters, the interfaces default routes (or a VPN's 0/1 + 128/1 pair) leave through, proxies. */
export function networkFromWin32(value: unknown): NetworkInfo {
  const routes = rowsOf(field(value, 'Routes'))
    .map((r) => text(r, 'InterfaceAlias'))
    .filter((a): a is string => a !== null);
  const proxies: NetworkInfo['proxies'] = [];
  const internet = rowsOf(field(value, 'InternetSettings'))[0] ?? {};
  const userProxy = text(internet, 'ProxyServer');
  if (integer(internet, 'ProxyEnable') === 1 && userProxy) {
    proxies.push({ source: 'Internet Settings ProxyServer', value: userProxy });
  }
  const pac = text(internet, 'AutoConfigURL');
  if (pac) proxies.push({ source: 'Internet Settings AutoConfigURL', value: pac });
  const winHttp = parseWinHttpProxy(text({ w: field(value, 'WinHttp') }, 'w') ?? '');
  if (winHttp) proxies.push({ source: 'netsh winhttp show proxy', value: winHttp });
  return {
    interfaces: interfacesFromWin32(field(value, 'Adapters')),
    defaultRoutes: [...new Set(routes)],
    proxies,
  };
}
