import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../main/app/app-protocol';
import { contentSecurityPolicy } from '../../main/app/content-security-policy';

describe('the app:// protocol', () => {
  let root = '';
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'hireproof-renderer-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await mkdir(join(root, 'face'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'face', 'index.html'), '<!doctype html><title>camera</title>');
    await writeFile(join(base, 'secret.txt'), 'do not serve');
    handler = appProtocolHandler(root);
  });

  const get = (url: string) => handler(new Request(url));

  it('serves the built renderer with the CSP, nosniff and the right type', async () => {
    const response = await get('app://hireproof/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('wasm-unsafe-eval');
    expect(await response.text()).toContain('<title>t</title>');
    expect((await get('app://hireproof/assets/app.js')).headers.get('content-type')).toMatch(
      /^text\/javascript/,
    );
  });

  it("allows WebAssembly only in the camera step's document, which only the app's page may frame", async () => {
    const face = (await get('app://hireproof/face/index.html')).headers.get('content-security-policy') ?? '';
    expect(face).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(face).toContain("frame-ancestors 'self'");
    expect(face).toContain("frame-src 'none'");
    const page = (await get('app://hireproof/index.html')).headers.get('content-security-policy') ?? '';
    expect(page).toContain("frame-src 'self'");
    expect(page).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('/assets/face.js')).not.toContain('wasm-unsafe-eval');
  });

  it.each([
    'app://hireproof/../secret.txt',
    'app://hireproof/%2e%2e/secret.txt',
    'app://hireproof/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://hireproof/..%5csecret.txt',
    'app://hireproof/missing.js',
    'app://hireproof/%E0%A4%A',
    'app://hireproof/index.html%00.js',
    'app://other/index.html',
  ])('answers 404 for %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('serves only GET', async () => {
    expect(
      (await handler(new Request('app://hireproof/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(404);
  });
});
