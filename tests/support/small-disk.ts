// A small disk for the disk-full tests (server SPEC R69): a 4 MiB tmpfs, mounted where the
// test runs as root (CI and the dev machine), and a file written on it until ENOSPC.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillUntilFull } from '../../apps/server/src/storage/test-support.ts';

export interface SmallDisk {
  readonly dir: string;
  /** Writes `filler` until the disk refuses (ENOSPC): large pieces, then small ones. */
  fill(): void;
  /** Removes the filler: the space is back. */
  free(): void;
  /** Gives back only `bytes` of the filler: the disk is nearly full (a few writes fit). */
  freeSome(bytes: number): void;
  unmount(): void;
}

/** Mounts a 4 MiB tmpfs; `{ reason }` where mounting is not permitted (not root). */
export function mountSmallDisk(): SmallDisk | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'carton-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: String((error as Error).message).split('\n')[0]! };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      fillUntilFull(filler);
    },
    free() {
      rmSync(filler, { force: true });
    },
    freeSome(bytes) {
      truncateSync(filler, Math.max(0, statSync(filler).size - bytes));
    },
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
