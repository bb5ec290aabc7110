// Whether the board page is taller than the window (text enlarged on a short window:
// useChromeStack's data-tall), for what lays itself out otherwise there (« Versions »).
import { useEffect, useState } from 'react';

const isTall = () => document.querySelector('.editor[data-tall]') !== null;

/** True while the board's editor is marked data-tall; follows it as it comes and goes. */
export function useTallPage(): boolean {
  const [tall, setTall] = useState(isTall);
  useEffect(() => {
    const editor = document.querySelector('.editor');
    if (!editor) return;
    const changes = new MutationObserver(() => setTall(isTall()));
    changes.observe(editor, { attributes: true, attributeFilter: ['data-tall'] });
    setTall(isTall());
    return () => changes.disconnect();
  }, []);
  return tall;
}
