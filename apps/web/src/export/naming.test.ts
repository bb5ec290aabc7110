import { describe, expect, it } from 'vitest';
import { exportDay, exportFileName, localDay, posterTitle, slugify } from './naming';

describe('export file names', () => {
  it('slugifies a French title without accents', () => {
    expect(slugify('Conditions de succès — Témiscouata')).toBe('conditions-de-succes-temiscouata');
    expect(slugify('« Les incontournables » : Rimouski-Neigette')).toBe(
      'les-incontournables-rimouski-neigette',
    );
    expect(slugify('Cœur du Bas-Saint-Laurent, Matane')).toBe('coeur-du-bas-saint-laurent-matane');
    expect(slugify('   ')).toBe('tableau');
    expect(slugify('Îles-de-la-Madeleine ÉÀÇ')).toBe('iles-de-la-madeleine-eac');
  });

  it('names the file from the title and the local day', () => {
    const day = new Date(2026, 10, 26, 23, 59);
    expect(localDay(day)).toBe('2026-11-26');
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

  it('keeps names short', () => {
    expect(slugify('très long titre '.repeat(20)).length).toBeLessThanOrEqual(80);
    expect(slugify('très long titre '.repeat(20)).endsWith('-')).toBe(false);
  });
});
