/**
 * What a shared library a process maps says about what the process can do with this screen. Only
 * these are reported (by name), never a process's whole library list.
 */
export type LibraryRole =
  /** Implements a remote-desktop server: it serves a framebuffer and takes input from a viewer. */
  | 'remote-desktop server'
  /** Injects keyboard and pointer events into the desktop as if typed locally. */
  | 'input injection'
  /** Watches the screen for changes to send them somewhere. */
  | 'screen capture'
  | 'audio'
  /** Draws windows of its own: a GUI toolkit. */
  | 'user interface';

export interface WatchedLibrary {
  /** Matched against the mapped file's full path (sonames; a version suffix may follow). */
  pattern: RegExp;
  name: string;
  role: LibraryRole;
}

/*
 * Sources (Debian 12): /proc/PID/maps of running x11vnc, freerdp-shadow-cli and `xpra shadow`; the
 * dependencies (`apt-cache depends`) of krfb (libvncserver, libxtst, libxcb-damage, Qt, PipeWire),
 * gnome-remote-desktop (libfreerdp-server2, PipeWire), wayvnc (libneatvnc), tigervnc-scraping-server
 * (libxdamage, libxtst, nothing else), barrier and kdeconnect (libxtst, Qt); xrdp's own
 * /usr/lib/x86_64-linux-gnu/xrdp/libxrdp.so (`dpkg -c`). XShm is left out on purpose: it lives in
 * libXext, which every X client maps, so it tells nothing.
 */
export const WATCHED_LIBRARIES: readonly WatchedLibrary[] = [
  { pattern: /\/libvncserver\.so/, name: 'libvncserver', role: 'remote-desktop server' },
  { pattern: /\/libfreerdp-server\d*\.so/, name: 'libfreerdp-server', role: 'remote-desktop server' },
  {
    pattern: /\/libfreerdp-shadow(?:-subsystem)?\d*\.so/,
    name: 'libfreerdp-shadow',
    role: 'remote-desktop server',
  },
  { pattern: /\/libneatvnc\.so/, name: 'libneatvnc', role: 'remote-desktop server' },
  { pattern: /\/libxrdp\.so/, name: 'libxrdp', role: 'remote-desktop server' },
  { pattern: /\/xpra\/x11\/bindings\/ximage\./, name: 'xpra ximage', role: 'remote-desktop server' },
  { pattern: /\/libXtst\.so/, name: 'libXtst (XTEST)', role: 'input injection' },
  { pattern: /\/libxcb-xtest\.so/, name: 'libxcb-xtest (XTEST)', role: 'input injection' },
  { pattern: /\/libei\.so/, name: 'libei (emulated input)', role: 'input injection' },
  { pattern: /\/libxdo\.so/, name: 'libxdo', role: 'input injection' },
  { pattern: /\/libXdamage\.so/, name: 'libXdamage (XDamage)', role: 'screen capture' },
  { pattern: /\/libxcb-damage\.so/, name: 'libxcb-damage (XDamage)', role: 'screen capture' },
  { pattern: /\/libasound\.so/, name: 'libasound', role: 'audio' },
  { pattern: /\/libpulse\.so/, name: 'libpulse', role: 'audio' },
  { pattern: /\/libpipewire-[\d.]+\.so/, name: 'libpipewire', role: 'audio' },
  { pattern: /\/libjack\.so/, name: 'libjack', role: 'audio' },
  { pattern: /\/libgtk-(?:3|4|x11-2\.0)\.so/, name: 'libgtk', role: 'user interface' },
  { pattern: /\/libQt[56]Gui\.so/, name: 'libQtGui', role: 'user interface' },
  { pattern: /\/libwx_gtk\d\w*_core/, name: 'libwx', role: 'user interface' },
  { pattern: /\/libSDL2-[\d.]+\.so/, name: 'libSDL2', role: 'user interface' },
];

export function roleOf(name: string): LibraryRole | null {
  return WATCHED_LIBRARIES.find((library) => library.name === name)?.role ?? null;
}

/** Every watched library's pattern at once: one native scan of a whole maps file. */
const ANY_WATCHED = new RegExp(WATCHED_LIBRARIES.map((library) => library.pattern.source).join('|'), 'g');

/** The watched libraries among the files of a /proc/PID/maps, each once, in table order. */
export function watchedLibraries(maps: string): string[] {
  const hits = maps.match(ANY_WATCHED);
  if (!hits) return [];
  return WATCHED_LIBRARIES.filter((library) => hits.some((hit) => library.pattern.test(hit))).map(
    (library) => library.name,
  );
}
