import { z } from 'zod';
import { checks } from '../main/checks/catalogue/index';
import { Policy } from '../main/contract/policy';

/**
 * The HR service's own policy: what devices are told (allow-list, report-only checks), and what it
 * decides itself (which checks must be reported, re-attestation cadence, retention).
 */
export const ServerPolicy = z
  .object({
    device: Policy.default(Policy.parse({})),
    /** Checks every report must carry (by default the whole catalogue); a missing one means a patched or old app: review. */
    requiredChecks: z.array(z.string()).default(() => checks.map((c) => c.id)),
    /** Report kinds that must carry a live face match; the headless CLI's reports carry none. */
    faceRequiredFor: z
      .array(z.enum(['onboarding', 'reattestation', 'cli']))
      .default(['onboarding', 'reattestation']),
    reattestEveryDays: z.number().int().min(1).max(365).default(7),
    /** Chance per day that a device is asked early, so the date cannot be planned around. */
    spotCheckDailyChance: z.number().min(0).max(1).default(0.02),
    enrolmentCodeDays: z.number().int().min(1).max(30).default(7),
    /** ID photos and face frames are deleted this long after the hire is verified. */
    retentionDays: z.number().int().min(0).max(3650).default(30),
    /** …and this long after they were taken when the hire never gets verified. */
    unverifiedRetentionDays: z.number().int().min(0).max(3650).default(90),
  })
  .strict();
export type ServerPolicy = z.infer<typeof ServerPolicy>;

export const defaultServerPolicy: ServerPolicy = ServerPolicy.parse({});
