#!/usr/bin/env bash
# Bundles the arena's web client (src/main/web/main.js and what it imports, socket.io-client included) with
# esbuild from the repository's pinned npm packages. Run by Maven in generate-resources; argument: output dir.
set -euo pipefail
out="${1:?usage: build-web.sh <output directory>}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if ! command -v node >/dev/null; then
  echo "game-sample: Node.js 20+ is needed to bundle the game's web client, and 'node' is not on PATH." >&2
  echo "game-sample: install Node.js (https://nodejs.org or your package manager), then run 'npm ci' in $root." >&2
  exit 1
fi
if [[ ! -x "$root/node_modules/.bin/esbuild" || ! -d "$root/node_modules/socket.io-client" ]]; then
  echo "game-sample: the pinned npm packages (esbuild, socket.io-client, socket.io-msgpack-parser) are not installed." >&2
  echo "game-sample: run 'npm ci' in $root, then build again." >&2
  exit 1
fi
mkdir -p "$out"
exec node "$here/src/build/bundle.mjs" "$here/src/main/web/main.js" "$out/app.js"
