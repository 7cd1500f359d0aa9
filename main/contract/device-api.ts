import { z } from 'zod';
import { ById, endpoint, Time } from './hr-api';
import {
  ChallengeRequest,
  ChallengeResponse,
  EnrolmentRequest,
  EnrolmentResponse,
  ReportAck,
} from './protocol';

export const DeviceScheduleView = z.object({
  deviceId: z.string(),
  nextDueAt: Time,
  everyDays: z.number().int(),
  overdue: z.boolean(),
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
} as const;
