// The web client's build draws with react-konva over Konva's core and the nodes konvaCore.ts
// registers (vite.config.ts aliases `react-konva` to it). A component imported from react-konva
// whose node is not registered would draw as an empty group on the board, the projector or an
// export: every one the client's files import must be registered.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Konva from 'konva/lib/Core.js';
import { describe, expect, it } from 'vitest';
import { KONVA_NODES } from './konvaCore';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The names imported (not as types) from react-konva, with the files importing them. */
function reactKonvaImports(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'react-konva'/g)) {
      if (match[1]) continue;
      for (const part of match[2]!.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+.*/, '')
          .split(/\s+as\s+/)[0]!;
        if (name) names.set(name, [...(names.get(name) ?? []), file.slice(SRC.length)]);
      }
    }
  }
  return names;
}

describe('react-konva over Konva core (konvaCore.ts)', () => {
  it('registers every Konva node the client imports from react-konva', () => {
    const imported = reactKonvaImports();
    // The client does draw with it (the scan found its imports).
    expect(imported.get('Stage')?.length).toBeGreaterThan(0);
    expect(imported.get('Rect')?.length).toBeGreaterThan(0);
    const missing = [...imported].filter(
      ([name]) => !(KONVA_NODES as readonly string[]).includes(name),
    );
    expect(missing).toEqual([]);
  });

  it('has each of them in Konva once its module is loaded', () => {
    const registered = Konva as unknown as Record<string, unknown>;
    expect(KONVA_NODES.filter((name) => typeof registered[name] !== 'function')).toEqual([]);
  });
});
