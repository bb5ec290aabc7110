// Types of watched-vitest.mjs, for its test (tests/integration/watched-vitest.test.ts).
export interface FileEnd {
  type: 'ended';
  file: string;
  state: string;
  passed: number;
  failed: string[];
  skipped: number;
  errors: string[];
}
export interface Progress {
  planned: string[] | null;
  ended: Map<string, FileEnd>;
}
export function readProgress(file: string): Progress;
export function countProgress(progress: Progress): {
  passed: number;
  failed: number;
  unfinished: string[];
  failedNames: string[];
};
export function runWatchedVitest(options: {
  args: string[];
  budgetMs: number;
  exitGraceMs: number;
  cwd?: string;
  env?: Record<string, string>;
  stdio?: 'inherit' | 'ignore';
  print?: (line: string) => void;
}): Promise<{ code: number | null; ending: 'exited' | 'wedged' | 'overrun'; progress: Progress }>;
