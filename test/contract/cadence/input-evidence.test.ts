import { describe, expect, it } from 'vitest';
import { remoteLinks } from '../../../bench/cadence/conditions';
import { generateTrace } from '../../../bench/cadence/session';
import { analyzeCadence } from '../../../main/contract/cadence/analyze';
import { cadenceCheckResult } from '../../../main/contract/cadence/check-result';
import { inputEvidenceOf } from '../../../main/contract/cadence/input-evidence';
import { INPUT_TRACE_SCHEMA, type InputTrace } from '../../../main/contract/input-trace';
import { InputEvidence } from '../../../main/contract/report';
import { inputStepResult } from '../../../renderer/input/input-step-result';

describe('inputEvidenceOf', () => {
  it('carries the decision, the score and every measured feature by name, as the report schema wants', () => {
    const analysis = analyzeCadence(generateTrace(11, { person: 'typical', link: remoteLinks[7]! }));
    const evidence = inputEvidenceOf(analysis, false);
    expect(InputEvidence.parse(evidence)).toEqual(evidence);
    expect(evidence).toMatchObject({
      decision: 'suspect',
      score: analysis.score,
      humanCheckRequested: false,
    });
    expect(evidence.features.keystrokes).toBe(analysis.features.keyboard.keystrokes);
    expect(evidence.features.reactionMedianMs).toBeCloseTo(analysis.features.reaction.medianMs!, 0);
    expect(Object.keys(evidence.features)).toEqual(
      expect.arrayContaining(['dwellMedianMs', 'pointerSampleRateHz', 'keyBatchedShare', 'handlerLagMs']),
    );
  });

  it('leaves out what could not be measured rather than sending null or NaN', () => {
    const empty: InputTrace = {
      schema: INPUT_TRACE_SCHEMA,
      events: [],
      frames: [],
      reactions: [],
      truncated: false,
    };
    const evidence = inputEvidenceOf(analyzeCadence(empty), true);
    expect(InputEvidence.parse(evidence)).toEqual(evidence);
    expect(evidence).toMatchObject({ decision: 'insufficient-data', humanCheckRequested: true });
    expect(evidence.features).not.toHaveProperty('dwellMedianMs');
    expect(evidence.features.keystrokes).toBe(0);
  });
});

describe('inputStepResult', () => {
  it('says first, in the check, that the hire asked for a person instead of the timed steps', () => {
    const trace = generateTrace(3, { person: 'slow reactor', link: null });
    const asked = inputStepResult(trace, { humanCheckRequested: true, durationMs: 1234.4 });
    expect(asked.evidence.humanCheckRequested).toBe(true);
    expect(asked.check).toMatchObject({ id: 'input.cadence', durationMs: 1234 });
    expect(asked.check.summary).toMatch(
      /^The hire asked for a person to check instead of the timed steps\. /,
    );
    const plain = inputStepResult(trace, { humanCheckRequested: false, durationMs: 0 });
    expect(plain.check.summary).toBe(cadenceCheckResult(plain.analysis).summary);
    expect(plain.check.summary).not.toMatch(/asked for a person/);
  });
});
