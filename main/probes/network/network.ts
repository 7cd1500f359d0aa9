export type InterfaceKind = 'ethernet' | 'wireless' | 'tunnel' | 'loopback' | 'virtual' | 'other';

export interface NetworkInterface {
  name: string;
  mac: string | null;
  /** Backed by hardware (Linux: has a `device` link), not a bridge, veth or tunnel. */
  physical: boolean;
  kind: InterfaceKind;
  up: boolean;
}

export interface NetworkInfo {
  interfaces: NetworkInterface[];
  /** Interfaces that carry a default route. */
  defaultRoutes: string[];
  /** Proxy settings in force, with where each was read. */
  proxies: { source: string; value: string }[];
}
