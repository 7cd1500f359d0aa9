import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from './content-security-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface RendererFile {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * A built renderer file for a URL path, with the headers every copy of it is served with (the
 * app:// protocol and the browser shell alike). Null for anything outside the folder or missing.
 */
export async function readRendererFile(root: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const path = join(root, relative);
  if (relative.startsWith('..') || !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const type = CONTENT_TYPES[extname(path).toLowerCase()];
  if (!type) return null;
  const body = await readFile(path).catch(() => null);
  if (!body) return null;
  return {
    body,
    headers: {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy('/' + relative.split(sep).join('/')),
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  };
}
