/** Where the browser shell's page script finds main: shared by the server and the page. */
export const BRIDGE_PATH = '/__shell/bridge.js';
export const IPC_PREFIX = '/__shell/ipc/';
export const EVENTS_PATH = '/__shell/events';
