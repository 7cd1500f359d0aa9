import type { CheckResult, CheckStatus } from '../checks';
import type { CadenceAnalysis, CadenceDecision } from './analyze';
import { cadenceEvidence } from './evidence';
import { cadenceMinimums } from './thresholds';

/**
 * The `input.cadence` check. Medium severity: a statistical signal with a measured false-alarm
 * rate sends a hire to review, never to fail on its own.
 */
export const cadenceCheck = {
  id: 'input.cadence',
  title: 'Keyboard and mouse input arrives with a local cadence',
  severity: 'medium',
  rationale:
    'Remote control (VNC, RDP, IP-KVM) delays reactions by the round trip, delivers keys in packet-sized ' +
    'bursts and pointer moves in a low-rate stream. The typing and reaction steps measure this.',
  remediation:
    'Use the laptop’s own keyboard and mouse with no remote-access connection, then repeat the typing and reaction step.',
} as const;

const STATUS: Record<CadenceDecision, CheckStatus> = {
  local: 'pass',
  suspect: 'fail',
  'insufficient-data': 'warn',
};

export interface CadenceOutcome {
  status: CheckStatus;
  summary: string;
  evidence: CheckResult['evidence'];
  remediation: string;
}

/**
 * The analysis as a check outcome (the shape check rules return). When the hire asked for a person's
 * check instead of the timed steps the summary says so first: a choice, never held against them.
 */
export function cadenceOutcome(analysis: CadenceAnalysis, humanCheckRequested = false): CadenceOutcome {
  const asked = humanCheckRequested
    ? 'The hire asked for a person to check instead of the timed steps. '
    : '';
  return {
    status: STATUS[analysis.decision],
    summary: asked + summaryOf(analysis),
    evidence: cadenceEvidence(analysis),
    remediation: analysis.decision === 'local' ? '' : cadenceCheck.remediation,
  };
}

export function cadenceCheckResult(
  analysis: CadenceAnalysis,
  durationMs = 0,
  humanCheckRequested = false,
): CheckResult {
  const { id, title, severity } = cadenceCheck;
  return { id, title, severity, durationMs, ...cadenceOutcome(analysis, humanCheckRequested) };
}

function summaryOf(analysis: CadenceAnalysis): string {
  const score = analysis.score.toFixed(2);
  if (analysis.decision === 'suspect') {
    const reasons = analysis.indicators.filter((i) => i.fired).map((i) => i.says);
    return `Input looks remotely delivered (score ${score}, suspect above 1): ${reasons.join('; ')}.`;
  }
  if (analysis.decision === 'insufficient-data') {
    const { keyboard, reaction } = analysis.features;
    const lacking = analysis.missing.map((kind) =>
      kind === 'typing'
        ? `${keyboard.keystrokes} keystrokes (need ${cadenceMinimums.keystrokes})`
        : `${reaction.valid} valid reactions (need ${cadenceMinimums.reactions})`,
    );
    return `Not enough input to judge: ${lacking.join(' and ')}.`;
  }
  return `Typing, pointer and reaction timing look local (score ${score}, suspect above 1).`;
}
