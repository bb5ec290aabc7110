// M37: a board holds at most 10,000 shapes, as many as a board file, so its export imports
// again. A creation, paste or duplicate past it writes nothing; the participant is told why.
import i18next from 'i18next';
import type { SessionStore } from './store';

/** Long enough to read the sentence to its end (as a refused photo's). */
const TOAST_MS = 8000;

export type Translate = (key: string) => string;

export const appTranslate: Translate = (key) => i18next.t(key);

export function sayBoardFull(store: SessionStore, t: Translate = appTranslate): void {
  const message = t('board.tooManyShapes');
  store.setState({ toast: message });
  setTimeout(() => {
    if (store.getState().toast === message) store.setState({ toast: null });
  }, TOAST_MS);
}
