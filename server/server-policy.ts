import { z } from 'zod';
import { Policy } from '../main/contract/policy';
import { VerifyingReportKind } from '../main/contract/report-kind';
import { OidcSettings } from './auth/oidc-settings';

/**
 * The HR service's own policy: what devices are told (allow-list, report-only checks), and what it
 * decides itself (the report kinds that need a face, re-attestation cadence, retention); every
 * check is judged by the server from each report's observations.
 */
export const ServerPolicy = z
  .object({
    device: Policy.default(Policy.parse({})),
    /** Report kinds whose challenge asks for a live face match; device-only checks never carry one. */
    faceRequiredFor: z.array(VerifyingReportKind).default([...VerifyingReportKind.options]),
    reattestEveryDays: z.number().int().min(1).max(365).default(7),
    /** Chance per day that a device is asked early, so the date cannot be planned around. */
    spotCheckDailyChance: z.number().min(0).max(1).default(0.02),
    enrolmentCodeDays: z.number().int().min(1).max(30).default(7),
    /** ID photos and face frames are deleted this long after the hire is verified. */
    retentionDays: z.number().int().min(0).max(3650).default(30),
    /** …and this long after they were taken when the hire never gets verified. */
    unverifiedRetentionDays: z.number().int().min(0).max(3650).default(90),
    /**
     * Invitations by email (README, HR set-up), sent when the service also has HIREPROOF_SMTP_URL:
     * who they come from, where the hire downloads HireProof, and the HR service's public https
     * address, whose /enrol page opens the app with the code.
     */
    invitations: z
      .object({
        from: z.string().trim().min(3).max(320),
        downloadUrl: z.url({ protocol: /^https$/ }),
        serviceUrl: z
          .url({ protocol: /^https?$/ })
          .refine(
            (u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u),
            'must use https (plain http only on this machine, for a demo)',
          ),
        /** The company's name as the hire knows it, in the invitation's first line. */
        company: z.string().trim().min(1).max(200).default('Your new employer'),
      })
      .strict()
      .optional(),
    /**
     * Farm signals (README, Farm signals): hires seen from one client address, or one /24 (/48)
     * network, within the window are linked once this many are; two (a couple, flatmates) are not.
     * Rhythm: this many hires' check-ins with a face, from one network within `rhythmMinutes`.
     */
    farm: z
      .object({
        windowHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30)
          .default(24),
        hiresPerAddress: z.number().int().min(2).max(1000).default(3),
        hiresPerNetwork: z.number().int().min(2).max(1000).default(5),
        rhythmMinutes: z.number().int().min(1).max(1440).default(15),
        hiresInRhythm: z.number().int().min(2).max(1000).default(3),
      })
      .strict()
      .default({
        windowHours: 24,
        hiresPerAddress: 3,
        hiresPerNetwork: 5,
        rhythmMinutes: 15,
        hiresInRhythm: 3,
      }),
    /** Dashboard sign-in with an OpenID provider; without it, HR signs in with API tokens only. */
    oidc: OidcSettings.optional(),
  })
  .strict();
export type ServerPolicy = z.infer<typeof ServerPolicy>;

export const defaultServerPolicy: ServerPolicy = ServerPolicy.parse({});
