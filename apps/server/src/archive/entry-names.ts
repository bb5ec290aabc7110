// The names an import reads an archive's entries by, once someone has unzipped it on their
// computer and zipped it again: without the folder their system zipped it in, and without the
// files the system added to that folder.

/**
 * Files an operating system adds on its own: macOS's resource forks (`__MACOSX/…`, `._photo.png`)
 * and folder settings (`.DS_Store`), Windows's thumbnails (`Thumbs.db`) and `desktop.ini`.
 * Never read; they still pass the zip's checks (names, overlaps) like any entry.
 */
export function isSystemClutter(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/', name.length - 2) + 1);
  return (
    name.startsWith('__MACOSX/') ||
    base.startsWith('._') ||
    ['.DS_Store', 'Thumbs.db', 'desktop.ini'].includes(base)
  );
}

/**
 * Each entry's name as the archive means it, by the name the zip gives it: system clutter left
 * out, and a folder prefix every other entry shares removed when the archive's `anchor`
 * (`manifest.json`) is in that folder rather than at the top — someone zipped the folder
 * Carton's archive was unpacked into (« forum-alliance-bsl-2023/manifest.json »), not its
 * contents. That folder's own entry (`forum/`) goes with it. One folder only, and only when
 * every entry is in it: an archive whose entries are spread over folders keeps its names.
 */
export function archiveNames(zipNames: Iterable<string>, anchor: string): Map<string, string> {
  const kept = [...zipNames].filter((name) => !isSystemClutter(name));
  const slash = kept[0]?.indexOf('/') ?? -1;
  const folder = slash > 0 ? kept[0]!.slice(0, slash + 1) : '';
  const strip =
    folder !== '' &&
    !kept.includes(anchor) &&
    kept.includes(folder + anchor) &&
    kept.every((name) => name.startsWith(folder));
  const names = new Map<string, string>();
  for (const name of kept) {
    const archiveName = strip ? name.slice(folder.length) : name;
    if (archiveName !== '') names.set(archiveName, name);
  }
  return names;
}
