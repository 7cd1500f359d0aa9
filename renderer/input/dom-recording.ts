import type { TraceRecorder } from './trace-recorder';

/**
 * Wires a window's input to a recorder: keys, pointer moves (with the device samples Chromium folded
 * into each one) and presses, plus every animation frame. Listens in the capture phase and never
 * cancels anything, so it records passively whatever step is on screen. Returns the way to stop.
 */
export function recordInput(win: Window, recorder: TraceRecorder): () => void {
  const now = (): number => win.performance.now();
  const onKey = (event: KeyboardEvent): void => {
    recorder.input({
      type: event.type === 'keydown' ? 'keydown' : 'keyup',
      t: now(),
      ts: event.timeStamp,
      // The physical key pairs a press with its release; the recorder swaps it for an opaque id.
      key: event.code || event.key,
      repeat: event.repeat,
    });
  };
  const onPointerMove = (event: PointerEvent): void => {
    const samples = coalescedSamples(event);
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    recorder.input({
      type: 'pointermove',
      t: now(),
      ts: event.timeStamp,
      x: event.clientX,
      y: event.clientY,
      coalesced: samples.length,
      coalescedSpan: Math.max(last.timeStamp - first.timeStamp, 0),
    });
  };
  const onPointerDown = (event: PointerEvent): void => {
    recorder.input({
      type: 'pointerdown',
      t: now(),
      ts: event.timeStamp,
      x: event.clientX,
      y: event.clientY,
    });
  };

  const options = { capture: true, passive: true } as const;
  win.addEventListener('keydown', onKey, options);
  win.addEventListener('keyup', onKey, options);
  win.addEventListener('pointermove', onPointerMove, options);
  win.addEventListener('pointerdown', onPointerDown, options);
  let frame = win.requestAnimationFrame(function onFrame(time) {
    recorder.frame(time);
    frame = win.requestAnimationFrame(onFrame);
  });

  return () => {
    win.removeEventListener('keydown', onKey, options);
    win.removeEventListener('keyup', onKey, options);
    win.removeEventListener('pointermove', onPointerMove, options);
    win.removeEventListener('pointerdown', onPointerDown, options);
    win.cancelAnimationFrame(frame);
  };
}

/** getCoalescedEvents() is only offered in secure contexts and can come back empty: then the event is its own sample. */
function coalescedSamples(event: PointerEvent): readonly PointerEvent[] {
  const samples = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
  return samples.length > 0 ? samples : [event];
}
