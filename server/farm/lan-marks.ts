import type { Observations, ProbeFacts } from '../../main/contract/observations';
import type { Mark } from './farm-marks';

type LanReading = ProbeFacts['lan']['gatewayMac'];

/**
 * A MAC that names one router or access point: not all zeros or broadcast, not multicast (bit 0 of
 * the first octet) and not locally administered (bit 1: randomised, virtual, or a phone hotspot's
 * made-up address, which many unrelated networks may carry).
 */
const oneDevice = (mac: string) => {
  const first = Number.parseInt(mac.slice(0, 2), 16);
  return !/^(00:){5}00$/.test(mac) && !/^(ff:){5}ff$/.test(mac) && (first & 0x03) === 0;
};

/**
 * Where the device sat on its LAN: its default gateway's MAC (the household's router) and the
 * Wi-Fi access point's BSSID, as place marks. Hashed like the others; the evidence never shows them.
 */
export function lanMarks(observations: Observations): Mark[] {
  const lan = observations.probes.lan;
  if (lan?.state !== 'read') return [];
  const marks: Mark[] = [];
  const { gatewayMac, bssid } = lan.facts;
  if (gatewayMac.state === 'read' && oneDevice(gatewayMac.mac))
    marks.push({ kind: 'gateway', value: gatewayMac.mac, shown: 'the same LAN gateway (router MAC)' });
  if (bssid.state === 'read' && oneDevice(bssid.mac))
    marks.push({ kind: 'wifi', value: bssid.mac, shown: 'the same Wi-Fi access point (BSSID)' });
  return marks;
}

const kept = (reading: LanReading): LanReading =>
  reading.state === 'read' ? { state: 'kept-as-hash' } : reading;

/** The observations as the server stores them: the LAN's MACs replaced by `kept-as-hash` (only their hashes are kept). */
export function withoutLanIds(observations: Observations): Observations {
  const lan = observations.probes.lan;
  if (lan?.state !== 'read') return observations;
  const facts = { gatewayMac: kept(lan.facts.gatewayMac), bssid: kept(lan.facts.bssid) };
  return { ...observations, probes: { ...observations.probes, lan: { state: 'read', facts } } };
}
