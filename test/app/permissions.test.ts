import { describe, expect, it } from 'vitest';
import {
  allowPermissionCheck,
  allowPermissionRequest,
  applyPermissionPolicy,
  type PermissionRequestDetails,
  type PermissionSession,
} from '../../main/app/permissions';

const ours = 'app://hireproof/index.html';

describe('the permission handler', () => {
  it("grants the camera alone to our own page and the camera step's frame", () => {
    expect(allowPermissionRequest('media', { requestingUrl: ours, mediaTypes: ['video'] })).toBe(true);
    const frame = 'app://hireproof/face/index.html';
    expect(allowPermissionRequest('media', { requestingUrl: frame, mediaTypes: ['video'] })).toBe(true);
  });

  it.each<[string, string, PermissionRequestDetails]>([
    ['the microphone', 'media', { requestingUrl: ours, mediaTypes: ['audio'] }],
    ['camera and microphone together', 'media', { requestingUrl: ours, mediaTypes: ['video', 'audio'] }],
    ['media with no type named', 'media', { requestingUrl: ours, mediaTypes: [] }],
    [
      'the camera for another origin',
      'media',
      { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] },
    ],
    [
      'the camera for a file:// page',
      'media',
      { requestingUrl: 'file:///tmp/x.html', mediaTypes: ['video'] },
    ],
    [
      'the camera for a look-alike host',
      'media',
      { requestingUrl: 'app://hireproof.evil/', mediaTypes: ['video'] },
    ],
    ['notifications', 'notifications', { requestingUrl: ours }],
    ['geolocation', 'geolocation', { requestingUrl: ours }],
    ['clipboard reading', 'clipboard-read', { requestingUrl: ours }],
    ['screen capture', 'display-capture', { requestingUrl: ours }],
    ['no requesting URL', 'media', { mediaTypes: ['video'] }],
  ])('refuses %s', (_name, permission, details) => {
    expect(allowPermissionRequest(permission, details)).toBe(false);
  });

  it('answers permission checks with the same rule', () => {
    expect(allowPermissionCheck('media', 'app://hireproof', { mediaType: 'video' })).toBe(true);
    expect(allowPermissionCheck('media', 'app://hireproof', { mediaType: 'audio' })).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(allowPermissionCheck('geolocation', 'app://hireproof', {})).toBe(false);
  });

  it('is installed on the session, with device access (USB, HID, serial) always refused', () => {
    const installed: Partial<Record<'request' | 'check' | 'device', (...args: never[]) => unknown>> = {};
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (installed.request = h),
      setPermissionCheckHandler: (h) => void (installed.check = h),
      setDevicePermissionHandler: (h) => void (installed.device = h),
    };
    applyPermissionPolicy(session);
    const answers: boolean[] = [];
    const request = installed.request as Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    request({}, 'media', (granted) => answers.push(granted), { requestingUrl: ours, mediaTypes: ['video'] });
    request({}, 'media', (granted) => answers.push(granted), { requestingUrl: ours, mediaTypes: ['audio'] });
    expect(answers).toEqual([true, false]);
    expect((installed.device as () => boolean)()).toBe(false);
  });
});
