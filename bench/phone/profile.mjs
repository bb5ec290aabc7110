// Where a page's main thread went: CDP Profiler samples filed by the source file their innermost
// frame maps to (through the build's source maps), then by category (React, Konva, the board's
// write and presence, the browser's own work). Used by bench/phone/crowd.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Per generated line: sorted [column, sourceIndex] pairs of a source map v3. */
function decodeMap(map) {
  const lines = [];
  let source = 0;
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
        segments.push([column, source]);
      }
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

export function profileSplitter(webDir) {
  const maps = new Map();
  const sourceOf = (url, line, column) => {
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
    return maps.get(file).sources[found[1]] ?? null;
  };
  const sources = new Map();
  /** Busy milliseconds and their shares by category; `sources` keeps the busiest files. */
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
      if (functionName === '(program)') category = 'browser (style, layout, paint)';
      else if (functionName === '(garbage collector)') category = 'GC';
      else {
        const source = nearest(id);
        category = 'other JS';
        for (const [name, pattern] of CATEGORIES)
          if (source && pattern.test(source)) {
            category = name;
            break;
          }
        const k = source?.replace(/^.*node_modules\//, '') ?? functionName;
        sources.set(k, (sources.get(k) ?? 0) + 1);
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
  return { split, busiest };
}
