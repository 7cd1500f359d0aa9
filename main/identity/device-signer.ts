/** The public half of a device key, as enrolled with the HR service. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

/**
 * What signs for the device. The private key never leaves the implementation, so a TPM- or
 * Secure-Enclave-backed signer can replace the software one without touching its callers.
 */
export interface DeviceSigner {
  readonly publicJwk: Ed25519Jwk;
  /** RFC 7638 thumbprint of publicJwk: the key's name on the server and in every JWS header. */
  readonly thumbprint: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface DeviceKeyStore {
  /** The device's key, or null before enrolment. */
  load(): Promise<DeviceSigner | null>;
  /** Makes the device's one key; refuses when one exists (re-enrolment is an explicit reset). */
  create(): Promise<DeviceSigner>;
}
