import { describe, expect, it } from 'vitest';
import { listsPath, md5Of, packageOfList } from '../../../main/probes/packages/parse-dpkg';

describe("dpkg's records", () => {
  it('finds a path in a .list and its MD5 in .md5sums (relative there)', () => {
    expect(listsPath('/.\n/opt\n/opt/zscaler/bin/zstunnel\n', '/opt/zscaler/bin/zstunnel')).toBe(true);
    expect(listsPath('/opt/zscaler/bin/zstunnel.bak\n', '/opt/zscaler/bin/zstunnel')).toBe(false);
    const sums = 'bfdea570547f97963e7fd511a17c251a  opt/zscaler/bin/zstunnel\n';
    expect(md5Of(sums, '/opt/zscaler/bin/zstunnel')).toBe('bfdea570547f97963e7fd511a17c251a');
    expect(md5Of(sums, '/opt/zscaler/bin/zsaservice')).toBeNull();
  });

  it('names the package of a multi-arch list', () => {
    expect(packageOfList('globalprotect:amd64.list')).toBe('globalprotect:amd64');
    expect(packageOfList('globalprotect.md5sums')).toBeNull();
  });
});
