import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "../../edit/atomic-write.js";
import { SCHEMA_FILES, schemaText } from "../../validate/json-schema.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { rethrowAsWriteError } from "../write-errors.js";

export async function runSchema(
  options: { root: string; write?: boolean; check?: boolean },
  io: Io,
): Promise<number> {
  const root = resolve(io.cwd, options.root);
  let stale = 0;
  for (const name of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
    const text = schemaText(name);
    const path = join(root, name);
    if (options.write) {
      // Atomic: a full disk leaves the old schema whole, never a cut one.
      await writeFileAtomic(path, text).catch((error: unknown) => rethrowAsWriteError(error, name));
      io.stdout(`wrote ${name}\n`);
      continue;
    }
    const current = await readFile(path, "utf8").catch(() => "");
    if (options.check) {
      if (current !== text) {
        stale++;
        io.stdout(`${name} is stale: run \`npm run schema\`\n`);
      }
    } else io.stdout(text);
  }
  return stale > 0 ? EXIT.failed : EXIT.ok;
}
