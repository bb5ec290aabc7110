import { describe, expect, it } from 'vitest';
import frCA from '../i18n/fr-CA.json';
import en from '../i18n/en.json';
import { flattenCatalogue } from '../i18n/catalogue';
import { closeNotice, isFinalClose } from './statusNotices';
import {
  isStorageFailureClose,
  retriesAfterStorageFailure,
  STORAGE_QUIET_MS,
  storageTroubleShown,
} from './storageTrouble';

const fr = flattenCatalogue(frCA);
const english = flattenCatalogue(en);

describe('storage trouble (server R69: 4501, a full disk)', () => {
  it('4501 is the storage failure: transient, the client retries, but it is said', () => {
    expect(isStorageFailureClose(4501)).toBe(true);
    expect(isFinalClose(4501)).toBe(false);
    expect(closeNotice(4501)).toBeNull();
    for (const code of [1001, 1006, 4500, 4529, 4409])
      expect(isStorageFailureClose(code)).toBe(false);
  });

  it('shows from the refusal until the kept changes are stored and the server stays quiet', () => {
    const at = 1_000_000;
    expect(storageTroubleShown(null, at, 0)).toBe(false);
    expect(storageTroubleShown(at, at + 100, 0)).toBe(true);
    expect(storageTroubleShown(at, at + STORAGE_QUIET_MS + 1, 3)).toBe(true);
    expect(storageTroubleShown(at, at + STORAGE_QUIET_MS + 1, 0)).toBe(false);
  });

  it('retries a refusing server slowly: the stock backoff (2^n × 100 ms) reaches its 2.5 s cap', () => {
    const delay = (n: number) => Math.min(2 ** n * 100, 2500);
    // The provider adds one for the close itself, then waits.
    expect(delay(retriesAfterStorageFailure(0) + 1)).toBe(2500);
    expect(delay(retriesAfterStorageFailure(9) + 1)).toBe(2500);
  });

  it('tells people in plain French that their changes are kept and will be sent', () => {
    expect(fr['storageFull.message']).toBe(
      'Le serveur n’arrive plus à enregistrer. Vos changements sont gardés sur cet appareil et seront envoyés dès que possible.',
    );
    for (const key of ['storageFull.title', 'storageFull.message', 'storageFull.status']) {
      expect(fr[key], key).toBeTruthy();
      expect(english[key], key).toBeTruthy();
      expect(fr[key]).not.toBe(english[key]);
    }
  });
});
