import { describe, expect, it } from 'vitest';
import { seededRng } from '../demo/demo-random.js';
import { DISTANCE_SLACK_KM, PLAUSIBLE_SPEED_KMH } from './anomaly-kinds.js';
import { longestCopySeconds } from './find-anomalies.js';
import { distanceKm } from './geo.js';

/**
 * copy_suspected leaves in the database the pairs slower than `longestCopySeconds` of the box
 * around all checkpoints. That is exact only if no two points of the box can make a copy
 * with more seconds between them: checked on seeded random pairs, corners included.
 */
describe('the bound on a copy’s seconds (copy_suspected)', () => {
  it('is never below the seconds that would still make a copy, for any two points of the box', () => {
    const rng = seededRng(2021);
    const boxes = [
      { lat0: 21.03, lat1: 21.08, lon0: 105.86, lon1: 105.93 }, // a district of Hà Nội
      { lat0: 20.5, lat1: 21.4, lon0: 105.3, lon1: 106.1 }, // the city
      { lat0: 8.6, lat1: 10.9, lon0: 104.7, lon1: 106.9 }, // the south, near the equator
      { lat0: -0.5, lat1: 0.4, lon0: 10, lon1: 11 }, // across the equator
      { lat0: 21.0, lat1: 21.0, lon0: 105.8, lon1: 105.8 }, // one point
    ];
    let checked = 0;
    for (const box of boxes) {
      const bound = longestCopySeconds(box);
      const at = (u: number, v: number) => ({
        latitude: box.lat0 + u * (box.lat1 - box.lat0),
        longitude: box.lon0 + v * (box.lon1 - box.lon0),
      });
      const pairs: Array<[{ latitude: number; longitude: number }, { latitude: number; longitude: number }]> = [
        [at(0, 0), at(1, 1)],
        [at(1, 0), at(0, 1)],
        [at(0, 0), at(0, 1)],
        [at(1, 0), at(1, 1)],
      ];
      for (let i = 0; i < 2000; i++) pairs.push([at(rng.next(), rng.next()), at(rng.next(), rng.next())]);
      for (const [a, b] of pairs) {
        // A copy when km > speed · hours + slack, i.e. seconds < (km − slack) / speed · 3600.
        const copyBelow = ((distanceKm(a, b) - DISTANCE_SLACK_KM) / PLAUSIBLE_SPEED_KMH) * 3600;
        expect(copyBelow).toBeLessThanOrEqual(bound);
        checked++;
      }
    }
    expect(checked).toBe(5 * 2004);
  });

  it('is tight enough to leave most of a district’s pairs out (under 10 minutes of the 2-hour window)', () => {
    expect(longestCopySeconds({ lat0: 21.03, lat1: 21.08, lon0: 105.86, lon1: 105.93 })).toBeLessThan(600);
  });
});
