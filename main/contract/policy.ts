import { z } from 'zod';
import { CheckId } from './checks';

export const CheckMode = z.enum(['enforce', 'report-only', 'off']);
export type CheckMode = z.infer<typeof CheckMode>;

/** How the app asks for a re-attestation the server has scheduled. */
export const ReattestationPolicy = z
  .object({
    /** How many times the hire may answer "Later" for one due date; none once it is overdue. */
    maxDeferrals: z.number().int().min(0).max(20).default(2),
    /** The app starts asking this long before the due time, so "Later" means something before HR sees it overdue. */
    promptHoursBefore: z.number().int().min(0).max(168).default(24),
  })
  .strict();

/**
 * What the company decides, not the app: which remote tools IT approved, and which checks only
 * report. The server holds the authoritative copy and sends it to the device at enrolment.
 * Every field has a default, so a policy stored before a field existed still parses.
 */
export const Policy = z
  .object({
    /** Tool names as the catalogue spells them (case-insensitive), e.g. an IT-approved RMM. */
    allowTools: z.array(z.string().min(1)).default([]),
    checks: z.record(CheckId, CheckMode).default({}),
    reattestation: ReattestationPolicy.prefault({}),
    /** The packaged app starts (hidden, in the tray) at login, so re-attestation prompts reach the hire. */
    autoLaunch: z.boolean().default(true),
    /** The tray offers "Helpdesk view" to whoever sits at the laptop; `--helpdesk` works regardless. */
    helpdeskMenu: z.boolean().default(false),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;

export const defaultPolicy: Policy = Policy.parse({});
