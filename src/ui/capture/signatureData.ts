import type { PointGroup } from 'signature_pad';

/**
 * Stroke data scaled by `factor`, for redrawing a signature after its canvas changed width (rotating the
 * phone, resizing the window). signature_pad stores points in CSS pixels, so without scaling a signature
 * drawn on a wide canvas would be cropped on a narrow one. Line widths scale too, so it looks the same.
 */
export function scalePointGroups(groups: readonly PointGroup[], factor: number): PointGroup[] {
  if (!Number.isFinite(factor) || factor <= 0) throw new RangeError(`factor must be > 0 (got ${factor})`);
  return groups.map((g) => ({
    ...g,
    dotSize: g.dotSize * factor,
    minWidth: g.minWidth * factor,
    maxWidth: g.maxWidth * factor,
    points: g.points.map((p) => ({ ...p, x: p.x * factor, y: p.y * factor })),
  }));
}
