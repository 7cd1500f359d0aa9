import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { MOUSE_BUTTON, type InjectedEvent, type InputPlan } from '../../../bench/cadence/injection';
import type { Point } from '../../../bench/cadence/person';
import type { InputStepResult } from '../../../renderer/input/input-step-result';
import { waitUntil } from '../../support/wait-until';

export interface StepOptions {
  /** Clicks on stand-in onboarding buttons before the step (recorded passively), at most 5. */
  clicks: number;
  sentence: string;
  trials: number;
  waitMs: readonly [number, number];
  timeoutMs: number;
}

/** Short rounds that keep a test or a bench run quick; the product's defaults are 10 rounds with 1–3 s waits. */
export const quickStep: StepOptions = {
  clicks: 3,
  sentence: 'my laptop works fine today',
  trials: 6,
  waitMs: [500, 1200],
  timeoutMs: 3000,
};

/**
 * How injected events get their `event.timeStamp`: `stamped` passes each event's planned time to CDP
 * (as an OS stamps input when the device reports it); `unstamped` leaves Chromium to stamp it when
 * the command arrives, so Node's timer and the CDP pipe set the timing.
 */
export type Stamping = 'stamped' | 'unstamped';

export function harnessUrl(base: string, step: StepOptions): string {
  const query = new URLSearchParams({
    clicks: String(step.clicks),
    sentence: step.sentence,
    trials: String(step.trials),
    waitLow: String(step.waitMs[0]),
    waitHigh: String(step.waitMs[1]),
    timeoutMs: String(step.timeoutMs),
  });
  return `${base}?${query}`;
}

