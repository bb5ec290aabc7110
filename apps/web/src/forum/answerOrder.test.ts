import { describe, expect, it } from 'vitest';
import { answerOrder } from './answerOrder';

describe('answerOrder', () => {
  it('drops the answer of a request once a later request’s answer is shown', () => {
    const order = answerOrder();
    const first = order.ask();
    const second = order.ask();
    expect(second()).toBe(true);
    expect(first()).toBe(false);
  });

  it('shows answers that come back in the order they were asked', () => {
    const order = answerOrder();
    const first = order.ask();
    const second = order.ask();
    expect(first()).toBe(true);
    expect(second()).toBe(true);
  });

  it('shows an earlier answer when the later request failed (never answered)', () => {
    const order = answerOrder();
    const first = order.ask();
    order.ask();
    expect(first()).toBe(true);
    // A third request still wins over the first.
    const third = order.ask();
    expect(third()).toBe(true);
    expect(first()).toBe(false);
  });
});
