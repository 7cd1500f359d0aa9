/**
 * The first message of protocols whose client speaks first, sent to a listening socket that stayed
 * silent. Each is what a real client sends and no more: nothing authenticates, nothing follows.
 */

/**
 * RDP: a TPKT header (RFC 1006) around an X.224 Connection Request TPDU (ITU-T X.224 13.3) carrying
 * an RDP_NEG_REQ that offers TLS and CredSSP ([MS-RDPBCGR] 2.2.1.1, 2.2.1.1.1). Every RDP server
 * answers with an X.224 Connection Confirm (TPDU code 0xD0), with RDP_NEG_RSP or RDP_NEG_FAILURE.
 */
export const RDP_CONNECTION_REQUEST = Buffer.from([
  // TPKT: version 3, reserved, length 19
  0x03, 0x00, 0x00, 0x13,
  // X.224 CR: length indicator 14, CR code 0xE0, dst-ref 0, src-ref 0, class 0
  0x0e, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00,
  // RDP_NEG_REQ: type 1, flags 0, length 8, requestedProtocols PROTOCOL_SSL | PROTOCOL_HYBRID
  0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00, 0x00,
]);

/**
 * HTTP: a GET of `/` that also asks for a WebSocket upgrade (RFC 6455 4.1) with noVNC's `binary`
 * subprotocol. A web server answers with its page; a WebSocket-to-VNC relay (websockify) switches
 * protocols and forwards the VNC server's own greeting; xpra's HTTP server names itself.
 */
export const WEB_CLIENT_REQUEST = Buffer.from(
  [
    'GET / HTTP/1.1',
    'Host: localhost',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: SGlyZVByb29mIHByb2JlIQ==',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Protocol: binary',
    'User-Agent: HireProof',
    '',
    '',
  ].join('\r\n'),
  'latin1',
);
