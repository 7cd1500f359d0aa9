/**
 * The CARD_LABEL settings of v4l2-relayd (a shell-style KEY=value file, /etc/default/v4l2-relayd
 * and /etc/v4l2-relayd.d/*.conf): the names of the loopback cameras it feeds.
 */
export function relayLabels(text: string): string[] {
  const labels: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*CARD_LABEL\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const value = match[1]!.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value) labels.push(value);
  }
  return labels;
}
