import type { Greeting } from './greeting';

/** Printable ASCII of an answer, control bytes as `.`, cut for the evidence. */
export function printable(bytes: Buffer, max = 96): string {
  return bytes
    .subarray(0, max)
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '.')
    .trim();
}

/** The first line of an answer, without its line end. */
function firstLine(bytes: Buffer): string {
  const end = bytes.indexOf(0x0a);
  const line = bytes.subarray(0, end < 0 ? bytes.length : end);
  return printable(line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line);
}

/** Telnet servers open with option negotiation: IAC (0xFF) then WILL/WONT/DO/DONT (RFC 854). */
const isTelnetNegotiation = (bytes: Buffer): boolean =>
  bytes[0] === 0xff && (bytes[1] ?? 0) >= 0xfb && (bytes[1] ?? 0) <= 0xfe;

/**
 * What a server said before we said anything: SSH's identification string (RFC 4253 4.2), RFB's
 * ProtocolVersion (RFC 6143 7.1.1), a telnet negotiation, or something else.
 */
export function greetingOfBanner(bytes: Buffer): Greeting {
  const asked = 'nothing';
  if (/^SSH-\d+\.\d+-/.test(bytes.toString('latin1', 0, 16)))
    return { protocol: 'ssh', banner: firstLine(bytes), asked };
  if (/^RFB \d{3}\.\d{3}\n/.test(bytes.toString('latin1', 0, 12)))
    return { protocol: 'rfb', banner: printable(bytes.subarray(0, 11)), asked };
  if (isTelnetNegotiation(bytes)) return { protocol: 'telnet', banner: 'telnet option negotiation', asked };
  return { protocol: 'other', banner: printable(bytes), asked };
}

/** A whole line or a full record: no more is needed to tell a greeting. */
export const bannerComplete = (bytes: Buffer): boolean => bytes.includes(0x0a);

/** [MS-RDPBCGR] 2.2.1.2.1 selectedProtocol of RDP_NEG_RSP. */
const RDP_SECURITY: Record<number, string> = {
  0: 'standard RDP security',
  1: 'TLS',
  2: 'CredSSP',
  4: 'RDSTLS',
  8: 'CredSSP with early user authorization',
};

/** xpra's plain-text refusal of a foreign first message (xpra/server/server_core.py new_conn_err). */
const XPRA_REFUSAL = /^disconnect: connection failed, .*xpra/;

/**
 * The answer to an RDP Connection Request: an X.224 Connection Confirm (TPKT version 3, TPDU code
 * 0xD0) is RDP whatever the port; xpra refuses it in words; TLS servers send an alert record.
 */
export function greetingOfRdpAnswer(bytes: Buffer): Greeting {
  const asked = 'rdp';
  if (bytes[0] === 0x03 && bytes[1] === 0x00 && bytes.length >= 7 && bytes[5] === 0xd0) {
    const negotiation = bytes.length >= 19 ? bytes[11] : undefined;
    const detail =
      negotiation === 0x02
        ? `, ${RDP_SECURITY[bytes.readUInt32LE(15)] ?? 'security protocol ' + bytes.readUInt32LE(15)}`
        : negotiation === 0x03
          ? `, negotiation failure ${bytes.readUInt32LE(15)}`
          : '';
    return { protocol: 'rdp', banner: `X.224 Connection Confirm${detail}`, asked };
  }
  const text = bytes.toString('latin1', 0, 128);
  if (XPRA_REFUSAL.test(text)) return { protocol: 'xpra', banner: firstLine(bytes), asked };
  if (bytes[0] === 0x15 && bytes[1] === 0x03) return { protocol: 'tls', banner: 'TLS alert', asked };
  if (text.startsWith('HTTP/1.')) return { protocol: 'http', banner: firstLine(bytes), asked };
  return { ...greetingOfBanner(bytes), asked };
}

