// Shared by the tests of the facilitator's compilation in the forum archive (C7 set-aside,
// C8 wordings, C9 distinct): the seeded forum with its compilation changed, archived, and what
// an archive gives back once restored on another Carton.
import { forumRoomName, readCompilation, SERVER_ORIGIN, updateCompilation } from '@carton/board';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { withStoredDoc } from '../storage/stored-doc.ts';
import type { ArchiveManifest } from './manifest.ts';
import { storageSource } from './source.ts';
import { editStoredDoc, restoreInto, seededForum, type SourceAndTarget } from './test-support.ts';
import { collectStream, streamForumArchive } from './write.ts';

type CompilationChange = Parameters<typeof updateCompilation>[1];

/** The archive (no PNGs) of the seeded forum once `change` is made to its compilation. */
export async function archiveWithCompilation(
  dirs: SourceAndTarget,
  change: CompilationChange,
): Promise<Uint8Array> {
  const { created } = await seededForum(dirs.source);
  editStoredDoc(dirs.source, forumRoomName(created.forum.id), (doc) =>
    updateCompilation(doc, change, 1, SERVER_ORIGIN),
  );
  const stream = await streamForumArchive(storageSource(dirs.source), created.forum.id, {
    png: false,
  });
  return collectStream(stream!);
}

/** The compilation of the forum `zip` restores on the target Carton. */
export async function restoredCompilation(dirs: SourceAndTarget, zip: Uint8Array) {
  const restored = await restoreInto(dirs.target, zip);
  return withStoredDoc(dirs.target.boards, forumRoomName(restored.forum.id), readCompilation);
}

const decoder = new TextDecoder();

export function manifestOf(files: Record<string, Uint8Array>): ArchiveManifest {
  return JSON.parse(decoder.decode(files['manifest.json'])) as ArchiveManifest;
}

/** `zip` with its manifest changed by `edit` (an older Carton's archive, or one edited by hand). */
export function withManifest(zip: Uint8Array, edit: (manifest: ArchiveManifest) => void) {
  const files = unzipSync(zip);
  const manifest = manifestOf(files);
  edit(manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}
