import type { BrowserContext } from 'playwright-core';
import { InputPlan } from '../../../bench/cadence/injection';
import type { PersonKind } from '../../../bench/cadence/person';
import { defaultSentence } from '../../../renderer/input/InputStep';
import type { InputStepResult } from '../../../renderer/input/input-step-result';
import { launchProfile } from '../chromium';
import { StepPage, harnessUrl, quickStep, type StepOptions } from '../../e2e/input/drive';
import { startHarness, type Harness } from '../../e2e/input/harness-server';
import { ScreenEyes, ViewerEyes, type Eyes } from './eyes';
import { onScreen, type Hands, type PageOrigin } from './hands';
import { putAhead } from './priority';
import { RfbClient } from './rfb-client';
import { VncViewerHands } from './viewer-hands';
import { startDesk, type Desk } from './x-desk';
import { workStepBy } from './work-step';
import { XdotoolHands } from './xdotool-hands';

/**
 * The step's own sentence; the reaction rounds shortened (6 rounds, 0.5–1.2 s waits) so a run takes
 * about 25 s. One stand-in click before the step gives the pointer four movements to measure.
 */
export const remoteInputStep: StepOptions = { ...quickStep, clicks: 1, sentence: defaultSentence };

const START = { x: 640, y: 400 };

/** Who types: a person from the calibration's models, the same for a local and a remote run of one seed. */
export interface Typist {
  seed: number;
  person: PersonKind;
}

export interface RunResult extends InputStepResult {
  plan: InputPlan;
  /** How late each scripted event was handed on (ms); see `Hands.lateMs`. */
  lateMs: number[];
}

/**
 * A hire's desktop for input-step runs: Xvfb, x11vnc sharing it, and headed Chromium (Debian's,
 * fresh profile) in a window filling it, showing the input step. Runs are worked either on the
 * machine (xdotool) or from a VNC viewer through a port that may lead through a latency relay.
 */
export class InputDesk {
  private constructor(
    readonly desk: Desk,
    private readonly harness: Harness,
    private readonly chromium: BrowserContext,
    private readonly options: StepOptions,
  ) {}

  static async open(displayNumber: number, vncPort: number, options = remoteInputStep): Promise<InputDesk> {
    // This process plays the person's hands and eyes, and the VNC viewer on their computer.
    putAhead();
    const desk = await startDesk(displayNumber, vncPort);
    try {
      const [harness, chromium] = await Promise.all([
        startHarness(),
        launchProfile({ display: { name: desk.display, width: desk.width, height: desk.height } }),
      ]);
      return new InputDesk(desk, harness, chromium, options);
    } catch (error) {
      await desk.stop();
      throw error;
    }
  }

  /** Typed and clicked on the machine itself: xdotool into the X server, eyes on the page's own screen. */
  async local(typist: Typist): Promise<RunResult> {
    return this.run(typist, async (step, plan, origin) => {
      const hands = new XdotoolHands(this.desk.display, origin);
      try {
        const eyes = (): Eyes => new ScreenEyes(step, plan, this.perTrialMs);
        return { ...(await workStepBy(step, plan, hands, eyes, this.options)), lateMs: hands.lateMs };
      } finally {
        await hands.close();
      }
    });
  }

  /** From a VNC viewer connected to `port` (x11vnc's own, or a relay in front of it). */
  async overVnc(typist: Typist, port: number): Promise<RunResult> {
    return this.run(typist, async (step, plan, origin) => {
      const viewer = await RfbClient.connect('127.0.0.1', port);
      try {
        const hands: Hands = new VncViewerHands(viewer, origin);
        const eyes = (circle: { x: number; y: number }): Eyes =>
          new ViewerEyes(viewer, step, plan, onScreen(origin, circle), this.perTrialMs);
        return { ...(await workStepBy(step, plan, hands, eyes, this.options)), lateMs: hands.lateMs };
      } finally {
        await viewer.close();
      }
    });
  }

  async close(): Promise<void> {
    await this.chromium.close();
    await this.harness.close();
    await this.desk.stop();
  }

  private get perTrialMs(): number {
    return this.options.waitMs[1] + this.options.timeoutMs + 5_000;
  }

  private async run(
    typist: Typist,
    work: (step: StepPage, plan: InputPlan, origin: PageOrigin) => Promise<Omit<RunResult, 'plan'>>,
  ): Promise<RunResult> {
    const step = await StepPage.open(this.chromium, harnessUrl(this.harness.url, this.options), START);
    try {
      await step.page.bringToFront();
      // No window manager: the window sits at the screen's top left, the browser's bars above the page.
      const origin = await step.page.evaluate(() => ({
        x: window.screenX,
        y: window.screenY + window.outerHeight - window.innerHeight,
      }));
      const plan = new InputPlan(typist.seed, { person: typist.person, link: null }, START);
      return { ...(await work(step, plan, origin)), plan };
    } finally {
      await step.close();
    }
  }
}
