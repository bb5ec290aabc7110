// When a reload would lose the page (not the work): offline, or the server gone, on an address
// where the app shell cannot be kept on the device (a venue's plain-http LAN address). The
// changes stay in IndexedDB either way, but a reload shows the browser's « no internet » page and
// a participant takes it for lost notes — so the page asks to be kept open, and says that even
// if it closes nothing is lost.
import type { AppShellState } from './serviceWorker';

export interface KeepOpenInputs {
  /** The connection status shown in the header. */
  status: 'connected' | 'offline' | 'syncing' | 'closed';
  /** A view link changes nothing: a reload loses nothing of its own either. */
  readOnly: boolean;
  shell: AppShellState;
}

export function mustKeepPageOpen({ status, readOnly, shell }: KeepOpenInputs): boolean {
  return status === 'offline' && !readOnly && shell !== 'ready';
}
