import { setTimeout as sleep } from 'node:timers/promises';
import type { InputPlan } from '../../../bench/cadence/injection';
import type { Point } from '../../../bench/cadence/person';
import type { StepPage } from '../../e2e/input/drive';
import type { RfbClient, Rgb } from './rfb-client';

/** How the person learns that a reaction target is up: the time they see it, or null once the step has ended. */
export interface Eyes {
  nextTarget(): Promise<number | null>;
  close(): void;
}

/** At the machine: the person sees the frame the page drew, on the laptop's own screen. */
export class ScreenEyes implements Eyes {
  constructor(
    private readonly step: StepPage,
    private readonly plan: InputPlan,
    private readonly perTrialMs: number,
  ) {}

  async nextTarget(): Promise<number | null> {
    const onset = await this.step.nextOnset(this.perTrialMs);
    return onset === null ? null : this.plan.seenOnScreen(onset);
  }

  close(): void {}
}

/** The reaction target's fill (`renderer/input/ReactionStep.tsx`). */
const TARGET: Rgb = { r: 0x0b, g: 0x5f, b: 0xff };
/** Points inside the 160 px circle but clear of its "Now!" label, from the circle's centre. */
const PROBES: readonly Point[] = [
  { x: 0, y: -58 },
  { x: 0, y: 58 },
  { x: -62, y: 0 },
  { x: 62, y: 0 },
];

/**
 * Over VNC: the operator sees the target when a framebuffer update carrying it reaches the viewer,
 * which then draws it on the operator's screen. Read from the viewer's own copy of the remote screen.
 */
export class ViewerEyes implements Eyes {
  private visible = false;
  private readonly appeared: number[] = [];
  private readonly stop: () => void;

  constructor(
    private readonly client: RfbClient,
    private readonly step: StepPage,
    private readonly plan: InputPlan,
    /** The centre of the reaction area on the X screen, where the circle is drawn. */
    private readonly centre: Point,
    private readonly perTrialMs: number,
  ) {
    this.stop = client.onUpdate(() => {
      const arrived = step.now();
      const shown = PROBES.filter((p) => near(client.pixel(centre.x + p.x, centre.y + p.y), TARGET)).length;
      // Most probes, not all: the server may draw the mouse cursor over one of them.
      if (!this.visible && shown >= 3) this.appeared.push(arrived);
      if (shown >= 3) this.visible = true;
      else if (shown <= 1) this.visible = false;
    });
  }

  async nextTarget(): Promise<number | null> {
    const deadline = Date.now() + this.perTrialMs;
    let nextLook = 0;
    while (this.appeared.length === 0) {
      // The arrival time is taken when the update lands; this loop only has to notice it.
      if (Date.now() >= nextLook) {
        if (await this.step.completed()) return null;
        nextLook = Date.now() + 250;
      }
      if (Date.now() > deadline) throw new Error(`no target on the VNC screen within ${this.perTrialMs} ms`);
      await sleep(5);
    }
    return this.plan.seenOnScreen(this.appeared.shift()!);
  }

  close(): void {
    this.stop();
  }
}

function near(a: Rgb, b: Rgb): boolean {
  return Math.abs(a.r - b.r) <= 8 && Math.abs(a.g - b.g) <= 8 && Math.abs(a.b - b.b) <= 8;
}
