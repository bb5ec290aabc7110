// Setup file of the server's unit project (vitest.config.ts): every test file starts from the
// relay timings the server ships with. Files tune them for themselves (batchWithinOneTurn in
// relay/test-relay.ts, a shorter presence sweep, R53's dehydration) and leave them so; where a
// worker's files share modules, the next file would otherwise inherit them.
import { AWARENESS_TICK, CLUSTER_PRESENCE, DEHYDRATE, DOC_BATCH } from '../relay/protocol.ts';

const tuned = { AWARENESS_TICK, DOC_BATCH, DEHYDRATE, CLUSTER_PRESENCE };
const KEY = Symbol.for('carton.server.shippedTimings');
const store = globalThis as { [KEY]?: typeof tuned };
// Read once per worker, before its first file ran: the module's own values.
const shipped = (store[KEY] ??= structuredClone(tuned));
for (const name of Object.keys(tuned) as Array<keyof typeof tuned>) {
  Object.assign(tuned[name], shipped[name]);
}
