import { REPORT_JWS_TYPE, type ReportPayload } from '../contract/report';
import type { DeviceSigner } from './device-signer';

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** A compact JWS (EdDSA) built by hand, so any DeviceSigner (TPM too) can sign it. */
export async function compactJws(type: string, payload: unknown, signer: DeviceSigner): Promise<string> {
  const header = { alg: 'EdDSA', typ: type, kid: signer.thumbprint };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = await signer.sign(new TextEncoder().encode(input));
  return `${input}.${base64url(signature)}`;
}

export const signReport = (payload: ReportPayload, signer: DeviceSigner): Promise<string> =>
  compactJws(REPORT_JWS_TYPE, payload, signer);