/** A TPKT carries its own length; a text refusal ends its line. */
export const rdpAnswerComplete = (bytes: Buffer): boolean =>
  (bytes[0] === 0x03 && bytes.length >= 4 && bytes.length >= bytes.readUInt16BE(2)) || bytes.includes(0x0a);

/** Pages of web remote-desktop clients and the servers that serve them. */
const WEB_CLIENT_MARKERS =
  /noVNC|websockify|vnc(?:_lite|_auto)?\.html|kvmd|PiKVM|TinyPilot|Guacamole|KasmVNC|Apache Guacamole/i;

interface HttpAnswer {
  status: string;
  headers: Map<string, string>;
  body: Buffer;
}

function splitHttp(bytes: Buffer): HttpAnswer | null {
  if (bytes.toString('latin1', 0, 7) !== 'HTTP/1.') return null;
  const end = bytes.indexOf('\r\n\r\n');
  const head = bytes.toString('latin1', 0, end < 0 ? bytes.length : end).split('\r\n');
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: head[0] ?? '', headers, body: end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4) };
}

/** The payload of the first WebSocket frame (RFC 6455 5.2), unmasked as a server sends it. */
function firstFramePayload(bytes: Buffer): Buffer | null {
  if (bytes.length < 2) return null;
  const length = (bytes[1] ?? 0) & 0x7f;
  if (length === 126) return bytes.length >= 4 ? bytes.subarray(4, 4 + bytes.readUInt16BE(2)) : null;
  if (length === 127) return null;
  return bytes.subarray(2, 2 + length);
}

/**
 * The answer to our GET with a WebSocket upgrade: a relay that switched protocols and forwards an
 * RFB greeting, a server that names itself (WebSockify, xpra), a page of a web VNC/KVM client, or
 * any other web server.
 */
export function greetingOfHttpAnswer(bytes: Buffer): Greeting {
  const asked = 'http';
  const http = splitHttp(bytes);
  if (!http) return { ...greetingOfRdpAnswer(bytes), asked };
  const server = http.headers.get('server') ?? '';
  if (switchedProtocols(http)) {
    const payload = firstFramePayload(http.body);
    if (payload && /^RFB \d{3}\.\d{3}/.test(payload.toString('latin1', 0, 11)))
      return {
        protocol: 'web-vnc',
        banner: `WebSocket relay to ${printable(payload.subarray(0, 11))}`,
        asked,
      };
  }
  if (/xpra/i.test(server))
    return { protocol: 'xpra', banner: `Server: ${printable(Buffer.from(server))}`, asked };
  if (/websockify|kasmvnc/i.test(server))
    return { protocol: 'web-vnc', banner: `Server: ${printable(Buffer.from(server))}`, asked };
  const marker = WEB_CLIENT_MARKERS.exec(http.body.toString('latin1'))?.[0];
  if (marker) return { protocol: 'web-vnc', banner: `page names ${marker}`, asked };
  return { protocol: 'http', banner: printable(Buffer.from(http.status)), asked };
}

const switchedProtocols = (http: HttpAnswer): boolean => /^HTTP\/1\.\d 101\b/.test(http.status);

/**
 * A WebSocket endpoint that accepted the upgrade and waits for its own client to speak (xpra's):
 * HTTP told us nothing, so its client-first protocol is asked next.
 */
export function silentWebSocket(bytes: Buffer): boolean {
  const http = splitHttp(bytes);
  return http !== null && switchedProtocols(http) && http.body.length === 0 && !http.headers.has('server');
}

/** Enough of an HTTP answer: a relayed greeting line, a body as long as the server said, its last chunk. */
export function httpAnswerComplete(bytes: Buffer): boolean {
  const http = splitHttp(bytes);
  if (!http || !bytes.includes('\r\n\r\n')) return false;
  if (switchedProtocols(http)) return http.body.includes(0x0a);
  if (/chunked/i.test(http.headers.get('transfer-encoding') ?? ''))
    return http.body.includes('\r\n0\r\n\r\n');
  const length = Number(http.headers.get('content-length') ?? NaN);
  return Number.isInteger(length) && http.body.length >= length;
}
