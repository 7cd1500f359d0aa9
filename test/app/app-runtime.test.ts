import { describe, expect, it } from 'vitest';
import { electronRuntime } from '../../main/app/app-runtime';

/** The three members of Electron's `app` that the runtime reads; only `exe` is a path it may ask for. */
function fakeApp(isPackaged: boolean) {
  const asked: string[] = [];
  const app = {
    isPackaged,
    getPath(name: Parameters<Electron.App['getPath']>[0]) {
      asked.push(name);
      if (name !== 'exe') throw new Error(`app.getPath('${name}') is not what app.integrity verifies`);
      return '/opt/HireProof/hireproof';
    },
    getVersion: () => '1.4.0',
  };
  return { app, asked };
}

describe('electronRuntime', () => {
  it('a packaged app: its executable, its version and the resources folder holding app.asar', () => {
    const { app, asked } = fakeApp(true);
    expect(electronRuntime(app, '/opt/HireProof/resources')).toEqual({
      isPackaged: true,
      executablePath: '/opt/HireProof/hireproof',
      version: '1.4.0',
      resourcesPath: '/opt/HireProof/resources',
    });
    expect(asked).toEqual(['exe']);
  });

  it('unpackaged (electron . from a checkout): no resources folder, so nothing packaged is verified', () => {
    const { app } = fakeApp(false);
    expect(electronRuntime(app, '/work/node_modules/electron/dist/resources')).toEqual({
      isPackaged: false,
      executablePath: '/opt/HireProof/hireproof',
      version: '1.4.0',
      resourcesPath: null,
    });
  });
});
