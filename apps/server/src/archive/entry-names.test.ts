// ARCHIVE: the names an import reads entries by, once an archive was zipped again elsewhere.
import { describe, expect, it } from 'vitest';
import { archiveNames, isSystemClutter } from './entry-names.ts';

const names = (zipNames: string[]) => Object.fromEntries(archiveNames(zipNames, 'manifest.json'));

describe('archive entry names', () => {
  it('ARCHIVE: Carton’s own names are kept as they are', () => {
    expect(names(['boards/02-kamouraska.json', 'boards/', 'manifest.json'])).toEqual({
      'boards/02-kamouraska.json': 'boards/02-kamouraska.json',
      'boards/': 'boards/',
      'manifest.json': 'manifest.json',
    });
  });

  it('ARCHIVE: a folder every entry shares, holding the manifest, is left out of the names', () => {
    expect(
      names([
        'forum-bsl/',
        'forum-bsl/manifest.json',
        'forum-bsl/boards/02-kamouraska.json',
        '__MACOSX/forum-bsl/._manifest.json',
        'forum-bsl/.DS_Store',
      ]),
    ).toEqual({
      'manifest.json': 'forum-bsl/manifest.json',
      'boards/02-kamouraska.json': 'forum-bsl/boards/02-kamouraska.json',
    });
  });

  it('ARCHIVE: names keep their folder when an entry lies outside it, or the manifest is at the top', () => {
    expect(names(['forum/manifest.json', 'lisez-moi.txt'])).toEqual({
      'forum/manifest.json': 'forum/manifest.json',
      'lisez-moi.txt': 'lisez-moi.txt',
    });
    expect(names(['forum/manifest.json', 'forum/x.json', 'autre/y.json'])).not.toHaveProperty(
      'manifest.json',
    );
    // Two folders deep is not a folder someone zipped: not guessed.
    expect(names(['a/b/manifest.json'])).toEqual({ 'a/b/manifest.json': 'a/b/manifest.json' });
  });

  it('ARCHIVE: files macOS and Windows add on their own are clutter, Carton’s are not', () => {
    for (const name of [
      '__MACOSX/forum/._manifest.json',
      '.DS_Store',
      'images/.DS_Store',
      'images/._photo.png',
      'images/Thumbs.db',
      'desktop.ini',
    ]) {
      expect(isSystemClutter(name)).toBe(true);
    }
    for (const name of ['manifest.json', 'images/ec88.png', 'boards/', 'incontournables.md']) {
      expect(isSystemClutter(name)).toBe(false);
    }
  });
});
