/** A command was called with input the model refuses (programming error, not a peer's data). */
export class BoardCommandError extends Error {
  readonly issues: readonly { readonly path: string; readonly message: string }[];
  constructor(message: string, issues: readonly { path: string; message: string }[] = []) {
    super(
      issues.length === 0
        ? message
        : `${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
    this.name = 'BoardCommandError';
    this.issues = issues;
  }
}
