import { describe, expect, it } from 'vitest';
import { copyWithFallback, manualCopyHint } from './copyLink';

const LINK = 'http://192.168.1.20:8080/b/kamouraska#token=abc';

function clipboard(ok: boolean) {
  const written: string[] = [];
  return {
    written,
    writeText: (text: string) => {
      if (!ok) return Promise.reject(new Error('NotAllowedError'));
      written.push(text);
      return Promise.resolve();
    },
  };
}

describe('copyWithFallback', () => {
  it('uses the Clipboard API when it works, without touching execCommand', async () => {
    const api = clipboard(true);
    let exec = 0;
    const outcome = await copyWithFallback(LINK, { clipboard: api, execCopy: () => ++exec > 0 });
    expect(outcome).toBe('copied');
    expect(api.written).toEqual([LINK]);
    expect(exec).toBe(0);
  });

  it('falls back to execCommand on plain http (no Clipboard API)', async () => {
    let exec = 0;
    const outcome = await copyWithFallback(LINK, { clipboard: null, execCopy: () => ++exec > 0 });
    expect(outcome).toBe('copied');
    expect(exec).toBe(1);
  });

  it('falls back to execCommand when the Clipboard API refuses', async () => {
    let exec = 0;
    const outcome = await copyWithFallback(LINK, {
      clipboard: clipboard(false),
      execCopy: () => ++exec > 0,
    });
    expect(outcome).toBe('copied');
    expect(exec).toBe(1);
  });

  it('asks for a manual copy when execCommand returns false or throws', async () => {
    expect(await copyWithFallback(LINK, { clipboard: null, execCopy: () => false })).toBe('manual');
    expect(
      await copyWithFallback(LINK, {
        clipboard: clipboard(false),
        execCopy: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBe('manual');
  });

  it('tells touch screens to long-press and others to use the keys', () => {
    expect(manualCopyHint(true)).toBe('forum.copy.manualTouch');
    expect(manualCopyHint(false)).toBe('forum.copy.manualKeys');
  });
});
