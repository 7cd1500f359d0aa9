import type { UpdateCheckResult } from 'electron-updater';
import { describe, expect, it } from 'vitest';
import { startUpdates, UpdateFeedRejected, type Updater } from '../../main/app/updates';

/** electron-updater's autoUpdater as far as updates.ts drives it: records the feed, answers a check. */
function fakeUpdater(latest = '1.5.0') {
  const feeds: unknown[] = [];
  let checks = 0;
  const updater: Updater & { feeds: unknown[]; checks: () => number } = {
    feeds,
    checks: () => checks,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    allowPrerelease: true,
    setFeedURL: (options) => void feeds.push(options),
    checkForUpdates: () => {
      checks++;
      return Promise.resolve({ updateInfo: { version: latest } } as UpdateCheckResult);
    },
  };
  return updater;
}

describe('auto-update', () => {
  it('points electron-updater at an HTTPS generic feed and never steps back', async () => {
    const updater = fakeUpdater();
    const started = await startUpdates(updater, 'https://updates.hireproof.com/desktop/');
    expect(started).toEqual({ feed: 'https://updates.hireproof.com/desktop/', latest: '1.5.0' });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.hireproof.com/desktop/' }]);
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    });
    expect(updater.checks()).toBe(1);
  });

  it.each([
    ['http://updates.hireproof.com/', 'update feed http://updates.hireproof.com is not HTTPS'],
    ['file:///tmp/feed', 'is not HTTPS'],
    ['updates.hireproof.com', "update feed 'updates.hireproof.com' is not a URL"],
    ['https://ci:hunter2@updates.hireproof.com/', 'update feed updates.hireproof.com carries credentials'],
  ])('refuses %s before touching the updater', async (feed, message) => {
    const updater = fakeUpdater();
    const attempt = startUpdates(updater, feed);
    await expect(attempt).rejects.toThrow(UpdateFeedRejected);
    await expect(attempt).rejects.toThrow(message);
    expect(updater.feeds).toEqual([]);
    expect(updater.checks()).toBe(0);
  });

  it('stays off when no feed is configured (a build from source)', async () => {
    const updater = fakeUpdater();
    expect(await startUpdates(updater, undefined)).toEqual({ feed: null, latest: null });
    expect(updater.checks()).toBe(0);
  });
});
