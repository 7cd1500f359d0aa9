import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { realHost, sysrootHost } from '../../../main/probes/host';
import { dpkgProvenance } from '../../../main/probes/packages/linux';
import { recordedMd5 } from '../../../main/probes/packages/parse-dpkg';
import { SysrootBuilder } from '../../support/sysroot';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** dpkg's database as dpkg writes it: one .list of paths and one .md5sums per package. */
async function machine() {
  const b = await SysrootBuilder.create();
  await b.file('usr/sbin/sshd', 'openssh sshd bytes');
  await b.file('usr/sbin/dropbear', 'dropbear patched after install');
  await b.file('home/hire/.local/bin/syncd', 'openssh sshd bytes');
  await b.file('var/lib/dpkg/info/openssh-server.list', '/.\n/usr\n/usr/sbin\n/usr/sbin/sshd\n');
  await b.file('var/lib/dpkg/info/openssh-server.md5sums', `${md5('openssh sshd bytes')}  usr/sbin/sshd\n`);
  await b.file('var/lib/dpkg/info/dropbear-bin:amd64.list', '/.\n/usr/sbin/dropbear\n');
  await b.file(
    'var/lib/dpkg/info/dropbear-bin:amd64.md5sums',
    `${md5('dropbear as shipped')}  usr/sbin/dropbear\n`,
  );
  return sysrootHost(b.root);
}

const file = (path: string) => ({ path, image: '/proc/4242/exe' });

describe('dpkgProvenance', () => {
  it('names the owning package and checks the bytes against its recorded MD5', async () => {
    const found = await dpkgProvenance(await machine(), [
      file('/usr/sbin/sshd'),
      file('/usr/sbin/dropbear'),
      file('/home/hire/.local/bin/syncd'),
    ]);
    expect(found.get('/usr/sbin/sshd')).toEqual({
      manager: 'dpkg',
      package: 'openssh-server',
      verified: true,
    });
    expect(found.get('/usr/sbin/dropbear')).toEqual({
      manager: 'dpkg',
      package: 'dropbear-bin',
      verified: false,
    });
    // The same bytes copied elsewhere: no package owns the copy.
    expect(found.get('/home/hire/.local/bin/syncd')).toEqual({
      manager: 'dpkg',
      package: null,
      verified: false,
    });
  });

  it('finds a file dpkg lists under its pre-usrmerge path', async () => {
    const b = await SysrootBuilder.create();
    await b.file('usr/sbin/telnetd', 'x');
    await b.file('var/lib/dpkg/info/inetutils-telnetd.list', '/sbin/telnetd\n');
    await b.file('var/lib/dpkg/info/inetutils-telnetd.md5sums', `${md5('x')}  sbin/telnetd\n`);
    const found = await dpkgProvenance(sysrootHost(b.root), [file('/usr/sbin/telnetd')]);
    expect(found.get('/usr/sbin/telnetd')).toEqual({
      manager: 'dpkg',
      package: 'inetutils-telnetd',
      verified: true,
    });
  });

  it('says nothing without a dpkg database', async () => {
    const host = sysrootHost((await SysrootBuilder.create()).root);
    expect((await dpkgProvenance(host, [file('/usr/sbin/sshd')])).get('/usr/sbin/sshd')).toBeNull();
  });

  it("verifies this machine's own OpenSSH server", async () => {
    const found = await dpkgProvenance(realHost('linux'), [
      { path: '/usr/sbin/sshd', image: '/usr/sbin/sshd' },
    ]);
    expect(found.get('/usr/sbin/sshd')).toEqual({
      manager: 'dpkg',
      package: 'openssh-server',
      verified: true,
    });
  });

  it('reads md5sums lines', () => {
    expect(recordedMd5('83118f56a77ffa5a59958f15e8c01ee1  usr/sbin/sshd\n', '/usr/sbin/sshd')).toBe(
      '83118f56a77ffa5a59958f15e8c01ee1',
    );
    expect(recordedMd5('83118f56a77ffa5a59958f15e8c01ee1  usr/sbin/sshd\n', '/usr/sbin/ssh')).toBeNull();
  });
});
