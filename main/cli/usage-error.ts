/** Bad input from the person at the command line: exit 2 with this one line. */
export class UsageError extends Error {}
