import type { Identity } from '../contract/identity';
import type { ObservationSource } from '../contract/observations';
import type { DeviceClient } from '../contract/protocol';
import { saveEnrolment, loadEnrolment, type Enrolment } from '../data/enrolment';
import { enrolDevice } from '../hr/hr-client';
import type { DeviceKeyStore } from '../identity/device-signer';

/**
 * Binds this device to a hire: makes the device key (once), sends its public half with the code
 * and the identity, and keeps what the server answered. A device enrols once.
 */
export async function enrolThisDevice(input: {
  server: string;
  code: string;
  dataDir: string;
  keys: DeviceKeyStore;
  client: DeviceClient;
  identity: Identity;
  observedFrom: ObservationSource;
}): Promise<Enrolment> {
  const existing = await loadEnrolment(input.dataDir);
  if (existing)
    throw new Error(
      `this device is already enrolled (device ${existing.deviceId} at ${existing.server}); to enrol again, use another --data folder or remove ${input.dataDir}`,
    );
  const signer = (await input.keys.load()) ?? (await input.keys.create());
  const answer = await enrolDevice(input.server, {
    code: input.code,
    publicKey: signer.publicJwk,
    client: input.client,
    identity: input.identity,
    observedFrom: input.observedFrom,
  });
  const enrolment: Enrolment = {
    server: input.server,
    deviceId: answer.deviceId,
    hireName: answer.hire.name,
    enrolledAt: new Date().toISOString(),
    keyThumbprint: signer.thumbprint,
    policy: answer.policy,
  };
  await saveEnrolment(input.dataDir, enrolment);
  return enrolment;
}
