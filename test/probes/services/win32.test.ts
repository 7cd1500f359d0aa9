import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { executableOfCommandLine, servicesFromWin32 } from '../../../main/probes/services/parse-win32';
import { recordedText } from '../../support/replay-host';

describe('Windows services from Win32_Service', () => {
  it('maps state and start mode, and the executable behind the service', () => {
    const services = servicesFromWin32(decodeJson(recordedText('win32', 'parsec', 'services.json'), 'test'));
    expect(services).toContainEqual({
      name: 'Parsec',
      state: 'running',
      path: 'C:\\Program Files\\Parsec\\pservice.exe',
    });
    expect(services).toContainEqual({
      name: 'RemoteRegistry',
      state: 'disabled',
      path: 'C:\\Windows\\system32\\svchost.exe',
    });
    expect(services.find((s) => s.name === 'TermService')?.state).toBe('stopped');
  });

  it('finds the executable in quoted and bare command lines', () => {
    expect(executableOfCommandLine('"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe" /svc')).toBe(
      'C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe',
    );
    expect(executableOfCommandLine('C:\\Program Files\\Odd Vendor\\agent.exe -k x')).toBe(
      'C:\\Program Files\\Odd Vendor\\agent.exe',
    );
    expect(executableOfCommandLine(null)).toBeNull();
  });
});
