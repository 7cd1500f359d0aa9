import type { AppUpdater } from 'electron-updater';

/** The part of electron-updater's `autoUpdater` this module drives (a test passes a fake). */
export type Updater = Pick<
  AppUpdater,
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowDowngrade'
  | 'allowPrerelease'
>;

export class UpdateFeedRejected extends Error {}

/** A feed URL HireProof will download code from: HTTPS, with no credentials written into it. */
export function updateFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UpdateFeedRejected(`update feed '${raw}' is not a URL`);
  }
  if (url.protocol !== 'https:') {
    throw new UpdateFeedRejected(
      `update feed ${url.origin} is not HTTPS: updates are only fetched over HTTPS`,
    );
  }
  if (url.username || url.password) {
    throw new UpdateFeedRejected(
      `update feed ${url.host} carries credentials in its URL; serve it without them`,
    );
  }
  return url;
}

/**
 * Points electron-updater at the release feed and checks it. electron-updater then verifies what
 * it downloads: the SHA-512 in the feed's latest*.yml on every platform, the Authenticode publisher
 * baked into app-update.yml on Windows, and Squirrel.Mac's code-signature match on macOS.
 * No feed configured (a build from source) leaves updates off.
 */
export async function startUpdates(
  updater: Updater,
  feed: string | undefined,
): Promise<{ feed: string | null; latest: string | null }> {
  if (feed === undefined || feed === '') return { feed: null, latest: null };
  const url = updateFeedUrl(feed);
  updater.setFeedURL({ provider: 'generic', url: url.href });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // An older release may lack a fix or a fuse: never step back, never take a pre-release.
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  const result = await updater.checkForUpdates();
  return { feed: url.href, latest: result?.updateInfo.version ?? null };
}
