import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextSync } from "../../src/load/read-text.js";

describe("readTextSync", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-read-"));

  it("refuses a named pipe at once instead of waiting for a writer", async () => {
    const fifo = join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    expect(readTextSync(fifo)).toMatchObject({ ok: false, reason: "not-a-file" });
  });

  it("refuses a file over the size limit without reading it, and invalid UTF-8 with the byte", async () => {
    const big = join(dir, "big.txt");
    writeFileSync(big, "x".repeat(2048));
    expect(readTextSync(big, 1024)).toMatchObject({ ok: false, reason: "too-large" });
    const latin1 = join(dir, "latin1.txt");
    writeFileSync(latin1, Buffer.from([0x41, 0xe9, 0x42]));
    expect(readTextSync(latin1)).toMatchObject({
      ok: false,
      reason: "encoding",
      message: expect.stringContaining("0xe9 at byte 1"),
    });
  });

  it("drops a byte-order mark and reports a missing file as missing", async () => {
    const bom = join(dir, "bom.txt");
    writeFileSync(bom, "\ufeffhello");
    expect(readTextSync(bom)).toEqual({ ok: true, text: "hello" });
    expect(readTextSync(join(dir, "nope.txt"))).toMatchObject({ ok: false, reason: "missing" });
  });

  it("gives each file exactly its own text, whatever was read before it into the shared buffer", () => {
    // Sizes around the buffer's first size (64 KiB) and past the size it keeps (4 MiB), in an
    // order where a short file follows a long one: stale bytes of the earlier file would show.
    const sizes = [70_000, 3, 65_535, 65_536, 65_537, 0, 5 * 2 ** 20, 10, 200_000, 1];
    const texts = sizes.map((size, i) => {
      // Multi-byte characters too, so that lengths in bytes and in characters differ.
      const unit = `${String.fromCharCode(97 + i)}é`;
      return unit.repeat(Math.ceil(size / 3)).slice(0, size);
    });
    for (const [i, text] of texts.entries()) writeFileSync(join(dir, `sized-${i}.txt`), text);
    for (let round = 0; round < 2; round++)
      for (const [i, text] of texts.entries())
        expect(readTextSync(join(dir, `sized-${i}.txt`), 8 * 2 ** 20)).toEqual({ ok: true, text });
  });
});
