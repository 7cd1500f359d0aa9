import { notarize as notarizeWithApple } from '@electron/notarize';
import type { NotarizeOptionsNotaryTool, NotaryToolCredentials } from '@electron/notarize/lib/types';
import { packedAppPath, type PackedApp } from './packed-app';

export type Notarize = (options: NotarizeOptionsNotaryTool) => Promise<void>;
type Env = Record<string, string | undefined>;

/** Apple's three ways to authenticate notarytool, by the environment variables each one needs. */
const strategies: { vars: string[]; credentials: (env: Record<string, string>) => NotaryToolCredentials }[] =
  [
    {
      vars: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
      credentials: (env) => ({
        appleApiKey: env.APPLE_API_KEY!,
        appleApiKeyId: env.APPLE_API_KEY_ID!,
        appleApiIssuer: env.APPLE_API_ISSUER!,
      }),
    },
    {
      vars: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
      credentials: (env) => ({
        appleId: env.APPLE_ID!,
        appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD!,
        teamId: env.APPLE_TEAM_ID!,
      }),
    },
    {
      vars: ['APPLE_KEYCHAIN_PROFILE'],
      credentials: (env) => ({
        keychainProfile: env.APPLE_KEYCHAIN_PROFILE!,
        ...(env.APPLE_KEYCHAIN ? { keychain: env.APPLE_KEYCHAIN } : {}),
      }),
    },
  ];

/** The notarization credentials the environment holds, null when none; a half-set strategy is an error. */
export function notaryCredentials(env: Env): NotaryToolCredentials | null {
  for (const { vars, credentials } of strategies) {
    const present = vars.filter((name) => env[name]);
    if (present.length === vars.length) return credentials(env as Record<string, string>);
    if (present.length > 0) {
      const missing = vars.filter((name) => !env[name]);
      throw new Error(`notarization: ${present.join(', ')} set but ${missing.join(', ')} missing`);
    }
  }
  return null;
}

/**
 * electron-builder's afterSign hook: sends the signed macOS app to Apple's notary service and staples
 * the ticket, so Gatekeeper accepts it offline. Without credentials it says so and skips, unless
 * HIREPROOF_REQUIRE_NOTARIZATION=1 (release runners set it) makes that an error.
 */
export async function afterSign(
  context: PackedApp,
  env: Env = process.env,
  notarize: Notarize = notarizeWithApple,
  log: (line: string) => void = console.log,
): Promise<void> {
  if (context.electronPlatformName !== 'darwin') return;
  const appPath = packedAppPath(context);
  const credentials = notaryCredentials(env);
  if (credentials === null) {
    const hint = strategies.map((s) => s.vars.join(' + ')).join(', or ');
    if (env.HIREPROOF_REQUIRE_NOTARIZATION === '1') {
      throw new Error(`notarization required but no Apple credentials are set (${hint})`);
    }
    log(
      `  • hireproof: notarization skipped for ${appPath}: no Apple credentials in the environment (${hint})`,
    );
    return;
  }
  log(`  • hireproof: notarizing ${appPath}`);
  await notarize({ tool: 'notarytool', appPath, ...credentials });
  log(`  • hireproof: notarized and stapled ${appPath}`);
}

export default afterSign;
