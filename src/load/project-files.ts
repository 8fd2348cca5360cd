/**
 * Finding and reading a project's files: the vocabulary, the claims files and the
 * acknowledgements, all under the claims folder. The only I/O before validation.
 */

import { type Dirent, readdirSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { Finding } from "../findings/finding.js";
import type { ProjectFiles, TextFile } from "../validate/validate-project.js";
import { DEFAULT_MAX_FILE_BYTES, readFailureRule, readTextSync } from "./read-text.js";
import { RealPaths } from "./real-paths.js";

export const VOCABULARY_FILE = "vocabulary.yaml";
export const ACKNOWLEDGED_FILE = "acknowledged.yaml";

export interface LoadOptions {
  root: string;
  claimsDir?: string;
  maxFileBytes?: number;
  /** Only these claims files (repo-relative); all of them when absent. */
  only?: readonly string[];
}

export function toRepoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

/** A claims folder that exists but cannot be listed: never taken for an empty one. */
export class UnlistableFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly code: string,
  ) {
    super(`${folder}/ cannot be listed (${code})`);
  }
}

/** A folder's entries; none when it does not exist. Synchronous, like readTextSync. */
function listDirectory(dir: string, name: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    if (code === "ENOENT") return [];
    throw new UnlistableFolderError(name, code);
  }
}

/**
 * The claims files: the YAML files directly in the claims folder, whatever they are (a folder
 * or a pipe with such a name is then reported when read, never skipped). One folder listing, so
 * no glob engine is loaded for it (picomatch's start-up cost shows on every run). Throws
 * UnlistableFolderError when the folder cannot be listed.
 */
export async function listClaimsFiles(root: string, claimsDir = "claims"): Promise<string[]> {
  const entries = listDirectory(join(root, claimsDir), claimsDir);
  const found = entries.filter((e) => /\.ya?ml$/.test(e.name)).map((e) => e.name);
  return found
    .filter((f) => f !== VOCABULARY_FILE && f !== ACKNOWLEDGED_FILE)
    .map((f) => `${claimsDir}/${f}`)
    .sort();
}

/**
 * Reads a project's YAML files one at a time: a file that is a link out of the repository, too
 * large, not UTF-8 or missing is a finding instead. Shared by readProjectFiles and the worker
 * threads of a parallel check, which read their claims files themselves.
 */
export class ProjectFileReader {
  private readonly realPaths = new RealPaths();
  private readonly realRoot: string;

  constructor(
    private readonly root: string,
    private readonly maxBytes: number,
  ) {
    this.realRoot = this.realPath(root) ?? root;
  }

  private realPath(path: string): string | undefined {
    try {
      return this.realPaths.of(path);
    } catch {
      return undefined;
    }
  }

  /** The file's text, or undefined with the reason added to `findings` (none for a missing optional file). */
  read(file: string, required: boolean, findings: Finding[]): TextFile | undefined {
    // A claims file, like a source, must not be a link that leads outside the repository: its
    // text would be read, and echoed in findings, from anywhere on the machine.
    const real = this.realPath(join(this.root, file));
    if (real !== undefined && !isInside(this.realRoot, real)) {
      findings.push({
        ruleId: "source-outside-repo",
        severity: "error",
        message: `${file} is a link that leads outside the repository; it was not read`,
        location: { file, line: 1, column: 1 },
        related: [],
      });
      return undefined;
    }
    // Synchronous reads: see readTextSync.
    const result = readTextSync(join(this.root, file), this.maxBytes);
    if (result.ok) return { file, text: result.text };
    if (result.reason === "missing" && !required) return undefined;
    // The one file every repository needs: say how to get it.
    const hint =
      result.reason === "missing" && file.endsWith(`/${VOCABULARY_FILE}`)
        ? ": `claimcheck setup` writes one, with commented examples"
        : "";
    findings.push({
      ruleId: readFailureRule(result.reason),
      severity: "error",
      message: `${file} ${result.message}${hint}`,
      location: { file, line: 1, column: 1 },
      related: [],
    });
    return undefined;
  }
}

/** The claims files to read, or a finding when the claims folder cannot be listed. */
export async function claimsPathsOf(
  options: LoadOptions,
  findings: Finding[],
): Promise<readonly string[]> {
  const claimsDir = options.claimsDir ?? "claims";
  try {
    return options.only ?? (await listClaimsFiles(options.root, claimsDir));
  } catch (error) {
    if (!(error instanceof UnlistableFolderError)) throw error;
    findings.push({
      ruleId: readFailureRule("unreadable"),
      severity: "error",
      message: `${error.message}: its claims files are not read`,
      location: { file: `${claimsDir}/`, line: 1, column: 1 },
      related: [],
    });
    return [];
  }
}

export async function readProjectFiles(
  options: LoadOptions,
): Promise<{ files: ProjectFiles; findings: Finding[] }> {
  const claimsDir = options.claimsDir ?? "claims";
  const findings: Finding[] = [];
  const reader = new ProjectFileReader(
    options.root,
    options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  );
  const vocabularyPath = `${claimsDir}/${VOCABULARY_FILE}`;
  const claimsPaths = await claimsPathsOf(options, findings);
  const vocabulary = reader.read(vocabularyPath, true, findings);
  const acknowledged = reader.read(`${claimsDir}/${ACKNOWLEDGED_FILE}`, false, findings);
  const claims = claimsPaths.map((f) => reader.read(f, true, findings));
  return {
    files: {
      vocabulary,
      vocabularyPath,
      acknowledged,
      claims: claims.filter((c): c is TextFile => c !== undefined),
    },
    findings,
  };
}

/** Whether `path` (resolved, links followed) lies inside `root` (resolved too). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
