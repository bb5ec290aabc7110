// « Exporter / Importer »'s dialog, as the export and import tests open it.
import type { Locator, Page } from 'playwright-core';

/** The export dialog: the page's header also has a « Contenu » button (the board's outline). */
export function exportDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Exporter ou importer' });
}

/** Opens the dialog from the header, unless it is open already. */
export async function openExportMenu(page: Page): Promise<void> {
  const dialog = exportDialog(page);
  if (!(await dialog.isVisible()))
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
  await dialog.waitFor();
}
