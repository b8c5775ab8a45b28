#!/usr/bin/env bash
# Runs the session agent's tests (src/test/sessions): installs the pinned tools first (install.sh: a venv with
# jupyterhub, jupyter-server, ipykernel, pytest; configurable-http-proxy from npm), then pytest. Needs root (it
# starts processes under other uids and a real JupyterHub with local servers), /usr/bin/python3, node and npm.
# SessionAgentTest runs this with DSVM_SESSION_AGENT_RENDERED set to the installer SessionAgent renders.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=$(bash "$here/install.sh")
cd "$here"
export PYTHONDONTWRITEBYTECODE=1
exec "$target/venv/bin/python" -B -m pytest -q -p no:cacheprovider -rs "$@"
