import { isAbsolute, posix } from "node:path";

/** The folder every article lives in, relative to the repository root. */
export const SOURCES_DIR = "sources";

/**
 * Where an article may be: a plain relative path under sources/, written with forward slashes,
 * with no part that starts with a dot. So no `..` (not even one that comes back, since
 * `x/../sources/a.txt` would carry any text at its start), no `.`, and no hidden file or folder:
 * `.git/config` holds the CI job's token, and an article's text is printed and published.
 * Links are checked where the file is opened (source-texts.ts). The problem, or undefined.
 */
export function checkSourcePath(path: string): string | undefined {
  if (path.trim() === "") return "the source path is empty";
  if (path.includes("\0")) return "the source path contains a NUL character";
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\")) {
    return `"${path}" is an absolute path; give the path relative to the repository root, e.g. ${SOURCES_DIR}/article.txt`;
  }
  if (path.includes("\\")) {
    return `"${path}" contains a backslash; write the path with forward slashes, e.g. ${SOURCES_DIR}/article.txt`;
  }
  const parts = path.split("/");
  const dotted = parts.find((p) => p.startsWith("."));
  if (dotted === "." || dotted === "..") {
    const plain = posix.normalize(path);
    const plainParts = plain.split("/");
    const fits =
      plainParts[0] === SOURCES_DIR &&
      plainParts.length > 1 &&
      plainParts.every((p) => p !== "" && !p.startsWith("."));
    const hint = fits ? `; write ${plain}` : "";
    return `"${path}" has a "${dotted}" part: a source is a plain path under ${SOURCES_DIR}/${hint}`;
  }
  if (dotted !== undefined) {
    return `"${path}" names a hidden file or folder ("${dotted}"); articles are plain files under ${SOURCES_DIR}/`;
  }
  if (parts.includes("")) return `"${path}" has an empty part (two slashes, or one at an end)`;
  if (parts[0] !== SOURCES_DIR || parts.length < 2) {
    return `"${path}" is not in ${SOURCES_DIR}/: articles live in the repository's ${SOURCES_DIR}/ folder, e.g. ${SOURCES_DIR}/2024-02-06_outlet_title.txt`;
  }
  return undefined;
}

/**
 * Whether a file's real path (links followed), relative to the real repository root with
 * forward slashes, is still a plain path under sources/: a link must not lead elsewhere.
 */
export function isUnderSources(realRelative: string): boolean {
  return checkSourcePath(realRelative) === undefined;
}
