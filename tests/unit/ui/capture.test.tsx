// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { PointGroup } from 'signature_pad';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { audioExtension, formatDuration, recordingFileName } from '../../../src/ui/capture/recording';
import { downscaleImage, fitWithin } from '../../../src/ui/capture/downscale';
import { fileStamp, formatSize, uniqueName, withExtension } from '../../../src/ui/capture/files';
import { MediaCapture } from '../../../src/ui/capture/MediaCapture';
import { SignatureField, type SignatureValue } from '../../../src/ui/capture/SignatureField';
import { scalePointGroups } from '../../../src/ui/capture/signatureData';
import { pngHeaderDataUrl } from './pngHeader';

/*
 * jsdom has no canvas, MediaRecorder, getUserMedia, createImageBitmap or object URLs. signature_pad is replaced
 * by a fake that records calls and lets a test "draw" (fire endStroke, the library's end-of-stroke event);
 * the browser APIs are stubbed per test where a test needs them.
 */
type FakePadInstance = {
  canvas: HTMLCanvasElement;
  empty: boolean;
  data: PointGroup[];
  fromDataCalls: PointGroup[][];
  fromDataURLCalls: string[];
  /** Where each image was asked to be drawn (CSS pixels of the box). */
  fromDataURLOptions: Record<string, number>[];
  offCalled: boolean;
  draw(groups?: PointGroup[]): void;
};

const { pads } = vi.hoisted(() => ({ pads: [] as FakePadInstance[] }));

vi.mock('signature_pad', () => {
  class FakeSignaturePad extends EventTarget {
    empty = true;
    data: PointGroup[] = [];
    fromDataCalls: PointGroup[][] = [];
    fromDataURLCalls: string[] = [];
    fromDataURLOptions: Record<string, number>[] = [];
    offCalled = false;
    constructor(public canvas: HTMLCanvasElement) {
      super();
      pads.push(this);
    }
    isEmpty() {
      return this.empty;
    }
    toDataURL() {
      return 'data:image/png;base64,SIGNED';
    }
    toData() {
      return this.data;
    }
    fromData(groups: PointGroup[], { clear = true }: { clear?: boolean } = {}) {
      this.fromDataCalls.push(groups);
      this.data = clear ? [...groups] : [...this.data, ...groups];
      if (groups.length > 0) this.empty = false;
    }
    fromDataURL(url: string, options: Record<string, number> = {}) {
      this.fromDataURLCalls.push(url);
      this.fromDataURLOptions.push(options);
      this.empty = false;
      return Promise.resolve();
    }
    clear() {
      this.empty = true;
      this.data = [];
    }
    off() {
      this.offCalled = true;
    }
    /** What a finished pen stroke looks like to the component. */
    draw(groups: PointGroup[] = [stroke(10, 10)]) {
      this.empty = false;
      this.data = [...this.data, ...groups];
      this.dispatchEvent(new CustomEvent('endStroke'));
    }
  }
  return { default: FakeSignaturePad };
});

function stroke(x: number, y: number): PointGroup {
  return {
    dotSize: 0,
    minWidth: 0.8,
    maxWidth: 2.8,
    penColor: '#111827',
    velocityFilterWeight: 0.7,
    compositeOperation: 'source-over',
    points: [
      { x, y, pressure: 0.5, time: 1 },
      { x: x + 20, y: y + 5, pressure: 0.5, time: 2 },
    ],
  };
}

const fakeContext = () => ({ scale: vi.fn() }) as unknown as CanvasRenderingContext2D;

/** Pretend (or deny) that the browser can draw on a canvas. */
function canvasAvailable(available: boolean) {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() =>
    available ? fakeContext() : null) as never);
}

/** Lay out every element at this CSS size (jsdom does no layout). */
function layout(width: number, height: number) {
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(height);
}

/** Stub object URLs (jsdom has none) and record them. */
function objectUrls() {
  const created: string[] = [];
  const revoked: string[] = [];
  let n = 0;
  Object.assign(URL, {
    createObjectURL: vi.fn(() => {
      const url = `blob:test/${++n}`;
      created.push(url);
      return url;
    }),
    revokeObjectURL: vi.fn((url: string) => revoked.push(url)),
  });
  return { created, revoked };
}

const urlStatics = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };

beforeEach(() => {
  pads.length = 0;
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Object.assign(URL, urlStatics);
});

