export interface BoardFileIssue {
  /** Where in the file, e.g. 'shapes[3].x'. */
  readonly path: string;
  readonly message: string;
}

/** A board file that cannot be imported (or a board that cannot be exported), with every issue. */
export class BoardFileError extends Error {
  readonly issues: readonly BoardFileIssue[];
  constructor(issues: readonly BoardFileIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
    if (issues.length > 5) shown.push(`… and ${issues.length - 5} more`);
    super(`invalid board file: ${shown.join('; ')}`);
    this.name = 'BoardFileError';
    this.issues = issues;
  }
}
