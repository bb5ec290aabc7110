// ARCHIVE: what the CLI prints of archive or database text cannot act on the terminal.
import { describe, expect, it } from 'vitest';
import { printable, printableJson, printableLines } from './printable.ts';

describe('printable (the CLI’s untrusted text)', () => {
  it('ARCHIVE: escapes ESC sequences, carriage returns and other C0/C1 controls', () => {
    expect(printable('Kamouraska\u001b[2J\u001b]0;pwned\u0007')).toBe(
      'Kamouraska\\u001B[2J\\u001B]0;pwned\\u0007',
    );
    expect(printable('boards/01.json\rboards/ok.json')).toBe('boards/01.json\\u000Dboards/ok.json');
    expect(printable('a\tb\nc\u0000d\u007fe\u0085f\u009bg')).toBe(
      'a\\u0009b\\u000Ac\\u0000d\\u007Fe\\u0085f\\u009Bg',
    );
  });

  it('ARCHIVE: escapes bidi overrides, embeddings, isolates and marks', () => {
    // « photo‮gnp.exe » shows as « photoexe.png » on a terminal that honours the override.
    expect(printable('photo\u202egnp.exe')).toBe('photo\\u202Egnp.exe');
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const code of [...bidi, 0x200e, 0x200f, 0x061c, 0x2028, 0x2029]) {
      const char = String.fromCharCode(code);
      expect(printable(`x${char}y`)).toBe(
        `x\\u${code.toString(16).toUpperCase().padStart(4, '0')}y`,
      );
    }
  });

  it('ARCHIVE: leaves French text, its typography and emoji as they are', () => {
    const french =
      'Conditions de succès — Les Basques : « incontournables » ; Rivière-du-Loup\u00a0? Oui\u202f! 👩‍👩‍👧 été';
    expect(printable(french)).toBe(french);
  });

  it('ARCHIVE: line by line, keeps the line breaks and escapes the rest', () => {
    expect(printableLines('Error: titre\u202e\n    at x\r')).toBe(
      'Error: titre\\u202E\n    at x\\u000D',
    );
  });

  it('ARCHIVE: JSON output stays the same JSON value, with nothing raw', () => {
    const value = { title: 'Forum\u202e des Alliances\u001b[31m\u0085' };
    const json = printableJson(value);
    expect(json).not.toMatch(/(?!\n)[\p{Cc}\u202e]/u);
    expect(JSON.parse(json)).toEqual(value);
  });
});
