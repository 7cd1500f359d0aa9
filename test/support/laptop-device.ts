import { openHost } from '../../main/cli/open-host';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { deviceService, type DeviceService } from '../../main/device/device-service';
import { fileKeyStore } from '../../main/identity/key-store';
import { Outbox } from '../../main/outbox/outbox';
import { sysroot } from './sysroots';

/** The app's main-process services on a data folder, reading the clean fixture laptop, sending to `server`. */
export function laptopDevice(dataDir: string, server: string, now?: () => Date): DeviceService {
  return deviceService({
    dataDir,
    keys: fileKeyStore(dataDir),
    outbox: new Outbox(dataDir),
    openHost: () => openHost(sysroot('laptop')),
    server,
    runtime: { ...sourceRuntime(), version: '0.1.0-test' },
    emit: () => undefined,
    ...(now ? { now } : {}),
  });
}
