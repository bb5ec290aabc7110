// Global setup of the `e2e` project. Each worker keeps one Chromium for all its files
// (browser.ts), and the last one is not closed by a file: it ends with its worker, and then
// Playwright cannot remove its profile folder. After the run, the profile folders no running
// Chromium uses are removed, so a run leaves nothing in the temporary folder; nor do the files
// the tests download, kept in one folder for the run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROFILE_PREFIX = 'playwright_chromiumdev_profile-';
/** Where a run's downloads go (browser.ts, savedDownload); made here, removed after the run. */
export const DOWNLOADS_FOLDER_VARIABLE = 'CARTON_E2E_DOWNLOADS';

/** The `--user-data-dir` folders of every running process. */
function profilesInUse(): Set<string> {
  const inUse = new Set<string>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // Ended while we looked.
    }
    for (const arg of commandLine.split('\0')) {
      if (arg.startsWith('--user-data-dir=')) inUse.add(arg.slice('--user-data-dir='.length));
    }
  }
  return inUse;
}

/** Removes Chromium profile folders in the temporary folder that no running process uses. */
export function removeUnusedProfiles(folder = tmpdir()): string[] {
  const inUse = profilesInUse();
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!name.startsWith(PROFILE_PREFIX) || inUse.has(path)) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

export default function setup(): () => void {
  // The run's downloads (browser.ts, savedDownload): the workers inherit the variable.
  const downloads = mkdtempSync(join(tmpdir(), 'carton-e2e-downloads-'));
  process.env[DOWNLOADS_FOLDER_VARIABLE] = downloads;
  return () => {
    removeUnusedProfiles();
    rmSync(downloads, { recursive: true, force: true });
  };
}
