import type { DialAnswer, Host } from '../host';
import { RDP_CONNECTION_REQUEST, WEB_CLIENT_REQUEST } from './first-messages';
import type { Greeting } from './greeting';
import {
  bannerComplete,
  greetingOfBanner,
  greetingOfHttpAnswer,
  greetingOfRdpAnswer,
  httpAnswerComplete,
  rdpAnswerComplete,
  silentWebSocket,
} from './parse-greeting';
import type { SocketInfo } from './socket';

/**
 * How hard a listening socket is asked. A greeting is awaited for `bannerWaitMs` (x11vnc greets
 * 250-310 ms after accepting, measured here; sshd and Xtigervnc within milliseconds, and a whole
 * line ends the wait). A silent socket is then sent an HTTP request, answered within `webWaitMs` (a
 * WebSocket relay first connects to the VNC server behind it: 200-320 ms for websockify in front
 * of x11vnc), then an RDP connection request (`answerWaitMs`). Greetings keep `bannerBytes`,
 * refusals `answerBytes`, web pages `pageBytes`. At most `concurrency` sockets at once and none
 * started after `budgetMs`, so a machine full of silent listeners costs at most about budget + 1.5 s.
 */
export const GREETING_LIMITS = {
  bannerWaitMs: 600,
  webWaitMs: 600,
  answerWaitMs: 300,
  bannerBytes: 64,
  answerBytes: 128,
  pageBytes: 4_096,
  concurrency: 8,
  budgetMs: 3_000,
} as const;

/**
 * The address that reaches a listening socket from this machine: loopback for a wildcard, the
 * address itself otherwise. IPv6 link-local addresses need an interface we do not know: skipped.
 */
export function dialAddress(localAddress: string): string | null {
  if (localAddress === '0.0.0.0') return '127.0.0.1';
  if (localAddress === '::') return '::1';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(localAddress)?.[1];
  if (mapped) return mapped === '0.0.0.0' ? '127.0.0.1' : mapped;
  if (/^fe80:/i.test(localAddress)) return null;
  return localAddress;
}

const unprobed = (banner: string): Greeting => ({ protocol: 'unprobed', banner, asked: null });

const noAnswer = (asked: Greeting['asked'], { connected, closed }: DialAnswer): Greeting => ({
  protocol: !connected ? 'refused' : closed ? 'closed' : 'silent',
  banner: null,
  asked,
});

/** One socket, asked politely: listen first, then speak HTTP, then RDP; stop at the first answer. */
async function greet(host: Host, address: string, port: number): Promise<Greeting> {
  const { bannerWaitMs, webWaitMs, answerWaitMs, bannerBytes, answerBytes, pageBytes } = GREETING_LIMITS;
  const banner = await host.dial({
    address,
    port,
    say: null,
    waitMs: bannerWaitMs,
    maxBytes: bannerBytes,
    enough: bannerComplete,
  });
  if (banner.answer.length > 0) return greetingOfBanner(banner.answer);
  if (!banner.connected) return noAnswer('nothing', banner);
  const web = await host.dial({
    address,
    port,
    say: WEB_CLIENT_REQUEST,
    waitMs: webWaitMs,
    maxBytes: pageBytes,
    enough: httpAnswerComplete,
  });
  if (web.answer.length > 0 && !silentWebSocket(web.answer)) return greetingOfHttpAnswer(web.answer);
  const rdp = await host.dial({
    address,
    port,
    say: RDP_CONNECTION_REQUEST,
    waitMs: answerWaitMs,
    maxBytes: answerBytes,
    enough: rdpAnswerComplete,
  });
  if (rdp.answer.length > 0) return greetingOfRdpAnswer(rdp.answer);
  if (web.answer.length > 0)
    return { protocol: 'http', banner: 'a WebSocket endpoint that waits for its client', asked: 'http' };
  return noAnswer('rdp', rdp);
}

/** Sockets of one server answer alike: 0.0.0.0 and :: of one process are asked once. */
const serverKey = (s: SocketInfo): string => `${s.localPort}|${s.pid ?? `uid ${s.uid ?? '?'}`}`;

/**
 * Every listening socket's protocol, told by connecting to it from this machine. Only listening
 * sockets are dialled, on their own local address: the far end of an outbound connection never is.
 * Under a sysroot (no live network) every socket is `unprobed`.
 */
export async function identifyListeners(host: Host, sockets: readonly SocketInfo[]): Promise<SocketInfo[]> {
  if (host.sysroot !== null) {
    return sockets.map((s) => (s.state === 'listen' ? { ...s, speaks: unprobed('a fixture machine') } : s));
  }
  const started = Date.now();
  const targets = new Map<string, { address: string | null; port: number }>();
  for (const s of sockets.filter((s) => s.state === 'listen')) {
    const key = serverKey(s);
    const address = dialAddress(s.localAddress);
    if (!targets.has(key) || targets.get(key)?.address === null)
      targets.set(key, { address, port: s.localPort });
  }
  const greetings = new Map<string, Greeting>();
  const queue = [...targets.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, { address, port }] = next;
      if (address === null) greetings.set(key, unprobed('link-local address'));
      else if (Date.now() - started > GREETING_LIMITS.budgetMs) greetings.set(key, unprobed('out of time'));
      else greetings.set(key, await greet(host, address, port).catch(() => unprobed('could not connect')));
    }
  };
  await Promise.all(Array.from({ length: GREETING_LIMITS.concurrency }, worker));
  return sockets.map((s) =>
    s.state === 'listen' ? { ...s, speaks: greetings.get(serverKey(s)) ?? unprobed('not asked') } : s,
  );
}
