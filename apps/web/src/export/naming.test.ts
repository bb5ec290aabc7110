import { describe, expect, it } from 'vitest';
import { exportDay, exportFileName, posterTitle } from './naming';

describe('export file names', () => {
  // The slug and the local day are @carton/board's (naming.test.ts there); here, how they join.
  it('names the file with the server’s stem, œ and fallbacks included', () => {
    const day = new Date(2026, 10, 26, 23, 59);
    expect(exportFileName('Œuvrer ensemble', '2023-10-19', 'json')).toBe(
      'oeuvrer-ensemble-2023-10-19.json',
    );
    expect(exportFileName('   ', day, 'png', '🎯')).toBe('tableau-carton-2026-11-26.png');
    expect(
      exportFileName('Conditions de succès — Rivière-du-Loup', day, 'pdf', 'Rivière-du-Loup'),
    ).toBe('conditions-de-succes-riviere-du-loup-2026-11-26.pdf');
  });

  it('names the file from the title and the local day', () => {
    const day = new Date(2026, 10, 26, 23, 59);
    expect(exportFileName('Conditions de succès Témiscouata', day, 'json')).toBe(
      'conditions-de-succes-temiscouata-2026-11-26.json',
    );
    expect(exportFileName('Territoire — Kamouraska', day, 'pdf', 'Mes conditions présentes')).toBe(
      'territoire-kamouraska-mes-conditions-presentes-2026-11-26.pdf',
    );
  });

  it('names a forum’s board with the forum’s day, not the day of the export', () => {
    const today = new Date(2026, 10, 27, 9, 30);
    expect(exportDay(today, '2023-10-19')).toBe('2023-10-19');
    expect(exportFileName('Conditions de succès — Témiscouata', '2023-10-19', 'png')).toBe(
      'conditions-de-succes-temiscouata-2023-10-19.png',
    );
    // A forum without a day (or a day that is not one) keeps the day of the export.
    expect(exportDay(today, null)).toBe('2026-11-27');
    expect(exportDay(today, '2023-13-45')).toBe('2026-11-27');
    expect(exportDay(today, '19 octobre')).toBe('2026-11-27');
  });

  it('does not repeat a carton named like the board’s territory', () => {
    const day = new Date(2026, 10, 26, 12, 0);
    expect(exportFileName('Conditions de succès — Témiscouata', day, 'pdf', 'Témiscouata')).toBe(
      'conditions-de-succes-temiscouata-2026-11-26.pdf',
    );
    expect(
      exportFileName(
        'Conditions de succès — Témiscouata',
        day,
        'pdf',
        'Conditions de succès — Témiscouata',
      ),
    ).toBe('conditions-de-succes-temiscouata-2026-11-26.pdf');
  });

  it('titles a carton’s poster without saying the territory twice', () => {
    expect(posterTitle('Témiscouata', 'Conditions de succès — Témiscouata')).toBe(
      'Conditions de succès — Témiscouata',
    );
    expect(
      posterTitle('Conditions de succès — Témiscouata', 'Conditions de succès — Témiscouata'),
    ).toBe('Conditions de succès — Témiscouata');
    expect(posterTitle('Mes conditions présentes', 'Territoire — Kamouraska')).toBe(
      'Mes conditions présentes — Territoire — Kamouraska',
    );
  });
});
