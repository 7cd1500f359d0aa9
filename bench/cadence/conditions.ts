import type { LinkCondition } from './link';
import type { SessionCondition } from './session';

/** People at their own machine, including the ones most easily mistaken for remote. */
export const humanConditions: readonly { name: string; condition: SessionCondition }[] = [
  { name: 'typical', condition: { person: 'typical', link: null } },
  { name: 'fast typist', condition: { person: 'fast typist', link: null } },
  { name: 'slow reactor', condition: { person: 'slow reactor', link: null } },
  {
    name: 'typical, 60 Hz trackpad',
    condition: { person: 'typical', machine: 'trackpad 60 Hz', link: null },
  },
];

/** Remote control set-ups by latency band and host-side packet rate. */
export const remoteLinks: readonly LinkCondition[] = [
  { name: 'LAN 1–5 ms, 60 Hz', latencyMs: [1, 5], packetHz: [55, 62], dwellCollapse: 0 },
  { name: 'LAN 1–5 ms, 30 Hz', latencyMs: [1, 5], packetHz: [28, 32], dwellCollapse: 0 },
  { name: '20–50 ms, 60 Hz', latencyMs: [20, 50], packetHz: [55, 62], dwellCollapse: 0 },
  { name: '20–50 ms, 30 Hz', latencyMs: [20, 50], packetHz: [28, 32], dwellCollapse: 0 },
  { name: '50–100 ms, 60 Hz', latencyMs: [50, 100], packetHz: [55, 62], dwellCollapse: 0 },
  { name: '50–100 ms, 30 Hz', latencyMs: [50, 100], packetHz: [28, 32], dwellCollapse: 0 },
  { name: '100–200 ms, 30–60 Hz', latencyMs: [100, 200], packetHz: [30, 60], dwellCollapse: 0 },
  { name: '200–300 ms, 30–60 Hz', latencyMs: [200, 300], packetHz: [30, 60], dwellCollapse: 0 },
  {
    name: 'web KVM 50–150 ms, 30 Hz, keys sent as pairs',
    latencyMs: [50, 150],
    packetHz: [25, 35],
    dwellCollapse: 0.7,
  },
];

/** The remote operator is drawn from the same kinds of people as the local hires. */
export const operatorKinds = ['typical', 'fast typist', 'slow reactor'] as const;
