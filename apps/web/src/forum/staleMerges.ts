// Merges that no longer hold: the facilitator merged ideas into one whose note was then edited
// or deleted on its board (C3 keys a merge by the idea's words). The ideas merged into it come
// back to the list one by one, silently: the forum page names them and merges them again at once.
import type { Compilation, CompilationItem } from './api';

/** Ideas back in the list because the idea they were merged into is no longer on the boards. */
export interface StaleMerge {
  /** The missing idea's key (its words as C1 keeps them). */
  readonly target: string;
  /** The ideas merged into it, now each its own line, in the list's order. */
  readonly items: readonly CompilationItem[];
}

export function staleMerges(
  compilation: Pick<Compilation, 'merges' | 'items'> & { setAside?: readonly CompilationItem[] },
): StaleMerge[] {
  const shown = [...compilation.items, ...(compilation.setAside ?? [])];
  const present = new Set(shown.flatMap((item) => [item.key, ...item.mergedKeys]));
  const byTarget = new Map<string, CompilationItem[]>();
  for (const item of compilation.items) {
    const target = compilation.merges[item.key];
    if (target === undefined || present.has(target)) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), item]);
  }
  return [...byTarget].map(([target, items]) => ({ target, items }));
}
