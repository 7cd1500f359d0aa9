import { homedir, userInfo } from 'node:os';
import { attestDevice } from '../attest/attest-device';
import { enrolThisDevice } from '../attest/enrol-device';
import { observeDevice, sourceOf, type DeviceObservation } from '../attest/observe-device';
import { checks as catalogue } from '../checks/catalogue/index';
import { observeChecks, type ProgressEvent } from '../checks/engine';
import type { CheckResult, ChecksReport } from '../contract/checks';
import {
  CONSENT_VERSION,
  type DeviceStatus,
  type LastVerdict,
  type RefusedReport,
  type SubmitResult,
} from '../contract/ipc';
import { defaultPolicy } from '../contract/policy';
import { reportOutcome } from '../outbox/report-outcome';
import { verdictOf } from '../contract/verdict';
import { loadAppState, updateAppState } from '../data/app-state';
import { loadEnrolment } from '../data/enrolment';
import { getPrivacyTerms, getReportVerdict, getSchedule, withdrawBiometricConsent } from '../hr/hr-client';
import type { DeviceKeyStore } from '../identity/device-signer';
import type { IpcHandlers } from '../ipc/dispatch';
import type { EmitEvent } from '../ipc/events';
import { diagnosticsBundle } from '../helpdesk/diagnostics-bundle';
import { deliverQueued } from '../outbox/deliver';
import { httpSender } from '../outbox/http-sender';
import type { Outbox } from '../outbox/outbox';
import { rawOutputFiles } from '../helpdesk/raw-outputs';
import type { Host } from '../probes/host';
import { capturingHost, type MachineCapture } from '../probes/recorded/capturing-host';
import { readIdentity } from '../probes/identity/read-identity';
import type { AppRuntime } from '../probes/app/app-state';
import { probesFor } from '../probes/registry';
import type { ChallengeResponse } from '../contract/protocol';
import { takeChallenge } from '../hr/hr-client';
import { answersCameraStep, challengeToAnswer } from './camera-challenge';
import { DeviceError } from './device-error';
import { oneMoreDeferral, reattestationPrompt } from './reattestation-deferrals';

export interface DeviceServiceOptions {
  dataDir: string;
  keys: DeviceKeyStore;
  outbox: Outbox;
  /** Opened for every run, so a sysroot that changes between runs (tests, the browser shell) is re-read. */
  openHost: () => Promise<Host>;
  /** The HR service this device enrols with; later calls go to the server it enrolled with. */
  server: string | null;
  /** How this program was started (the Electron main's, or a checkout's): `app.integrity` reads it. */
  runtime: AppRuntime;
  emit: EmitEvent;
  now?: () => Date;
  /** Delivery gives up for now after this long; the report stays in the outbox. */
  deliveryDeadlineMs?: number;
}

/** An observation is reused for a submission if it is this recent; older, the device is observed again. */
const FRESH_CHECKS_MS = 5 * 60_000;

/** Every IPC method except the deep link, which belongs to the app's lifecycle. */
export type DeviceService = Omit<IpcHandlers, 'takeEnrolLink'> & {
  /** Sends whatever waits in the outbox (at start-up and from the tray). */
  flushOutbox(): Promise<number>;
};

/** The newest refusal after HR's last answer: an older one was overtaken by a report HR took. */
function refusalSince(refused: readonly RefusedReport[], last: LastVerdict | null): RefusedReport | null {
  const newest = refused.reduce<RefusedReport | null>((a, r) => (a && a.at >= r.at ? a : r), null);
  return newest && (!last || newest.at > last.receivedAt) ? newest : null;
}

