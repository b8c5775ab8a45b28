#!/usr/bin/env bash
# Installs the PowerShell syntax checker that PowerShellSyntaxTest runs (check-syntax.cjs): the tree-sitter
# PowerShell grammar (npm tree-sitter-powershell, which ships its grammar compiled to WebAssembly) and the
# WebAssembly runtime of tree-sitter (npm web-tree-sitter), pinned, into ~/.cache/dsvm-pool/powershell-syntax,
# with npm's downloads cached under ~/.cache/dsvm-pool/npm. PowerShell itself cannot be installed here (no
# registry this project reaches serves it). No install scripts run (--ignore-scripts: the grammar's native
# binding is not needed). Idempotent: a second run with the same pins does nothing. Prints the folder.
# .ci/run calls it. Needs node and npm (Node 18+).
set -euo pipefail
cache=${DSVM_POOL_CACHE:-$HOME/.cache/dsvm-pool}
target=$cache/powershell-syntax
grammar_version=0.26.4
runtime_version=0.26.13
stamp_wanted="tree-sitter-powershell-$grammar_version web-tree-sitter-$runtime_version"
if [[ -f $target/stamp && $(cat "$target/stamp") == "$stamp_wanted" ]]; then
  printf '%s\n' "$target"
  exit 0
fi
if ! command -v npm >/dev/null; then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi
rm -rf "$target"
mkdir -p "$target" "$cache/npm"
npm install --silent --no-audit --no-fund --ignore-scripts --no-save --cache "$cache/npm" --prefix "$target" \
  "tree-sitter-powershell@$grammar_version" "web-tree-sitter@$runtime_version" >&2
test -f "$target/node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm"
test -f "$target/node_modules/web-tree-sitter/package.json"
printf '%s\n' "$stamp_wanted" >"$target/stamp"
printf '%s\n' "$target"
