import { z } from 'zod';

/**
 * A recording of how input reached the page: the raw material of the `input.cadence` check.
 * Times are milliseconds on the page's performance timeline: `t` is `performance.now()` when the
 * handler ran, `ts` is the event's own `timeStamp` (when the OS says the input happened).
 * Documented in docs/input-trace.md; any incompatible change gets a new schema version.
 */
export const INPUT_TRACE_SCHEMA = 'hireproof.input-trace/v1';

/** Big enough for a whole onboarding run (about ten minutes at 60 Hz), small enough to sign and send. */
export const traceLimits = {
  events: 50_000,
  frames: 40_000,
  reactions: 100,
  /** From the first to the last time in the trace. */
  spanMs: 2 * 60 * 60 * 1000,
  keyLength: 32,
  /** Pointer coordinates are CSS pixels within ± this. */
  coordinate: 1_000_000,
  /** A JSON file larger than this is refused before it is parsed. */
  fileBytes: 16 * 1024 * 1024,
} as const;

const Time = z.number().nonnegative();
const Coordinate = z.number().min(-traceLimits.coordinate).max(traceLimits.coordinate);

export const KeyTraceEvent = z
  .object({
    type: z.enum(['keydown', 'keyup']),
    t: Time,
    ts: Time,
    /** Opaque per-trace key id (the recorder maps physical key codes to k1, k2, …): pairs down with up. */
    key: z.string().min(1).max(traceLimits.keyLength),
    /** Auto-repeat keydowns carry no timing of the hand. */
    repeat: z.boolean().optional(),
  })
  .strict();
export type KeyTraceEvent = z.infer<typeof KeyTraceEvent>;

export const PointerMoveTraceEvent = z
  .object({
    type: z.literal('pointermove'),
    t: Time,
    ts: Time,
    x: Coordinate,
    y: Coordinate,
    /** `getCoalescedEvents().length`: device samples folded into this dispatched event (at least 1). */
    coalesced: z.number().int().min(1).max(1000),
    /** ms from the first to the last coalesced sample's timeStamp (0 for a single sample). */
    coalescedSpan: z.number().nonnegative().max(1000),
  })
  .strict();
export type PointerMoveTraceEvent = z.infer<typeof PointerMoveTraceEvent>;

export const PointerDownTraceEvent = z
  .object({ type: z.literal('pointerdown'), t: Time, ts: Time, x: Coordinate, y: Coordinate })
  .strict();
export type PointerDownTraceEvent = z.infer<typeof PointerDownTraceEvent>;

export const InputTraceEvent = z.discriminatedUnion('type', [
  KeyTraceEvent,
  PointerMoveTraceEvent,
  PointerDownTraceEvent,
]);
export type InputTraceEvent = z.infer<typeof InputTraceEvent>;

/** One trial of the reaction step: when the target was painted, and the first press or click after it. */
export const ReactionTrial = z
  .object({
    /** The requestAnimationFrame time of the frame that drew the target. */
    onset: Time,
    response: z
      .object({ kind: z.enum(['key', 'pointer']), t: Time, ts: Time })
      .strict()
      .nullable(),
  })
  .strict();
export type ReactionTrial = z.infer<typeof ReactionTrial>;

export const InputTrace = z
  .object({
    schema: z.literal(INPUT_TRACE_SCHEMA),
    /** In the order the handlers ran, so `t` never goes backwards. */
    events: z.array(InputTraceEvent).max(traceLimits.events),
    /** requestAnimationFrame timestamps, increasing. */
    frames: z.array(Time).max(traceLimits.frames),
    reactions: z.array(ReactionTrial).max(traceLimits.reactions),
    /** Set when the recorder hit a size limit and stopped keeping events. */
    truncated: z.boolean(),
  })
  .strict()
  .superRefine((trace, ctx) => {
    trace.events.forEach((event, i) => {
      const previous = trace.events[i - 1];
      if (previous && event.t < previous.t) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 't'],
          message: `goes backwards (${event.t} after ${previous.t}): events must be in the order they were handled`,
        });
      }
    });
    trace.frames.forEach((frame, i) => {
      const previous = trace.frames[i - 1];
      if (previous !== undefined && frame <= previous) {
        ctx.addIssue({ code: 'custom', path: ['frames', i], message: 'frame times must increase' });
      }
    });
    let first = Infinity;
    let last = -Infinity;
    const see = (x: number): void => {
      first = Math.min(first, x);
      last = Math.max(last, x);
    };
    for (const e of trace.events) {
      see(e.t);
      see(e.ts);
    }
    for (const f of trace.frames) see(f);
    for (const r of trace.reactions) see(r.onset);
    if (last - first > traceLimits.spanMs) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `spans ${Math.round((last - first) / 1000)} s, more than the ${traceLimits.spanMs / 1000} s a trace may cover`,
      });
    }
  });
export type InputTrace = z.infer<typeof InputTrace>;

export type TraceParse = { ok: true; trace: InputTrace } | { ok: false; error: string };

/** Validates a decoded trace; the error names the first few problems on one line. */
export function parseInputTrace(value: unknown): TraceParse {
  const version = (value as { schema?: unknown } | null)?.schema;
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    version !== INPUT_TRACE_SCHEMA
  ) {
    return {
      ok: false,
      error: `unsupported trace schema ${JSON.stringify(version ?? null)} (expected "${INPUT_TRACE_SCHEMA}")`,
    };
  }
  const parsed = InputTrace.safeParse(value);
  if (parsed.success) return { ok: true, trace: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'trace';
    return `${where}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return { ok: false, error: `invalid trace: ${issues.join('; ')}${more}` };
}
