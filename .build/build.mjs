// Builds dist/: the CLI as one CommonJS bundle, the small command that runs it, and V8's code
// cache for the bundle, saved after a warm-up report on the bundled articles (see
// src/cli/launch.ts for why); and the library (`import ... from "claimcheck"`) as an ES module
// with its type declarations, in dist/lib/. `npm run build` runs this, and `npm pack` through
// `prepack`; an installed package comes built and never builds.
//
// `node .build/build.mjs --if-missing` builds only when there is no build yet (the README's
// `npm ci && npm run report` in a fresh clone).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(repo, "dist");
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  write: false,
};

// commander requires node:child_process when it loads, for subcommands that are separate
// executables, which claimcheck does not have. It gets the module on first use instead: loading it
// (with the networking modules it pulls in) is a few milliseconds of every start.
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(bundler) {
    const commander = `${sep}node_modules${sep}commander${sep}`;
    bundler.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(commander)
        ? { path: "node:child_process", namespace: "lazy-for-commander" }
        : undefined,
    );
    bundler.onLoad({ filter: /.*/, namespace: "lazy-for-commander" }, () => ({
      contents:
        'let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};

if (process.argv.includes("--if-missing") && existsSync(join(dist, "claimcheck.js")))
  process.exit(0);

// A whole new dist/: a cache never outlives the bundle it was made for.
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
// dist/*.js are CommonJS, whatever the package's own "type" says.
writeFileSync(join(dist, "package.json"), '{ "type": "commonjs" }\n');

const cli = await build({
  ...common,
  entryPoints: [join(repo, "src/cli/claimcheck.ts")],
  minify: process.env.CLAIMCHECK_BUILD_NO_MINIFY !== "1",
  plugins: [lazyChildProcessForCommander],
  // The sources are ES modules; two of them find packages next to themselves with
  // createRequire(import.meta.url), which in CommonJS is the bundle's own file.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'var __bundleUrl=require("node:url").pathToFileURL(__filename).href;' },
  outfile: join(dist, "claimcheck-cli.cjs"),
});
// esbuild escapes non-ASCII text in strings but leaves it in regular expression literals. Escaped
// there too, the bundle is ASCII, which Node reads into a string several times faster. A \uXXXX
// escape means the character itself in a string, a template and a regular expression (a pair of
// them, a surrogate pair, one code point under the u flag). A character already escaped with a
// backslash is that character too, so that backslash goes (else it would escape the new one).
const cliText = cli.outputFiles[0].text.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, c) => {
  const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
  return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
});
const buildId = createHash("sha256").update(cliText).digest("hex").slice(0, 16);
// Written as the function Node wraps a CommonJS module in, so the launcher need not make a copy
// of the whole text to wrap it; the first line names the build (see launch.ts).
writeFileSync(
  join(dist, "claimcheck-cli.cjs"),
  `// claimcheck build ${buildId}\n(function (exports, require, module, __filename, __dirname) {\n${cliText}\n})`,
);

const launcher = await build({
  ...common,
  entryPoints: [join(repo, "src/cli/launch.ts")],
  outfile: join(dist, "claimcheck.js"),
});
writeFileSync(join(dist, "claimcheck.js"), launcher.outputFiles[0].text);
chmodSync(join(dist, "claimcheck.js"), 0o755);

// The warm-up: one report in every format, each written to a file of its own in a folder of dist/
// removed after it (the CLI refuses two outputs to one file, /dev/null included, before it makes a
// report).
// Exit 1 (conflicts) is a whole report; any other failure (2: a claims file being edited is
// invalid, or a usage error) ends the run early and leaves a cache of the code run so far, which
// is said, since the CLI then starts slower.
const formats = ["table", "json", "github", "sarif", "markdown", "junit", "html", "line"];
const warmUpOutputs = mkdtempSync(join(dist, "warm-up-"));
const warmUp = spawnSync(
  process.execPath,
  [
    join(dist, "claimcheck.js"),
    "report",
    ...formats.flatMap((format) => ["--output", `${format}=${join(warmUpOutputs, format)}`]),
  ],
  { cwd: repo, env: { ...process.env, CLAIMCHECK_BUILD_CODE_CACHE: "1" }, encoding: "utf8" },
);
rmSync(warmUpOutputs, { recursive: true, force: true });
if (!existsSync(join(dist, "claimcheck-cli.v8cache"))) {
  process.stderr.write(
    `build: no code cache was made (warm-up exit ${warmUp.status}); the CLI works, but starts slower\n${warmUp.stderr ?? ""}`,
  );
} else if (warmUp.status !== 0 && warmUp.status !== 1) {
  process.stderr.write(
    `build: the warm-up report ended early (exit ${warmUp.status}), so the code cache covers less of a report; the CLI works, but starts slower\n${warmUp.stderr ?? ""}`,
  );
}

// The library: one ES module (its dependencies stay packages of their own, as installed with it)
// and the declarations of what it exports. dist/lib/package.json makes it a module whatever
// dist/package.json says.
mkdirSync(join(dist, "lib"));
writeFileSync(join(dist, "lib/package.json"), '{ "type": "module" }\n');
await build({
  ...common,
  write: true,
  format: "esm",
  packages: "external",
  entryPoints: [join(repo, "src/index.ts")],
  outfile: join(dist, "lib/index.js"),
});
const types = spawnSync(
  process.execPath,
  [join(repo, "node_modules/typescript/bin/tsc"), "-p", join(repo, "tsconfig.lib.json")],
  { cwd: repo, encoding: "utf8" },
);
if (types.status !== 0) {
  process.stderr.write(
    `build: the library's type declarations failed\n${types.stdout}${types.stderr}`,
  );
  process.exit(1);
}
