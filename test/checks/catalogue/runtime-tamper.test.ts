import { describe, expect, it } from 'vitest';
import { runtimeTamperCheck } from '../../../main/checks/catalogue/runtime-tamper';
import { defaultPolicy } from '../../../main/contract/policy';
import type { RuntimeFacts } from '../../../main/probes/runtime/runtime';
import { facts } from '../../support/facts';

const clean = facts().runtime;
const judge = (overrides: Partial<RuntimeFacts>) =>
  runtimeTamperCheck.rule(
    { runtime: { ...clean, ...overrides } },
    { policy: defaultPolicy, platform: 'linux' },
  );
const grades = (overrides: Partial<RuntimeFacts>) =>
  judge(overrides).evidence.map((row) => `${String(row.grade)} ${String(row.signal)}`);

describe('runtime.tamper', () => {
  it('passes a desktop process with nothing loaded, attached or hidden', () => {
    expect(judge({})).toEqual({
      status: 'pass',
      summary: 'Nothing is loaded into, attached to or hiding HireProof.',
      evidence: [],
    });
  });

  it('only warns for package-owned preloads in system folders; fails one from /tmp or $HOME', () => {
    const snoopy = '/usr/lib/x86_64-linux-gnu/libsnoopy.so';
    expect(judge({ preloads: [{ path: snoopy, source: 'ld.so.preload', mapped: snoopy }] }).status).toBe(
      'warn',
    );
    expect(
      judge({ preloads: [{ path: 'libjemalloc.so.2', source: 'env', mapped: '/usr/lib/libjemalloc.so.2' }] })
        .status,
    ).toBe('warn');
    // A known name copied outside the system folders is not the package's library.
    const fake = '/home/hire/.local/libjemalloc.so.2';
    expect(judge({ preloads: [{ path: fake, source: 'env', mapped: fake }] }).status).toBe('fail');
    const hook = '/dev/shm/libx.so';
    const outcome = judge({ preloads: [{ path: hook, source: 'env', mapped: hook }] });
    expect(outcome.status).toBe('fail');
    expect(outcome.remediation).toContain('Remove the library from LD_PRELOAD');
  });

  it('with a preload set, fails libraries mapped from outside the system and app folders', () => {
    const lib = '/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4';
    expect(
      grades({
        preloads: [{ path: lib, source: 'env', mapped: lib }],
        mappedLibraries: [
          lib,
          '/usr/lib/x86_64-linux-gnu/libc.so.6',
          '/opt/HireProof/libffmpeg.so',
          '/tmp/a/dep.so',
        ],
      }),
    ).toEqual(['warn LD_PRELOAD', 'fail mapped library']);
  });

  it('fails Node loader and debugger flags', () => {
    const outcome = judge({
      nodeFlags: [
        { flag: '--require', source: 'NODE_OPTIONS', target: '/home/hire/hook.cjs' },
        { flag: '--inspect', source: 'cmdline', target: null },
      ],
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('NODE_OPTIONS --require (/home/hire/hook.cjs)');
  });

  it('fails a partial uid map, another PID namespace than PID 1, being PID 1, and a tracer', () => {
    expect(grades({ uidMap: ['0 1000 1'] })).toEqual(['fail user namespace']);
    expect(grades({ pidNamespace: { self: 'pid:[4026532720]', pid1: 'pid:[4026531836]' } })).toEqual([
      'fail PID namespace',
    ]);
    expect(
      grades({
        pid1: { comm: 'hireproof', exe: null, isSelf: true, isAncestor: false },
        processTable: { visible: 1, kernelThreads: false, onlyOwnTree: true },
      }),
    ).toEqual(['fail PID namespace']);
    expect(
      grades({
        pid1: { comm: 'sh', exe: '/usr/bin/dash', isSelf: false, isAncestor: true },
        processTable: { visible: 2, kernelThreads: false, onlyOwnTree: true },
      }),
    ).toEqual(['fail PID namespace', 'warn PID 1']);
    expect(grades({ tracer: { pid: 5150, comm: 'gdb' } })).toEqual(['fail tracer']);
  });

  it('warns for hidepid, an unusual PID 1 and a container; a Flatpak sandbox only warns', () => {
    expect(
      judge({
        procHidepid: '2',
        pid1: { comm: null, exe: null, isSelf: false, isAncestor: false },
        processTable: { visible: 3, kernelThreads: false, onlyOwnTree: true },
      }).status,
    ).toBe('warn');
    expect(grades({ pid1: { comm: 'process_api', exe: null, isSelf: false, isAncestor: true } })).toEqual([
      'warn PID 1',
    ]);
    expect(
      grades({
        pid1: { comm: 'tini', exe: null, isSelf: false, isAncestor: true },
        processTable: { visible: 9, kernelThreads: false, onlyOwnTree: false },
        sandbox: { ...clean.sandbox, container: 'docker' },
      }),
    ).toEqual(['warn PID namespace', 'warn PID 1', 'info container']);
    const flatpak = {
      uidMap: ['1000 1000 1'],
      pid1: { comm: 'bwrap', exe: '/usr/bin/bwrap', isSelf: false, isAncestor: true },
      processTable: { visible: 2, kernelThreads: false, onlyOwnTree: true },
      sandbox: { ...clean.sandbox, flatpak: true },
    };
    expect(grades(flatpak)).toEqual(['warn user namespace', 'warn PID namespace', 'info Flatpak']);
    // The same namespaces without Flatpak's bwrap as PID 1 are not a Flatpak.
    expect(judge({ ...flatpak, pid1: { ...flatpak.pid1, comm: 'sh' } }).status).toBe('fail');
  });

  it('passes a Snap, naming its confinement', () => {
    const outcome = judge({
      sandbox: { ...clean.sandbox, snap: 'hireproof', apparmor: 'snap.hireproof.hireproof (enforce)' },
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.evidence.map((row) => row.signal)).toEqual(['Snap', 'AppArmor']);
  });

  it('is not checked on macOS or Windows yet', () => {
    expect(runtimeTamperCheck.platforms).toEqual(['linux']);
  });
});