/** A parent that owns the value, as a page does; `spy` sees every onChange. */
function SignatureHarness(props: { spy: (v: SignatureValue | null) => void; initial?: SignatureValue | null }) {
  const [value, setValue] = useState<SignatureValue | null>(props.initial ?? null);
  return (
    <SignatureField
      label="Assessor's signature"
      role="Assessor"
      value={value}
      onChange={(v) => {
        props.spy(v);
        setValue(v);
      }}
      required
    />
  );
}

const lastCall = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.at(-1)?.[0];

describe('fitWithin', () => {
  it('scales the longer side down to max, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(3000, 4000, 2048)).toEqual({ width: 1536, height: 2048 });
    expect(fitWithin(4032, 3024, 1000)).toEqual({ width: 1000, height: 750 });
    expect(fitWithin(5000, 5000, 2048)).toEqual({ width: 2048, height: 2048 });
  });

  it('never upscales', () => {
    expect(fitWithin(1000, 500, 2048)).toEqual({ width: 1000, height: 500 });
    expect(fitWithin(2048, 1000, 2048)).toEqual({ width: 2048, height: 1000 });
    expect(fitWithin(0, 0, 100)).toEqual({ width: 0, height: 0 });
  });

  it('keeps each side at least 1 px and within max', () => {
    expect(fitWithin(10000, 1, 100)).toEqual({ width: 100, height: 1 });
    for (const [w, h] of [
      [4001, 2999],
      [3, 7000],
      [12345, 6789],
    ] as const) {
      const r = fitWithin(w, h, 1024);
      const scale = 1024 / Math.max(w, h);
      expect(Math.max(r.width, r.height)).toBe(1024);
      expect(Math.abs(r.width - Math.max(1, w * scale))).toBeLessThanOrEqual(0.5); // only rounding (and the 1 px floor)
      expect(Math.abs(r.height - Math.max(1, h * scale))).toBeLessThanOrEqual(0.5);
    }
  });

  it('rejects nonsense', () => {
    expect(() => fitWithin(100, 100, 0)).toThrow(RangeError);
    expect(() => fitWithin(-1, 100, 10)).toThrow(RangeError);
    expect(() => fitWithin(Number.NaN, 100, 10)).toThrow(RangeError);
  });
});

describe('downscaleImage', () => {
  const jpeg = (size = 5_000_000) => new Blob([new Uint8Array(size)], { type: 'image/jpeg' });

  function stubDecoder(width: number, height: number) {
    const close = vi.fn();
    const decode = vi.fn(async () => ({ width, height, close }) as unknown as ImageBitmap);
    vi.stubGlobal('createImageBitmap', decode);
    return { decode, close };
  }

  function stubOffscreen(output: Blob) {
    const ctx = {
      fillRect: vi.fn(),
      drawImage: vi.fn(),
      fillStyle: '',
      imageSmoothingEnabled: false,
      imageSmoothingQuality: 'low',
    };
    const made: Array<{ width: number; height: number; convertToBlob: ReturnType<typeof vi.fn> }> = [];
    class FakeOffscreenCanvas {
      convertToBlob = vi.fn(async () => output);
      constructor(
        public width: number,
        public height: number,
      ) {
        made.push(this);
      }
      getContext() {
        return ctx;
      }
    }
    vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
    return { ctx, made };
  }

  it('keeps files it does not handle', async () => {
    stubDecoder(8000, 6000);
    for (const type of ['image/heic', 'image/gif', 'image/svg+xml', 'video/mp4', 'application/pdf', '']) {
      const blob = new Blob(['x'], { type });
      expect(await downscaleImage(blob, 2048)).toBe(blob);
    }
  });

  it('keeps the original when createImageBitmap is missing or decoding fails', async () => {
    const original = jpeg();
    expect(await downscaleImage(original, 2048)).toBe(original);
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => Promise.reject(new DOMException('bad', 'InvalidStateError'))),
    );
    expect(await downscaleImage(original, 2048)).toBe(original);
  });

  it('keeps a photo that is already small enough', async () => {
    const { close } = stubDecoder(1600, 1200);
    const { made } = stubOffscreen(new Blob(['small'], { type: 'image/jpeg' }));
    const original = jpeg();
    expect(await downscaleImage(original, 2048)).toBe(original);
    expect(made).toHaveLength(0);
    expect(close).toHaveBeenCalled();
  });

  it('re-encodes a large photo as JPEG at the fitted size on an OffscreenCanvas', async () => {
    const { decode, close } = stubDecoder(4032, 3024);
    const output = new Blob([new Uint8Array(400_000)], { type: 'image/jpeg' });
    const { ctx, made } = stubOffscreen(output);
    const original = new Blob([new Uint8Array(3_000_000)], { type: 'image/png' });
    expect(await downscaleImage(original, 2048, 0.8)).toBe(output);
    expect(decode).toHaveBeenCalledWith(original, { imageOrientation: 'from-image' });
    expect(made[0]).toMatchObject({ width: 2048, height: 1536 });
    expect(ctx.fillRect).toHaveBeenCalledWith(0, 0, 2048, 1536); // white under transparent PNG areas
    expect(ctx.drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 2048, 1536);
    expect(made[0]?.convertToBlob).toHaveBeenCalledWith({ type: 'image/jpeg', quality: 0.8 });
    expect(close).toHaveBeenCalled();
  });

  it('keeps the original if re-encoding would not make it smaller', async () => {
    stubDecoder(4000, 3000);
    stubOffscreen(new Blob([new Uint8Array(6_000_000)], { type: 'image/jpeg' }));
    const original = jpeg();
    expect(await downscaleImage(original, 2048)).toBe(original);
  });

  it('falls back to a document canvas without OffscreenCanvas', async () => {
    stubDecoder(3000, 3000);
    const drawImage = vi.fn();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ({
      fillRect: vi.fn(),
      drawImage,
    })) as never);
    const output = new Blob(['small'], { type: 'image/jpeg' });
    const toBlob = vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((cb: BlobCallback) => cb(output));
    expect(await downscaleImage(jpeg(), 1000)).toBe(output);
    expect(drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 1000, 1000);
    expect(toBlob).toHaveBeenCalledWith(expect.any(Function), 'image/jpeg', 0.85);
  });
});

