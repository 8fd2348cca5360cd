/**
 * The child process of kill-during-write.test.ts (bundled by the test, run with node): writes
 * versions 1, 2, 3, 0, 1, … of one file with claimcheck's atomic writer, printing a dot after
 * each, until it is killed.
 */
import { writeFileAtomic } from "../../src/edit/atomic-write.js";
import { VERSION_COUNT, versionText } from "./versions.js";

const target = process.argv[2];
if (!target) throw new Error("usage: kill-child TARGET");
for (let n = 1; ; n++) {
  await writeFileAtomic(target, versionText(n % VERSION_COUNT));
  process.stdout.write(".");
}
