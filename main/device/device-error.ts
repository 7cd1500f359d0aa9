/** A refusal the UI can explain: the code travels through IPC, the message is shown as is. */
export class DeviceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceError';
  }
}
