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
    m.watchFirstScreen();
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
    m.watchFirstScreen();
    const run = vi.fn();
    m.afterFirstScreen(run);
    vi.advanceTimersByTime(3999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('takes a screen that does not say when it is shown as up at the first idle moment after its code loaded', async () => {
    vi.useFakeTimers();
    const m = await fresh();
    m.watchFirstScreen();
    const run = vi.fn();
    m.afterFirstScreen(run);
    // While a screen's code loads the thread is idle: that is not the screen being up.
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    m.screenCodeLoaded();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for a screen that says when its content is shown, past idle moments, until that frame is painted', async () => {
    const m = await fresh();
    m.watchFirstScreen();
    const run = vi.fn();
    m.afterFirstScreen(run);
    function Screen({ ready }: { ready: boolean }) {
      m.useFirstScreenContent(ready);
      return <p>{ready ? 'content' : 'Loading…'}</p>;
    }
    const view = render(<Screen ready={false} />);
    m.screenCodeLoaded();
    await new Promise((r) => setTimeout(r, 300));
    expect(run).not.toHaveBeenCalled();
    view.rerender(<Screen ready={true} />);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(performance.getEntriesByName(m.SCREEN_PAINTED)).toHaveLength(1);
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
