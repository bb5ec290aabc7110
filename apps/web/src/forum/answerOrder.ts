// « Les incontournables » live on the server: each change the facilitator makes (a merge, an idea
// set aside, its words, « Compiler ») is a PUT that answers the whole list. Two clicks close
// together on a slow server or a venue's wifi have two PUTs in flight, and their answers may
// come back in either order: the first one's, arriving last, put back the list as it was between
// the two (an idea set aside shown again, a merge gone), and the next merge was computed on it.

/**
 * Orders the answers of requests that each answer the whole of one thing. `ask()` numbers a
 * request; the function it returns says, once its answer is there, whether to show it: no, when
 * the answer to a later request has been shown already (it is older than what is on screen).
 * An earlier answer arriving first is still shown (the later request may yet fail).
 */
export function answerOrder(): { ask: () => () => boolean } {
  let asked = 0;
  let shown = 0;
  return {
    ask() {
      asked += 1;
      const number = asked;
      return () => {
        if (number < shown) return false;
        shown = number;
        return true;
      };
    },
  };
}
