import { describe, expect, it } from 'vitest';
import {
  mappedFor,
  mappedLibraries,
  nodeFlags,
  parseLdPreloadEnv,
  parseLdSoPreload,
  parseStat,
  parseTracerPid,
  parseUidMap,
  processTable,
  procHidepidFromMounts,
  procHidepidFromMountinfo,
  type StatRow,
} from '../../../main/probes/runtime/parse-linux';

const table = (rows: StatRow[]) => new Map(rows.map((row) => [row.pid, row]));
const user = (pid: number, ppid: number, comm = 'x'): StatRow => ({
  pid,
  comm,
  ppid,
  session: pid,
  flags: 0x400000,
});

describe('runtime parsers (proc(5), ld.so(8), user_namespaces(7))', () => {
  it('reads stat with a comm holding spaces and parentheses, the session and the PF_KTHREAD flag', () => {
    expect(parseStat('2 (kthreadd) S 0 0 0 0 -1 2129984 0 0')).toEqual({
      pid: 2,
      comm: 'kthreadd',
      ppid: 0,
      session: 0,
      flags: 2129984,
    });
    expect(parseStat('3012 (bash) S 3010 3012 3012 34816 3050 4194560 0')?.session).toBe(3012);
    expect(parseStat('77 (a (b) c) S 12 77 77 0 -1 4194304 0')?.comm).toBe('a (b) c');
    expect(parseStat('garbage')).toBeNull();
  });

  it('reads TracerPid, and the uid map with its padding collapsed', () => {
    expect(parseTracerPid('Name:\tnode\nTracerPid:\t5150\nUid:\t1000\n')).toBe(5150);
    expect(parseTracerPid('Name:\tnode\n')).toBe(0);
    expect(parseUidMap('         0          0 4294967295\n')).toEqual(['0 0 4294967295']);
  });

  it('splits LD_PRELOAD on colons and spaces, and ld.so.preload on whitespace without comments', () => {
    expect(parseLdPreloadEnv('/a/x.so:/b/y.so z.so')).toEqual(['/a/x.so', '/b/y.so', 'z.so']);
    expect(parseLdSoPreload('# snoopy\n/usr/lib/x86_64-linux-gnu/libsnoopy.so\n\n')).toEqual([
      '/usr/lib/x86_64-linux-gnu/libsnoopy.so',
    ]);
  });

  it('lists mapped libraries once, and finds a preload by path, $LIB or bare name', () => {
    const maps = [
      '7f00-7f10 r--p 00000000 103:02 1 /usr/lib/x86_64-linux-gnu/libc.so.6',
      '7f10-7f20 r-xp 00001000 103:02 1 /usr/lib/x86_64-linux-gnu/libc.so.6',
      '7f20-7f30 r-xp 00000000 103:02 2 /usr/lib/libsnoopy.so',
      '7f30-7f40 r-xp 00000000 00:1f 3 /tmp/x/libhook.so (deleted)',
      '7f40-7f50 r--p 00000000 103:02 4 /usr/share/locale/C.utf8/LC_CTYPE',
      '7ffd-7ffe rw-p 00000000 00:00 0 [stack]',
    ].join('\n');
    const libs = mappedLibraries(maps);
    expect(libs).toEqual([
      '/usr/lib/x86_64-linux-gnu/libc.so.6',
      '/usr/lib/libsnoopy.so',
      '/tmp/x/libhook.so',
    ]);
    expect(mappedFor('/usr/$LIB/libsnoopy.so', libs)).toBe('/usr/lib/libsnoopy.so');
    expect(mappedFor('libhook.so', libs)).toBe('/tmp/x/libhook.so');
    expect(mappedFor('/opt/none.so', libs)).toBeNull();
  });

  it("takes Node's loader and debugger flags from before the script and from NODE_OPTIONS", () => {
    expect(
      nodeFlags(['node', '-r', './a.cjs', '--inspect=0.0.0.0:9229', 'app.js', '--require', 'b'], undefined),
    ).toEqual([
      { flag: '-r', source: 'cmdline', target: './a.cjs' },
      { flag: '--inspect', source: 'cmdline', target: null },
    ]);
    expect(
      nodeFlags(['node', 'app.js'], '--max-old-space-size=4096 --import="/h/x.mjs" --loader "/h/my l.mjs"'),
    ).toEqual([
      { flag: '--import', source: 'NODE_OPTIONS', target: '/h/x.mjs' },
      { flag: '--loader', source: 'NODE_OPTIONS', target: '/h/my l.mjs' },
    ]);
  });

  it('reads hidepid from mountinfo and /proc/mounts, ignoring hidepid=0', () => {
    const line = (opts: string) => `23 22 0:21 / /proc rw,nosuid,relatime shared:12 - proc proc ${opts}`;
    expect(procHidepidFromMountinfo(line('rw,hidepid=2'))).toBe('2');
    expect(procHidepidFromMountinfo(line('rw,hidepid=invisible,gid=4'))).toBe('invisible');
    expect(procHidepidFromMountinfo(line('rw'))).toBeNull();
    expect(procHidepidFromMounts('proc /proc proc rw,relatime,hidepid=0 0 0\n')).toBeNull();
    expect(procHidepidFromMounts('proc /proc proc rw,relatime,hidepid=1 0 0\n')).toBe('1');
  });

  it('tells a full process table from one that holds only our own tree', () => {
    const kthreadd: StatRow = { pid: 2, comm: 'kthreadd', ppid: 0, session: 0, flags: 0x208040 };
    expect(processTable(50, table([user(1, 0), kthreadd, user(40, 1), user(50, 40), user(60, 1)]))).toEqual({
      visible: 5,
      kernelThreads: true,
      onlyOwnTree: false,
    });
    expect(processTable(2, table([user(1, 0, 'sh'), user(2, 1), user(3, 2)]))).toEqual({
      visible: 3,
      kernelThreads: false,
      onlyOwnTree: true,
    });
  });
});
