/**
 * Where each indicator starts to say "remote". Chosen by `npm run bench:cadence` for at most 1% false
 * alarms on synthetic human-like traces (the bench prints whether these still meet that target).
 * Synthetic data only: field calibration on real local and remote sessions is still to be done.
 */
export const cadenceThresholds = {
  /** Median reaction time above this (ms): the round trip to a remote operator's screen and back. */
  reactionMedianMs: 455,
  /** Share of key presses released in under 15 ms, above this: down and up sent together. */
  dwellUnder15: 0.05,
  /** Share of key-event gaps of at most 1 ms, above this: keys arriving in network packets. */
  keyBatchedShare: 0.08,
  /** Share of equal consecutive inter-key intervals, above this: typed by a machine. */
  keyRegularShare: 0.2,
  /** Dispatched pointermoves per second while moving, below this: fewer than the display's frames. */
  pointerEventRateHz: 50,
  /** Share of multi-sample pointermoves whose samples are under 0.25 ms apart, above this. */
  pointerBurstShare: 0.1,
  /** Share of events stamped after their handler ran or a second before it (set by reasoning, not data). */
  clockAnomalyShare: 0.02,
} as const;

export type CadenceThresholds = { [K in keyof typeof cadenceThresholds]: number };

/** Below these amounts of input an indicator abstains. */
export const cadenceMinimums = {
  keystrokes: 20,
  reactions: 5,
  movements: 3,
  multiSampleMoves: 10,
  /** The pointer rate only speaks on a display refreshing at least this fast. */
  frameRateHz: 55,
  events: 20,
} as const;
