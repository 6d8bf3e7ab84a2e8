// The kind of device this is, for the label proposed on Sync settings ("Kenneth Hay’s computer"). Only a guess
// the person can change: browsers do not say "tablet". What the browser says about itself comes first (a tablet
// with a keyboard and trackpad has a fine pointer, and a narrow desktop window is not a phone), then the screen —
// the device's, not the window's — and the pointers it has.

export type DeviceKind = 'phone' | 'tablet' | 'computer';

export interface DeviceSignals {
  /** `navigator.userAgentData.mobile` where the browser has it (Chromium): true on phones, false on tablets. */
  mobile: boolean | undefined;
  userAgent: string;
  /** `navigator.maxTouchPoints`: more than one on a touch screen, whatever pointer is in use now. */
  maxTouchPoints: number;
  /** The shorter side of the device's screen, in CSS pixels. */
  screenShortSide: number;
  /** The primary pointer is a finger (`pointer: coarse`). */
  coarsePointer: boolean;
  /** Some pointer is a finger (`any-pointer: coarse`): a touch screen, with or without a keyboard cover. */
  anyCoarsePointer: boolean;
}

/** A phone's screen is under this on its shorter side; a tablet's (and a computer's) at least this. */
const PHONE_SCREEN_MAX = 600;

const PHONE_AGENT = /iPhone|iPod|Windows Phone|Android.*Mobile|Mobile.*Firefox/i;
const TABLET_AGENT = /iPad|Tablet|Android|Silk|Kindle|PlayBook/i;
const DESKTOP_AGENT = /Windows NT|Macintosh|Mac OS X|CrOS|X11|Linux/i;

export function guessDeviceKind(s: DeviceSignals): DeviceKind {
  const touch = s.maxTouchPoints > 1 || s.anyCoarsePointer;
  if (s.mobile === true || PHONE_AGENT.test(s.userAgent)) return 'phone';
  // iPadOS says "Macintosh"; only an iPad among Apple's has a touch screen.
  if (/Macintosh/.test(s.userAgent) && s.maxTouchPoints > 1) return 'tablet';
  if (TABLET_AGENT.test(s.userAgent)) return touch && s.screenShortSide < PHONE_SCREEN_MAX ? 'phone' : 'tablet';
  if (touch && s.screenShortSide < PHONE_SCREEN_MAX) return 'phone';
  // A desktop system with a touch screen is a computer, unless a finger is what it is used with (a tablet mode).
  if (DESKTOP_AGENT.test(s.userAgent)) return s.coarsePointer ? 'tablet' : 'computer';
  return touch ? 'tablet' : 'computer';
}

/** What this browser says about the device it runs on. */
export function readDeviceSignals(): DeviceSignals {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const media = (query: string) => typeof matchMedia === 'function' && matchMedia(query).matches;
  const hints = (nav as (Navigator & { userAgentData?: { mobile?: boolean } }) | undefined)?.userAgentData;
  const screenSize = typeof screen === 'undefined' ? null : screen;
  return {
    mobile: hints?.mobile,
    userAgent: nav?.userAgent ?? '',
    maxTouchPoints: nav?.maxTouchPoints ?? 0,
    screenShortSide: screenSize ? Math.min(screenSize.width, screenSize.height) : Infinity,
    coarsePointer: media('(pointer: coarse)'),
    anyCoarsePointer: media('(any-pointer: coarse)'),
  };
}

export const deviceKind = (): DeviceKind => guessDeviceKind(readDeviceSignals());
