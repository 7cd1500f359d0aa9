import { InputStep } from '../input/InputStep';
import type { InputStep as InputStepSlot } from './evidence-step';

/**
 * The typing and reaction step in the wizard. Its evidence goes into the report either way; when
 * the hire chose the way out, the evidence says a person should check instead.
 */
export const CadenceStep: InputStepSlot = ({ onComplete }) => (
  <InputStep onComplete={(result) => onComplete(result.evidence)} />
);
