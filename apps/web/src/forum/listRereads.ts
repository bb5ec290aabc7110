// « Les incontournables » change from elsewhere too: another facilitator's page (a merge, « Non,
// elles sont différentes », a wording), and the participants' notes the list is compiled from.
// The page reads the list again then; a read never overtakes one of its own changes in flight,
// whose answer (with its « Annuler ») must not be dropped as older than the read's.

/**
 * Re-reads of a list this page also changes. `changed()`: the list changed elsewhere — read it
 * now, or once this page's own changes in flight (`begin()` … its `end`) have all answered.
 * `changed(version)`: the list is now at `version` (the room's compiledAt); `saw(version)`: an
 * answer the page holds is at that version. The room echoes the page's own change too: its
 * PUT's answer holds it already, so a version no newer than one seen is read no more.
 */
export function listRereads(read: () => void): {
  begin: () => () => void;
  changed: (version?: number | null) => void;
  saw: (version: number | null | undefined) => void;
} {
  let inFlight = 0;
  // The newest version owed a read (Infinity: a read owed whatever the version, the clock's).
  let owed = -Infinity;
  let seen = -Infinity;
  return {
    begin() {
      inFlight += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight -= 1;
        if (inFlight > 0) return;
        const due = owed > seen;
        owed = -Infinity;
        if (due) read();
      };
    },
    changed(version) {
      const at = version ?? Infinity;
      if (at <= seen) return;
      if (inFlight > 0) owed = Math.max(owed, at);
      else read();
    },
    saw(version) {
      if (typeof version === 'number') seen = Math.max(seen, version);
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
