/**
 * `claimcheck setup` through the real process: a new claims repository that validates at once,
 * nothing existing ever overwritten, and the files it writes kept equal to the ones claimcheck's
 * own repository uses.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GITIGNORE_LINES, gitignoreAddition } from "../../src/edit/repository-setup.js";
import { schemaText } from "../../src/validate/json-schema.js";
import { REPO, runCli } from "../helpers/project.js";

const newFolder = () => mkdtempSync(join(tmpdir(), "claimcheck-setup-"));

/** Every file under `root` with its bytes, for "nothing changed" checks. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = readFileSync(path, "latin1");
    }
  };
  walk(root);
  return out;
}

describe("claimcheck setup (real process)", { timeout: 60_000 }, () => {
  it("makes an empty folder a claims repository that validates at once", () => {
    const root = newFolder();
    const r = runCli(["setup"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ set up a claims repository in ${root}\n`);
    for (const path of [
      "claims/",
      "sources/",
      "claims/vocabulary.yaml",
      "claims/acknowledged.yaml",
      ".vscode/settings.json",
      ".vscode/extensions.json",
      ".github/workflows/claims.yml",
      "claims.schema.json",
      "vocabulary.schema.json",
      "acknowledged.schema.json",
      ".gitignore",
    ])
      expect(r.stdout).toMatch(new RegExp(`^  created  ${path.replace(/[.*]/g, "\\$&")} `, "m"));
    expect(r.stdout).toContain("npm install --save-dev claimcheck");

    expect(readFileSync(join(root, "claims/vocabulary.yaml"), "utf8")).toBe(
      readFileSync(join(REPO, "templates/vocabulary.yaml"), "utf8"),
    );
    for (const name of [
      "claims.schema.json",
      "vocabulary.schema.json",
      "acknowledged.schema.json",
    ] as const)
      expect(readFileSync(join(root, name), "utf8")).toBe(schemaText(name));
    expect(readFileSync(join(root, ".gitignore"), "utf8").split("\n")).toEqual(
      expect.arrayContaining([...GITIGNORE_LINES]),
    );

    const validate = runCli(["validate"], { cwd: root });
    expect(validate.stdout).toBe("✓ 0 claims files, 0 claims: all valid, every quote found\n");
    expect(validate.code).toBe(0);
    expect(runCli(["schema", "--check"], { cwd: root }).code).toBe(0);
  });

  it("never overwrites: existing files stay byte for byte, .gitignore only gains what it lacks", () => {
    const root = newFolder();
    mkdirSync(join(root, "claims"));
    mkdirSync(join(root, ".vscode"));
    writeFileSync(join(root, "claims/vocabulary.yaml"), "entities: []\nproperties: []\n");
    writeFileSync(join(root, ".vscode/settings.json"), '{ "editor.tabSize": 8 }\n');
    writeFileSync(join(root, "claims.schema.json"), "{}\n");
    writeFileSync(join(root, ".gitignore"), "/node_modules\ndist");
    writeFileSync(
      join(root, "package.json"),
      '{ "devDependencies": { "claimcheck": "^0.1.0" } }\n',
    );

    const r = runCli(["setup"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}kept {5}claims\/vocabulary\.yaml +already there; left as it is$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}kept {5}\.vscode\/settings\.json +already there; left as it is$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}kept {5}claims\.schema\.json +differs from what this version of claimcheck writes: `claimcheck schema --write` updates it$/m,
    );
    expect(r.stdout).toMatch(/^ {2}added {4}\.gitignore /m);
    expect(r.stdout).toMatch(/^ {2}created {2}\.vscode\/extensions\.json /m);
    expect(r.stdout).not.toContain("npm install --save-dev claimcheck");
    expect(readFileSync(join(root, "claims/vocabulary.yaml"), "utf8")).toBe(
      "entities: []\nproperties: []\n",
    );
    expect(readFileSync(join(root, ".vscode/settings.json"), "utf8")).toBe(
      '{ "editor.tabSize": 8 }\n',
    );
    expect(readFileSync(join(root, "claims.schema.json"), "utf8")).toBe("{}\n");
    const gitignore = readFileSync(join(root, ".gitignore"), "utf8");
    expect(gitignore.startsWith("/node_modules\ndist\n\n# claimcheck:")).toBe(true);
    expect(gitignore.split("\n").filter((l) => /node_modules/.test(l))).toEqual(["/node_modules"]);

    // Run again: nothing to add, nothing touched.
    const before = snapshot(root);
    const again = runCli(["setup"], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("is a claims repository already; nothing to add");
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses a folder inside another claims repository, and says where that one is", () => {
    const root = newFolder();
    expect(runCli(["setup"], { cwd: root }).code).toBe(0);
    const before = snapshot(root);
    const r = runCli(["setup"], { cwd: join(root, "sources") });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `claimcheck: ${join(root, "sources")} is inside the claims repository ${root}; run setup there to add what it lacks, or pass --root . to start another one here\n`,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("a file where a folder should be: a clear error, exit 2, no stack trace", () => {
    const root = newFolder();
    writeFileSync(join(root, ".vscode"), "not a folder\n");
    const r = runCli(["setup"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "claimcheck: cannot write .vscode/settings.json: a file stands where a folder should be (EEXIST); setup stopped there: run it again once that is fixed, it adds only what is missing\n",
    );
  });

  it("schema --check names a missing or outdated schema file and the command that writes it", () => {
    const root = newFolder();
    expect(runCli(["setup"], { cwd: root }).code).toBe(0);
    unlinkSync(join(root, "claims.schema.json"));
    writeFileSync(join(root, "vocabulary.schema.json"), "{}\n");
    const r = runCli(["schema", "--check"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "claims.schema.json is missing: run `claimcheck schema --write`\n" +
        "vocabulary.schema.json differs from what this version of claimcheck writes: run `claimcheck schema --write`\n",
    );
  });
});

describe("the files setup writes", () => {
  it("are the ones claimcheck's own repository uses: the same editor settings", () => {
    for (const name of ["settings.json", "extensions.json"])
      expect(readFileSync(join(REPO, `templates/vscode-${name}`), "utf8")).toBe(
        readFileSync(join(REPO, `.vscode/${name}`), "utf8"),
      );
  });

  it("are the ones claimcheck's own repository uses: its workflow is the template and one build step", () => {
    const template = parse(readFileSync(join(REPO, "templates/github-workflow.yml"), "utf8"));
    const own = parse(readFileSync(join(REPO, ".github/workflows/claims.yml"), "utf8"));
    const build = own.jobs.claims.steps.filter(
      (s: { name?: string }) => s.name === "Build claimcheck",
    );
    expect(build).toEqual([{ name: "Build claimcheck", run: "npm run build" }]);
    own.jobs.claims.steps = own.jobs.claims.steps.filter(
      (s: { name?: string }) => s.name !== "Build claimcheck",
    );
    expect(own).toEqual(template);
  });

  it("the vocabulary and acknowledgements templates are valid, commented, with the properties suggest uses", () => {
    const vocabulary = parse(readFileSync(join(REPO, "templates/vocabulary.yaml"), "utf8"));
    expect(vocabulary.entities).toBeNull();
    expect(vocabulary.properties.map((p: { id: string }) => p.id)).toEqual([
      "name",
      "acronym",
      "position",
      "date",
      "status",
    ]);
    expect(parse(readFileSync(join(REPO, "templates/acknowledged.yaml"), "utf8"))).toEqual({
      acknowledged: null,
    });
  });
});

describe("gitignoreAddition", () => {
  it.each([
    [
      undefined,
      `# claimcheck: the report files its workflow writes, and what an interrupted write leaves\n${GITIGNORE_LINES.join("\n")}\n`,
    ],
    [
      "",
      `# claimcheck: the report files its workflow writes, and what an interrupted write leaves\n${GITIGNORE_LINES.join("\n")}\n`,
    ],
    [`${GITIGNORE_LINES.join("\n")}\n`, undefined],
    [
      "node_modules/\r\n *.tmp \r\n/claimcheck.sarif\r\n",
      "\n# claimcheck: the report files its workflow writes, and what an interrupted write leaves\nclaimcheck-report.html\n",
    ],
  ])("%j gains %j", (existing, addition) => {
    expect(gitignoreAddition(existing)).toBe(addition);
  });
});
