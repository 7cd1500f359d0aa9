import { baseName } from '../../probes/path-name';
import { expandLoaderTokens } from '../../probes/runtime/loader-path';
import type { RuntimeFacts } from '../../probes/runtime/runtime';

export interface TamperSignal {
  /** fail: someone is blinding or steering this process; warn: a known look-alike, for review; info: context. */
  grade: 'fail' | 'warn' | 'info';
  signal: string;
  name: string;
  value: string | number | null;
  meaning: string;
  fix: string;
}

const SYSTEM_LIB_DIRS = /^\/(usr\/)?lib(32|64|x32)?\//;

/** Package-owned preloads that honest machines run: an audit logger and memory allocators. */
const KNOWN_PRELOADS: readonly [RegExp, string][] = [
  [/^libsnoopy\.so/, 'the snoopy audit logger (EDR/audit)'],
  [/^libjemalloc\.so/, 'the jemalloc memory allocator'],
  [/^libtcmalloc(_minimal)?(_debug)?\.so/, 'the tcmalloc memory allocator'],
  [/^libmimalloc(-secure)?\.so/, 'the mimalloc memory allocator'],
];

/** Inits of ordinary Linux installs (busybox and sysvinit both call themselves init). */
const USUAL_INITS = /^(systemd|init|openrc-init|runit|runit-init|s6-svscan|dinit|upstart|shepherd)$/;

const FIX = {
  preload:
    'Remove the library from LD_PRELOAD (and /etc/ld.so.preload), start HireProof normally from its icon, then press Re-check.',
  knownPreload: 'Nothing to fix if IT installed it; IT will review.',
  nodeFlag:
    'Start HireProof normally, without NODE_OPTIONS or --require/--import/--loader/--inspect options, then press Re-check.',
  namespace:
    'Start HireProof directly on the laptop, not inside unshare, a container or another sandbox, then press Re-check.',
  sandbox: 'Nothing to fix if IT installed HireProof this way; IT will review.',
  tracer: 'Close the debugger or tracing tool attached to HireProof, then press Re-check.',
  hidepid: 'Nothing to fix if IT hardened this laptop this way; IT will review.',
  init: 'Nothing to fix if this is the company laptop as IT set it up; IT will review.',
};

function preloadSignals(facts: RuntimeFacts): TamperSignal[] {
  const signals: TamperSignal[] = [];
  for (const preload of facts.preloads) {
    const location = preload.mapped ?? expandLoaderTokens(preload.path);
    const known = KNOWN_PRELOADS.find(([name]) => name.test(baseName(location)));
    const honest = known !== undefined && SYSTEM_LIB_DIRS.test(location);
    signals.push({
      grade: honest ? 'warn' : 'fail',
      signal: preload.source === 'env' ? 'LD_PRELOAD' : '/etc/ld.so.preload',
      name: preload.path,
      value: preload.mapped,
      meaning: honest
        ? `${known[1]}, a package-owned library in a system folder, is loaded into HireProof`
        : `an unknown library is loaded into HireProof before its own code${preload.mapped ? '' : ' (not mapped now)'}`,
      fix: honest ? FIX.knownPreload : FIX.preload,
    });
  }
  if (facts.preloads.length === 0) return signals;
  // With a preload set, anything mapped from outside the system and app folders came in with it.
  const appDir = facts.executable ? facts.executable.slice(0, facts.executable.lastIndexOf('/') + 1) : null;
  const reported = new Set(facts.preloads.map((p) => p.mapped));
  for (const library of facts.mappedLibraries) {
    if (SYSTEM_LIB_DIRS.test(library) || (appDir && library.startsWith(appDir)) || reported.has(library))
      continue;
    signals.push({
      grade: 'fail',
      signal: 'mapped library',
      name: baseName(library),
      value: library,
      meaning: 'a library from outside the system and app folders is loaded while a preload is set',
      fix: FIX.preload,
    });
  }
  return signals;
}

function nodeFlagSignals(facts: RuntimeFacts): TamperSignal[] {
  return facts.nodeFlags.map((f) => ({
    grade: 'fail',
    signal: f.source === 'cmdline' ? 'command line' : 'NODE_OPTIONS',
    name: f.flag,
    value: f.target,
    meaning: f.flag.startsWith('--inspect')
      ? 'a debugger port that can read and change HireProof as it runs'
      : `loads ${f.target ?? 'a module'} into HireProof before its own code`,
    fix: FIX.nodeFlag,
  }));
}

/** Flatpak's bwrap runs as PID 1 of the sandbox's own PID and user namespaces: a known sandbox. */
const isFlatpak = (facts: RuntimeFacts): boolean => facts.sandbox.flatpak && facts.pid1.comm === 'bwrap';

