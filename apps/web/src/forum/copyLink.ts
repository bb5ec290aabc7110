// Copying a link at a venue: the async Clipboard API exists only in secure contexts (https or
// localhost), so on a plain-http LAN address it is missing. The chain: Clipboard API, then the
// old `execCommand('copy')` on the selected field, then the person copies by hand (the field is
// selected and the page says how).
export type CopyOutcome = 'copied' | 'manual';

export interface CopyMeans {
  /** `navigator.clipboard` where the browser offers it (null on plain http). */
  readonly clipboard: { writeText(text: string): Promise<void> } | null;
  /** Selects the field holding the text and runs `document.execCommand('copy')`. */
  readonly execCopy: () => boolean;
}

export async function copyWithFallback(text: string, means: CopyMeans): Promise<CopyOutcome> {
  if (means.clipboard) {
    try {
      await means.clipboard.writeText(text);
      return 'copied';
    } catch {
      // Refused (no permission, page not focused): try the old way.
    }
  }
  try {
    if (means.execCopy()) return 'copied';
  } catch {
    // Some browsers throw instead of returning false.
  }
  return 'manual';
}

/** The catalogue key telling how to copy by hand: a long press on touch screens, keys elsewhere. */
export function manualCopyHint(
  coarsePointer: boolean,
): 'forum.copy.manualTouch' | 'forum.copy.manualKeys' {
  return coarsePointer ? 'forum.copy.manualTouch' : 'forum.copy.manualKeys';
}
