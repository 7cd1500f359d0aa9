import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteLinks } from '../../../bench/cadence/conditions';
import { InputPlan } from '../../../bench/cadence/injection';
import { parseInputTrace } from '../../../main/contract/input-trace';
import { InputEvidence } from '../../../main/contract/report';
import type { BrowserContext } from 'playwright-core';
import { launchProfile } from '../../support/chromium';
import { StepPage, harnessUrl, quickStep, workInputStep } from './drive';
import { startHarness, type Harness } from './harness-server';

const options = quickStep;
const centre = { x: 640, y: 400 };

let harness: Harness;
let chromium: BrowserContext;

beforeAll(async () => {
  [harness, chromium] = await Promise.all([startHarness(), launchProfile()]);
});

afterAll(async () => {
  await chromium?.close();
  await harness?.close();
});

async function work(plan: InputPlan): ReturnType<typeof workInputStep> {
  const step = await StepPage.open(chromium, harnessUrl(harness.url, options), centre);
  try {
    return await workInputStep(step, plan, options, 'stamped');
  } finally {
    await step.close();
  }
}

describe('input step in Chromium, with input injected through CDP', () => {
  // The two sessions run side by side in two pages: their events carry their own timestamps.
  it.concurrent(
    'records a valid, text-free trace of human-like input and judges it local',
    async () => {
      const plan = new InputPlan(2, { person: 'typical', link: null }, centre);
      const { trace, analysis, evidence, check } = await work(plan);

      expect(parseInputTrace(trace)).toEqual({ ok: true, trace });
      const { keyboard, pointer, reaction, clock } = analysis.features;
      expect(keyboard.keystrokes).toBeGreaterThanOrEqual(options.sentence.length);
      expect(trace.reactions).toHaveLength(options.trials);
      expect(reaction.valid).toBe(options.trials);
      expect(pointer.segments).toBeGreaterThanOrEqual(3);
      expect(trace.events.filter((e) => e.type === 'pointerdown').length).toBeGreaterThanOrEqual(6);
      expect(clock.frameRateHz).toBeGreaterThan(55);
      // Key ids only: nothing of what was typed.
      expect(JSON.stringify(trace)).not.toMatch(/Key[A-Z]|Space|laptop/);

      expect(analysis.decision).toBe('local');
      expect(reaction.medianMs).toBeLessThan(400);
      expect(evidence).toEqual(InputEvidence.parse(evidence));
      expect(evidence).toMatchObject({ decision: 'local', humanCheckRequested: false });
      expect(check).toMatchObject({ id: 'input.cadence', status: 'pass' });
    },
    60_000,
  );

  it.concurrent(
    'judges input carried by a remote-control link (100–200 ms, 30–60 Hz packets) suspect',
    async () => {
      const link = remoteLinks.find((l) => l.name === '100–200 ms, 30–60 Hz')!;
      const plan = new InputPlan(1, { person: 'typical', link }, centre);
      const { trace, analysis, check } = await work(plan);

      expect(parseInputTrace(trace).ok).toBe(true);
      expect(analysis.decision).toBe('suspect');
      const fired = analysis.indicators.filter((i) => i.fired).map((i) => i.name);
      expect(fired).toContain('reactionMedianMs');
      expect(analysis.features.reaction.medianMs).toBeGreaterThan(455);
      expect(check.status).toBe('fail');
    },
    60_000,
  );

  it('works by keyboard alone, announces each target in words, and its way out ends the step as a human check', async () => {
    const step = await StepPage.open(chromium, harnessUrl(harness.url, { ...options, clicks: 0 }), centre);
    const { page } = step;
    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement;
        return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent ?? ''}`;
      });
    try {
      await expect(page.getByRole('heading', { name: 'Typing and reaction' }).isVisible()).resolves.toBe(
        true,
      );
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('button:Start');
      await page.keyboard.press('Enter');

      await page.getByLabel('Your typing').waitFor();
      expect(await focused()).toMatch(/^textarea:/);
      // Playwright's own typing: each key released the moment it is pressed.
      await page.keyboard.type(options.sentence);
      await page.keyboard.press('Enter');

      const status = page.getByRole('status');
      await page.getByRole('group', { name: 'Reaction area' }).waitFor();
      expect(await focused()).toBe('button:Start');
      await page.keyboard.press('Enter');
      expect(await status.getAttribute('aria-live')).toBe('assertive');
      await expect(status.textContent()).resolves.toBe('Wait for the circle…');
      expect(await step.nextOnset(5_000)).toBeGreaterThan(0);
      await expect(status.textContent()).resolves.toBe('Now! Press any key or click.');
      await page.keyboard.press('Space');
      await page.getByText('Round 2 of 6').waitFor();

      await page.keyboard.press('Tab');
      expect(await focused()).toBe('button:I can’t do timed tasks');
      await page.keyboard.press('Enter');
      const { trace, analysis, evidence, check } = await step.result();

      expect(parseInputTrace(trace).ok).toBe(true);
      expect(trace.reactions[0]?.response?.kind).toBe('key');
      expect(evidence.humanCheckRequested).toBe(true);
      expect(check.summary).toMatch(/^The hire asked for a person to check instead of the timed steps\./);
      // A script's keys, pressed and released at once, are caught even on the way out.
      expect(analysis.indicators.find((i) => i.name === 'dwellUnder15')?.fired).toBe(true);
      expect(await focused()).toBe('h2:Thank you');
    } finally {
      await step.close();
    }
  }, 30_000);
});
