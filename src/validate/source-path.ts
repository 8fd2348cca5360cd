import { isAbsolute, posix } from "node:path";

/**
 * The textual part of keeping sources inside the repository: a `source:` must be a relative
 * path that stays below the root. Links that lead out are checked when the file is opened.
 */
export function checkSourcePath(path: string): string | undefined {
  if (path.trim() === "") return "the source path is empty";
  if (path.includes("\0")) return "the source path contains a NUL character";
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\")) {
    return `"${path}" is an absolute path; give the path relative to the repository root, e.g. sources/article.txt`;
  }
  const normalized = posix.normalize(path.replace(/\\/g, "/"));
  if (normalized === ".." || normalized.startsWith("../")) {
    return `"${path}" leads outside the repository; sources must be inside it`;
  }
  return undefined;
}
