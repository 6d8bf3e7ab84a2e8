// The device kind in the label proposed on Sync settings: guessed from what real browsers report.
import { describe, expect, it } from 'vitest';
import { guessDeviceKind, type DeviceSignals } from '../../../src/ui/syncing/deviceKind';

const AGENTS = {
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  // iPadOS Safari asks for desktop sites: it says "Macintosh".
  iPad: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36',
};

const signals = (change: Partial<DeviceSignals>): DeviceSignals => ({
  mobile: undefined,
  userAgent: AGENTS.linux,
  maxTouchPoints: 0,
  screenShortSide: 1080,
  coarsePointer: false,
  anyCoarsePointer: false,
  ...change,
});

const touchScreen = { maxTouchPoints: 5, coarsePointer: true, anyCoarsePointer: true };

describe('guessing the kind of device', () => {
  it('phones: by the browser’s own word, by their agent, or a small touch screen whatever the agent', () => {
    expect(guessDeviceKind(signals({ mobile: true, userAgent: AGENTS.androidPhone, ...touchScreen }))).toBe('phone');
    expect(guessDeviceKind(signals({ userAgent: AGENTS.iPhone, screenShortSide: 390, ...touchScreen }))).toBe('phone');
    // "Desktop site" on an Android phone: a desktop agent, but a 412 px touch screen.
    expect(guessDeviceKind(signals({ mobile: false, screenShortSide: 412, ...touchScreen }))).toBe('phone');
  });

  it('tablets: also with a keyboard and trackpad attached (no coarse pointer), and an iPad that says Macintosh', () => {
    const keyboardCover = { maxTouchPoints: 0, coarsePointer: false, anyCoarsePointer: false };
    expect(guessDeviceKind(signals({ mobile: false, userAgent: AGENTS.androidTablet, ...keyboardCover }))).toBe(
      'tablet',
    );
    expect(guessDeviceKind(signals({ mobile: false, userAgent: AGENTS.androidTablet, ...touchScreen }))).toBe('tablet');
    expect(guessDeviceKind(signals({ userAgent: AGENTS.iPad, screenShortSide: 820, ...touchScreen }))).toBe('tablet');
    expect(
      guessDeviceKind(
        signals({ userAgent: AGENTS.iPad, maxTouchPoints: 5, coarsePointer: false, anyCoarsePointer: false }),
      ),
    ).toBe('tablet');
    // A Windows tablet used by finger.
    expect(guessDeviceKind(signals({ mobile: false, userAgent: AGENTS.windows, ...touchScreen }))).toBe('tablet');
  });

  it('computers: also a narrow window, and a laptop with a touch screen used with its trackpad', () => {
    expect(guessDeviceKind(signals({}))).toBe('computer');
    expect(guessDeviceKind(signals({ userAgent: AGENTS.windows, mobile: false }))).toBe('computer');
    expect(guessDeviceKind(signals({ userAgent: AGENTS.iPad, maxTouchPoints: 0 }))).toBe('computer');
    expect(
      guessDeviceKind(
        signals({ userAgent: AGENTS.windows, maxTouchPoints: 10, anyCoarsePointer: true, coarsePointer: false }),
      ),
    ).toBe('computer');
  });
});
