/**
 * A node:test reporter that counts leaf tests and writes the totals as JSON; test/run.ts prints the
 * closing `N passed, N failed` line from it, after every other reporter has finished.
 */
import type { TestEvent } from "node:test/reporters";

export default async function* summaryReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const totals = {
    passed: 0,
    failed: 0,
    skipped: 0,
    todo: 0,
    skippedNames: [] as string[],
    failedNames: [] as string[],
  };
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const data = event.data as { name: string; skip?: unknown; todo?: unknown; details: { type?: string } };
    if (data.details.type === "suite") continue;
    if (data.skip !== undefined && data.skip !== false) {
      totals.skipped++;
      totals.skippedNames.push(data.name);
    } else if (data.todo !== undefined && data.todo !== false) {
      totals.todo++;
    } else if (event.type === "test:pass") {
      totals.passed++;
    } else {
      totals.failed++;
      totals.failedNames.push(data.name);
    }
  }
  yield `${JSON.stringify(totals)}\n`;
}
