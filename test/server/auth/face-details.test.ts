import { describe, expect, it } from 'vitest';
import { FACE_DETAILS_WITHHELD, withoutFaceDetails } from '../../../server/auth/face-details';

describe('face details withheld from a role without them', () => {
  it('reduces face reasons to their check wherever reports carry them, and leaves the rest', () => {
    const reasons = [
      {
        check: 'face.match',
        message: 'server re-check: different person (distance 0.71 ≥ 0.5)',
        evidence: [{ label: 'distance', value: '0.71' }],
      },
      {
        check: 'remote.tools',
        message: 'AnyDesk is running',
        evidence: [{ label: 'process', value: 'anydesk' }],
      },
    ];
    const hire = { id: 'h', reports: [{ id: 'r', verdict: 'fail', reasons }] };
    expect(withoutFaceDetails(hire)).toEqual({
      id: 'h',
      reports: [
        {
          id: 'r',
          verdict: 'fail',
          reasons: [{ check: 'face.match', message: FACE_DETAILS_WITHHELD }, reasons[1]],
        },
      ],
    });
  });
});
