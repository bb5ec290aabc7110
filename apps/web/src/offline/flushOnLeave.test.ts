import { describe, expect, it } from 'vitest';
import { flushOnLeave } from './flushOnLeave';

function pageAndDocument() {
  const page = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return { page, doc };
}

describe('flushOnLeave', () => {
  it('flushes when the tab is closed (pagehide) or the page hidden, not when shown', () => {
    const { page, doc } = pageAndDocument();
    let flushes = 0;
    const stop = flushOnLeave(() => flushes++, page, doc);
    page.dispatchEvent(new Event('pagehide'));
    expect(flushes).toBe(1);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flushes).toBe(2);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flushes).toBe(2);
    stop();
    page.dispatchEvent(new Event('pagehide'));
    expect(flushes).toBe(2);
  });
});
