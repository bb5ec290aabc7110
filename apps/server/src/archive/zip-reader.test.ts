// ARCHIVE: the zip reader an import uses (by range, one entry at a time) refuses hostile zips
// from their directory, and never inflates an entry past its declared size.
import { strToU8, Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveError } from './errors.ts';
import { bytesZip, listZip, readEntry } from './zip-reader.ts';

const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

/** Offsets of the central directory records, in order. */
function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 4 <= zip.byteLength; i++)
    if (view.getUint32(i, true) === CENTRAL) found.push(i);
  return found;
}

function patched(zip: Uint8Array, edit: (view: DataView, records: number[]) => void): Uint8Array {
  const copy = new Uint8Array(zip);
  edit(new DataView(copy.buffer), centralRecords(copy));
  return copy;
}

/** Lists the zip and reads every entry: the error's code and path, or 'read'. */
function readAll(zip: Uint8Array): { code: string; path: string } | 'read' {
  try {
    const source = bytesZip(zip);
    const { entries, directoryOffset } = listZip(source);
    for (const entry of entries) readEntry(source, entry, directoryOffset);
    return 'read';
  } catch (error) {
    if (error instanceof ArchiveError) return { code: error.code, path: error.path };
    throw error;
  }
}

// Conditions from the seed's cartons: compressible text, so the manifest is deflated.
const text = strToU8('Pouvoir développer de manière collective. '.repeat(200));
const honest = () => zipSync({ 'manifest.json': text, 'boards/01-kamouraska.json': strToU8('{}') });

describe('the zip reader', () => {
  it('ARCHIVE: reads what fflate writes, entry by entry, checked against size and CRC', () => {
    expect(readAll(honest())).toBe('read');
    const source = bytesZip(honest());
    const { entries, directoryOffset } = listZip(source);
    const manifest = entries.find((entry) => entry.name === 'manifest.json')!;
    expect(manifest.method).toBe(8);
    expect(readEntry(source, manifest, directoryOffset)).toEqual(text);
  });

  it('ARCHIVE: a directory lying about an entry’s size or CRC is refused, never inflated past it', () => {
    // Declared smaller than it inflates to: inflating stops at the declared size (a bomb).
    const smaller = patched(honest(), (view, [first]) => view.setUint32(first! + 24, 100, true));
    expect(readAll(smaller)).toEqual({ code: 'zip_bomb', path: 'manifest.json' });
    const larger = patched(honest(), (view, [first]) =>
      view.setUint32(first! + 24, text.byteLength + 10, true),
    );
    expect(readAll(larger)).toEqual({ code: 'not_zip', path: 'manifest.json' });
    const crc = patched(honest(), (view, [first]) =>
      view.setUint32(first! + 16, view.getUint32(first! + 16, true) ^ 1, true),
    );
    expect(readAll(crc)).toEqual({ code: 'not_zip', path: 'manifest.json' });
  });

  it('ARCHIVE: names that could leave the folder they are unpacked in → unsafe_path', () => {
    for (const name of [
      '../manifest.json',
      '/etc/passwd',
      'boards\\01.json',
      'C:/x.json',
      'a/./b',
    ]) {
      const result = readAll(zipSync({ [name]: strToU8('{}') }));
      expect(result).toMatchObject({ code: 'unsafe_path' });
    }
  });

  it('ARCHIVE: two entries of one name → invalid_manifest', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const body of ['{"a":1}', '{"a":2}']) {
      const entry = new ZipPassThrough('manifest.json');
      zip.add(entry);
      entry.push(strToU8(body), true);
    }
    zip.end();
    expect(readAll(new Uint8Array(Buffer.concat(chunks)))).toEqual({
      code: 'invalid_manifest',
      path: 'manifest.json',
    });
  });

  it('ARCHIVE: entries sharing their data (an overlapping bomb) → zip_bomb', () => {
    const overlapping = patched(honest(), (view, [first, second]) =>
      view.setUint32(second! + 42, view.getUint32(first! + 42, true), true),
    );
    expect(readAll(overlapping)).toMatchObject({ code: 'zip_bomb' });
  });

  it('ARCHIVE: Zip64, encrypted entries and unknown methods are refused', () => {
    const zip64 = patched(honest(), (view) => {
      for (let i = view.byteLength - 22; i >= 0; i--) {
        if (view.getUint32(i, true) === EOCD) return view.setUint32(i + 16, 0xffffffff, true);
      }
    });
    expect(readAll(zip64)).toMatchObject({ code: 'too_large' });
    const encrypted = patched(honest(), (view, [first]) =>
      view.setUint16(first! + 8, view.getUint16(first! + 8, true) | 1, true),
    );
    expect(readAll(encrypted)).toEqual({ code: 'not_zip', path: 'manifest.json' });
    const bzip = patched(honest(), (view, [first]) => view.setUint16(first! + 10, 12, true));
    expect(readAll(bzip)).toEqual({ code: 'not_zip', path: 'manifest.json' });
    expect(readAll(strToU8('PK not really'))).toMatchObject({ code: 'not_zip' });
  });
});
