/**
 * Files that ship inside claimcheck's own package (templates/), found from wherever the running
 * code is: dist/ of an installed package, dist/lib/ for the library, src/load/ under the tests.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let packageRoot: string | undefined;

/** The folder holding claimcheck's package.json. */
export function claimcheckPackageRoot(): string {
  if (packageRoot !== undefined) return packageRoot;
  for (let at = dirname(fileURLToPath(import.meta.url)); ; at = dirname(at)) {
    if (isClaimcheckPackage(join(at, "package.json"))) {
      packageRoot = at;
      return at;
    }
    // An installation without its package.json is broken: a bug to report, not a user error.
    if (dirname(at) === at) throw new Error("claimcheck's package.json was not found");
  }
}

/** The text of a file of the package, by its path inside it (`templates/vocabulary.yaml`). */
export function readPackageFile(path: string): string {
  return readFileSync(join(claimcheckPackageRoot(), path), "utf8");
}

function isClaimcheckPackage(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as { name?: unknown }).name === "claimcheck";
  } catch {
    return false; // dist/package.json and the like: not claimcheck's own manifest
  }
}
