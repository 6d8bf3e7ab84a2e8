// @vitest-environment jsdom
// What the first screen does not need waits until it is up (src/ui/firstScreen.ts, docs/performance.md); nothing
// waits when the app's start has not asked for it (a component rendered on its own).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';

type FirstScreen = typeof import('../../../src/ui/firstScreen');

async function fresh(): Promise<FirstScreen> {
  vi.resetModules();
  return import('../../../src/ui/firstScreen');
}

function Probe({ m }: { m: FirstScreen }) {
  return <p>{m.useFirstScreenShown() ? 'frame complete' : 'first screen only'}</p>;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('work deferred until the first screen is up', () => {
  it('waits for the home screen to say so, then runs each waiting task once and re-renders the frame', async () => {
    vi.useFakeTimers();
    const m = await fresh();
    m.watchFirstScreen(true);
    const run = vi.fn();
    m.afterFirstScreen(run);
    render(<Probe m={m} />);
    expect(screen.getByText('first screen only')).toBeTruthy();
    expect(run).not.toHaveBeenCalled();
    act(() => m.firstScreenShown());
    expect(screen.getByText('frame complete')).toBeTruthy();
    m.firstScreenShown();
    expect(run).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    m.afterFirstScreen(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('starts anyway if the first screen never says it is up', async () => {
    vi.useFakeTimers();
    const m = await fresh();
    m.watchFirstScreen(true);
    const run = vi.fn();
    m.afterFirstScreen(run);
    vi.advanceTimersByTime(3999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('defers nothing when the app start did not ask (a component rendered on its own)', async () => {
    const m = await fresh();
    const run = vi.fn();
    m.afterFirstScreen(run);
    render(<Probe m={m} />);
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.getByText('frame complete')).toBeTruthy();
  });
});
