// Run as its own `node` process by test/integration/runtime-tamper.test.ts (bundled first, so the
// child's command line carries no loader flags): the real linux runtime probe on the live machine.
import { runtimeTamperCheck } from '../../main/checks/catalogue/runtime-tamper';
import { defaultPolicy } from '../../main/contract/policy';
import { realHost } from '../../main/probes/host';
import { readLinuxRuntime } from '../../main/probes/runtime/linux';

const facts = await readLinuxRuntime(realHost('linux'));
const outcome = runtimeTamperCheck.rule({ runtime: facts }, { policy: defaultPolicy, platform: 'linux' });
process.stdout.write(JSON.stringify({ facts, outcome }));
