import { describe, expect, it } from 'vitest';
import { relayLabels } from '../../../main/probes/cameras/parse-relay';

describe('relayLabels', () => {
  it('reads CARD_LABEL as v4l2-relayd settings spell it, quoted or not', () => {
    expect(relayLabels('VIDEOSRC="icamerasrc"\nFORMAT=NV12\nCARD_LABEL="Intel MIPI Camera"\n')).toEqual([
      'Intel MIPI Camera',
    ]);
    expect(
      relayLabels("CARD_LABEL=Intel MIPI Camera\n# CARD_LABEL=Old\n CARD_LABEL='Virtual Camera'"),
    ).toEqual(['Intel MIPI Camera', 'Virtual Camera']);
    expect(relayLabels('CARD_LABEL=\nFORMAT=YUY2')).toEqual([]);
  });
});