describe('capture helpers', () => {
  it('formats sizes in KB and MB', () => {
    expect(formatSize(5)).toBe('5 bytes');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(350 * 1024)).toBe('350 KB');
    expect(formatSize(4.2 * 1024 * 1024)).toBe('4.2 MB');
    expect(formatSize(120 * 1024 * 1024)).toBe('120 MB');
  });

  it('names files safely and uniquely', () => {
    expect(withExtension('IMG_0042.PNG', 'jpg')).toBe('IMG_0042.jpg');
    expect(withExtension('scan', 'jpg')).toBe('scan.jpg');
    expect(uniqueName('image.jpg', new Set(['image.jpg', 'image-2.jpg']))).toBe('image-3.jpg');
    expect(uniqueName('notes', new Set(['notes']))).toBe('notes-2');
    expect(fileStamp(new Date(2025, 5, 3, 14, 5, 9))).toBe('2025-06-03_14-05-09');
    expect(recordingFileName('audio/webm;codecs=opus', new Date(2025, 5, 3, 14, 5, 9))).toBe(
      'audio-2025-06-03_14-05-09.webm',
    );
    expect(audioExtension('audio/mp4')).toBe('m4a');
    expect(audioExtension('audio/ogg;codecs=opus')).toBe('ogg');
    expect(formatDuration(75.9)).toBe('1:15');
  });

  it('scales signature strokes for a resized pad', () => {
    const [g] = scalePointGroups([stroke(100, 50)], 0.5);
    expect(g?.points[0]).toMatchObject({ x: 50, y: 25 });
    expect(g?.maxWidth).toBeCloseTo(1.4);
    expect(() => scalePointGroups([], 0)).toThrow(RangeError);
  });
});

