import type { InputEvidence } from '../report';
import type { CadenceAnalysis } from './analyze';
import { cadenceEvidence } from './evidence';

/**
 * The input step's part of the signed report: the decision, the score and every measured feature
 * and indicator value by name (the ones with nothing to measure are left out, as JSON has no NaN).
 */
export function inputEvidenceOf(analysis: CadenceAnalysis, humanCheckRequested: boolean): InputEvidence {
  const features: Record<string, number> = {};
  for (const row of cadenceEvidence(analysis)) {
    if (typeof row.feature === 'string' && typeof row.value === 'number') features[row.feature] = row.value;
  }
  return { decision: analysis.decision, score: analysis.score, features, humanCheckRequested };
}
