import type { InputTrace } from '../../main/contract/input-trace';
import { TraceRecorder } from '../../renderer/input/trace-recorder';
import { dispatch, frameTimes } from './browser';
import { linkOf, relay, seenThroughLink, type LinkCondition } from './link';
import { deviceEvents, lattice, machineOf, type MachineKind } from './machine';
import {
  personOf,
  pressDuration,
  reach,
  reactionTime,
  typeText,
  type HandKey,
  type Movement,
  type PersonKind,
} from './person';
import { Random } from './random';

export interface SessionCondition {
  person: PersonKind;
  machine?: MachineKind;
  /** null: the person sits at the machine. */
  link: LinkCondition | null;
}

const SENTENCES = [
  'the quick brown fox jumps over the lazy dog',
  'pack my box with five dozen liquor jugs',
  'my laptop arrived today and i am setting it up',
  'a good onboarding starts with a working keyboard',
];
const WINDOW = { width: 1280, height: 800 };
const TRIALS = 10;

/**
 * One synthetic onboarding run, recorded the way the page records it: a sentence typed, a few
 * clicks around the window, ten reaction trials. With a link, the same kind of person works the
 * machine from another computer: their own keyboard and mouse timing, carried by the link.
 */
export function generateTrace(seed: number, condition: SessionCondition): InputTrace {
  const random = new Random(seed);
  // One stream per model, so changing how one draws does not reshuffle the others.
  const who = random.fork();
  const hands = random.fork();
  const devices = random.fork();
  const network = random.fork();
  const browser = random.fork();
  const person = personOf(who, condition.person);
  const host = machineOf(devices, condition.machine);
  const link = condition.link ? linkOf(network, condition.link) : null;
  const operator = link ? machineOf(devices) : host;
  const frameStart = hands.uniform(0, 500);
  const nextFrame = lattice(1000 / host.refreshHz, frameStart);

  let now = hands.uniform(1500, 4000);
  const keys: HandKey[] = typeText(hands, person, hands.pick(SENTENCES), now + hands.uniform(800, 1500));
  now = keys[keys.length - 1]!.up + hands.uniform(500, 1500);

  const movements: Movement[] = [];
  const presses: number[] = [];
  const start = { x: WINDOW.width / 2, y: WINDOW.height / 2 };
  let cursor = start;
  const clicks = Math.round(hands.uniform(4, 7));
  for (let i = 0; i < clicks; i++) {
    const target = { x: hands.uniform(40, WINDOW.width - 40), y: hands.uniform(40, WINDOW.height - 40) };
    const reached = reach(hands, person, cursor, target, now);
    movements.push(...reached);
    cursor = target;
    const press = reached[reached.length - 1]!.end + hands.uniform(80, 250);
    presses.push(press);
    now = press + hands.uniform(300, 1200);
  }

  const onsets: number[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const onset = nextFrame(now + hands.uniform(1000, 3000));
    onsets.push(onset);
    const seen = link
      ? seenThroughLink(network, link, onset, host.refreshHz)
      : onset + (1000 / host.refreshHz) * hands.uniform(1, 2) + hands.uniform(5, 15);
    const response = seen + reactionTime(hands, person);
    if (person.respondsWith === 'key') {
      keys.push({ code: 'Space', down: response, up: response + pressDuration(hands, person) });
    } else {
      presses.push(response);
    }
    now = response;
  }
  const end = now + 1500;

  const operated = deviceEvents(devices, operator, { keys, movements, presses, cursor: start });
  const arrived = link ? relay(network, link, operated) : operated;
  const frames = frameTimes(browser, host, frameStart, end + 1000).filter((f) => f >= frameStart);
  const inputs = dispatch(browser, host, arrived, frames);

  // Feed the recorder in the order the page would see things: frames, then targets, then input.
  const happenings = [
    ...frames.map((time) => ({ time, order: 0, apply: (r: TraceRecorder) => r.frame(time) })),
    ...onsets.map((time) => ({ time, order: 1, apply: (r: TraceRecorder) => r.stimulus(time) })),
    ...inputs.map((input) => ({ time: input.t, order: 2, apply: (r: TraceRecorder) => r.input(input) })),
  ].sort((a, b) => a.time - b.time || a.order - b.order);
  const recorder = new TraceRecorder();
  for (const h of happenings) h.apply(recorder);
  return recorder.trace();
}
