import { linkOf, relay, seenThroughLink, type Link } from './link';
import { deviceEvents, machineOf, type Machine, type OsEvent } from './machine';
import {
  personOf,
  pressDuration,
  reach,
  reactionTime,
  typeText,
  type HandKey,
  type Movement,
  type Person,
  type Point,
} from './person';
import { Random } from './random';
import type { SessionCondition } from './session';

/**
 * The mouse button, worked like a key: pressed and released by the hand, polled and stamped by the
 * device, carried by a link (and sent as a pair by a web KVM) the same way. The page gets a click.
 */
export const MOUSE_BUTTON = 'MouseLeft';

/** Input on its way into a real page: OS events (ms on the page's clock), with the mouse button as a key. */
export type InjectedEvent = Exclude<OsEvent, { kind: 'press' }>;

/**
 * Plans input for a live page with the calibration's models (bench/cadence): the same people,
 * devices and remote links as `generateTrace`, but each act is planned when the page is ready for it
 * and the reactions answer targets the page actually drew. A driver then injects the events at
 * their times. With a link, the operator works another computer and the link carries the input.
 */
export class InputPlan {
  readonly person: Person;
  readonly operator: Machine;
  readonly link: Link | null;
  private readonly hands: Random;
  private readonly devices: Random;
  private readonly network: Random;

  constructor(
    seed: number,
    condition: SessionCondition,
    private cursor: Point,
    /** The page's display refresh rate (what the host machine draws at). */
    private readonly hostRefreshHz = 60,
  ) {
    const random = new Random(seed);
    const who = random.fork();
    this.hands = random.fork();
    this.devices = random.fork();
    this.network = random.fork();
    this.person = personOf(who, condition.person);
    this.operator = machineOf(this.devices, condition.machine);
    this.link = condition.link ? linkOf(this.network, condition.link) : null;
  }

  /** Where the hand has the pointer now (the starting point until the first click). */
  cursorAt(): Point {
    return { ...this.cursor };
  }

  /** A pause, a movement to `to` (with any correction) and a click there. */
  click(to: Point, after: number): InjectedEvent[] {
    const from = this.cursor;
    const movements: Movement[] = reach(
      this.hands,
      this.person,
      from,
      to,
      after + this.hands.uniform(300, 1200),
    );
    const press = movements[movements.length - 1]!.end + this.hands.uniform(80, 250);
    this.cursor = to;
    return this.deliver([this.button(MOUSE_BUTTON, press)], movements, from);
  }

  /** A pause, then the text typed at the person's pace. Letters and spaces only. */
  type(text: string, after: number): InjectedEvent[] {
    if (!/^[a-z ]+$/.test(text)) throw new Error(`can only type lower-case letters and spaces: "${text}"`);
    return this.deliver(
      typeText(this.hands, this.person, text, after + this.hands.uniform(800, 1500)),
      [],
      this.cursor,
    );
  }

  /** The response to a target drawn in the frame at `onset`: seen (through the link, if any), then pressed. */
  react(onset: number): InjectedEvent[] {
    const seen = this.link
      ? seenThroughLink(this.network, this.link, onset, this.hostRefreshHz)
      : this.seenOnScreen(onset);
    return this.respond(seen);
  }

  /**
   * When the person sees what the computer in front of them drew at `drawn` (the page's frame, or a
   * VNC viewer's window showing a frame that just arrived): presented one or two refreshes later,
   * plus the panel's own delay.
   */
  seenOnScreen(drawn: number): number {
    return drawn + (1000 / this.hostRefreshHz) * this.hands.uniform(1, 2) + this.hands.uniform(5, 15);
  }

  /** The press that answers a target the person saw at `seen`. */
  respond(seen: number): InjectedEvent[] {
    const response = seen + reactionTime(this.hands, this.person);
    const code = this.person.respondsWith === 'key' ? 'Space' : MOUSE_BUTTON;
    return this.deliver([this.button(code, response)], [], this.cursor);
  }

  private button(code: string, down: number): HandKey {
    return { code, down, up: down + pressDuration(this.hands, this.person) };
  }

  /** The operator's devices report the hand's input; a link, if any, carries it to the page's machine. */
  private deliver(keys: HandKey[], movements: Movement[], cursor: Point): InjectedEvent[] {
    const reported = deviceEvents(this.devices, this.operator, { keys, movements, presses: [], cursor });
    const arrived = this.link ? relay(this.network, this.link, reported) : reported;
    return arrived.filter((event): event is InjectedEvent => event.kind !== 'press');
  }
}
