import type { CodeSignature } from './app-state';

/** PowerShell that prints one executable's Authenticode verdict as JSON (the path is quoted for it). */
export function authenticodeScript(executablePath: string): string {
  const path = `'${executablePath.replaceAll("'", "''")}'`;
  return (
    `Get-AuthenticodeSignature -LiteralPath ${path} | ForEach-Object { [pscustomobject]@{ ` +
    `Status = $_.Status.ToString(); StatusMessage = $_.StatusMessage; ` +
    `Signer = $(if ($_.SignerCertificate) { $_.SignerCertificate.Subject } else { $null }) } } | ConvertTo-Json -Compress`
  );
}

/** Windows' SignatureStatus names, by what they mean for a shipped app. */
const STATUS: Record<string, CodeSignature['status']> = {
  Valid: 'valid',
  NotSigned: 'unsigned',
  HashMismatch: 'invalid',
  NotTrusted: 'invalid',
  UnknownError: 'invalid',
  NotSupportedFileFormat: 'unverifiable',
  Incompatible: 'unverifiable',
};

/** Reads the JSON `authenticodeScript` prints. */
export function parseAuthenticode(json: string): CodeSignature {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`Get-AuthenticodeSignature printed something other than JSON: ${json.slice(0, 200)}`);
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const status = typeof record.Status === 'string' ? record.Status : '';
  const verdict = STATUS[status];
  if (!verdict) throw new Error(`Get-AuthenticodeSignature reported an unknown status '${status}'`);
  return {
    method: 'authenticode',
    status: verdict,
    signer: typeof record.Signer === 'string' ? record.Signer : null,
    detail: `${status}${typeof record.StatusMessage === 'string' ? `: ${record.StatusMessage}` : ''}`,
  };
}
