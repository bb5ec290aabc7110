// A Carton board file of many notes, as the import tests feed the « Fichier Carton (.json) » field.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The i-th fractional index key: a0…az, b00…bzz. */
function indexKey(i: number): string {
  if (i < 62) return `a${DIGITS[i]}`;
  const rest = i - 62;
  return `b${DIGITS[Math.floor(rest / 62)]}${DIGITS[rest % 62]}`;
}

/** A board file of `count` notes of a carton's success conditions, on a grid. */
export function notesFile(count: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'carton-board',
      version: 1,
      meta: { schemaVersion: 1, title: 'Conditions de succès', kind: 'territory' },
      shapes: Array.from({ length: count }, (_, i) => ({
        id: `shape:condition${String(i).padStart(12, '0')}`,
        type: 'note',
        x: (i % 50) * 220,
        y: Math.floor(i / 50) * 220,
        rotation: 0,
        index: indexKey(i),
        parentId: null,
        text: `Condition de succès nº ${i + 1} : du transport collectif en région`,
        color: 'yellow',
        w: 200,
        h: 200,
      })),
    }),
  );
}
