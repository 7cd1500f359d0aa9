import type { CameraDevice } from './camera-choice';

/**
 * The cameras the browser offers. Labels stay empty until camera access is granted, so a first
 * short-lived stream is opened (and stopped) when they are missing.
 */
export async function listCameras(media: MediaDevices = navigator.mediaDevices): Promise<CameraDevice[]> {
  const videoInputs = async () =>
    (await media.enumerateDevices())
      .filter((d) => d.kind === 'videoinput')
      .map((d) => ({ deviceId: d.deviceId, label: d.label }));
  const first = await videoInputs();
  if (first.length === 0 || first.some((d) => d.label !== '')) return first;
  const probe = await media.getUserMedia({ video: true, audio: false });
  probe.getTracks().forEach((track) => track.stop());
  return videoInputs();
}

/** Opens the chosen camera, video only, and plays it into `video`. */
export async function openCamera(
  camera: CameraDevice,
  video: HTMLVideoElement,
  media: MediaDevices = navigator.mediaDevices,
): Promise<MediaStream> {
  const stream = await media.getUserMedia({
    audio: false,
    video: { deviceId: { exact: camera.deviceId }, width: { ideal: 640 }, height: { ideal: 480 } },
  });
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  return stream;
}

export function closeCamera(stream: MediaStream | null, video: HTMLVideoElement): void {
  stream?.getTracks().forEach((track) => track.stop());
  video.srcObject = null;
}
