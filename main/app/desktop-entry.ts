/** Characters the Desktop Entry spec reserves in Exec: an argument holding one must be quoted. */
const RESERVED = /[ \t\n"'\\><~|&;$*?#()`]/;

/** Inside double quotes, `"`, backtick, `$` and `\` take a backslash. */
const quoteArgument = (arg: string) =>
  arg === '' || RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;

/**
 * The general escapes of a string value. Readers undo these before they unquote Exec, so a literal
 * backslash in a quoted argument ends up as four in the file and a `$` as `\\$`, as the spec says.
 */
const escapeValue = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');

/** An Exec value: each argument quoted as needed, `%` doubled so none is taken for a field code. */
export const execValue = (command: readonly string[]) =>
  escapeValue(command.map(quoteArgument).join(' ').replace(/%/g, '%%'));

/** An XDG autostart entry that starts `command` (executable first) when the user logs in. */
export function autostartEntry(command: readonly [string, ...string[]]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=HireProof',
    'Comment=Keeps HireProof in the tray for scheduled checks',
    `Exec=${execValue(command)}`,
    // The session skips the entry if the app was removed, instead of failing at every login.
    `TryExec=${escapeValue(command[0])}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
