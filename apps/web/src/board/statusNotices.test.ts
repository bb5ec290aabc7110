import { describe, expect, it } from 'vitest';
import frCA from '../i18n/fr-CA.json';
import en from '../i18n/en.json';
import { flattenCatalogue } from '../i18n/catalogue';
import { CLOSE_NOTICES, closeNotice, isFinalClose } from './statusNotices';

const fr = flattenCatalogue(frCA);
const english = flattenCatalogue(en);

describe('close notices', () => {
  it('every final code of the server has a notice in fr-CA and en', () => {
    for (const code of [4400, 4403, 4409, 4413, 4429, 4430, 1009, 4499]) {
      const notice = closeNotice(code);
      expect(notice, `code ${code}`).not.toBeNull();
      const key = `limits.${notice!.key}`;
      expect(fr[key], `${key} in fr-CA`).toBeTruthy();
      expect(english[key], `${key} in en`).toBeTruthy();
      expect(fr[key]).not.toBe(english[key]);
    }
  });

  it('says what the server suggests, in French', () => {
    expect(fr[`limits.${closeNotice(4429)!.key}`]).toContain('Trop de changements d’un coup');
    expect(fr[`limits.${closeNotice(4409)!.key}`]).toContain('Ce tableau est plein');
    expect(fr[`limits.${closeNotice(4430)!.key}`]).toContain('Trop de personnes');
    expect(fr[`limits.${closeNotice(4413)!.key}`]).toContain('trop gros');
    expect(fr[`limits.${closeNotice(4400)!.key}`]).toContain('Rechargez la page');
    // Participants mostly arrive by their table's QR code: a link alone was not what they hold.
    expect(fr[`limits.${closeNotice(4403)!.key}`]).toContain('un nouveau lien ou code QR');
    expect(english[`limits.${closeNotice(4403)!.key}`]).toContain('a new link or QR code');
  });

  it('offers « Reconnecter » only where trying again can work', () => {
    expect(closeNotice(4429)?.action).toBe('reconnect');
    expect(closeNotice(4430)?.action).toBe('reconnect');
    expect(closeNotice(4409)?.action).toBe('reconnect');
    // Kept on the device, a change too large to send live goes with the catch-up (R28).
    expect(closeNotice(4413)?.action).toBe('reconnect');
    expect(closeNotice(1009)?.action).toBe('none');
    expect(closeNotice(4403)?.action).toBe('none');
    expect(closeNotice(4400)?.action).toBe('reload');
  });

  it('leaves transient closes to the automatic reconnection', () => {
    for (const code of [1000, 1001, 1006, 4500, 4501, 4529]) {
      expect(closeNotice(code)).toBeNull();
      expect(isFinalClose(code)).toBe(false);
    }
    for (const code of Object.keys(CLOSE_NOTICES).map(Number))
      expect(isFinalClose(code)).toBe(true);
  });

  it('has the labels of the banner and the status in both languages', () => {
    for (const key of [
      'limits.title',
      'limits.kept',
      'limits.reconnect',
      'limits.reload',
      'status.closed',
    ]) {
      expect(fr[key], key).toBeTruthy();
      expect(english[key], key).toBeTruthy();
    }
  });
});
