import { z } from 'zod';
import { CheckId } from './checks';
import { isCidr } from './cidr';

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
 * The company's own VPN: its traffic is not a hidden location. Recognised by what cannot be renamed
 * into it, never by an interface name: the client's executable at its installed, package-verified
 * path (the VPN catalogue's names), or the company's egress ranges, which the HR service checks
 * against the address a report arrives from (the device cannot know its own egress address).
 */
export const VpnPolicy = z
  .object({
    /** VPN clients IT deploys, as the VPN catalogue names them, e.g. "Zscaler Client Connector". */
    approvedClients: z.array(z.string().min(1)).default([]),
    /** The company's egress ranges in CIDR notation, e.g. "203.0.113.0/24". */
    egressRanges: z.array(z.string().refine(isCidr, 'not a CIDR range such as 203.0.113.0/24')).default([]),
  })
  .strict();
export type VpnPolicy = z.infer<typeof VpnPolicy>;

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
    vpn: VpnPolicy.prefault({}),
    reattestation: ReattestationPolicy.prefault({}),
    /** The packaged app starts (hidden, in the tray) at login, so re-attestation prompts reach the hire. */
    autoLaunch: z.boolean().default(true),
    /** The tray offers "Helpdesk view" to whoever sits at the laptop; `--helpdesk` works regardless. */
    helpdeskMenu: z.boolean().default(false),
  })
  .strict();
export type Policy = z.infer<typeof Policy>;

export const defaultPolicy: Policy = Policy.parse({});
