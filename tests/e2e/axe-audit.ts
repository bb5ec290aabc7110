// axe-core (a local library, no network) on a page as it stands: shared by a11y-axe and
// a11y-axe-forum-day, which sweep the pages of a forum day between them.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Rules that cannot apply to a canvas app, each with why: none is needed today. What axe cannot
// see is the canvas's own drawing (notes' text on their colours): theme/contrast.test.ts checks
// those colours, and « Contenu » is the board's text alternative.
export const ALLOWED: ReadonlySet<string> = new Set<string>([]);

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Every violation axe-core finds in `context` (a selector, or the whole page). */
async function violations(page: Page, context: string | null): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async (within) => {
    const { axe } = window as unknown as {
      axe: { run: (context: string | Document) => Promise<AxeResults> };
    };
    const results = await axe.run(within ?? document);
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  }, context);
}

/**
 * axe-core's serious and critical violations on the page as it stands, minus ALLOWED. Given a
 * dialog's selector: that dialog alone, and every impact (its own markup has no excuse for a
 * minor one either: a form in the dialog role was one). The page's context must bypass the CSP
 * so axe's script may run.
 */
export async function audit(page: Page, dialog?: string): Promise<Finding[]> {
  return (await violations(page, dialog ?? null)).filter(
    (v) =>
      (dialog !== undefined || v.impact === 'serious' || v.impact === 'critical') &&
      !ALLOWED.has(v.rule),
  );
}

/** The whole page's violations of `rules`, whatever their impact (a moderate one fixed). */
export async function auditRules(page: Page, rules: readonly string[]): Promise<Finding[]> {
  return (await violations(page, null)).filter((v) => rules.includes(v.rule));
}