/** A harness page with the step on it, and the page's clock as seen from Node. */
export class StepPage {
  private readonly onsets: number[] = [];
  private onsetWaiter: (() => void) | null = null;
  private buttonDown = false;
  private cursor: Point;

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    /** The page's performance.timeOrigin (epoch ms). */
    private readonly pageOrigin: number,
    start: Point,
  ) {
    this.cursor = start;
  }

  static async open(context: BrowserContext, url: string, start: Point): Promise<StepPage> {
    return StepPage.attach(context, await context.newPage(), start, (page) => page.goto(url));
  }

  /**
   * Drives a page that is already open (the app's own window); `ready` brings it to the step. The
   * page tells each target's onset through `window.harnessTarget`.
   */
  static async attach(
    context: BrowserContext,
    page: Page,
    start: Point,
    ready: (page: Page) => Promise<unknown> = () => Promise.resolve(),
  ): Promise<StepPage> {
    let self: StepPage | null = null;
    const early: number[] = [];
    await page.exposeBinding('harnessTarget', (_source, onset: number) => {
      if (self) self.targetDrawn(onset);
      else early.push(onset);
    });
    await ready(page);
    const cdp = await context.newCDPSession(page);
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    self = new StepPage(page, cdp, pageOrigin, start);
    for (const onset of early) self.targetDrawn(onset);
    return self;
  }

  /** Now, on the page's performance timeline. */
  now(): number {
    return performance.timeOrigin + performance.now() - this.pageOrigin;
  }

  /** The centre of the element a locator finds, in CSS pixels. */
  async centreOf(locator: ReturnType<Page['locator']>): Promise<Point> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`not on screen: ${String(locator)}`);
    return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  }

  /** The onset of the next target the page draws, or null once the step has ended. */
  async nextOnset(timeoutMs: number): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.onsets.length === 0) {
      if (await this.completed()) return null;
      if (Date.now() > deadline) throw new Error(`no target within ${timeoutMs} ms`);
      await Promise.race([new Promise<void>((resolve) => (this.onsetWaiter = resolve)), sleep(250)]);
    }
    return this.onsets.shift()!;
  }

  async completed(): Promise<boolean> {
    return this.page.evaluate(() => window.hireproofInputResult !== undefined);
  }

  async result(timeoutMs = 10_000): Promise<InputStepResult> {
    await this.page.waitForFunction(() => window.hireproofInputResult !== undefined, undefined, {
      timeout: timeoutMs,
    });
    return this.page.evaluate(() => window.hireproofInputResult!);
  }

  /**
   * Sends each event through CDP no earlier than its time. Events within a millisecond of each other go out together, as one packet.
   */
  async inject(events: readonly InjectedEvent[], stamping: Stamping): Promise<void> {
    const sent: Promise<unknown>[] = [];
    let i = 0;
    while (i < events.length) {
      const batch = [events[i++]!];
      while (i < events.length && events[i]!.time - batch[0]!.time <= 1) batch.push(events[i++]!);
      await waitUntil(batch[batch.length - 1]!.time, () => this.now());
      for (const event of batch) sent.push(this.send(event, stamping));
    }
    await Promise.all(sent);
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  private targetDrawn(onset: number): void {
    this.onsets.push(onset);
    this.onsetWaiter?.();
    this.onsetWaiter = null;
  }

  private send(event: InjectedEvent, stamping: Stamping): Promise<unknown> {
    const timestamp = stamping === 'stamped' ? { timestamp: (this.pageOrigin + event.time) / 1000 } : {};
    if (event.kind === 'move') {
      this.cursor = { x: event.x, y: event.y };
      return this.cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseMoved',
        ...this.cursor,
        button: this.buttonDown ? 'left' : 'none',
        buttons: this.buttonDown ? 1 : 0,
        ...timestamp,
      });
    }
    if (event.code === MOUSE_BUTTON) {
      this.buttonDown = event.kind === 'keydown';
      return this.cdp.send('Input.dispatchMouseEvent', {
        type: this.buttonDown ? 'mousePressed' : 'mouseReleased',
        ...this.cursor,
        button: 'left',
        buttons: this.buttonDown ? 1 : 0,
        clickCount: 1,
        ...timestamp,
      });
    }
    const key = keyOf(event.code);
    return this.cdp.send('Input.dispatchKeyEvent', {
      type: event.kind === 'keydown' ? 'keyDown' : 'keyUp',
      code: event.code,
      key: key.key,
      windowsVirtualKeyCode: key.keyCode,
      nativeVirtualKeyCode: key.keyCode,
      ...(event.kind === 'keydown' ? { text: key.key } : {}),
      ...timestamp,
    });
  }
}

/** `KeyA`…`KeyZ` and `Space`, the keys the plans type. */
function keyOf(code: string): { key: string; keyCode: number } {
  if (code === 'Space') return { key: ' ', keyCode: 32 };
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (!letter) throw new Error(`no key mapping for ${code}`);
  return { key: letter.toLowerCase(), keyCode: letter.charCodeAt(0) };
}

/**
 * One whole input step worked by a planned person: the stand-in onboarding clicks, click Start, type the sentence, click Continue,
 * click Start for the reaction rounds, answer each target as it is drawn. Returns the step's result.
 */
export async function workInputStep(
  step: StepPage,
  plan: InputPlan,
  options: StepOptions,
  stamping: Stamping,
): Promise<InputStepResult> {
  const { page } = step;
  const click = async (name: string): Promise<void> => {
    const target = await step.centreOf(page.getByRole('button', { name, exact: true }));
    await step.inject(plan.click(target, step.now()), stamping);
  };
  for (let i = 1; i <= options.clicks; i++) await click(`Point ${i}`);
  await click('Start');
  await page.getByLabel('Your typing').waitFor();
  await step.inject(plan.type(options.sentence, step.now()), stamping);
  await click('Continue');
  await page.getByRole('group', { name: 'Reaction area' }).waitFor();
  await click('Start');
  const perTrial = options.waitMs[1] + options.timeoutMs + 5_000;
  for (let onset = await step.nextOnset(perTrial); onset !== null; onset = await step.nextOnset(perTrial)) {
    await step.inject(plan.react(onset), stamping);
  }
  return step.result();
}
