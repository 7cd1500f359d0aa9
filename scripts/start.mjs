// `npm start`: the whole product with one command. The HR service on its embedded SQLite, a demo
// hire, and the desktop app pointed at it (the browser shell where the Electron binary is missing).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

// `npm start -- --oidc-demo` (or HIREPROOF_OIDC_DEMO=1): the dashboard signs in through a local
// OpenID provider too (README, HR set-up).
const OIDC_DEMO = process.argv.includes('--oidc-demo') || process.env.HIREPROOF_OIDC_DEMO === '1';
const OIDC_PORT = process.env.HIREPROOF_OIDC_DEMO_PORT ?? '8090';

const PORT = process.env.PORT ?? '8080';
const SERVER = `http://127.0.0.1:${PORT}`;
const TOKEN = process.env.HIREPROOF_ADMIN_TOKEN ?? 'demo-admin-token-change-me-0123456789';
const env = { ...process.env, HIREPROOF_ADMIN_TOKEN: TOKEN };
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const children = [];

const run = (command, args, options = {}) => {
  const child = spawn(command, args, { stdio: 'inherit', env, ...options });
  children.push(child);
  return child;
};
const stop = () => {
  children.forEach((c) => c.kill('SIGTERM'));
  // The demo provider listens in this process: leave once the children are told to stop.
  if (OIDC_DEMO) setTimeout(() => process.exit(0), 500).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
execFileSync('npm', ['run', '--silent', 'build:browser-shell'], { stdio: 'inherit' });
mkdirSync('.data', { recursive: true });
// Each run starts from an empty demo database, so it holds one demo hire, not one per run.
rmSync('.data/demo-server', { recursive: true, force: true });
const oidcArgs = [];
if (OIDC_DEMO) {
  const { startDemoProvider } = await import('./demo-openid-provider.mjs');
  const policyFile = '.data/demo-oidc-policy.json';
  const { issuer, clientSecret } = await startDemoProvider({
    port: Number(OIDC_PORT),
    server: SERVER,
    policyFile,
  });
  env.HIREPROOF_OIDC_CLIENT_SECRET = clientSecret;
  oidcArgs.push('--policy', policyFile);
  console.log(`Demo OpenID provider: ${issuer} (sign in as hr, reviewer or helpdesk; any password)`);
}
const server = run(process.execPath, [
  'bin/hireproof.mjs',
  'serve',
  '--port',
  PORT,
  '--data',
  '.data/demo-server',
  '--demo',
  ...oidcArgs,
]);
// A server that cannot start (its port taken, say) has said why: stop here with its exit code.
let serverExit = null;
server.once('exit', (code) => (serverExit = code ?? 1));
for (let i = 0; i < 50; i++) {
  if (serverExit !== null) {
    stop();
    process.exit(serverExit);
  }
  if (
    await fetch(`${SERVER}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 200));
}
const hire = JSON.parse(
  execFileSync(
    process.execPath,
    [
      'bin/hireproof.mjs',
      'hire',
      'create',
      '--server',
      SERVER,
      '--name',
      'Demo Hire',
      '--email',
      'demo.hire@example.com',
      '--photo',
      'test/fixtures/faces/obama/1.jpg',
      '--json',
    ],
    { env, encoding: 'utf8' },
  ),
);
const link = `hireproof://enrol?code=${hire.code}`;
console.log(
  `\nHR service: ${SERVER} (dashboard; sign in with HIREPROOF_ADMIN_TOKEN=${TOKEN}${OIDC_DEMO ? ', or through the demo provider' : ''})`,
);
console.log(`Demo hire created; enrolment link: ${link}\n`);

const electron = electronBinary();
if (electron) {
  run(electron, ['out/main/index.js', `--server=${SERVER}`, link]);
} else {
  console.log('The Electron binary is missing on this machine: opening the browser shell instead.');
  console.log('Open http://127.0.0.1:5174/ in a browser (helpdesk: http://127.0.0.1:5174/#/helpdesk).\n');
  run(process.execPath, [
    'out/browser-shell/serve.mjs',
    '--server',
    SERVER,
    '--data',
    `.data/demo-app-${stamp}`,
    '--enrol-link',
    link,
  ]);
}
