import { describe, expect, it } from 'vitest';
import { dragHold, listRereads } from './listRereads';

describe('listRereads', () => {
  it('reads at once when none of the page’s own changes is on its way', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    rereads.changed();
    rereads.changed();
    expect(reads).toBe(2);
  });

  it('waits for the page’s changes in flight, then reads once', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    const first = rereads.begin();
    const second = rereads.begin();
    rereads.changed();
    rereads.changed();
    first();
    expect(reads).toBe(0);
    second();
    second(); // an answer handled twice ends once
    expect(reads).toBe(1);
    // Nothing owed: a change answered without news reads nothing.
    rereads.begin()();
    expect(reads).toBe(1);
  });
});

describe('dragHold', () => {
  it('reads nothing during a drag, once after the drop when the list changed meanwhile', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    const hold = dragHold(rereads.begin);
    hold.start();
    hold.start(); // a second dragstart holds once
    rereads.changed();
    expect(reads).toBe(0);
    hold.stop();
    hold.stop();
    expect(reads).toBe(1);
    hold.start();
    hold.stop();
    expect(reads).toBe(1);
  });

  it('shows a read that lands during the drag only once it is over', () => {
    const rereads = listRereads(() => undefined);
    const hold = dragHold(rereads.begin);
    const shown: string[] = [];
    hold.deliver(() => shown.push('before'));
    hold.start();
    hold.deliver(() => shown.push('during'));
    expect(shown).toEqual(['before']);
    hold.stop();
    expect(shown).toEqual(['before', 'during']);
  });
});

describe('listRereads: the page’s own change, echoed by the room', () => {
  it('reads no version the page holds already, whether the echo comes before or after', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    // The echo before the PUT's answer: owed while it is on its way, held by its answer.
    let end = rereads.begin();
    rereads.changed(1000);
    rereads.saw(1000);
    end();
    expect(reads).toBe(0);
    // The echo after the answer.
    end = rereads.begin();
    rereads.saw(2000);
    end();
    rereads.changed(2000);
    expect(reads).toBe(0);
  });

  it('reads another page’s change, and the clock’s, as before', () => {
    let reads = 0;
    const rereads = listRereads(() => (reads += 1));
    rereads.saw(1000);
    rereads.changed(1500);
    expect(reads).toBe(1);
    const end = rereads.begin();
    rereads.changed(3000); // another facilitator's change after this page's
    rereads.saw(2000);
    end();
    expect(reads).toBe(2);
    rereads.saw(3000);
    rereads.changed(); // no version: read
    expect(reads).toBe(3);
  });
});
