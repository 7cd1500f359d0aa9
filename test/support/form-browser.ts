/**
 * A minimal browser over real HTTP for sign-in flows: one cookie jar (by name, as 127.0.0.1
 * shares cookies across ports), redirects followed by hand, and the provider's login and consent
 * forms submitted as a person would. The Chromium test walks the same pages with a real browser.
 */
export class FormBrowser {
  readonly cookies = new Map<string, string>();

  async get(url: string | URL): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  async request(url: string | URL, init: RequestInit): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /**
   * From a provider's authorization URL, through its login (as `login`) and consent pages, to the
   * redirect it ends with at the client (the callback URL carrying code and state).
   */
  async signInAtProvider(authorizationUrl: string, login: string, clientOrigin: string): Promise<URL> {
    let next = new URL(authorizationUrl);
    for (let step = 0; step < 12; step++) {
      if (next.origin === clientOrigin) return next;
      const response = await this.get(next);
      const location = response.headers.get('location');
      if (location) {
        next = new URL(location, next);
        continue;
      }
      const page = await response.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt)
        throw new Error(`the provider answered ${response.status} without a form: ${page.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login, password: 'any' } : {}) });
      const submitted = await this.request(new URL(action, next), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      const after = submitted.headers.get('location');
      if (!after) throw new Error(`submitting ${prompt} answered ${submitted.status}`);
      next = new URL(after, next);
    }
    throw new Error('the provider never sent the browser back');
  }
}
