// « Les incontournables » change from elsewhere too: another facilitator's page (a merge, « Non,
// elles sont différentes », a wording), and the participants' notes the list is compiled from.
// The page reads the list again then; a read never overtakes one of its own changes in flight,
// whose answer (with its « Annuler ») must not be dropped as older than the read's.

/**
 * Re-reads of a list this page also changes. `changed()`: the list changed elsewhere — read it
 * now, or once this page's own changes in flight (`begin()` … its `end`) have all answered.
 */
export function listRereads(read: () => void): {
  begin: () => () => void;
  changed: () => void;
} {
  let inFlight = 0;
  let owed = false;
  return {
    begin() {
      inFlight += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
        if (inFlight === 0 && owed) {
          owed = false;
          read();
        }
      };
    },
    changed() {
      if (inFlight > 0) owed = true;
      else read();
    },
  };
}

/**
 * A facilitator's drag of one idea onto another (to merge them) holds the list still: a read
 * landing meanwhile moved the ideas under the pointer, and the drop merged into the idea that
 * had slid there. `start()` holds the re-reads (`begin`, one read after the drop if one was
 * missed); a read already on its way hands its answer to `deliver`, shown at `stop()`.
 */
export function dragHold(begin: () => () => void): {
  start: () => void;
  stop: () => void;
  deliver: (show: () => void) => void;
} {
  let held: { end: () => void; late: (() => void) | null } | null = null;
  return {
    start() {
      held ??= { end: begin(), late: null };
    },
    stop() {
      const was = held;
      held = null;
      was?.late?.();
      was?.end();
    },
    deliver(show) {
      if (held) held.late = show;
      else show();
    },
  };
}
