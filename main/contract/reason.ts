import { z } from 'zod';
import { EvidenceRow } from './checks';

/** Why the server decided as it did: the check, and the evidence that decided it. */
export const Reason = z.object({
  check: z.string(),
  message: z.string(),
  evidence: z.array(EvidenceRow).optional(),
});
export type Reason = z.infer<typeof Reason>;
