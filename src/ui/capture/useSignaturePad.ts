import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import SignaturePad from 'signature_pad';
import { containedIn, scalePointGroups, signatureImageSize } from './signatureData';

/** What survives between fits: the CSS width last fitted, and which fit a pending image load belongs to. */
interface FitState {
  cssWidth: number;
  generation: number;
}

/**
 * A signature_pad on `canvasRef`'s canvas while `canDraw`, kept fitted to the canvas's size; `onEndStroke` runs
 * after each stroke. `baseImageRef` holds an image restored from a saved value, redrawn under new strokes.
 */
export function useSignaturePad(
  canDraw: boolean,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  baseImageRef: RefObject<string | null>,
  onEndStroke: (pad: SignaturePad) => void,
) {
  const padRef = useRef<SignaturePad | null>(null);
  const endStroke = useEffectEvent(onEndStroke);
  const near = useNearViewport(canDraw ? canvasRef : null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canDraw || !near || !canvas) return;
    const pad = new SignaturePad(canvas, {
      penColor: '#111827',
      backgroundColor: 'rgb(255, 255, 255)',
      minWidth: 0.8,
      maxWidth: 2.8,
    });
    padRef.current = pad;

    const fit = { cssWidth: 0, generation: 0 };
    const resize = () => fitCanvas(canvas, pad, fit, baseImageRef);

    const handleEnd = () => endStroke(pad);
    pad.addEventListener('endStroke', handleEnd);
    resize();
    window.addEventListener('resize', resize);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => resize()) : null;
    observer?.observe(canvas);
    canvas.dataset.pad = 'ready';
    return () => {
      delete canvas.dataset.pad;
      fit.generation++;
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      pad.removeEventListener('endStroke', handleEnd);
      pad.off();
      padRef.current = null;
    };
  }, [canDraw, near, canvasRef, baseImageRef]);
  return padRef;
}

/**
 * Whether the element is on screen or within a screen's height of it. A pad below the fold is made when it comes
 * near: making one (its 2D context, fitting and redrawing a kept image) held a slow phone's first paint of a form
 * with two signature boxes at its foot by ~150 ms at 4×. Without IntersectionObserver (jsdom): at once.
 */
function useNearViewport(ref: RefObject<HTMLElement | null> | null): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver !== 'function');
  useEffect(() => {
    const element = ref?.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}

/** Fit the backing store to the element's CSS size × device pixel ratio, keeping what was drawn. */
function fitCanvas(
  canvas: HTMLCanvasElement,
  pad: SignaturePad,
  fit: FitState,
  baseImageRef: RefObject<string | null>,
) {
  const width = canvas.offsetWidth;
  const height = canvas.offsetHeight;
  if (width === 0 || height === 0) return; // hidden: keep everything until it is shown again
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  const pixelWidth = Math.round(width * ratio);
  const pixelHeight = Math.round(height * ratio);
  if (width === fit.cssWidth && canvas.width === pixelWidth && canvas.height === pixelHeight) return;
  const data = pad.toData();
  const factor = fit.cssWidth > 0 ? width / fit.cssWidth : 1;
  const strokes = factor === 1 ? data : scalePointGroups(data, factor);
  canvas.width = pixelWidth; // clears the canvas and resets its transform
  canvas.height = pixelHeight;
  canvas.getContext('2d')?.scale(ratio, ratio);
  fit.cssWidth = width;
  pad.clear();
  const base = baseImageRef.current;
  if (base) {
    const mine = ++fit.generation;
    // At its own proportions: a signature kept from a box of another shape (the older 2:1 pad) is not stretched.
    const size = signatureImageSize(base);
    pad
      .fromDataURL(base, { ratio, ...(size ? containedIn(size, { width, height }) : { width, height }) })
      .then(() => {
        if (mine === fit.generation && strokes.length > 0) pad.fromData(strokes, { clear: false });
      })
      .catch(() => {
        baseImageRef.current = null;
        if (mine === fit.generation && strokes.length > 0) pad.fromData(strokes);
      });
  } else if (strokes.length > 0) {
    pad.fromData(strokes);
  }
}
