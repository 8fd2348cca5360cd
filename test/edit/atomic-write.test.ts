import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/edit/atomic-write.js";

const dir = () => mkdtempSync(join(tmpdir(), "claimcheck-atomic-"));

describe("writeFileAtomic", () => {
  it("creates a file and leaves no temporary file behind", async () => {
    const d = dir();
    await writeFileAtomic(join(d, "a.yaml"), "hello\n");
    expect(readFileSync(join(d, "a.yaml"), "utf8")).toBe("hello\n");
    expect(readdirSync(d)).toEqual(["a.yaml"]);
  });

  it("replaces an existing file and keeps its mode", async () => {
    const d = dir();
    const path = join(d, "a.yaml");
    writeFileSync(path, "old");
    chmodSync(path, 0o640);
    await writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(["a.yaml"]);
  });

  it("writes through a link, which stays a link", async () => {
    const d = dir();
    writeFileSync(join(d, "real.yaml"), "old");
    symlinkSync(join(d, "real.yaml"), join(d, "link.yaml"));
    await writeFileAtomic(join(d, "link.yaml"), "new");
    expect(lstatSync(join(d, "link.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, "real.yaml"), "utf8")).toBe("new");
  });

  it("with overwrite: false, refuses an existing file and leaves it as it was", async () => {
    const d = dir();
    const path = join(d, "a.yaml");
    writeFileSync(path, "mine");
    await expect(writeFileAtomic(path, "theirs", { overwrite: false })).rejects.toMatchObject({
      code: "EEXIST",
    });
    expect(readFileSync(path, "utf8")).toBe("mine");
    expect(readdirSync(d)).toEqual(["a.yaml"]);
  });

  it("with overwrite: false, creates a new file", async () => {
    const d = dir();
    await writeFileAtomic(join(d, "b.yaml"), "x", { overwrite: false });
    expect(readFileSync(join(d, "b.yaml"), "utf8")).toBe("x");
    expect(readdirSync(d)).toEqual(["b.yaml"]);
  });

  it("fails cleanly when the directory does not exist", async () => {
    const d = dir();
    await expect(writeFileAtomic(join(d, "no/such/dir/a.yaml"), "x")).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(readdirSync(d)).toEqual([]);
  });

  it("never shows a reader a half-written file", async () => {
    const d = dir();
    const path = join(d, "a.yaml");
    const big = (c: string) => `${c.repeat(1_000_000)}\n`;
    writeFileSync(path, big("a"));
    const writes = Array.from({ length: 6 }, (_, i) =>
      writeFileAtomic(path, big(String.fromCharCode(98 + i))),
    );
    const seen = new Set<number>();
    let done = false;
    const reads = (async () => {
      while (!done) {
        const text = readFileSync(path, "utf8");
        seen.add(text.length);
        expect(new Set(text.slice(0, -1))).toHaveProperty("size", 1);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all(writes);
    done = true;
    await reads;
    expect([...seen]).toEqual([1_000_001]);
    expect(readdirSync(d)).toEqual(["a.yaml"]);
  });
});
