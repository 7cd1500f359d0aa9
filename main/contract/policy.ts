import { z } from 'zod';
import { CheckId } from './checks';

export const CheckMode = z.enum(['enforce', 'report-only', 'off']);
export type CheckMode = z.infer<typeof CheckMode>;

/**
 * What the company decides, not the app: which remote tools IT approved, and which checks only
 * report. The server holds the authoritative copy and sends it to the device at enrolment.
 */
export const Policy = z
  .object({
    /** Tool names as the catalogue spells them (case-insensitive), e.g. an IT-approved RMM. */
    allowTools: z.array(z.string().min(1)).default([]),
    checks: z.record(CheckId, CheckMode).default({}),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;

export const defaultPolicy: Policy = Policy.parse({});
