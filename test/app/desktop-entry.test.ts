import { describe, expect, it } from 'vitest';
import { autostartEntry, execValue } from '../../main/app/desktop-entry';

describe('the XDG autostart entry', () => {
  it('leaves plain arguments alone', () => {
    expect(execValue(['/opt/HireProof/hireproof', '--hidden'])).toBe('/opt/HireProof/hireproof --hidden');
  });

  it('quotes arguments with reserved characters, escaping inside the quotes as the spec says', () => {
    expect(execValue(['/home/ana/Apps/Hire Proof.AppImage', '--hidden'])).toBe(
      '"/home/ana/Apps/Hire Proof.AppImage" --hidden',
    );
    expect(execValue(["/opt/it's/app"])).toBe(`"/opt/it's/app"`);
    // The backslash that escapes a quote or backtick is itself escaped in the file.
    expect(execValue(['/opt/a"b`c'])).toBe('"/opt/a\\\\"b\\\\`c"');
    expect(execValue([''])).toBe('""');
  });

  it('writes a literal $ as \\\\$ and a literal backslash as four, after the string escapes', () => {
    expect(execValue(['/opt/$HOME/app'])).toBe('"/opt/\\\\$HOME/app"');
    expect(execValue(['C:\\odd\\path'])).toBe('"C:\\\\\\\\odd\\\\\\\\path"');
  });

  it('doubles % so no part of the path is read as a field code', () => {
    expect(execValue(['/opt/100%u/app'])).toBe('/opt/100%%u/app');
  });

  it('keeps a newline inside one line of the file', () => {
    expect(execValue(['/opt/a\nb'])).toBe('"/opt/a\\nb"');
  });

  it('is a complete entry that the session skips once the app is gone', () => {
    const entry = autostartEntry(['/opt/Hire Proof/hireproof', '--hidden']);
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.5',
      'Name=HireProof',
      'Comment=Keeps HireProof in the tray for scheduled checks',
      'Exec="/opt/Hire Proof/hireproof" --hidden',
      'TryExec=/opt/Hire Proof/hireproof',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ]);
  });
});
