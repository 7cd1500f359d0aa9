import { connect, type Socket } from 'node:net';

/**
 * A VNC viewer's side of the Remote Framebuffer protocol, written from RFC 6143 for the input-step
 * tests: version 3.8, security type None, raw and CopyRect rectangles into a 32-bit framebuffer,
 * and KeyEvent / PointerEvent messages. Like an ordinary viewer it asks for the next incremental
 * update as soon as one has arrived, so it sees the remote screen as soon as the link allows.
 */

const VERSION = 'RFB 003.008\n';
const SECURITY_NONE = 1;
const ENCODING = { raw: 0, copyRect: 1, desktopSize: -223 } as const;
const CLIENT = {
  setPixelFormat: 0,
  setEncodings: 2,
  updateRequest: 3,
  keyEvent: 4,
  pointerEvent: 5,
} as const;
const SERVER = { framebufferUpdate: 0, colourMap: 1, bell: 2, cutText: 3 } as const;
/** Refuse a server that announces absurd sizes rather than allocate them. */
const MAX_TEXT = 1 << 20;

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Reads exact byte counts from a socket, in order (RFB messages have no framing of their own). */
class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      this.wake();
    });
    socket.on('close', () => this.fail(new Error('the VNC server closed the connection')));
    socket.on('error', (error) => this.fail(error));
  }

  async read(length: number): Promise<Buffer> {
    while (this.buffered < length) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}

export class RfbClient {
  /** The remote screen as 32-bit pixels, bytes B, G, R, unused (the pixel format this client sets). */
  private framebuffer: Buffer;
  private readonly updateListeners = new Set<(at: number) => void>();
  private closed = false;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly socket: Socket,
    private readonly reader: ByteReader,
    public width: number,
    public height: number,
    /** The desktop name from ServerInit. */
    readonly name: string,
  ) {
    this.framebuffer = Buffer.alloc(width * height * 4);
    this.loop = this.receive().catch((error: unknown) => {
      if (!this.closed) throw error;
    });
    // Nobody awaits the loop until close(); a protocol error would otherwise go unreported.
    this.loop.catch(() => undefined);
  }

  /** Connects, does the 3.8 handshake with security type None, and starts receiving the screen. */
  static async connect(host: string, port: number): Promise<RfbClient> {
    const socket = connect({ host, port });
    // A viewer sends each input event at once rather than waiting to fill a segment (Nagle).
    socket.setNoDelay(true);
    const reader = new ByteReader(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });

    const version = (await reader.read(12)).toString('latin1');
    if (!/^RFB \d{3}\.\d{3}\n$/.test(version))
      throw new Error(`not an RFB server: ${JSON.stringify(version)}`);
    if (version < VERSION) throw new Error(`server speaks ${version.trim()}, this client needs 3.8`);
    socket.write(VERSION);

    const count = (await reader.read(1)).readUInt8(0);
    if (count === 0) throw new Error(`server refused the connection: ${await readText(reader)}`);
    const types = [...(await reader.read(count))];
    if (!types.includes(SECURITY_NONE)) {
      throw new Error(`server offers security types ${types.join(', ')}, not None (1)`);
    }
    socket.write(Buffer.from([SECURITY_NONE]));
    if ((await reader.read(4)).readUInt32BE(0) !== 0) {
      throw new Error(`security handshake failed: ${await readText(reader)}`);
    }

    socket.write(Buffer.from([1])); // ClientInit: share the desktop with other viewers.
    const init = await reader.read(24);
    const width = init.readUInt16BE(0);
    const height = init.readUInt16BE(2);
    const name = await readText(reader, init.readUInt32BE(20));

    socket.write(pixelFormatMessage());
    socket.write(encodingsMessage([ENCODING.copyRect, ENCODING.raw, ENCODING.desktopSize]));
    socket.write(updateRequest(false, width, height));
    return new RfbClient(socket, reader, width, height, name);
  }

  /** X11 keysym down or up (RFC 6143 §7.5.4). */
  key(keysym: number, down: boolean): void {
    const message = Buffer.alloc(8);
    message.writeUInt8(CLIENT.keyEvent, 0);
    message.writeUInt8(down ? 1 : 0, 1);
    message.writeUInt32BE(keysym, 4);
    this.socket.write(message);
  }

  /** Pointer position and buttons (bit 0 left, 1 middle, 2 right; RFC 6143 §7.5.5). */
  pointer(x: number, y: number, buttons: number): void {
    const message = Buffer.alloc(6);
    message.writeUInt8(CLIENT.pointerEvent, 0);
    message.writeUInt8(buttons, 1);
    message.writeUInt16BE(clamp(Math.round(x), this.width), 2);
    message.writeUInt16BE(clamp(Math.round(y), this.height), 4);
    this.socket.write(message);
  }

  pixel(x: number, y: number): Rgb {
    const at = (y * this.width + x) * 4;
    return { r: this.framebuffer[at + 2]!, g: this.framebuffer[at + 1]!, b: this.framebuffer[at]! };
  }

  /** Calls back with `performance.now()` each time a whole framebuffer update has arrived. */
  onUpdate(listener: (at: number) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.socket.destroy();
    await this.loop;
  }

  private async receive(): Promise<void> {
    for (;;) {
      const type = (await this.reader.read(1)).readUInt8(0);
      switch (type) {
        case SERVER.framebufferUpdate: {
          const rects = (await this.reader.read(3)).readUInt16BE(1);
          for (let i = 0; i < rects; i++) await this.rectangle();
          // Ask for the next change before anything else, as a viewer does, then show this one.
          this.socket.write(updateRequest(true, this.width, this.height));
          const at = performance.now();
          for (const listener of this.updateListeners) listener(at);
          break;
        }
        case SERVER.colourMap: {
          const entries = (await this.reader.read(5)).readUInt16BE(3);
          await this.reader.read(entries * 6); // Only used with colour-map pixel formats; this one is true colour.
          break;
        }
        case SERVER.bell:
          break;
        case SERVER.cutText:
          await this.reader.read(3);
          await readText(this.reader);
          break;
        default:
          throw new Error(`unknown RFB server message type ${type}`);
      }
    }
  }

  private async rectangle(): Promise<void> {
    const header = await this.reader.read(12);
    const x = header.readUInt16BE(0);
    const y = header.readUInt16BE(2);
    const w = header.readUInt16BE(4);
    const h = header.readUInt16BE(6);
    const encoding = header.readInt32BE(8);
    switch (encoding) {
      case ENCODING.raw: {
        const pixels = await this.reader.read(w * h * 4);
        for (let row = 0; row < h; row++) {
          const at = ((y + row) * this.width + x) * 4;
          pixels.copy(this.framebuffer, at, row * w * 4, (row + 1) * w * 4);
        }
        break;
      }
      case ENCODING.copyRect: {
        const source = await this.reader.read(4);
        this.copyRect(source.readUInt16BE(0), source.readUInt16BE(2), x, y, w, h);
        break;
      }
      case ENCODING.desktopSize:
        this.width = w;
        this.height = h;
        this.framebuffer = Buffer.alloc(w * h * 4);
        break;
      default:
        throw new Error(`server sent encoding ${encoding}, which this client did not ask for`);
    }
  }

  private copyRect(fromX: number, fromY: number, x: number, y: number, w: number, h: number): void {
    const source = Buffer.alloc(w * h * 4);
    for (let row = 0; row < h; row++) {
      const at = ((fromY + row) * this.width + fromX) * 4;
      this.framebuffer.copy(source, row * w * 4, at, at + w * 4);
    }
    for (let row = 0; row < h; row++) {
      source.copy(this.framebuffer, ((y + row) * this.width + x) * 4, row * w * 4, (row + 1) * w * 4);
    }
  }
}

