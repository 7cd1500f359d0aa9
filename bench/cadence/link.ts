import { lattice, type OsEvent } from './machine';
import type { Random } from './random';

/** A family of remote-control set-ups, as ranges each synthetic session draws from. */
export interface LinkCondition {
  name: string;
  /** One-way network latency (ms). */
  latencyMs: readonly [number, number];
  /** How often the host side picks up input and injects it (Hz). */
  packetHz: readonly [number, number];
  /** Chance a keystroke's press and release are sent together (web KVM consoles, mobile clients). */
  dwellCollapse: number;
}

/** One remote-control session: the operator's client, the network and the host-side server. */
export interface Link {
  latencyMs: number;
  /** Mean extra queueing delay per message (exponential). */
  jitterMs: number;
  packetHz: number;
  packetPhase: number;
  /** Scheduling noise on each server tick (ms, sd). */
  tickJitterMs: number;
  /** The client sends pointer positions at this rate (null: every move the operator's OS reports). */
  clientPointerHz: number | null;
  /** Whether the server injects every queued move or only the latest per tick. */
  injectsAllMoves: boolean;
  dwellCollapse: number;
  /** Screen capture rate on the host and the encode/decode time of one frame. */
  captureFps: number;
  capturePhase: number;
  codecMs: number;
  /** The operator's display. */
  viewerRefreshHz: number;
}

export function linkOf(random: Random, condition: LinkCondition): Link {
  const latencyMs = random.uniform(...condition.latencyMs);
  const packetHz = random.uniform(...condition.packetHz);
  const captureFps = random.pick([30, 30, 60]);
  return {
    latencyMs,
    jitterMs: 0.5 + latencyMs * random.uniform(0.03, 0.15),
    packetHz,
    packetPhase: random.uniform(0, 1000 / packetHz),
    tickJitterMs: random.uniform(0.2, 2),
    clientPointerHz: random.chance(0.5) ? null : random.uniform(30, 60),
    injectsAllMoves: random.chance(0.5),
    dwellCollapse: condition.dwellCollapse,
    captureFps,
    capturePhase: random.uniform(0, 1000 / captureFps),
    codecMs: random.uniform(8, 25),
    viewerRefreshHz: random.pick([60, 60, 120]),
  };
}

/**
 * The operator's input on its way to the host: the client sends it (pointer maybe thinned to the
 * client's rate, a press and release maybe sent together), TCP delivers it in order after latency
 * and jitter, and the server injects whatever arrived at each of its ticks, back to back. Returns
 * the events as the host's OS stamps them.
 */
export function relay(random: Random, link: Link, events: readonly OsEvent[]): OsEvent[] {
  const sent = clientSends(random, link, events);
  let arrival = -Infinity;
  const arrived = sent.map((event) => {
    const spike = random.chance(0.01) ? random.uniform(20, 120) : 0;
    arrival = Math.max(arrival, event.time + link.latencyMs + random.exponential(link.jitterMs) + spike);
    return { ...event, time: arrival };
  });

  const period = 1000 / link.packetHz;
  const injected: OsEvent[] = [];
  let tick = link.packetPhase;
  let i = 0;
  while (i < arrived.length) {
    tick += period + random.normal(0, link.tickJitterMs);
    const batch: OsEvent[] = [];
    while (i < arrived.length && arrived[i]!.time <= tick) batch.push(arrived[i++]!);
    const kept = link.injectsAllMoves
      ? batch
      : batch.filter((e, j) => !(e.kind === 'move' && batch[j + 1]?.kind === 'move'));
    let at = tick + random.uniform(0.2, 2);
    for (const event of kept) {
      injected.push({ ...event, time: at + random.uniform(0, 0.05) });
      at += random.uniform(0.005, 0.1);
    }
  }
  return injected;
}

function clientSends(random: Random, link: Link, events: readonly OsEvent[]): OsEvent[] {
  const sent: OsEvent[] = [];
  const collapsed = new Set<string>();
  const pointerTick = link.clientPointerHz ? lattice(1000 / link.clientPointerHz, 0) : null;
  let pendingMove: OsEvent | null = null;
  const flush = (until: number): void => {
    if (pendingMove && pointerTick && pointerTick(pendingMove.time) <= until) {
      sent.push({ ...pendingMove, time: pointerTick(pendingMove.time) });
      pendingMove = null;
    }
  };
  for (const event of events) {
    flush(event.time);
    if (event.kind === 'move') {
      if (pointerTick) pendingMove = event;
      else sent.push(event);
    } else if (event.kind === 'keyup' && collapsed.delete(event.code)) {
      continue;
    } else {
      if (event.kind === 'press' && pendingMove) {
        sent.push({ ...pendingMove, time: event.time });
        pendingMove = null;
      }
      sent.push(event);
      if (event.kind === 'keydown' && random.chance(link.dwellCollapse)) {
        collapsed.add(event.code);
        sent.push({ kind: 'keyup', code: event.code, time: event.time + random.uniform(0.1, 1) });
      }
    }
  }
  flush(Infinity);
  return sent.sort((a, b) => a.time - b.time);
}

/**
 * When the operator sees a target the host drew in the frame at `onset`: the host presents it, the
 * server captures and encodes the next frame, the network carries it, and the viewer shows it.
 */
export function seenThroughLink(random: Random, link: Link, onset: number, hostRefreshHz: number): number {
  const presented = onset + (1000 / hostRefreshHz) * random.uniform(1, 2);
  const captured = lattice(1000 / link.captureFps, link.capturePhase)(presented);
  const received = captured + link.codecMs + link.latencyMs + random.exponential(link.jitterMs);
  const shown = lattice(1000 / link.viewerRefreshHz, 0)(received);
  return shown + random.uniform(5, 15);
}
