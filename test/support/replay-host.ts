import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../../main/contract/checks';
import { readRecording } from '../../main/cli/read-recording';
import type { RecordedMachine } from '../../main/probes/recorded/replay-host';

export { replayHost, type RecordedMachine, type Recording } from '../../main/probes/recorded/replay-host';

export const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'recorded');

/** A recorded machine under test/fixtures/recorded/<platform>/<scenario>/ (layout: main/probes/recorded). */
export function loadRecordedMachine(platform: Platform, scenario: string): RecordedMachine {
  const machine = readRecording(join(RECORDED, platform, scenario));
  if (machine.platform !== platform) throw new Error(`${scenario} is a ${machine.platform} recording`);
  return machine;
}

export function recordedText(platform: Platform, scenario: string, name: string): string {
  return readFileSync(join(RECORDED, platform, scenario, name), 'utf8');
}
