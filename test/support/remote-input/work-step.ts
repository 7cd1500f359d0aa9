import type { InputPlan } from '../../../bench/cadence/injection';
import type { Point } from '../../../bench/cadence/person';
import type { InputStepResult } from '../../../renderer/input/input-step-result';
import type { StepOptions, StepPage } from '../../e2e/input/drive';
import type { Eyes } from './eyes';
import type { Hands } from './hands';

/**
 * One whole input step worked by a planned person through real input: the stand-in onboarding
 * clicks, Start, the sentence typed, Continue, Start, then each reaction target answered once the
 * person's eyes report it. Returns what the step recorded and how the analyzer judged it.
 */
export async function workStepBy(
  step: StepPage,
  plan: InputPlan,
  hands: Hands,
  /** The person's view of the reaction target, given where on the page (CSS px) the circle is drawn. */
  eyesOn: (circle: Point) => Eyes,
  options: StepOptions,
): Promise<InputStepResult> {
  const { page } = step;
  const now = (): number => step.now();
  // Where the person's hand has the pointer to begin with.
  await hands.play([{ kind: 'move', time: now(), ...plan.cursorAt() }], now);
  const click = async (name: string): Promise<void> => {
    const target = await step.centreOf(page.getByRole('button', { name, exact: true }));
    await hands.play(plan.click(target, now()), now);
  };
  for (let i = 1; i <= options.clicks; i++) await click(`Point ${i}`);
  await click('Start');
  await page.getByLabel('Your typing').waitFor();
  await hands.play(plan.type(options.sentence, now()), now);
  await click('Continue');
  await page.getByRole('group', { name: 'Reaction area' }).waitFor();
  await click('Start');
  // Start is gone once the rounds run, and the area has moved up into its place.
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor({ state: 'detached' });
  const eyes = eyesOn(await step.centreOf(page.getByRole('group', { name: 'Reaction area' })));
  try {
    for (let seen = await eyes.nextTarget(); seen !== null; seen = await eyes.nextTarget()) {
      await hands.play(plan.respond(seen), now);
    }
  } finally {
    eyes.close();
  }
  return step.result();
}