/** Everything the app's window asks of the main process, in plain Node, so tests run it without Electron. */
export function deviceService(options: DeviceServiceOptions): DeviceService {
  const { dataDir, keys, outbox, emit } = options;
  const probes = probesFor(options.runtime);
  const now = options.now ?? (() => new Date());
  let last: { observed: DeviceObservation; at: number; read: MachineCapture } | null = null;
  /** The challenge the camera step began with (its nonce stays here); the report answers it. */
  let cameraChallenge: ChallengeResponse | null = null;

  const enrolled = async () => {
    const enrolment = await loadEnrolment(dataDir);
    const signer = await keys.load();
    if (!enrolment || !signer)
      throw new DeviceError('device.not-enrolled', 'this device is not enrolled yet');
    return { enrolment, signer };
  };

  const policy = async () => (await loadEnrolment(dataDir))?.policy ?? defaultPolicy;

  const onProgress = (event: ProgressEvent) => emit('checkProgress', event);

  const observe = async () => {
    const host = capturingHost(await options.openHost());
    const observed = await observeDevice(host, probes, await policy(), onProgress);
    last = { observed, at: now().getTime(), read: host.capture() };
    return observed;
  };
  const runAll = async (): Promise<ChecksReport> => (await observe()).checks;

  /** The hire's choice now: no camera check. Recorded with the consent text in force. */
  const declineBiometrics = () =>
    updateAppState(dataDir, {
      consent: { version: CONSENT_VERSION, acceptedAt: now().toISOString(), biometric: false },
    });

  const status = async (): Promise<DeviceStatus> => {
    const enrolment = await loadEnrolment(dataDir);
    let state = await loadAppState(dataDir);
    let schedule: DeviceStatus['schedule'] = null;
    let scheduleProblem: string | null = null;
    if (enrolment) {
      try {
        const signer = await keys.load();
        if (!signer) throw new Error('the device key is missing; enrol again');
        const answer = await getSchedule(enrolment.server, enrolment.deviceId, signer, now());
        schedule = { nextDueAt: answer.nextDueAt, overdue: answer.overdue };
        // HR withdrew it: the camera step must not open again on this laptop.
        if (answer.biometricConsentWithdrawn && state.consent?.biometric) state = await declineBiometrics();
      } catch (error) {
        scheduleProblem = (error as Error).message;
      }
    }
    return {
      enrolled: enrolment !== null,
      hireName: enrolment?.hireName ?? null,
      deviceId: enrolment?.deviceId ?? null,
      server: enrolment?.server ?? options.server,
      consent: state.consent,
      schedule,
      scheduleProblem,
      lastVerdict: state.lastVerdict,
      lastRefusal: refusalSince(await outbox.dead(), state.lastVerdict),
      helpdeskOffered: enrolment?.policy.helpdeskMenu ?? false,
      reattestation:
        enrolment && schedule
          ? reattestationPrompt(schedule, enrolment.policy.reattestation, state.deferrals, now())
          : null,
    };
  };

  const identity = async () => ({
    identity: await readIdentity(await options.openHost()),
    keyThumbprint: (await keys.load())?.thumbprint ?? null,
  });

  const outboxState = async () => ({
    queued: (await outbox.queued()).map((q) => ({ reportId: q.reportId, bytes: q.jws.length })),
    refused: await outbox.dead(),
  });

  return {
    getStatus: status,

    async getConsentTerms() {
      const server = (await loadEnrolment(dataDir))?.server ?? options.server;
      if (!server) throw new DeviceError('app.no-server', 'no HR service is configured for enrolment');
      return getPrivacyTerms(server);
    },

    async withdrawBiometricConsent() {
      const enrolment = await loadEnrolment(dataDir);
      const signer = await keys.load();
      // Before enrolment nothing reached HR: the choice on this laptop is all there is to change.
      if (enrolment && signer) await withdrawBiometricConsent(enrolment.server, enrolment.deviceId, signer);
      await declineBiometrics();
      return status();
    },

    async recordConsent({ biometric }) {
      await updateAppState(dataDir, {
        consent: { version: CONSENT_VERSION, acceptedAt: now().toISOString(), biometric },
      });
      return status();
    },

    async enrol({ code }) {
      if (!options.server)
        throw new DeviceError('app.no-server', 'no HR service is configured for enrolment');
      const { consent } = await loadAppState(dataDir);
      if (!consent) throw new DeviceError('consent.missing', 'the hire has not given consent yet');
      const host = await options.openHost();
      await enrolThisDevice({
        server: options.server,
        code,
        dataDir,
        keys,
        client: 'app',
        identity: await readIdentity(host),
        observedFrom: sourceOf(host),
      });
      return status();
    },

    async deferReattestation() {
      const current = await status();
      if (!current.enrolled) throw new DeviceError('device.not-enrolled', 'this device is not enrolled yet');
      const { schedule, reattestation } = current;
      if (!schedule || !reattestation)
        throw new DeviceError(
          'reattest.schedule-unknown',
          current.scheduleProblem ?? 'the schedule is unknown',
        );
      if (!reattestation.due) throw new DeviceError('reattest.not-due', 'no check is due yet');
      if (reattestation.deferralsLeft === 0)
        throw new DeviceError(
          'reattest.no-deferrals-left',
          schedule.overdue
            ? 'this check is overdue and cannot be put off'
            : 'this check has been put off as often as your employer allows',
        );
      const { deferrals } = await loadAppState(dataDir);
      await updateAppState(dataDir, { deferrals: oneMoreDeferral(schedule, deferrals) });
      return status();
    },

    runChecks: runAll,

    async rerunCheck({ id }) {
      const check = catalogue.find((c) => c.id === id);
      if (!check) throw new DeviceError('check.unknown', `there is no check named ${id}`);
      const { checks, readings } = await observeChecks({
        checks: [check],
        probes,
        host: await options.openHost(),
        policy: await policy(),
        onProgress,
      });
      const [result] = checks.checks as [CheckResult];
      if (last) {
        const { observed } = last;
        const merged = observed.checks.checks.map((c) => (c.id === id ? result : c));
        last.observed = {
          ...observed,
          checks: { ...observed.checks, checks: merged, verdict: verdictOf(merged) },
          observations: {
            ...observed.observations,
            probes: { ...observed.observations.probes, ...readings },
          },
        };
      }
      return result;
    },

    getIdentity: identity,

    getOutbox: outboxState,

    async beginCameraStep() {
      const { enrolment, signer } = await enrolled();
      const { consent } = await loadAppState(dataDir);
      if (!consent?.biometric)
        throw new DeviceError('consent.biometric', 'the camera check needs the hire’s biometric consent');
      cameraChallenge = null;
      let challenge: ChallengeResponse;
      try {
        challenge = await takeChallenge(enrolment.server, signer);
      } catch (error) {
        // Offline there is nothing to answer: movements the app chose itself would only go to review.
        throw new DeviceError(
          'camera.no-challenge',
          'The camera check needs your employer’s HireProof service to choose its movements, and it ' +
            `could not be asked (${(error as Error).message}). Try again once you are online, or ask ` +
            'for a video call with a person.',
        );
      }
      if (!challenge.evidence.face) return null;
      const movements = challenge.evidence.movements;
      if (!movements)
        throw new DeviceError(
          'camera.no-movements',
          'the HR service asks for a camera check but names no movements: it needs an update',
        );
      cameraChallenge = challenge;
      return { movements, expiresAt: challenge.expiresAt };
    },

    async submitAttestation(request): Promise<SubmitResult> {
      const { enrolment, signer } = await enrolled();
      const { consent } = await loadAppState(dataDir);
      if (request.face && !consent?.biometric) {
        throw new DeviceError('consent.biometric', 'face evidence needs the hire’s biometric consent');
      }
      let challenge: ChallengeResponse | undefined;
      if (answersCameraStep(request)) {
        try {
          challenge = challengeToAnswer(cameraChallenge, request, now());
        } catch (error) {
          cameraChallenge = null;
          throw error;
        }
      }
      const observed = last && now().getTime() - last.at <= FRESH_CHECKS_MS ? last.observed : await observe();
      const { report, delivery } = await attestDevice({
        enrolment,
        signer,
        outbox,
        observed,
        appVersion: options.runtime.version,
        evidence: { input: request.input, face: request.face, liveness: request.liveness, consent },
        deliveryDeadlineMs: options.deliveryDeadlineMs ?? 10_000,
        ...(challenge ? { challenge } : {}),
      });
      // Its nonce is spent: a second report needs a new camera step.
      if (challenge) cameraChallenge = null;
      const outcome = reportOutcome(report.reportId, delivery);
      if (outcome.state === 'refused') return outcome;
      // An answer that is not an acknowledgement gives the hire no verdict either: still waiting.
      if (outcome.state !== 'accepted')
        return { state: 'queued', reportId: outcome.reportId, waiting: delivery.remaining };
      const { reportId } = outcome;
      const verdict = { ...outcome.ack, receivedAt: now().toISOString() };
      await updateAppState(dataDir, { lastVerdict: verdict });
      return { state: 'accepted', reportId, verdict };
    },

    async refreshVerdict() {
      const { lastVerdict } = await loadAppState(dataDir);
      if (!lastVerdict?.pending?.length) return lastVerdict;
      const { enrolment, signer } = await enrolled();
      const ack = await getReportVerdict(enrolment.server, enrolment.deviceId, lastVerdict.reportId, signer);
      const verdict = { ...ack, receivedAt: now().toISOString() };
      await updateAppState(dataDir, { lastVerdict: verdict });
      return verdict;
    },

    async exportDiagnostics() {
      const [current, device, queue] = await Promise.all([status(), identity(), outboxState()]);
      const checks = last?.observed.checks ?? (await runAll());
      const read = last?.read;
      return diagnosticsBundle(
        {
          appVersion: options.runtime.version,
          generatedAt: now(),
          status: current,
          checks,
          identity: device,
          outbox: queue,
          raw: read ? rawOutputFiles(read) : {},
        },
        { homeDir: homedir(), userName: userInfo().username, hireName: current.hireName },
      );
    },

    async flushOutbox() {
      const enrolment = await loadEnrolment(dataDir);
      if (!enrolment) return 0;
      const summary = await deliverQueued(outbox, httpSender(enrolment.server), {
        deadlineMs: options.deliveryDeadlineMs ?? 10_000,
      });
      return summary.remaining;
    },
  };
}
