import { describe, expect, it } from 'vitest';
import {
  bannerComplete,
  greetingOfBanner,
  greetingOfHttpAnswer,
  greetingOfRdpAnswer,
  httpAnswerComplete,
  rdpAnswerComplete,
  silentWebSocket,
} from '../../../main/probes/sockets/parse-greeting';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('greetings a server sends first', () => {
  it('tells SSH by its identification string, whatever the software', () => {
    expect(greetingOfBanner(bytes('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n'))).toEqual({
      protocol: 'ssh',
      banner: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10',
      asked: 'nothing',
    });
    expect(greetingOfBanner(bytes('SSH-2.0-dropbear_2022.83\r\n')).banner).toBe('SSH-2.0-dropbear_2022.83');
  });

  it('tells RFB by its ProtocolVersion, and telnet by its option negotiation', () => {
    expect(greetingOfBanner(bytes('RFB 003.008\n'))).toEqual({
      protocol: 'rfb',
      banner: 'RFB 003.008',
      asked: 'nothing',
    });
    expect(greetingOfBanner(bytes('RFB 003.003\n')).protocol).toBe('rfb');
    expect(greetingOfBanner(Buffer.from([0xff, 0xfd, 0x18, 0xff, 0xfd, 0x20])).protocol).toBe('telnet');
  });

  it('keeps anything else as printable text, never as remote control', () => {
    // MySQL's handshake packet: a length, a sequence number, protocol 10, then the version.
    const mysql = Buffer.concat([Buffer.from([0x4a, 0, 0, 0, 0x0a]), bytes('8.0.36\0')]);
    expect(greetingOfBanner(mysql)).toEqual({ protocol: 'other', banner: 'J....8.0.36.', asked: 'nothing' });
    expect(greetingOfBanner(bytes('RFB 3.8\n')).protocol).toBe('other');
  });

  it('waits for a whole line', () => {
    expect(bannerComplete(bytes('SSH-2.0-Open'))).toBe(false);
    expect(bannerComplete(bytes('RFB 003.008\n'))).toBe(true);
  });
});

describe('answers to an RDP connection request', () => {
  // freerdp-shadow-cli's answer, as captured here: TPKT, X.224 CC, RDP_NEG_RSP selecting TLS.
  const confirm = Buffer.from('030000130ed000000000000203080001000000', 'hex');

  it('tells RDP by the X.224 Connection Confirm and names the security it chose', () => {
    expect(greetingOfRdpAnswer(confirm)).toEqual({
      protocol: 'rdp',
      banner: 'X.224 Connection Confirm, TLS',
      asked: 'rdp',
    });
    const failure = Buffer.from('030000130ed000000000000300080005000000', 'hex');
    expect(greetingOfRdpAnswer(failure).banner).toBe('X.224 Connection Confirm, negotiation failure 5');
    expect(greetingOfRdpAnswer(Buffer.from('0300000b06d00000123400', 'hex')).banner).toBe(
      'X.224 Connection Confirm',
    );
  });

  it('tells xpra by its refusal, TLS by an alert and HTTP by its status line', () => {
    const xpra = bytes(
      'disconnect: connection failed, invalid packet header, character 0x3, not an xpra client??\n',
    );
    expect(greetingOfRdpAnswer(xpra)).toEqual({
      protocol: 'xpra',
      banner: 'disconnect: connection failed, invalid packet header, character 0x3, not an xpra client??',
      asked: 'rdp',
    });
    expect(greetingOfRdpAnswer(Buffer.from('150303000202', 'hex')).protocol).toBe('tls');
    expect(greetingOfRdpAnswer(bytes('HTTP/1.1 400 Bad Request\r\n\r\n')).protocol).toBe('http');
  });

  it('stops once the TPKT is whole', () => {
    expect(rdpAnswerComplete(confirm.subarray(0, 10))).toBe(false);
    expect(rdpAnswerComplete(confirm)).toBe(true);
  });
});

describe('answers to a GET with a WebSocket upgrade', () => {
  const switched =
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Accept: Sfuiaym1FQHzcvqiZJInfiOUoZw=\r\nSec-WebSocket-Protocol: binary\r\n\r\n';

  it('tells a WebSocket relay to a VNC server by the RFB greeting it forwards (websockify)', () => {
    const relayed = Buffer.concat([bytes(switched), Buffer.from([0x82, 0x0c]), bytes('RFB 003.008\n')]);
    expect(greetingOfHttpAnswer(relayed)).toEqual({
      protocol: 'web-vnc',
      banner: 'WebSocket relay to RFB 003.008',
      asked: 'http',
    });
    expect(httpAnswerComplete(relayed)).toBe(true);
  });

  it('asks on when a WebSocket endpoint waits for its own client (xpra)', () => {
    expect(silentWebSocket(bytes(switched))).toBe(true);
    expect(httpAnswerComplete(bytes(switched))).toBe(false);
  });

  it('tells xpra and websockify by the server they name, and web VNC clients by their page', () => {
    expect(
      greetingOfHttpAnswer(
        bytes('HTTP/1.0 200 OK\r\nServer: Xpra-WebSocket-Server Python/3.11.2\r\n\r\n<html>'),
      ),
    ).toMatchObject({ protocol: 'xpra', banner: 'Server: Xpra-WebSocket-Server Python/3.11.2' });
    expect(
      greetingOfHttpAnswer(
        bytes('HTTP/1.0 405 Method Not Allowed\r\nServer: WebSockify Python/3.11.2\r\n\r\n'),
      ).protocol,
    ).toBe('web-vnc');
    const novnc = bytes('HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n<html><title>noVNC</title></html>');
    expect(greetingOfHttpAnswer(novnc)).toMatchObject({ protocol: 'web-vnc', banner: 'page names noVNC' });
  });

  it('calls any other web server plain HTTP', () => {
    const page = bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    expect(greetingOfHttpAnswer(page)).toEqual({
      protocol: 'http',
      banner: 'HTTP/1.1 200 OK',
      asked: 'http',
    });
    expect(httpAnswerComplete(page)).toBe(true);
    expect(
      httpAnswerComplete(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n')),
    ).toBe(false);
    expect(
      httpAnswerComplete(
        bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'),
      ),
    ).toBe(true);
  });
});