function namespaceSignals(facts: RuntimeFacts): TamperSignal[] {
  const signals: TamperSignal[] = [];
  const sandboxed = isFlatpak(facts);
  const grade = sandboxed ? 'warn' : 'fail';
  const fix = sandboxed ? FIX.sandbox : FIX.namespace;
  const inFlatpak = sandboxed ? ' (a Flatpak sandbox)' : '';
  const uidMap = facts.uidMap;
  if (uidMap && uidMap.join('\n') !== '0 0 4294967295') {
    signals.push({
      grade,
      signal: 'user namespace',
      name: '/proc/self/uid_map',
      value: uidMap.join('; '),
      meaning: `HireProof runs in a user namespace that maps only some user ids${inFlatpak}`,
      fix,
    });
  }
  const { self, pid1 } = facts.pidNamespace;
  if (self && pid1 && self !== pid1) {
    signals.push({
      grade,
      signal: 'PID namespace',
      name: '/proc/self/ns/pid',
      value: `${self}, PID 1 has ${pid1}`,
      meaning: `HireProof runs in another PID namespace than the machine's PID 1${inFlatpak}`,
      fix,
    });
  }
  const table = facts.processTable;
  // hidepid hides other users' processes, kernel threads included: the table then proves nothing.
  const ownNamespace =
    facts.pid1.isSelf ||
    (!table.kernelThreads && facts.procHidepid === null && facts.pid1.isAncestor && table.onlyOwnTree);
  if (ownNamespace) {
    signals.push({
      grade,
      signal: 'PID namespace',
      name: facts.pid1.isSelf ? 'HireProof is PID 1' : `PID 1 is our parent ${facts.pid1.comm ?? '?'}`,
      value: `${table.visible} process(es) visible, no kernel threads`,
      meaning: `HireProof sees only its own process tree: a PID namespace of its own${inFlatpak}`,
      fix,
    });
  } else if (!table.kernelThreads && facts.procHidepid === null) {
    signals.push({
      grade: 'warn',
      signal: 'PID namespace',
      name: facts.sandbox.container ?? 'container',
      value: `${table.visible} process(es) visible, no kernel threads`,
      meaning: 'HireProof runs in a PID namespace (a container), not beside the laptop’s own processes',
      fix: FIX.namespace,
    });
  }
  return signals;
}

function otherSignals(facts: RuntimeFacts): TamperSignal[] {
  const signals: TamperSignal[] = [];
  if (facts.tracer) {
    signals.push({
      grade: 'fail',
      signal: 'tracer',
      name: 'TracerPid',
      value: `${facts.tracer.pid}${facts.tracer.comm ? ` (${facts.tracer.comm})` : ''}`,
      meaning: 'another program is attached to HireProof with ptrace and can read and change it',
      fix: FIX.tracer,
    });
  }
  if (facts.procHidepid !== null) {
    signals.push({
      grade: 'warn',
      signal: '/proc mount',
      name: 'hidepid',
      value: facts.procHidepid,
      meaning: "other users' processes are hidden from HireProof (CIS hardening does this too)",
      fix: FIX.hidepid,
    });
  }
  const init = facts.pid1.comm;
  if (init !== null && !facts.pid1.isSelf && !USUAL_INITS.test(init) && !isFlatpak(facts)) {
    signals.push({
      grade: 'warn',
      signal: 'PID 1',
      name: init,
      value: facts.pid1.exe,
      meaning: 'PID 1 is not a usual init (systemd, init, OpenRC, runit…): a container or a micro-VM',
      fix: FIX.init,
    });
  }
  const { sandbox } = facts;
  const context: [string, string | null, string][] = [
    ['Flatpak', sandbox.flatpak ? '/.flatpak-info' : null, 'runs inside a Flatpak sandbox'],
    ['Snap', sandbox.snap, 'runs as a Snap'],
    ['AppArmor', sandbox.apparmor, 'confined by an AppArmor profile'],
    ['container', sandbox.container, 'the system says it is a container'],
  ];
  for (const [signal, value, meaning] of context) {
    if (value !== null) signals.push({ grade: 'info', signal, name: signal, value, meaning, fix: '' });
  }
  return signals;
}

/** Every sign that this process is being blinded or steered, with how much it proves. */
export function tamperSignals(facts: RuntimeFacts): TamperSignal[] {
  return [
    ...preloadSignals(facts),
    ...nodeFlagSignals(facts),
    ...namespaceSignals(facts),
    ...otherSignals(facts),
  ];
}
