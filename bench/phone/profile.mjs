// Where a page's main thread went: CDP Profiler samples filed by the source file their innermost
// frame maps to (through the build's source maps), then by category (React, Konva, the board's
// write and presence, the browser's own work). Used by bench/phone/crowd.mjs and run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Per generated line: sorted [column, sourceIndex, sourceLine] triples of a source map v3. */
function decodeMap(map) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        sourceLine += values[2] ?? 0;
        segments.push([column, source, sourceLine]);
      }
      // The source's column is not needed: the file says the category, its line the function.
    }
    lines.push(segments);
  }
  return lines;
}

const CATEGORIES = [
  ['presence', /presence\/|y-protocols\/awareness/],
  ['board write', /yjs|lib0|zod|packages\/board|board\/shell|y-protocols|offline\/|y-indexeddb/],
  ['React', /react-dom|react-reconciler|scheduler|react-konva|\/react\//],
  ['Konva draw', /konva/],
];

/**
 * `categories`: [name, source pattern] pairs, the first that matches names a sample's category;
 * `program`: the category of the browser's own work; `onSample`, if given, sees each JS sample
 * (its node id, source, category, function name, the profile's nodes by id, each node's parent
 * and `nearest`, a node's nearest source up its stack).
 */
export function profileSplitter(
  webDir,
  { categories = CATEGORIES, program = 'browser (style, layout, paint)', onSample } = {},
) {
  const maps = new Map();
  /** The source file (with its line if `withLine`) a generated position maps to. */
  const sourceOf = (url, line, column, withLine = false) => {
    const file = /\/assets\/[^/?#]+\.js/.exec(url)?.[0];
    if (!file) return null;
    if (!maps.has(file)) {
      try {
        const map = JSON.parse(readFileSync(join(webDir, `${file}.map`), 'utf8'));
        maps.set(file, { sources: map.sources, lines: decodeMap(map) });
      } catch {
        maps.set(file, null);
      }
    }
    const segments = maps.get(file)?.lines[line];
    if (!segments?.length) return null;
    let found = segments[0];
    for (const segment of segments) if (segment[0] <= column) found = segment;
    const source = maps.get(file).sources[found[1]] ?? null;
    return source && withLine ? `${source}:${found[2] + 1}` : source;
  };
  const sources = new Map();
  /**
   * Busy milliseconds and their shares by category (idle left out): a sample counts for the
   * nearest frame up its stack whose source the maps name (a canvas call counts for Konva, a
   * socket send for the board write that made it); `sources` keeps the busiest files.
   */
  function split(profile) {
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
    const cache = new Map();
    const nearest = (id) => {
      if (cache.has(id)) return cache.get(id);
      const { url, lineNumber, columnNumber } = byNode.get(id).callFrame;
      let source = url ? sourceOf(url, lineNumber, columnNumber) : null;
      if (!source && parent.has(id)) source = nearest(parent.get(id));
      cache.set(id, source);
      return source;
    };
    const counts = new Map();
    let busy = 0;
    let busyUs = 0;
    for (const [i, id] of profile.samples.entries()) {
      const { functionName } = byNode.get(id).callFrame;
      if (functionName === '(idle)') continue;
      busy++;
      busyUs += profile.timeDeltas[i + 1] ?? 0;
      let category;
      if (functionName === '(program)') category = program;
      else if (functionName === '(garbage collector)') category = 'GC';
      else {
        const source = nearest(id);
        category = 'other JS';
        for (const [name, pattern] of categories)
          if (source && pattern.test(source)) {
            category = name;
            break;
          }
        const k = source?.replace(/^.*node_modules\//, '') ?? functionName;
        sources.set(k, (sources.get(k) ?? 0) + 1);
        onSample?.({ id, source, category, functionName, byNode, parent, nearest });
      }
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    return {
      busyMs: busyUs / 1000,
      shares: Object.fromEntries(
        [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / busy) * 100)]),
      ),
    };
  }
  /** The `n` busiest source files since the last call. */
  const busiest = (n) => {
    const top = [...sources].sort((a, b) => b[1] - a[1]).slice(0, n);
    sources.clear();
    return top;
  };
  return { split, busiest, sourceOf };
}
