/**
 * The report's outputs, cached beside the file cache (`<cache location>.report`). A re-run with
 * nothing changed (the same YAML files, the same articles, the same settings and version) still
 * reads and hashes every input, then writes the outputs as an earlier run rendered them, and
 * takes its exit code from the outcome stored with them. Any difference in any input or in the
 * settings, or an output not rendered before, is a miss: the run is done in full.
 *
 * Outputs are stored rather than the report itself: decoding a large report costs more than
 * all the reading and hashing, and encoding it would slow every run that misses.
 */
// fs.promises rather than node:fs/promises: loaded when first used, not at every start.
import { closeSync, promises as fsp, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { dirname } from "node:path";
import { hashFile, hashText } from "../load/cache.js";
import { nodeV8 } from "../load/lazy-node-modules.js";
import { RealPaths } from "../load/real-paths.js";
import { readSourceText } from "../load/source-texts.js";
import { type ReportOutcome, reportOutcome } from "../report/outcome.js";
import type { ReportResult } from "../report/report-result.js";
import type { ReadFiles } from "./check.js";

/**
 * The file: this line, the length of the header (4 bytes, little-endian), the header
 * (v8-serialised), then the blobs the header lists. Blobs are read only when used, so a re-run
 * that needs one output reads that output and nothing else. Bump the line when the shape changes.
 */
const MAGIC = Buffer.from("claimcheck-report-cache-3\n", "latin1");

interface Header {
  version: string;
  /** Root, filters and limits, as one string: a report is stored for one setting. */
  settings: string;
  /** The YAML files read (vocabulary, acknowledgements, claims), in order, with their hashes. */
  yaml: [string, string][];
  /** The articles read, by repository path, with their hashes. */
  articles: [string, string][];
  outcome: ReportOutcome;
  /** Rendered outputs by output key: [offset after the header, length]. */
  blobs: Record<string, [number, number]>;
}

export interface ReportInputs {
  version: string;
  settings: string;
  yaml: [string, string][];
  root: string;
  maxFileBytes?: number | undefined;
}

export function reportCachePath(cacheLocation: string): string {
  return `${cacheLocation}.report`;
}

/** The hashes of the YAML files as read, in a fixed order. */
export function yamlInputs(read: ReadFiles): [string, string][] {
  const { vocabulary, acknowledged, claims } = read.files;
  return [vocabulary, acknowledged, ...claims]
    .filter((f) => f !== undefined)
    .map((f) => [f.file, hashFile(f)]);
}

/**
 * A report run's result: either the outputs stored by an earlier run (nothing has changed, and
 * every output asked for was rendered before), or a report computed in this run, whose rendered
 * outputs the cache keeps.
 */
export class CachedReport {
  /** Outputs rendered in this run, to be written on save. */
  private readonly fresh = new Map<string, Uint8Array[]>();

  private constructor(
    private readonly location: string | undefined,
    private readonly header: Header,
    /** The open cache file: outputs are read from it, or carried over into the new one. */
    private readonly stored: StoredBlobs | undefined,
    private readonly computedReport: ReportResult | undefined,
  ) {}

  /** Whether this run has a cache to read or keep its outputs in. */
  get cached(): boolean {
    return this.location !== undefined;
  }

  /** Whether the outputs come from the cache (no report was computed). */
  get fromCache(): boolean {
    return this.computedReport === undefined;
  }

  /**
   * A report computed in this run; kept on save() when a location is given, with the outputs
   * of `earlier` (an entry for the same inputs that lacked some output) carried over.
   */
  static computed(
    location: string | undefined,
    inputs: ReportInputs | undefined,
    articles: [string, string][],
    report: ReportResult,
    earlier?: StoredBlobs,
  ): CachedReport {
    const header: Header = {
      version: inputs?.version ?? "",
      settings: inputs?.settings ?? "",
      yaml: inputs?.yaml ?? [],
      articles,
      outcome: reportOutcome(report),
      blobs: {},
    };
    return new CachedReport(location, header, earlier, report);
  }

  /**
   * The cache entry when every input and the settings are as they were, else undefined.
   * Articles are read the way a full run reads them (links leaving the repository refused).
   */
  static async open(location: string, inputs: ReportInputs): Promise<StoredBlobs | undefined> {
    const stored = StoredBlobs.open(reportCachePath(location));
    if (!stored) return undefined;
    const { header } = stored;
    const realRoot = realpathSync.native(inputs.root);
    const realPaths = new RealPaths();
    const fresh =
      header.version === inputs.version &&
      header.settings === inputs.settings &&
      samePairs(header.yaml, inputs.yaml) &&
      header.articles.every(([path, hash]) => {
        const read = readSourceText(inputs.root, realRoot, path, inputs.maxFileBytes, realPaths);
        return read.ok && hashText(read.text) === hash;
      });
    if (!fresh) {
      stored.close();
      return undefined;
    }
    return stored;
  }

  /**
   * The stored outputs, when they include every output wanted. An invalid project is never
   * served from the cache: its problems are listed from the report itself.
   */
  static hit(
    location: string,
    stored: StoredBlobs,
    wanted: readonly string[],
  ): CachedReport | undefined {
    const { header } = stored;
    if (header.outcome.invalid || !wanted.every((key) => Object.hasOwn(header.blobs, key))) {
      return undefined;
    }
    return new CachedReport(location, header, stored, undefined);
  }

  get outcome(): ReportOutcome {
    return this.header.outcome;
  }

  /** The report computed in this run; a run served from the cache has none. */
  report(): ReportResult {
    if (!this.computedReport) throw new Error("a report served from the cache has only outputs");
    return this.computedReport;
  }

  /** The chunks rendered for this output key by an earlier run, when this run computed nothing. */
  output(key: string): Iterable<Uint8Array> | undefined {
    if (!this.fromCache || !this.stored || !Object.hasOwn(this.header.blobs, key)) return undefined;
    return this.stored.chunks(key);
  }

  keepOutput(key: string, chunks: Uint8Array[]): void {
    if (this.location) this.fresh.set(key, chunks);
  }

  /**
   * Writes the entry if anything in it is new, and lets go of the cache file. A failure only
   * costs speed next time.
   */
  async save(): Promise<void> {
    const stored = this.stored;
    try {
      if (!this.location || this.fresh.size === 0) return;
      // Outputs already on file for the same inputs are carried over into the new file.
      const blobs = new Map<string, Uint8Array | Uint8Array[]>();
      if (stored) {
        for (const name of Object.keys(stored.header.blobs)) {
          if (!this.fresh.has(name)) blobs.set(name, stored.whole(name));
        }
      }
      for (const [name, data] of this.fresh) blobs.set(name, data);
      await writeEntry(reportCachePath(this.location), { ...this.header, blobs: {} }, blobs);
    } finally {
      stored?.close();
    }
  }
}

/** An open cache file: its header, and its blobs read on demand. */
export class StoredBlobs {
  private constructor(
    private readonly fd: number,
    readonly header: Header,
    private readonly base: number,
  ) {}

  static open(path: string): StoredBlobs | undefined {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      return undefined; // none yet
    }
    try {
      const head = Buffer.alloc(MAGIC.length + 4);
      if (readSync(fd, head, 0, head.length, 0) !== head.length) throw new Error("short");
      if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("other format");
      const length = head.readUInt32LE(MAGIC.length);
      const bytes = Buffer.allocUnsafe(length);
      if (readSync(fd, bytes, 0, length, head.length) !== length) throw new Error("short");
      const header: unknown = nodeV8().deserialize(bytes);
      if (!isHeader(header)) throw new Error("not a header");
      // A file cut short (a full disk, a copy interrupted) would fail halfway through an output.
      const base = head.length + length;
      const size = fstatSync(fd).size;
      for (const [offset, bytes] of Object.values(header.blobs)) {
        if (base + offset + bytes > size) throw new Error("cut short");
      }
      return new StoredBlobs(fd, header, base);
    } catch {
      closeSync(fd); // unreadable or of another version: a full run rebuilds it
      return undefined;
    }
  }

  whole(name: string): Uint8Array {
    const [offset, length] = this.header.blobs[name]!;
    const out = Buffer.allocUnsafe(length);
    if (readSync(this.fd, out, 0, length, this.base + offset) !== length) {
      throw new Error("the report cache changed while it was being read");
    }
    return out;
  }

  *chunks(name: string, size = 1 << 20): Generator<Uint8Array> {
    const [offset, length] = this.header.blobs[name]!;
    for (let done = 0; done < length; done += size) {
      const out = Buffer.allocUnsafe(Math.min(size, length - done));
      if (readSync(this.fd, out, 0, out.length, this.base + offset + done) !== out.length) {
        throw new Error("the report cache changed while it was being read");
      }
      yield out;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Writes header and blobs to a temporary file, then renames it into place. */
async function writeEntry(
  path: string,
  header: Header,
  blobs: ReadonlyMap<string, Uint8Array | Uint8Array[]>,
): Promise<void> {
  const parts: Uint8Array[][] = [];
  let offset = 0;
  for (const [name, data] of blobs) {
    const list = Array.isArray(data) ? data : [data];
    const length = list.reduce((n, c) => n + c.length, 0);
    header.blobs[name] = [offset, length];
    offset += length;
    parts.push(list);
  }
  const headerBytes = nodeV8().serialize(header);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(headerBytes.length);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await fsp.mkdir(dirname(path), { recursive: true });
    const handle = await fsp.open(temp, "w");
    try {
      await handle.write(MAGIC);
      await handle.write(size);
      await handle.write(headerBytes);
      for (const list of parts) for (const chunk of list) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, path);
  } catch {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Whether a decoded header has the shape this version writes; anything else is not used. */
function isHeader(value: unknown): value is Header {
  if (!value || typeof value !== "object") return false;
  const h = value as Record<string, unknown>;
  const pairs = (x: unknown) =>
    Array.isArray(x) &&
    x.every((p) => Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string");
  const outcome = h.outcome as Record<string, unknown> | null | undefined;
  const blobs = h.blobs as Record<string, unknown> | null | undefined;
  return (
    typeof h.version === "string" &&
    typeof h.settings === "string" &&
    pairs(h.yaml) &&
    pairs(h.articles) &&
    typeof outcome === "object" &&
    outcome !== null &&
    typeof outcome.unacknowledged === "object" &&
    outcome.unacknowledged !== null &&
    typeof blobs === "object" &&
    blobs !== null &&
    Object.values(blobs).every(
      (b) =>
        Array.isArray(b) &&
        b.length === 2 &&
        b.every((n) => Number.isSafeInteger(n) && (n as number) >= 0),
    )
  );
}

function samePairs(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  }
  return true;
}
