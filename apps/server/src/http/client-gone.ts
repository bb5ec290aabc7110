/**
 * Whether a request failed because its client went away mid-body (closed the tab, lost the
 * venue's wifi, cancelled a photo upload): Node's request stream then errors with
 * `ECONNRESET` « aborted ». That is no fault of the server, and nobody is left to answer.
 * Only this exact error counts: a storage connection reset (PostgreSQL's `ECONNRESET`, « read
 * ECONNRESET ») is a server error and stays one.
 */
export function isClientGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as { code?: unknown }).code === 'ECONNRESET' && error.message === 'aborted';
}
