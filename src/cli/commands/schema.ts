/**
 * `claimcheck schema`: the JSON Schema files editors use (claims.schema.json, vocabulary.schema.json,
 * acknowledged.schema.json at the repository root, where the files' modelines and the .vscode
 * mapping point). Without an option it prints them; `--write` writes them, atomically; `--check`
 * exits 1 when one is missing or not what this version of claimcheck writes (after an upgrade, say).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../edit/atomic-write.js";
import { SCHEMA_FILES, schemaText } from "../../validate/json-schema.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { findProjectRoot } from "../project-root.js";
import { rethrowAsWriteError } from "../write-errors.js";

export async function runSchema(
  options: { root?: string | undefined; write?: boolean; check?: boolean },
  io: Io,
): Promise<number> {
  const root = findProjectRoot(io.cwd, options.root);
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
    if (options.check) {
      const current = await readFile(path, "utf8").catch(() => undefined);
      if (current !== text) {
        stale++;
        io.stdout(
          current === undefined
            ? `${name} is missing: run \`claimcheck schema --write\`\n`
            : `${name} differs from what this version of claimcheck writes: run \`claimcheck schema --write\`\n`,
        );
      }
    } else io.stdout(text);
  }
  return stale > 0 ? EXIT.failed : EXIT.ok;
}
