// A kept signature is redrawn in the pad at its own proportions, whatever the pad's shape now.
import { expect, it } from 'vitest';
import { containedIn } from '../../../src/ui/capture/useSignaturePad';

it('a 2:1 signature in a 10:3 pad keeps its shape, at the pad’s full height, from the left', () => {
  expect(containedIn({ width: 600, height: 300 }, { width: 300, height: 90 })).toEqual({
    width: 180,
    height: 90,
    xOffset: 0,
    yOffset: 0,
  });
});

it('a wide signature in a taller pad fills its width and sits in the middle from top to bottom', () => {
  expect(containedIn({ width: 1000, height: 300 }, { width: 300, height: 150 })).toEqual({
    width: 300,
    height: 90,
    xOffset: 0,
    yOffset: 30,
  });
});

it('a signature from a pad of the same shape fills it exactly', () => {
  expect(containedIn({ width: 600, height: 180 }, { width: 300, height: 90 })).toEqual({
    width: 300,
    height: 90,
    xOffset: 0,
    yOffset: 0,
  });
});
