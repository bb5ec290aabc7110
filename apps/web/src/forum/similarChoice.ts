// C9 on the forum page: the ideas of « Les incontournables » that very likely say the same
// thing, offered as merges (« Ces idées se ressemblent ») and first in each « Fusionner avec… ».
import { ideaPairKey, similarIdeas, type Likeness } from '@carton/board';
import type { CompilationItem } from './api';

/** A suggested merge: `source` goes into `target`, the one higher in the list (C4). */
export interface SuggestedMerge {
  readonly pair: string;
  readonly target: CompilationItem;
  readonly source: CompilationItem;
  readonly likeness: Likeness;
}

/**
 * The suggestions, strongest first: pairs the facilitator said are different (`distinct`, C9)
 * left out. A server not yet updated answers without `distinct`: nothing is left out.
 */
export function suggestedMerges(
  items: readonly CompilationItem[],
  distinct: readonly string[] = [],
): SuggestedMerge[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  return similarIdeas(items, new Set(distinct)).map((pair) => ({
    pair: ideaPairKey(pair.first, pair.second),
    target: byKey.get(pair.first)!,
    source: byKey.get(pair.second)!,
    likeness: pair.likeness,
  }));
}

/** The keys of the ideas that look like `key`, strongest first (for « Fusionner avec… »). */
export function likelyMerges(key: string, suggestions: readonly SuggestedMerge[]): string[] {
  return suggestions.flatMap((s) =>
    s.target.key === key ? [s.source.key] : s.source.key === key ? [s.target.key] : [],
  );
}
