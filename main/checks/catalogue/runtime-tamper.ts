import type { EvidenceRow } from '../../contract/checks';
import { defineCheck } from '../check';
import { tamperSignals, type TamperSignal } from '../runtime/tamper-signals';

const row = ({ grade, signal, name, value, meaning }: TamperSignal): EvidenceRow => ({
  grade,
  signal,
  name,
  value,
  meaning,
});

const listed = (signals: readonly TamperSignal[]): string =>
  signals.map((s) => `${s.signal} ${s.name}${s.value === null ? '' : ` (${s.value})`}`).join('; ');

/** The distinct fixes of the signals that decided, in order. */
const fixes = (signals: readonly TamperSignal[]): string => [...new Set(signals.map((s) => s.fix))].join(' ');

export const runtimeTamperCheck = defineCheck({
  id: 'runtime.tamper',
  title: "HireProof's own process",
  platforms: ['linux'],
  probes: ['runtime'],
  severity: 'high',
  rationale:
    'Whoever controls the laptop can load their own code into HireProof (LD_PRELOAD, /etc/ld.so.preload, ' +
    'NODE_OPTIONS, --require), attach a debugger, or start it in a namespace that hides the real machine ' +
    '(unshare, a fake PID 1). Each of these can make every other check see what they want, so an attempt ' +
    'to blind the check is itself evidence. Known, package-owned look-alikes (the snoopy audit logger, ' +
    'jemalloc/tcmalloc/mimalloc, hidepid hardening, Flatpak, a container or micro-VM init) only warn.',
  remediation:
    'Start HireProof normally from its icon on the laptop itself, with no debugger, preload or sandbox tool, then press Re-check.',
  rule({ runtime }) {
    const signals = tamperSignals(runtime);
    const evidence = signals.map(row);
    const failing = signals.filter((s) => s.grade === 'fail');
    if (failing.length > 0) {
      return {
        status: 'fail',
        summary: `HireProof is being blinded or steered: ${listed(failing)}.`,
        evidence,
        remediation: fixes(failing),
      };
    }
    const warning = signals.filter((s) => s.grade === 'warn');
    if (warning.length > 0) {
      return {
        status: 'warn',
        summary: `Known look-alikes of tampering, for review: ${listed(warning)}.`,
        evidence,
        remediation: fixes(warning),
      };
    }
    return { status: 'pass', summary: 'Nothing is loaded into, attached to or hiding HireProof.', evidence };
  },
});
