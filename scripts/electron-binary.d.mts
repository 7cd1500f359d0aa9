/** The Electron binary npm installed, or null where it could not be downloaded. */
export function electronBinary(): string | null;
