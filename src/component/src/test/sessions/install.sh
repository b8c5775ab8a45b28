#!/usr/bin/env bash
# Installs what src/test/sessions needs into ~/.cache/dsvm-pool/sessions (a Python venv with the pinned
# requirements.txt, configurable-http-proxy from npm), with pip and npm downloads cached under
# ~/.cache/dsvm-pool/. Idempotent: a second run with the same pins does nothing. Prints the venv's folder.
# .ci/run calls it; run-tests.sh calls it too.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${DSVM_POOL_CACHE:-$HOME/.cache/dsvm-pool}
target=$cache/sessions
proxy_version=5.3.0
stamp_wanted="$(sha256sum "$here/requirements.txt" | cut -c1-16) chp-$proxy_version"
if [[ -f $target/stamp && $(cat "$target/stamp") == "$stamp_wanted" ]]; then
  printf '%s\n' "$target"
  exit 0
fi
mkdir -p "$cache/pip" "$cache/npm"
# Debian's python3 makes venvs only with python3-venv; node and npm for the proxy
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
if ! python3 -c 'import ensurepip, venv' 2>/dev/null || ! command -v npm >/dev/null; then
  $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv nodejs npm >&2
fi
rm -rf "$target"
python3 -m venv "$target/venv" >&2
"$target/venv/bin/pip" install --quiet --disable-pip-version-check --cache-dir "$cache/pip" \
  -r "$here/requirements.txt" >&2
npm install --silent --no-audit --no-fund --cache "$cache/npm" --prefix "$target/node" \
  "configurable-http-proxy@$proxy_version" >&2
test -x "$target/node/node_modules/.bin/configurable-http-proxy"
printf '%s\n' "$stamp_wanted" >"$target/stamp"
printf '%s\n' "$target"
