import { describe, expect, it } from 'vitest';
import { chooseCamera } from '../../../renderer/face/camera-choice';

const camera = (label: string, deviceId = label) => ({ deviceId, label });

describe('chooseCamera', () => {
  it('prefers the built-in camera over an external one', () => {
    const choice = chooseCamera([
      camera('Logitech BRIO (046d:085e)'),
      camera('Integrated Camera (04f2:b6d9)'),
    ]);
    expect(choice.camera?.label).toBe('Integrated Camera (04f2:b6d9)');
    expect(choice.refused).toEqual([]);
  });

  it('takes an external physical camera when there is no built-in one', () => {
    expect(chooseCamera([camera('Logitech BRIO (046d:085e)')]).camera?.label).toBe(
      'Logitech BRIO (046d:085e)',
    );
  });

  it('refuses virtual cameras and capture dongles, saying why, and keeps the real one', () => {
    const choice = chooseCamera([
      camera('OBS Virtual Camera'),
      camera('USB Video (534d:2109)'),
      camera('FaceTime HD Camera'),
    ]);
    expect(choice.camera?.label).toBe('FaceTime HD Camera');
    expect(choice.refused.map((r) => r.label)).toEqual(['OBS Virtual Camera', 'USB Video (534d:2109)']);
    expect(choice.refused[0]!.reason).toMatch(/virtual camera/);
    expect(choice.refused[1]!.reason).toMatch(/capture dongle/);
  });

  it('chooses nothing when only virtual cameras exist, and says so', () => {
    const choice = chooseCamera([camera('OBS Virtual Camera'), camera('v4l2loopback Dummy video device')]);
    expect(choice.camera).toBeNull();
    expect(choice.reason).toMatch(/no physical camera: "OBS Virtual Camera" is a known virtual camera/);
  });

  it('explains an empty list and hidden labels', () => {
    expect(chooseCamera([]).reason).toBe('no camera found');
    expect(chooseCamera([camera('', 'abc')]).reason).toMatch(/hidden until camera access is allowed/);
  });
});
