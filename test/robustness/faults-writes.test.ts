/**
 * Writing files (issue 22), through the CLI in-process so that faults can be made: a full disk
 * (every write under a folder fails with ENOSPC, after part of it went through), a folder that
 * refuses new files (EACCES, which chmod cannot make for root), and a claims file edited while
 * `suggest --write` works. Each is a clear error with the path, exit 2, and no file lost or torn.
 * A read-only claims file under `fmt` needs no simulation: it runs as a child process.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { copyBundled, header, makeProject } from "../helpers/project.js";
import { runCliAsync } from "./helpers.js";

/** Writes under `full` fail as on a full disk; new files under `denied` are refused. */
const faults = vi.hoisted(() => ({ full: "", denied: "", edit: { path: "", text: "" } }));

const failingFs = vi.hoisted(() => (real: typeof import("node:fs/promises")) => {
  const under = (dir: string, path: unknown) => dir !== "" && String(path).startsWith(dir);
  const fail = (code: string) =>
    Promise.reject(Object.assign(new Error(`${code}: simulated`), { code, syscall: "write" }));
  const open = (async (...args: Parameters<typeof real.open>) => {
    const flags = String(args[1] ?? "r");
    const writing = flags !== "r" && flags !== "0";
    if (writing && under(faults.denied, args[0])) return fail("EACCES");
    const handle = await real.open(...args);
    if (!under(faults.full, args[0])) return handle;
    let written = false;
    return new Proxy(handle, {
      get(target, key) {
        // The first write goes half through, as on a disk that fills up during it.
        if (key === "write")
          return async (buffer: Uint8Array, offset = 0, length = buffer.length - offset) => {
            if (written) return fail("ENOSPC");
            written = true;
            const half = Math.max(1, Math.floor(length / 2));
            return target.write(buffer, offset, half);
          };
        if (key === "writeFile" || key === "appendFile") return () => fail("ENOSPC");
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }) as typeof real.open;
  const writeFile = ((path: Parameters<typeof real.writeFile>[0], ...rest: unknown[]) =>
    under(faults.full, path)
      ? fail("ENOSPC")
      : (real.writeFile as (...a: unknown[]) => Promise<void>)(
          path,
          ...rest,
        )) as typeof real.writeFile;
  // Half of the text goes in, then the disk is full.
  const appendFile = (async (
    path: Parameters<typeof real.appendFile>[0],
    data: unknown,
    ...rest: unknown[]
  ) => {
    if (!under(faults.full, path))
      return (real.appendFile as (...a: unknown[]) => Promise<void>)(path, data, ...rest);
    const bytes = Buffer.from(data as Uint8Array);
    await real.appendFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    return fail("ENOSPC");
  }) as typeof real.appendFile;
  return { ...real, open, writeFile, appendFile };
});

vi.mock("node:fs/promises", async (importOriginal) => {
  const mocked = failingFs(await importOriginal<typeof import("node:fs/promises")>());
  return { ...mocked, default: mocked };
});
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const promises = failingFs(real.promises);
  return { ...real, promises, default: { ...real, promises } };
});
// An editor saves the claims file while the suggestions are being made.
vi.mock("../../src/assist/project.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/assist/project.js")>();
  return {
    ...real,
    suggestFor: (...args: Parameters<typeof real.suggestFor>) => {
      const out = real.suggestFor(...args);
      if (faults.edit.path !== "") writeFileSync(faults.edit.path, faults.edit.text);
      return out;
    },
  };
});

const made: string[] = [];
afterAll(() => {
  faults.full = "";
  faults.denied = "";
  for (const dir of made) {
    try {
      chmodSync(dir, 0o755);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
});

async function runMain(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => {
      stdout += typeof t === "string" ? t : Buffer.from(t).toString("utf8");
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: "1", ...env },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: process.cwd(),
  });
  faults.full = "";
  faults.denied = "";
  faults.edit = { path: "", text: "" };
  return { code, stdout, stderr };
}

const ARTICLE =
  "BAKU, Azerbaijan, February 5. The election was held on February 7, 2024. Azerbaijan has registered 7 candidates.\n";
const CLAIMS = `${header("sources/a.txt")}claims:\n  - id: t-candidates\n    subject: azerbaijan_presidential_election_2024\n    property: registered_candidates\n    value: 7\n    evidence: Azerbaijan has registered 7 candidates\n`;

function project(): string {
  const root = makeProject({ "sources/a.txt": ARTICLE, "claims/a.yaml": CLAIMS });
  made.push(root);
  return root;
}