/** 32 bits per pixel, depth 24, little-endian true colour with red in bits 16–23. */
function pixelFormatMessage(): Buffer {
  const message = Buffer.alloc(20);
  message.writeUInt8(CLIENT.setPixelFormat, 0);
  const format = 4;
  message.writeUInt8(32, format); // bits per pixel
  message.writeUInt8(24, format + 1); // depth
  message.writeUInt8(0, format + 2); // big-endian flag
  message.writeUInt8(1, format + 3); // true colour
  message.writeUInt16BE(255, format + 4);
  message.writeUInt16BE(255, format + 6);
  message.writeUInt16BE(255, format + 8);
  message.writeUInt8(16, format + 10);
  message.writeUInt8(8, format + 11);
  message.writeUInt8(0, format + 12);
  return message;
}

function encodingsMessage(encodings: readonly number[]): Buffer {
  const message = Buffer.alloc(4 + 4 * encodings.length);
  message.writeUInt8(CLIENT.setEncodings, 0);
  message.writeUInt16BE(encodings.length, 2);
  encodings.forEach((encoding, i) => message.writeInt32BE(encoding, 4 + 4 * i));
  return message;
}

function updateRequest(incremental: boolean, width: number, height: number): Buffer {
  const message = Buffer.alloc(10);
  message.writeUInt8(CLIENT.updateRequest, 0);
  message.writeUInt8(incremental ? 1 : 0, 1);
  message.writeUInt16BE(width, 6);
  message.writeUInt16BE(height, 8);
  return message;
}

/** A u32 length and that many Latin-1 bytes (reasons and names); the length may be read already. */
async function readText(reader: ByteReader, known?: number): Promise<string> {
  const length = known ?? (await reader.read(4)).readUInt32BE(0);
  if (length > MAX_TEXT) throw new Error(`server announced a ${length}-byte string`);
  return (await reader.read(length)).toString('latin1');
}

function clamp(value: number, size: number): number {
  return Math.min(Math.max(value, 0), size - 1);
}