describe('SignatureField', () => {
  it('emits null until there is a typed name and a drawing, then a signature', () => {
    canvasAvailable(true);
    layout(320, 160);
    const spy = vi.fn();
    render(<SignatureHarness spy={spy} />);
    const pad = pads[0]!;
    expect(pad).toBeDefined();
    const canvas = screen.getByRole('img', { name: 'Signature pad, empty' });
    expect(pad.canvas).toBe(canvas);

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Ann Smith' } });
    expect(spy).toHaveBeenCalled();
    expect(spy.mock.calls.every(([v]) => v === null)).toBe(true);
    expect(screen.queryByText(/Signed by/)).toBeNull();

    act(() => pad.draw());
    const value = lastCall(spy) as SignatureValue;
    expect(value).toMatchObject({ typedName: 'Ann Smith', role: 'Assessor', image: 'data:image/png;base64,SIGNED' });
    expect(new Date(value.signedAt).toISOString()).toBe(value.signedAt);
    expect(screen.getByRole('img', { name: 'Signature drawn' })).toBe(canvas);
    expect(screen.getByText(/Signed by Ann Smith \(Assessor\)/)).toBeTruthy();
    expect(
      screen.getByText((_, el) => el?.tagName === 'TIME' && el.getAttribute('datetime') === value.signedAt),
    ).toBeTruthy();

    // Emptying the name withdraws the signature.
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: '  ' } });
    expect(lastCall(spy)).toBeNull();
  });

  it('a drawing without a name is not a signature; Clear removes the drawing', () => {
    canvasAvailable(true);
    layout(320, 160);
    const spy = vi.fn();
    render(<SignatureHarness spy={spy} />);
    const pad = pads[0]!;
    act(() => pad.draw());
    expect(lastCall(spy)).toBeNull();
    // The role is the one given, shown and not typed: there is no field to change it.
    expect(screen.queryByLabelText('Role')).toBeNull();
    expect(screen.getByText('Signing as', { exact: false }).textContent).toBe('Signing as Assessor');
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Bo Lee' } });
    expect(lastCall(spy)).toMatchObject({ typedName: 'Bo Lee', role: 'Assessor' });

    fireEvent.click(screen.getByRole('button', { name: 'Clear signature' }));
    expect(lastCall(spy)).toBeNull();
    expect(pad.empty).toBe(true);
    expect(screen.getByRole('img', { name: 'Signature pad, empty' })).toBeTruthy();
  });

  it('makes the pad only when its box comes near the screen', () => {
    canvasAvailable(true);
    layout(320, 160);
    const observers: Array<{ callback: IntersectionObserverCallback; targets: Element[]; margin?: string }> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        entry: (typeof observers)[number];
        constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
          this.entry = { callback, targets: [], margin: options?.rootMargin };
          observers.push(this.entry);
        }
        observe(target: Element) {
          this.entry.targets.push(target);
        }
        disconnect() {
          this.entry.targets = [];
        }
      },
    );
    try {
      render(<SignatureHarness spy={vi.fn()} />);
      const canvas = screen.getByRole('img', { name: 'Signature pad, empty' });
      expect(pads).toHaveLength(0);
      expect(canvas.dataset.pad).toBeUndefined();
      const watching = observers.find((o) => o.targets.includes(canvas))!;
      expect(watching.margin).toBe('100% 0px');
      const report = (isIntersecting: boolean) =>
        act(() =>
          watching.callback(
            [{ isIntersecting, target: canvas } as unknown as IntersectionObserverEntry],
            {} as IntersectionObserver,
          ),
        );
      report(false);
      expect(pads).toHaveLength(0);
      report(true);
      expect(pads).toHaveLength(1);
      expect(pads[0]!.canvas).toBe(canvas);
      expect(canvas.dataset.pad).toBe('ready');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('allows a typed-name-only signature for people who cannot draw (no canvas at all)', () => {
    canvasAvailable(false);
    const spy = vi.fn();
    render(<SignatureHarness spy={spy} />);
    expect(pads).toHaveLength(0);
    expect(screen.getByText(/Drawing is not available on this device/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Cat Jones' } });
    expect(lastCall(spy)).toBeNull();
    fireEvent.click(screen.getByLabelText('I cannot draw a signature — use my typed name'));
    const value = lastCall(spy) as SignatureValue;
    expect(value).toMatchObject({ typedName: 'Cat Jones', role: 'Assessor', image: '' });
    expect(screen.getByText(/with typed name only/)).toBeTruthy();

    fireEvent.click(screen.getByLabelText('I cannot draw a signature — use my typed name'));
    expect(lastCall(spy)).toBeNull();
  });

  it('with a working pad, ticking "I cannot draw" hides the pad and signs without an image', () => {
    canvasAvailable(true);
    layout(320, 160);
    const spy = vi.fn();
    render(<SignatureHarness spy={spy} />);
    act(() => pads[0]!.draw());
    fireEvent.click(screen.getByRole('checkbox', { name: /I cannot draw a signature/ }));
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Dee' } });
    expect(lastCall(spy)).toMatchObject({ typedName: 'Dee', image: '' });
    expect(screen.queryByRole('img')).toBeNull(); // hidden pad leaves the accessibility tree
    // Unticking brings the drawing back into the signature.
    fireEvent.click(screen.getByRole('checkbox', { name: /I cannot draw a signature/ }));
    expect(lastCall(spy)).toMatchObject({ typedName: 'Dee', image: 'data:image/png;base64,SIGNED' });
  });

  it('resizes the canvas to its box and the pixel ratio, redrawing the strokes scaled', () => {
    canvasAvailable(true);
    vi.stubGlobal('devicePixelRatio', 2);
    layout(300, 150);
    render(<SignatureHarness spy={vi.fn()} />);
    const pad = pads[0]!;
    const canvas = pad.canvas;
    expect([canvas.width, canvas.height]).toEqual([600, 300]);
    act(() => pad.draw([stroke(100, 50)]));

    layout(600, 300);
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect([canvas.width, canvas.height]).toEqual([1200, 600]);
    expect(pad.fromDataCalls.at(-1)?.[0]?.points[0]).toMatchObject({ x: 200, y: 100 });
    expect(pad.empty).toBe(false);

    // Hidden (0 × 0): nothing is thrown away.
    layout(0, 0);
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(canvas.width).toBe(1200);
    expect(pad.data).toHaveLength(1);
  });

  it('restores a previously drawn signature from value and detaches the pad on unmount', async () => {
    canvasAvailable(true);
    layout(300, 150);
    const initial: SignatureValue = {
      typedName: 'Ann Smith',
      role: 'Assessor',
      image: 'data:image/png;base64,OLD',
      signedAt: '2025-06-03T13:05:00.000Z',
    };
    const { unmount } = render(<SignatureHarness spy={vi.fn()} initial={initial} />);
    const pad = pads[0]!;
    expect(pad.fromDataURLCalls).toEqual(['data:image/png;base64,OLD']);
    expect(screen.getByRole('img', { name: 'Signature drawn' })).toBeTruthy();
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Ann Smith');
    expect(screen.getByText(/Signed by Ann Smith/)).toBeTruthy();
    await act(async () => {});
    unmount();
    expect(pad.offCalled).toBe(true);
  });

  it('redraws a signature kept from the older 2:1 pad at 2:1 in a 10:3 box: contained and centred, not stretched', async () => {
    canvasAvailable(true);
    vi.stubGlobal('devicePixelRatio', 2);
    layout(300, 90);
    const initial: SignatureValue = {
      typedName: 'Ann Smith',
      role: 'Assessor',
      image: pngHeaderDataUrl(640, 320),
      signedAt: '2025-06-03T13:05:00.000Z',
    };
    render(<SignatureHarness spy={vi.fn()} initial={initial} />);
    const pad = pads[0]!;
    expect(pad.fromDataURLCalls).toEqual([initial.image]);
    const drawn = pad.fromDataURLOptions[0]!;
    expect(drawn).toMatchObject({ width: 180, height: 90, xOffset: 60, yOffset: 0 });
    expect(drawn.width! / drawn.height!).toBe(2);

    // Wider (the window grew): still 2:1, still centred, at the new size.
    layout(600, 180);
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(pad.fromDataURLOptions.at(-1)).toMatchObject({ width: 360, height: 180, xOffset: 120, yOffset: 0 });
    await act(async () => {});
  });
});

describe('MediaCapture', () => {
  it('renders without canvas or MediaRecorder, with labelled file inputs', () => {
    render(<MediaCapture onFiles={vi.fn()} />);
    expect(screen.getByText(/Audio recording is not available on this device/)).toBeTruthy();
    const photo = screen.getByLabelText('Take photo') as HTMLInputElement;
    expect(photo.type).toBe('file');
    expect(photo.accept).toBe('image/*');
    expect(photo.getAttribute('capture')).toBe('environment');
    const video = screen.getByLabelText('Record video') as HTMLInputElement;
    expect(video.accept).toBe('video/*');
    expect(video.getAttribute('capture')).toBe('environment');
    const any = screen.getByLabelText('Add file') as HTMLInputElement;
    expect(any.multiple).toBe(true);
    expect(any.accept).toBe('');
    expect((screen.getByLabelText(/Downscale photos/) as HTMLInputElement).checked).toBe(true);
  });

  it('the downscale checkbox defaults from the prop', () => {
    render(<MediaCapture onFiles={vi.fn()} downscalePhotos={false} maxPhotoDimension={1024} />);
    const box = screen.getByRole('checkbox', { name: /Downscale photos/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.labels?.[0]?.textContent).toMatch(/1024 px/);
  });

  it('"Add file" passes a document through; Remove removes it', async () => {
    const onFiles = vi.fn();
    render(<MediaCapture onFiles={onFiles} />);
    const file = new File(['hello'], 'report.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Add file'), { target: { files: [file] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalledTimes(1));
    expect(onFiles).toHaveBeenLastCalledWith([{ name: 'report.pdf', type: 'application/pdf', blob: file }]);

    const list = screen.getByRole('list');
    expect(within(list).getByText('report.pdf')).toBeTruthy();
    expect(within(list).getByText('5 bytes')).toBeTruthy();

    // A second file of the same name gets a distinct name.
    const again = new File(['hello again'], 'report.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Add file'), { target: { files: [again] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalledTimes(2));
    expect(onFiles.mock.lastCall?.[0]).toEqual([
      { name: 'report.pdf', type: 'application/pdf', blob: file },
      { name: 'report-2.pdf', type: 'application/pdf', blob: again },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove report.pdf' }));
    expect(onFiles).toHaveBeenLastCalledWith([{ name: 'report-2.pdf', type: 'application/pdf', blob: again }]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove report-2.pdf' }));
    expect(onFiles).toHaveBeenLastCalledWith([]);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('Chosen files (0)')).toBeTruthy();
  });

  it('shows image thumbnails via object URLs, revoked on remove and on unmount', async () => {
    const urls = objectUrls();
    const onFiles = vi.fn();
    const { unmount } = render(<MediaCapture onFiles={onFiles} />);
    const a = new File(['a'], 'a.png', { type: 'image/png' });
    const b = new File(['bb'], 'b.webp', { type: 'image/webp' });
    fireEvent.change(screen.getByLabelText('Add file'), { target: { files: [a, b] } });
    // No createImageBitmap in jsdom: downscaling keeps the originals.
    await waitFor(() =>
      expect(onFiles).toHaveBeenLastCalledWith([
        { name: 'a.png', type: 'image/png', blob: a },
        { name: 'b.webp', type: 'image/webp', blob: b },
      ]),
    );
    const thumbs = document.querySelectorAll('img.capture-thumb');
    expect([...thumbs].map((t) => t.getAttribute('src'))).toEqual(urls.created);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.png' }));
    expect(urls.revoked).toEqual([urls.created[0]]);
    unmount();
    expect(urls.revoked.sort()).toEqual([...urls.created].sort());
  });

  it("names camera captures by time instead of the phone's generic name", async () => {
    const onFiles = vi.fn();
    render(<MediaCapture onFiles={onFiles} downscalePhotos={false} />);
    const shot = new File(['x'], 'image.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('Take photo'), { target: { files: [shot] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalled());
    expect(onFiles.mock.lastCall?.[0][0].name).toMatch(/^photo-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.jpg$/);
    const clip = new File(['v'], 'video.mov', { type: 'video/quicktime' });
    fireEvent.change(screen.getByLabelText('Record video'), { target: { files: [clip] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalledTimes(2));
    expect(onFiles.mock.lastCall?.[0][1].name).toMatch(/^video-.*\.mov$/);
  });

  it('downscales a large photo when the checkbox is ticked', async () => {
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => ({ width: 4000, height: 3000, close() {} })),
    );
    const small = new Blob([new Uint8Array(1000)], { type: 'image/jpeg' });
    class FakeOffscreenCanvas {
      getContext() {
        return { fillRect() {}, drawImage() {} };
      }
      async convertToBlob() {
        return small;
      }
    }
    vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
    const onFiles = vi.fn();
    render(<MediaCapture onFiles={onFiles} />);
    const big = new File([new Uint8Array(3 * 1024 * 1024)], 'Scan 1.PNG', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Add file'), { target: { files: [big] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalled());
    expect(onFiles).toHaveBeenLastCalledWith([{ name: 'Scan 1.jpg', type: 'image/jpeg', blob: small }]);
    expect(screen.getByText(/downscaled from 3\.0 MB/)).toBeTruthy();

    // Unticked: the next photo is kept as it is.
    fireEvent.click(screen.getByRole('checkbox', { name: /Downscale photos/ }));
    const other = new File([new Uint8Array(2048)], 'keep.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Add file'), { target: { files: [other] } });
    await waitFor(() => expect(onFiles).toHaveBeenCalledTimes(2));
    expect(onFiles.mock.lastCall?.[0][1]).toEqual({ name: 'keep.png', type: 'image/png', blob: other });
  });
});

describe('AudioRecorder (inside MediaCapture)', () => {
  type Recorder = {
    state: string;
    mimeType: string;
    stream: MediaStream;
    ondataavailable: ((e: { data: Blob }) => void) | null;
    onstop: (() => void) | null;
  };

  function stubMicrophone(getUserMedia: () => Promise<MediaStream>) {
    const recorders: Recorder[] = [];
    class FakeMediaRecorder implements Recorder {
      static isTypeSupported = (t: string) => t === 'audio/webm;codecs=opus';
      state = 'inactive';
      mimeType: string;
      ondataavailable: ((e: { data: Blob }) => void) | null = null;
      onstop: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(
        public stream: MediaStream,
        options?: { mimeType?: string },
      ) {
        this.mimeType = options?.mimeType ?? 'audio/webm';
        recorders.push(this);
      }
      start() {
        this.state = 'recording';
      }
      stop() {
        this.state = 'inactive';
        this.ondataavailable?.({ data: new Blob(['opus-data'], { type: this.mimeType }) });
        this.onstop?.();
      }
    }
    vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
    const gum = vi.fn(getUserMedia);
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator) as Navigator, { mediaDevices: { getUserMedia: gum } }),
    );
    return { recorders, gum };
  }

  function fakeStream() {
    const track = { stop: vi.fn() };
    return { track, stream: { getTracks: () => [track] } as unknown as MediaStream };
  }

  it('records, previews and hands over a clip named audio-<timestamp>.webm', async () => {
    const { track, stream } = fakeStream();
    const { recorders, gum } = stubMicrophone(async () => stream);
    objectUrls();
    const onFiles = vi.fn();
    render(<MediaCapture onFiles={onFiles} />);

    fireEvent.click(screen.getByRole('button', { name: /Record audio/ }));
    const stop = await screen.findByRole('button', { name: /Stop recording/ });
    expect(gum).toHaveBeenCalledWith({ audio: true });
    expect(recorders[0]?.state).toBe('recording');
    expect(screen.getByRole('timer').textContent).toBe('0:00');

    fireEvent.click(stop);
    expect(track.stop).toHaveBeenCalled(); // microphone released
    const audio = document.querySelector('audio');
    expect(audio?.controls).toBe(true);
    expect(audio?.getAttribute('src')).toMatch(/^blob:/);
    expect(onFiles).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Use this recording' }));
    await waitFor(() => expect(onFiles).toHaveBeenCalled());
    const [file] = onFiles.mock.lastCall?.[0] as Array<{ name: string; type: string; blob: Blob }>;
    expect(file?.name).toMatch(/^audio-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.webm$/);
    expect(file?.type).toBe('audio/webm;codecs=opus');
    expect(file?.blob.size).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: `Remove ${file?.name}` })).toBeTruthy();
    expect(document.querySelector('audio')).toBeNull();
  });

  it('explains a denied microphone permission', async () => {
    stubMicrophone(async () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    render(<MediaCapture onFiles={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /Record audio/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Microphone permission was denied/);
    // Can try again.
    expect(screen.getByRole('button', { name: /Record audio/ })).toBeTruthy();
  });

  it('explains a missing microphone', async () => {
    stubMicrophone(async () => Promise.reject(new DOMException('none', 'NotFoundError')));
    render(<MediaCapture onFiles={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /Record audio/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/No microphone was found/);
  });

  it('releases the microphone when unmounted mid-recording', async () => {
    const { track, stream } = fakeStream();
    stubMicrophone(async () => stream);
    const onFiles = vi.fn();
    const { unmount } = render(<MediaCapture onFiles={onFiles} />);
    fireEvent.click(screen.getByRole('button', { name: /Record audio/ }));
    await screen.findByRole('button', { name: /Stop recording/ });
    unmount();
    expect(track.stop).toHaveBeenCalled();
    expect(onFiles).not.toHaveBeenCalled();
  });
});