const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("suggest --write", () => {
  it("a claims file saved from an editor meanwhile: nothing appended over it, exit 2", async () => {
    const root = project();
    const path = join(root, "claims/a.yaml");
    const edited = `${CLAIMS}  - id: t-s1\n    subject: cis\n    property: name\n    value: x\n    evidence: Azerbaijan\n`;
    faults.edit = { path, text: edited };
    const run = await runMain(["--root", root, "suggest", "sources/a.txt", "--write"]);
    expect(run.stderr).toContain(
      "claimcheck: claims/a.yaml changed while the suggestions were being made; nothing was appended (run suggest again)",
    );
    expect(run.code).toBe(2);
    expect(readFileSync(path, "utf8")).toBe(edited);
  });

  it("a full disk: the path and the reason, exit 2, the file as it was", async () => {
    const root = project();
    faults.full = join(root, "claims");
    const run = await runMain(["--root", root, "suggest", "sources/a.txt", "--write"]);
    // The leads (the dateline's date) come first; the error is the last line and the only one.
    expect(
      run.stderr.endsWith("\nclaimcheck: cannot write claims/a.yaml: the disk is full\n"),
    ).toBe(true);
    expect(run.stderr.match(/^claimcheck: /gm)).toHaveLength(1);
    expect(run.code).toBe(2);
    expect(readFileSync(join(root, "claims/a.yaml"), "utf8")).toBe(CLAIMS);
    expect(temporaries(join(root, "claims"))).toEqual([]);
  });
});

describe("init", () => {
  it("a full disk: the path and the reason, exit 2, no claims file", async () => {
    const root = project();
    writeFileSync(join(root, "sources/b.txt"), ARTICLE);
    faults.full = join(root, "claims");
    const run = await runMain(["--root", root, "init", join(root, "sources/b.txt")]);
    expect(run.stderr).toBe("claimcheck: cannot write claims/b.yaml: the disk is full\n");
    expect(run.code).toBe(2);
    expect(existsSync(join(root, "claims/b.yaml"))).toBe(false);
    expect(temporaries(join(root, "claims"))).toEqual([]);
  });

  it("a claims folder that refuses new files (EACCES): the path and the reason, exit 2", async () => {
    const root = project();
    writeFileSync(join(root, "sources/b.txt"), ARTICLE);
    faults.denied = join(root, "claims");
    const run = await runMain(["--root", root, "init", join(root, "sources/b.txt")]);
    expect(run.stderr).toBe(
      "claimcheck: cannot write claims/b.yaml: the location is not writable\n",
    );
    expect(run.code).toBe(2);
  });
});

describe("schema --write", () => {
  it("a full disk: the old schema stays whole, exit 2 with the path", async () => {
    const root = mkdtempSync(join(tmpdir(), "claimcheck-schema-"));
    made.push(root);
    mkdirSync(join(root, "claims")); // a claims repository, as schema asks for
    const old = '{ "the": "previous schema" }\n';
    writeFileSync(join(root, "claims.schema.json"), old);
    faults.full = root;
    const run = await runMain(["--root", root, "schema", "--write"]);
    expect(run.stderr).toBe("claimcheck: cannot write claims.schema.json: the disk is full\n");
    expect(run.code).toBe(2);
    expect(readFileSync(join(root, "claims.schema.json"), "utf8")).toBe(old);
    expect(temporaries(root)).toEqual([]);
  });
});

describe("the GitHub job summary", () => {
  it("a full disk part way through the append: the summary is cut back to what it was", async () => {
    const root = copyBundled();
    made.push(root);
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-summary-"));
    made.push(dir);
    const summary = join(dir, "summary.md");
    const before = "## An earlier step's summary\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n";
    writeFileSync(summary, before);
    faults.full = dir;
    const run = await runMain(["--root", root, "report", "--fail-on", "never", "-f", "markdown"], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.stderr).toBe(
      `claimcheck: cannot append markdown output to ${summary}: the disk is full\n`,
    );
    expect(run.code).toBe(2);
    expect(readFileSync(summary, "utf8")).toBe(before);
  });
});

describe("fmt on a read-only claims file", () => {
  it("is refused and left as it was, even for root (who may write it)", async () => {
    const root = project();
    const path = join(root, "claims/a.yaml");
    const messy = CLAIMS.replace("outlet: Test Outlet", "outlet:    'Test Outlet'");
    writeFileSync(path, messy);
    chmodSync(path, 0o444);
    const run = await runCliAsync(["--root", root, "fmt"], { timeoutMs: 20_000 });
    expect(run.stderr).toContain(
      "error claims/a.yaml cannot be written (the file is read-only); left as it was",
    );
    expect(run.code).toBe(2);
    expect(readFileSync(path, "utf8")).toBe(messy);
    expect(statSync(path).mode & 0o777).toBe(0o444);
  }, 30_000);
});
