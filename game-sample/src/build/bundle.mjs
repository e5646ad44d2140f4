// Bundles the web client into one browser ES module with a source map; called by ../../build-web.sh.
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: true,
  sourcemap: true,
  logLevel: "warning",
});
