import { describe, expect, it } from 'vitest';
import type { BoardVersion } from './api';
import { testTranslator } from '../i18n/testTranslator';
import {
  cleanVersionName,
  formatVersionDate,
  versionDetails,
  versionRows,
  versionTitle,
} from './format';

const at = Date.UTC(2026, 10, 26, 14, 5); // 26 Nov 2026, 09:05 in Montréal
const version = (
  id: number,
  createdAt: number,
  kind: 'auto' | 'named',
  name: string | null,
): BoardVersion => ({
  id,
  boardId: 'b1',
  kind,
  name,
  createdAt,
  bytes: 1000,
});

describe('version list', () => {
  it('lists the newest first, same-millisecond versions by number', () => {
    const rows = versionRows(
      [
        version(1, at, 'auto', null),
        version(2, at + 60_000, 'named', 'Avant la plénière'),
        version(3, at + 60_000, 'auto', 'Avant la restauration de la version 2'),
      ],
      'fr-CA',
      'America/Toronto',
    );
    expect(rows.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(rows[1]).toMatchObject({ name: 'Avant la plénière', kind: 'named' });
    expect(rows[2]!.name).toBeNull();
  });

  it('dates versions in the reader’s language and time zone', () => {
    const fr = formatVersionDate(at, 'fr-CA', 'America/Toronto');
    expect(fr).toContain('2026');
    expect(fr).toMatch(/nov/);
    expect(fr).toMatch(/9\sh\s05/);
    const en = formatVersionDate(at, 'en', 'America/Toronto');
    expect(en).toMatch(/Nov/);
    expect(en).toMatch(/9:05/);
  });

  it('treats a blank name as an unnamed version', () => {
    expect(versionRows([version(4, at, 'auto', '  ')], 'fr-CA')[0]!.name).toBeNull();
  });

  it('cleans a new version’s name to what the server accepts', () => {
    expect(cleanVersionName('   ')).toBeNull();
    expect(cleanVersionName('  Avant   la plénière ')).toBe('Avant la plénière');
    expect(cleanVersionName('é'.repeat(150))).toHaveLength(100);
    // Never split a character in two.
    const emoji = cleanVersionName('❤️'.repeat(80))!;
    expect(emoji.length).toBeLessThanOrEqual(100);
    expect(emoji.endsWith('\ud83d')).toBe(false);
  });
});

describe('versionTitle', () => {
  it('says the server’s restore point in the page’s language, other names as they are', async () => {
    const en = await testTranslator('en');
    const fr = await testTranslator('fr-CA');
    const restorePoint = 'Avant la restauration de la version 12';
    expect(versionTitle(restorePoint, en)).toBe('Before restoring version 12');
    expect(versionTitle(restorePoint, fr)).toBe(restorePoint);
    expect(versionTitle('Avant la plénière', en)).toBe('Avant la plénière');
    expect(versionTitle(null, en)).toBe('Automatic version');
  });
});

describe('versionDetails', () => {
  it('says « automatique » once: not again under « Version automatique »', async () => {
    const fr = await testTranslator('fr-CA');
    const en = await testTranslator('en');
    const [restorePoint, named, auto] = versionRows(
      [
        version(14, at, 'auto', null),
        version(15, at + 1, 'named', 'Avant la plénière'),
        version(16, at + 2, 'auto', 'Avant la restauration de la version 14'),
      ],
      'fr-CA',
      'America/Toronto',
    );
    expect(versionTitle(auto!.name, fr)).toBe('Version automatique');
    expect(versionDetails(auto!, fr)).toBe(`n°\u00a014 · ${auto!.when}`);
    expect(versionDetails(auto!, en)).not.toMatch(/automatic/i);
    // A restore point's title is its name: its line says it was made automatically.
    expect(versionDetails(restorePoint!, fr)).toBe(
      `n°\u00a016 · automatique · ${restorePoint!.when}`,
    );
    expect(versionDetails(named!, fr)).toBe(`n°\u00a015 · nommée · ${named!.when}`);
  });
});
