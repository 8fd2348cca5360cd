import type { FileHandle } from "node:fs/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { utf8Chunks, writeAll, writeOutputs } from "../../src/cli/outputs.js";

const joined = (chunks: Iterable<Uint8Array>) =>
  Buffer.concat([...chunks].map((c) => Buffer.from(c))).toString("utf8");

describe("utf8Chunks: output pieces encoded into chunks", () => {
  it("gives back exactly the text, whatever the pieces and the chunk size", () => {
    // Astral characters, three-byte characters and ASCII, in pieces around the chunk size.
    const piece = fc.string({ unit: "grapheme", maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.integer({ min: 4, max: 64 }),
        (pieces, size) => {
          const chunks = [...utf8Chunks(pieces, size)];
          expect(joined(chunks)).toBe(pieces.join(""));
          // Only a piece too long for any chunk makes one larger than the size.
          for (const c of chunks)
            if (c.length > size) expect(pieces.some((p) => p.length * 3 > size)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never reuses a chunk's memory: a stream may still hold an earlier chunk", () => {
    // All chunks are kept before any is read: a reused buffer would show the last text twice.
    const chunks = [...utf8Chunks(["abc", "def", "ghi", "jkl"], 9)];
    expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(["abc", "def", "ghi", "jkl"]);
  });

  it("fills a chunk's buffer again only once the consumer says it is done with it", () => {
    let done = false;
    const seen: string[] = [];
    // Small buffers come from Node's shared pool: a buffer is its memory and its offset there.
    const buffers = new Set<string>();
    const ids = new Map<ArrayBufferLike, number>();
    for (const chunk of utf8Chunks(["abc", "def", "ghi", "jkl"], 9, () => done)) {
      // Read before the next chunk is asked for, as a synchronous write does.
      seen.push(Buffer.from(chunk).toString());
      if (!ids.has(chunk.buffer)) ids.set(chunk.buffer, ids.size);
      buffers.add(`${ids.get(chunk.buffer)}:${chunk.byteOffset}`);
      done = seen.length >= 2;
    }
    expect(seen).toEqual(["abc", "def", "ghi", "jkl"]);
    // The first two chunks had buffers of their own; the third and fourth shared the second's.
    expect(buffers.size).toBe(2);
  });
});

describe("writeOutputs to stdout: chunk memory and the consumer", () => {
  // About 4 MB: several chunks of a megabyte.
  const pieces = Array.from(
    { length: 4000 },
    (_, i) => `{"n":${i},"text":"süd ${"x".repeat(900 + (i % 200))}"},`,
  );
  const expected = pieces.join("");

  /** An Io whose stdout keeps every chunk it is given, as a stream with a full pipe does. */
  function holdingIo(drained: boolean | undefined): { io: Io; held: Uint8Array[] } {
    const held: Uint8Array[] = [];
    const io: Io = {
      stdout: (t) => {
        held.push(typeof t === "string" ? Buffer.from(t) : t);
      },
      stderr: () => {},
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      cwd: process.cwd(),
      ...(drained === undefined ? {} : { stdoutDrained: () => drained }),
    };
    return { io, held };
  }

  it.each([
    ["says it has not drained", false],
    ["cannot say whether it has drained", undefined],
  ])("keeps every chunk intact when stdout %s", async (_, drained) => {
    const { io, held } = holdingIo(drained);
    await writeOutputs([{ target: { format: "json" }, pieces }], io);
    expect(held.length).toBeGreaterThan(1);
    expect(Buffer.concat(held).toString("utf8")).toBe(expected);
  });

  it("keeps the chunks handed to the report cache intact even while stdout drains", async () => {
    const { io } = holdingIo(true);
    let kept: Uint8Array[] = [];
    await writeOutputs([{ target: { format: "json" }, pieces, keep: (all) => (kept = all) }], io);
    expect(kept.length).toBeGreaterThan(1);
    expect(Buffer.concat(kept).toString("utf8")).toBe(expected);
  });
});

describe("writeAll: a chunk written whole even when a write takes part of it", () => {
  /** A handle that takes at most `step` bytes a write, as a pipe or an interrupted write may. */
  function handle(step: number) {
    const taken: number[] = [];
    return {
      taken,
      write: (async (buffer: Uint8Array, offset = 0, length = buffer.length - offset) => {
        const n = Math.min(step, length);
        taken.push(...buffer.subarray(offset, offset + n));
        return { bytesWritten: n, buffer };
      }) as FileHandle["write"],
    };
  }

  it("writes the rest after a short write", async () => {
    const h = handle(3);
    const chunk = Uint8Array.from({ length: 20 }, (_, i) => i);
    await writeAll(h, chunk);
    expect(h.taken).toEqual([...chunk]);
  });

  it("gives up with an error, not a loop, on a device that takes nothing", async () => {
    await expect(writeAll(handle(0), new Uint8Array(4))).rejects.toMatchObject({ code: "EIO" });
  });
});
