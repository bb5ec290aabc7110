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
