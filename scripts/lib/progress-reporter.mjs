// A Vitest reporter for `npm test` (scripts/check.mjs): writes, one JSON line at a time, which
// files the run will test and each file's outcome as soon as it ends, to the file named by
// CARTON_VITEST_PROGRESS. The check then knows every file's result even when Vitest itself never
// exits (see scripts/lib/watched-vitest.mjs).
import { appendFileSync } from 'node:fs';

/** A file as printed: `[project] path`, the project left out when it has no name. */
const key = (projectName, moduleId) => (projectName ? `[${projectName}] ${moduleId}` : moduleId);

export default class ProgressReporter {
  constructor() {
    this.file = process.env.CARTON_VITEST_PROGRESS;
  }

  write(entry) {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  onTestRunStart(specifications) {
    const files = [...new Set(specifications.map((s) => key(s.project.name, s.moduleId)))];
    this.write({ type: 'planned', files });
  }

  onTestModuleEnd(testModule) {
    let passed = 0;
    let skipped = 0;
    const failed = [];
    for (const test of testModule.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed += 1;
      else if (state === 'failed') failed.push(test.fullName);
      else skipped += 1;
    }
    const errors = testModule.errors().map((error) => String(error.message).split('\n')[0]);
    this.write({
      type: 'ended',
      file: key(testModule.project.name, testModule.moduleId),
      state: testModule.state(),
      passed,
      failed,
      skipped,
      errors,
    });
  }
}
