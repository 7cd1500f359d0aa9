import { describe, expect, it } from 'vitest';
import { externalLinkPolicy } from '../../main/app/external-links';
import { guardNavigation, type GuardedContents } from '../../main/app/navigation-guards';

type Listener = (event: { url?: string; preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  } as unknown as GuardedContents;
  const fire = (event: string, url?: string) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => void (prevented = true) }, url);
    return prevented;
  };
  /** will-frame-navigate carries the URL on its event, not as a second argument. */
  const fireFrame = (url: string) => {
    let prevented = false;
    listeners.get('will-frame-navigate')?.({ url, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  return { contents, fire, fireFrame, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation guards', () => {
  const setup = () => {
    const fake = fakeContents();
    const opened: string[] = [];
    guardNavigation(fake.contents, {
      isAllowed: externalLinkPolicy(['https://hr.example.com/privacy']),
      open: (url) => opened.push(url),
    });
    return { ...fake, opened };
  };

  it('lets the page move within app://hireproof', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'app://hireproof/index.html#/helpdesk')).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://other/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('cancels navigation and redirects to %s', (url) => {
    const { fire } = setup();
    expect(fire('will-navigate', url)).toBe(true);
    expect(fire('will-redirect', url)).toBe(true);
  });

  it("keeps the camera step's frame inside the app", () => {
    const { fireFrame } = setup();
    expect(fireFrame('app://hireproof/face/index.html')).toBe(false);
    expect(fireFrame('https://evil.example/face/index.html')).toBe(true);
    expect(fireFrame('about:blank#x')).toBe(true);
  });

  it('refuses every <webview>', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });

  it('never opens a window; an allowed https link goes to the user browser instead', () => {
    const { open, opened } = setup();
    expect(open('https://hr.example.com/privacy#retention')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://hr.example.com/privacy')).toEqual({ action: 'deny' });
    expect(open('https://hr.example.com.evil.example/privacy')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://hr.example.com/privacy#retention']);
  });

  it('allows no external link from a non-https prefix', () => {
    const allowed = externalLinkPolicy(['http://localhost:8080/privacy']);
    expect(allowed('http://localhost:8080/privacy')).toBe(false);
    expect(externalLinkPolicy([])('https://anything.example/')).toBe(false);
  });
});
