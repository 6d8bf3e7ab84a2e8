// A kept signature is redrawn in the pad at its own proportions, whatever the pad's shape now: where it goes
// (containedIn) and what shape it is (signatureImageSize, read from the data URL without loading the image).
import { describe, expect, it } from 'vitest';
import { containedIn, signatureImageSize } from '../../../src/ui/capture/signatureData';
import { pngHeaderDataUrl } from './pngHeader';

const svgDataUrl = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

describe('containedIn', () => {
  it('a 2:1 signature in a 10:3 box keeps 2:1, at the box’s full height, centred across', () => {
    expect(containedIn({ width: 600, height: 300 }, { width: 300, height: 90 })).toEqual({
      width: 180,
      height: 90,
      xOffset: 60,
      yOffset: 0,
    });
  });

  it('a 10:3 signature in a 2:1 box fills its width and sits in the middle from top to bottom', () => {
    expect(containedIn({ width: 1000, height: 300 }, { width: 300, height: 150 })).toEqual({
      width: 300,
      height: 90,
      xOffset: 0,
      yOffset: 30,
    });
  });

  it('a signature from a box of the same shape fills it exactly, scaled up or down', () => {
    expect(containedIn({ width: 600, height: 180 }, { width: 300, height: 90 })).toEqual({
      width: 300,
      height: 90,
      xOffset: 0,
      yOffset: 0,
    });
    expect(containedIn({ width: 100, height: 30 }, { width: 300, height: 90 })).toEqual({
      width: 300,
      height: 90,
      xOffset: 0,
      yOffset: 0,
    });
  });

  it('an image of no size fills the box (nothing better is known)', () => {
    expect(containedIn({ width: 0, height: 0 }, { width: 300, height: 90 })).toEqual({
      width: 300,
      height: 90,
      xOffset: 0,
      yOffset: 0,
    });
  });
});

describe('signatureImageSize', () => {
  it('reads a PNG’s size from its header', () => {
    expect(signatureImageSize(pngHeaderDataUrl(600, 300))).toEqual({ width: 600, height: 300 });
    expect(signatureImageSize(pngHeaderDataUrl(70_000, 3))).toEqual({ width: 70_000, height: 3 });
    // A complete 1 × 1 PNG, as a browser makes it.
    const onePixel =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(signatureImageSize(onePixel)).toEqual({ width: 1, height: 1 });
  });

  it('reads an SVG’s proportions from its viewBox, else its width and height', () => {
    const pad = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300" width="600" height="300"><path/></svg>';
    expect(signatureImageSize(svgDataUrl(pad))).toEqual({ width: 600, height: 300 });
    expect(signatureImageSize(svgDataUrl('<svg viewBox="0,0,10.5,3.5"></svg>'))).toEqual({ width: 10.5, height: 3.5 });
    expect(signatureImageSize(svgDataUrl('<svg width="320px" height="160"></svg>'))).toEqual({
      width: 320,
      height: 160,
    });
  });

  it('says null for what it cannot read', () => {
    expect(signatureImageSize('')).toBeNull();
    expect(signatureImageSize('data:image/png;base64,OLD')).toBeNull();
    expect(signatureImageSize('data:image/png;base64,!!!!')).toBeNull();
    expect(signatureImageSize(pngHeaderDataUrl(0, 300))).toBeNull();
    expect(signatureImageSize(svgDataUrl('<svg width="100%" height="50%"></svg>'))).toBeNull();
    expect(signatureImageSize(svgDataUrl('<p>not an svg</p>'))).toBeNull();
    expect(signatureImageSize('data:image/jpeg;base64,/9j/4AAQ')).toBeNull();
  });
});
