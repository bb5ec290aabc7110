// The board file the import benchmarks send (client.mjs into a live board from the page,
// run.mjs to the server's three ways in): `count` yellow notes 200 × 200 in rows of 100,
// 220 apart, each with its own id and fractional index.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** The i-th fractional index key: a0…az, b00…bzz, c000…. */
function indexKey(i) {
  const widths = [1, 2, 3];
  let rest = i;
  for (let k = 0; k < widths.length; k++) {
    const count = 62 ** widths[k];
    if (rest < count) {
      let digits = '';
      for (let d = 0; d < widths[k]; d++) {
        digits = DIGITS[rest % 62] + digits;
        rest = Math.floor(rest / 62);
      }
      return String.fromCharCode(97 + k) + digits;
    }
    rest -= count;
  }
  throw new Error('too many shapes');
}

/** A territory board file « Gros fichier » of `count` notes, note `i` saying `textOf(i)`. */
export function notesBoardFile(count, textOf) {
  return {
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Gros fichier', kind: 'territory' },
    shapes: Array.from({ length: count }, (_, i) => ({
      id: `shape:bench${String(i).padStart(20, '0')}`,
      type: 'note',
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 220,
      rotation: 0,
      index: indexKey(i),
      parentId: null,
      text: textOf(i),
      color: 'yellow',
      w: 200,
      h: 200,
    })),
  };
}
