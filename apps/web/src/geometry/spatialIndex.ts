// A uniform-grid spatial index: each shape is kept in every cell its bounds touch.
// Simple and fast enough for 10 000 shapes; queries return ids whose bounds intersect.
import { rectsIntersect, type Rect } from './rect';

export class SpatialIndex {
  private readonly cells = new Map<string, Set<string>>();
  private readonly entries = new Map<string, { rect: Rect; keys: string[] }>();

  constructor(private readonly cellSize = 512) {}

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  bounds(id: string): Rect | undefined {
    return this.entries.get(id)?.rect;
  }

  /** Inserts or moves `id` to `rect`. */
  set(id: string, rect: Rect): void {
    const previous = this.entries.get(id);
    const keys = this.keysFor(rect);
    if (previous) {
      if (sameKeys(previous.keys, keys)) {
        previous.rect = rect;
        return;
      }
      this.removeFromCells(id, previous.keys);
    }
    for (const key of keys) {
      let cell = this.cells.get(key);
      if (!cell) {
        cell = new Set();
        this.cells.set(key, cell);
      }
      cell.add(id);
    }
    this.entries.set(id, { rect, keys });
  }

  delete(id: string): void {
    const previous = this.entries.get(id);
    if (!previous) return;
    this.removeFromCells(id, previous.keys);
    this.entries.delete(id);
  }

  clear(): void {
    this.cells.clear();
    this.entries.clear();
  }

  /** Ids whose bounds intersect `rect` (unordered). */
  query(rect: Rect): Set<string> {
    const out = new Set<string>();
    const x0 = Math.floor(rect.x / this.cellSize);
    const y0 = Math.floor(rect.y / this.cellSize);
    const x1 = Math.floor((rect.x + rect.width) / this.cellSize);
    const y1 = Math.floor((rect.y + rect.height) / this.cellSize);
    // A huge query (far zoom) touches more cells than there are shapes: scan entries instead.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.entries.size) {
      for (const [id, entry] of this.entries) if (rectsIntersect(entry.rect, rect)) out.add(id);
      return out;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const cell = this.cells.get(`${cx},${cy}`);
        if (!cell) continue;
        for (const id of cell) {
          if (out.has(id)) continue;
          const entry = this.entries.get(id);
          if (entry && rectsIntersect(entry.rect, rect)) out.add(id);
        }
      }
    }
    return out;
  }

  private keysFor(rect: Rect): string[] {
    const keys: string[] = [];
    const x0 = Math.floor(rect.x / this.cellSize);
    const y0 = Math.floor(rect.y / this.cellSize);
    const x1 = Math.floor((rect.x + rect.width) / this.cellSize);
    const y1 = Math.floor((rect.y + rect.height) / this.cellSize);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) keys.push(`${cx},${cy}`);
    return keys;
  }

  private removeFromCells(id: string, keys: readonly string[]): void {
    for (const key of keys) {
      const cell = this.cells.get(key);
      if (!cell) continue;
      cell.delete(id);
      if (cell.size === 0) this.cells.delete(key);
    }
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
