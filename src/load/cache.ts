/**
 * A content-hashed cache of what reading a file yields, like ESLint's --cache: validated data and
 * node positions per YAML file, grounding results per article. An entry is used only when the
 * hashes of everything it depends on match, so a changed file is always read again.
 * Stored with node:v8 serialisation and written atomically; a missing, stale or unreadable cache
 * is simply rebuilt. Spans are kept as one typed array per article: an object per claim made
 * decoding a large cache cost more than the grounding it saves.
 */
// fs.promises rather than node:fs/promises: loaded when first used, not at every start.
import { promises as fsp, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Finding } from "../findings/finding.js";
import { nodeCrypto, nodeV8 } from "./lazy-node-modules.js";
import type { PositionTable } from "./position-table.js";

/** Bump when anything cached changes shape or meaning. */
export const CACHE_FORMAT = "claimcheck-cache-3";

export interface CachedFile {
  hash: string;
  data: unknown;
  table: PositionTable | undefined;
}

export interface CachedGrounding {
  /** Hash of the claims file, the article and the vocabulary together. */
  key: string;
  /** Claim ids (the dateline's key too) whose evidence was found, in order. */
  spanIds: string[];
  /** Their spans, six numbers each: start, end, line, column, endLine, endColumn. */
  spanNumbers: Int32Array;
  findings: Finding[];
  ungrounded: string[];
}

interface CacheData {
  format: string;
  version: string;
  files: Record<string, CachedFile>;
  grounding: Record<string, CachedGrounding>;
}

export class FileCache {
  private constructor(
    readonly path: string,
    private data: CacheData,
    private readonly next: CacheData,
  ) {}

  static async open(path: string, version: string): Promise<FileCache> {
    const empty = (): CacheData => ({ format: CACHE_FORMAT, version, files: {}, grounding: {} });
    let data = empty();
    try {
      // One synchronous read: a large cache arrives faster than in the chunks readFile uses.
      const loaded = nodeV8().deserialize(readFileSync(path)) as Partial<CacheData>;
      if (
        loaded.format === CACHE_FORMAT &&
        loaded.version === version &&
        loaded.files &&
        loaded.grounding
      ) {
        data = loaded as CacheData;
      }
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new FileCache(path, data, empty());
  }

  file(path: string, hash: string): CachedFile | undefined {
    const entry = this.data.files[path];
    if (entry?.hash !== hash) return undefined;
    this.next.files[path] = entry;
    return entry;
  }

  setFile(path: string, entry: CachedFile): void {
    this.next.files[path] = entry;
    this.dirty = true;
  }

  grounding(path: string, key: string): CachedGrounding | undefined {
    const entry = this.data.grounding[path];
    if (entry?.key !== key) return undefined;
    this.next.grounding[path] = entry;
    return entry;
  }

  setGrounding(path: string, entry: CachedGrounding): void {
    this.next.grounding[path] = entry;
    this.dirty = true;
  }

  private dirty = false;

  /** Writes what this run used or produced; entries of deleted files fall away. */
  async save(): Promise<void> {
    // Nothing new, and every old entry still used: the file on disk is already right.
    const unchanged =
      !this.dirty &&
      Object.keys(this.next.files).length === Object.keys(this.data.files).length &&
      Object.keys(this.next.grounding).length === Object.keys(this.data.grounding).length;
    if (unchanged) return;
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      await fsp.mkdir(dirname(this.path), { recursive: true });
      await fsp.writeFile(temp, nodeV8().serialize(this.next));
      await fsp.rename(temp, this.path);
    } catch {
      // A cache that cannot be written only costs speed next time.
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
  }
}

export function hashText(text: string): string {
  return nodeCrypto().createHash("sha1").update(text).digest("base64");
}

const fileHashes = new WeakMap<{ text: string }, string>();

/** A file's hash, computed once however many caches ask for it. */
export function hashFile(file: { text: string }): string {
  let hash = fileHashes.get(file);
  if (hash === undefined) {
    hash = hashText(file.text);
    fileHashes.set(file, hash);
  }
  return hash;
}
