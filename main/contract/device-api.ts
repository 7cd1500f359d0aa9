import { z } from 'zod';
import { ById, endpoint, Time } from './hr-api';
import {
  ChallengeRequest,
  ChallengeResponse,
  EnrolmentRequest,
  EnrolmentResponse,
  DeviceSchedule,
  PrivacyTerms,
  ReportAck,
} from './protocol';
import { BiometricWithdrawal } from './hr-api';

/** The schedule as the server sends it: what the app reads (`DeviceSchedule`), and the device it is for. */
export const DeviceScheduleView = DeviceSchedule.extend({
  deviceId: z.string(),
  nextDueAt: Time,
  everyDays: z.number().int(),
  lastReportAt: Time.nullable(),
});

/**
 * The HR service's routes for devices (the app and the headless command), beside their request
 * schemas in `protocol.ts`: enrolment, challenges, reports and the schedule. Every one after
 * enrolment is signed with the device key.
 */
export const deviceApi = {
  enrol: endpoint({
    method: 'POST',
    path: '/v1/enrolments',
    status: 201,
    body: EnrolmentRequest,
    response: EnrolmentResponse,
  }),
  challenge: endpoint({
    method: 'POST',
    path: '/v1/challenges',
    status: 201,
    body: ChallengeRequest,
    response: ChallengeResponse,
  }),
  /** Body: the report as a compact JWS (`application/jose`); 201, or 200 for a retry. */
  submitReport: endpoint({ method: 'POST', path: '/v1/reports', status: 201, response: ReportAck }),
  schedule: endpoint({
    method: 'GET',
    path: '/v1/devices/:id/schedule',
    status: 200,
    params: ById,
    response: DeviceScheduleView,
  }),
  /** The hire withdraws biometric consent from the app's home screen (signed). */
  withdrawBiometricConsent: endpoint({
    method: 'POST',
    path: '/v1/devices/:id/biometric-consent/withdrawal',
    status: 200,
    params: ById,
    body: z.object({}).strict(),
    response: BiometricWithdrawal,
  }),
  /**
   * A report's verdict as it stands now (signed; only the device that sent it): the app shows the
   * server's decision once the face job that was pending at submission has ended.
   */
  reportVerdict: endpoint({
    method: 'GET',
    path: '/v1/devices/:id/reports/:reportId',
    status: 200,
    params: ById.extend({ reportId: z.uuid() }),
    response: ReportAck,
  }),
  /** What the consent screen states, before enrolment (no authentication). */
  privacy: endpoint({ method: 'GET', path: '/v1/privacy', status: 200, response: PrivacyTerms }),
} as const;
