// Shapes are mounted in z-order chunks (one Konva group each), not as thousands of siblings:
// Konva renumbers every sibling when one is removed, so unmounting a strip of a 10 000-shape
// layer (a pan far out) was quadratic. A chunk's key is its place in the board's order, so a
// shape stays in its group while the view moves.

export interface Chunk {
  key: string;
  ids: string[];
}

/** Splits ids (bottom to top) into consecutive runs of the same `floor(order / size)`. */
export function zOrderChunks(
  ids: readonly string[],
  orderOf: (id: string) => number,
  size: number,
): Chunk[] {
  const chunks: Chunk[] = [];
  const used = new Set<string>();
  let lastBucket = NaN;
  for (const id of ids) {
    const bucket = Math.floor(orderOf(id) / size);
    const last = chunks[chunks.length - 1];
    if (last && bucket === lastBucket) {
      last.ids.push(id);
      continue;
    }
    lastBucket = bucket;
    // Ids out of order (never from the scene) still get unique keys, in the order given.
    const key = used.has(String(bucket)) ? `${bucket}:${chunks.length}` : String(bucket);
    used.add(key);
    chunks.push({ key, ids: [id] });
  }
  return chunks;
}
