// The contract's tsconfig carries neither DOM nor Node types, so the few globals that every process
// has (Node, Chromium, Electron) and the contract uses are declared here. Keep the list short.
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
