import { slugify } from '@carton/board';
import type { SnapshotInfo } from '../storage/board-storage.ts';
import type { Zip } from 'fflate';
import { ArchiveError } from './errors.ts';
import type { ArchiveBoardEntry, ArchiveVersionEntry } from './manifest.ts';
import type { ArchiveWriter } from './produce.ts';
import { withoutImages } from './produce.ts';
import type { ArchiveSource } from './source.ts';

/**
 * The versions an archive keeps of one board, at most `max` (an import takes no more): all of
 * them when they fit, else the newest named ones first, then the newest auto ones; oldest first.
 */
export function keptVersions(versions: readonly SnapshotInfo[], max: number): SnapshotInfo[] {
  const ordered = [...versions].sort((a, b) => a.id - b.id);
  if (ordered.length <= max) return ordered;
  const newestFirst = [...ordered].reverse();
  const kept = [
    ...newestFirst.filter((v) => v.kind === 'named'),
    ...newestFirst.filter((v) => v.kind === 'auto'),
  ].slice(0, Math.max(0, max));
  return kept.sort((a, b) => a.id - b.id);
}

interface Candidate {
  readonly board: ArchiveBoardEntry;
  readonly info: SnapshotInfo;
  /** Its place among the board's kept versions (its file's number). */
  readonly n: number;
}

/**
 * Saved versions (R37, R38), after every board: `boards/NN-<slug>/versions/NNN-<name>.json`,
 * a board file each with its images in `images/` (once per archive). Within the counts of
 * ARCHIVE_LIMITS (per board, then the archive's), named versions first, then the newest auto
 * ones; each goes while the archive has room for it and its new images, so the archive stays
 * importable; the others are counted in the board's `versionsLeftOut`. Each board's versions
 * are listed oldest first.
 */
export async function writeVersions(
  source: ArchiveSource,
  writer: ArchiveWriter,
  zip: Zip,
  boards: ArchiveBoardEntry[],
  demand: () => Promise<void>,
): Promise<void> {
  const { maxVersionsPerBoard, maxVersions } = writer.limits;
  const candidates: Candidate[] = [];
  const leftOut = new Map<string, number>();
  for (const board of boards) {
    const all = await source.versions(board.id);
    const kept = keptVersions(all, maxVersionsPerBoard);
    leftOut.set(board.id, all.length - kept.length);
    for (const [i, info] of kept.entries()) candidates.push({ board, info, n: i + 1 });
  }
  const rank = (c: Candidate) => (c.info.kind === 'named' ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b) || b.info.createdAt - a.info.createdAt);
  const written = new Map<string, (ArchiveVersionEntry & { n: number })[]>();
  for (const [i, { board, info, n }] of candidates.entries()) {
    const leave = () => leftOut.set(board.id, (leftOut.get(board.id) ?? 0) + 1);
    if (i >= maxVersions) {
      leave();
      continue;
    }
    await demand();
    const stored = await source.versionFile(board.id, info.id);
    if (!stored) continue;
    const file = withoutImages(stored);
    const base = board.json.replace(/\.json$/, '');
    const json = `${base}/versions/${String(n).padStart(3, '0')}-${slugify(info.name ?? '', info.kind)}.json`;
    let entry;
    try {
      entry = writer.json(json, file);
    } catch (error) {
      // Larger than an import reads per file (a version of a board before R30 shrank it).
      if (!(error instanceof ArchiveError)) throw error;
      leave();
      continue;
    }
    if (!(await writer.writeWithImages(zip, entry, file, demand))) {
      leave();
      continue;
    }
    const list = written.get(board.id) ?? [];
    list.push({
      kind: info.kind,
      name: info.name,
      createdAt: info.createdAt,
      json,
      shapes: file.shapes.length,
      n,
    });
    written.set(board.id, list);
  }
  for (const board of boards) {
    const versions = (written.get(board.id) ?? [])
      .sort((a, b) => a.n - b.n)
      .map(({ n: _n, ...version }) => version);
    if (versions.length > 0) board.versions = versions;
    const left = leftOut.get(board.id) ?? 0;
    if (left > 0) board.versionsLeftOut = left;
  }
}
