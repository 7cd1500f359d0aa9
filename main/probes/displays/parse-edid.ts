import { pnpIdFromCode } from '../pnp-id';
import type { Edid } from './display';

export interface ParsedEdid {
  edid: Edid | null;
  /** What is wrong with the bytes; set with `edid` too when only the checksum is off. */
  error: string | null;
}

const HEADER = [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
const BLOCK = 128;
const DESCRIPTORS = [54, 72, 90, 108];
const MONITOR_NAME = 0xfc;
const SERIAL_STRING = 0xff;

/** A display descriptor's text: up to 13 bytes, ended by a line feed, padded with spaces. */
function descriptorText(block: Uint8Array, offset: number): string {
  const bytes = [...block.subarray(offset + 5, offset + 18)];
  const end = bytes.indexOf(0x0a);
  return (end === -1 ? bytes : bytes.slice(0, end))
    .map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?'))
    .join('')
    .trim();
}

function descriptor(block: Uint8Array, tag: number): string | null {
  for (const offset of DESCRIPTORS) {
    // A display descriptor starts with a zero pixel clock; anything else is a timing.
    if (block[offset] === 0 && block[offset + 1] === 0 && block[offset + 3] === tag) {
      return descriptorText(block, offset);
    }
  }
  return null;
}

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** Reads the identity in an EDID's base block. Never throws: malformed bytes come back as `error`. */
/** `digest` hashes the base block (sha256, hex); the reader passes node:crypto's, keeping this pure. */
export function parseEdid(bytes: Uint8Array, digest: (block: Uint8Array) => string): ParsedEdid {
  if (bytes.length === 0) return { edid: null, error: 'the display gave an empty EDID' };
  if (bytes.length < BLOCK) {
    return { edid: null, error: `the EDID is truncated: ${bytes.length} bytes, a base block needs ${BLOCK}` };
  }
  const block = bytes.subarray(0, BLOCK);
  if (!HEADER.every((b, i) => block[i] === b)) {
    return {
      edid: null,
      error: `not an EDID: it starts ${hex(block.subarray(0, 8))}, not 00 ff ff ff ff ff ff 00`,
    };
  }
  const sum = block.reduce((total, b) => (total + b) & 0xff, 0);
  const edid: Edid = {
    manufacturerId: pnpIdFromCode((block[8]! << 8) | block[9]!) ?? '???',
    productCode: block[10]! | (block[11]! << 8),
    serialNumber: (block[12]! | (block[13]! << 8) | (block[14]! << 16) | (block[15]! << 24)) >>> 0,
    week: block[16]!,
    year: 1990 + block[17]!,
    monitorName: descriptor(block, MONITOR_NAME),
    serialString: descriptor(block, SERIAL_STRING),
    sha256Block0: digest(block),
  };
  return {
    edid,
    error:
      sum === 0
        ? null
        : `the EDID base block checksum is wrong (bytes sum to 0x${sum.toString(16)} mod 256, not 0)`,
  };
}
