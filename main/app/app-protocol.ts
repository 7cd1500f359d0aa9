import { APP_HOST, APP_SCHEME } from './app-origin';
import { readRendererFile } from './renderer-files';

/** Registered before `ready`: app:// behaves like https (secure context, fetch, CSP), not like file://. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** The app:// handler: the built renderer and nothing else, with the CSP on every response. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
  };
}
