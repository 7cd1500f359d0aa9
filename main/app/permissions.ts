import { isAppUrl } from './app-origin';

/** What Electron tells a permission request handler about a request (the parts used here). */
export interface PermissionRequestDetails {
  requestingUrl?: string;
  mediaTypes?: string[];
}

/** Camera only (no microphone), only for our own page; every other permission is refused. */
export function allowPermissionRequest(permission: string, details: PermissionRequestDetails): boolean {
  const types = details.mediaTypes ?? [];
  return (
    permission === 'media' &&
    isAppUrl(details.requestingUrl ?? '') &&
    types.length > 0 &&
    types.every((t) => t === 'video')
  );
}

/** Synchronous checks (e.g. enumerateDevices labels): the same rule, for video only. */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: { mediaType?: string },
): boolean {
  return permission === 'media' && details.mediaType === 'video' && isAppUrl(requestingOrigin);
}

/** The parts of Electron's Session whose permission hooks are set here. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      origin: string,
      details: { mediaType?: string },
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function applyPermissionPolicy(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowPermissionRequest(permission, details)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin, details) =>
    allowPermissionCheck(permission, origin, details),
  );
  // WebUSB, WebHID, serial, Bluetooth: never.
  session.setDevicePermissionHandler(() => false);
}
