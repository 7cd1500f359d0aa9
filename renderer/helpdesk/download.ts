import type { DiagnosticsBundle } from '../../main/contract/ipc';

/** Saves the bundle main produced through the page's ordinary download (a save dialog in the app). */
export function downloadBundle(bundle: DiagnosticsBundle): void {
  const bytes = Uint8Array.from(atob(bundle.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = bundle.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
