import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hireproof } from '../support/cli';
import { tempDir } from '../support/fake-electron';

describe('hireproof serve on a port already in use', () => {
  it('says so in one line and exits, leaving nothing running', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const { code, stdout, stderr } = await hireproof([
        'serve',
        '--port',
        port,
        '--data',
        await tempDir('serve-port'),
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim()).toBe(
        `hireproof serve: port ${port} on 127.0.0.1 is already in use (another HireProof service?); choose another with --port`,
      );
    } finally {
      taken.close();
    }
  }, 30_000);
});
