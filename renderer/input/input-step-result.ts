import { analyzeCadence, type CadenceAnalysis } from '../../main/contract/cadence/analyze';
import { cadenceCheckResult } from '../../main/contract/cadence/check-result';
import { inputEvidenceOf } from '../../main/contract/cadence/input-evidence';
import type { CheckResult } from '../../main/contract/checks';
import type { InputTrace } from '../../main/contract/input-trace';
import type { InputEvidence } from '../../main/contract/report';

/** What the input step hands to the wizard: the trace for audits, and the verdict material for the report. */
export interface InputStepResult {
  trace: InputTrace;
  analysis: CadenceAnalysis;
  /** The `input` part of the signed report. */
  evidence: InputEvidence;
  /** The `input.cadence` check, for the checks list and the summary screen. */
  check: CheckResult;
}

export function inputStepResult(
  trace: InputTrace,
  options: { humanCheckRequested: boolean; durationMs: number },
): InputStepResult {
  const analysis = analyzeCadence(trace);
  return {
    trace,
    analysis,
    evidence: inputEvidenceOf(analysis, options.humanCheckRequested),
    check: cadenceCheckResult(
      analysis,
      Math.max(Math.round(options.durationMs), 0),
      options.humanCheckRequested,
    ),
  };
}
