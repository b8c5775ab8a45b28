# shellcheck shell=bash
# Shared by the fake commands: records each call (argv, one line, %q-quoted) in $FAKE_LOG and the caller's
# environment in $FAKE_ENV_LOG, so tests can check what the mount script passed to other programs.
fake_record() {
  local name=$1
  shift
  {
    printf '%s' "$name"
    printf ' %q' "$@"
    printf '\n'
  } >>"${FAKE_LOG:?FAKE_LOG not set}"
  env >>"${FAKE_ENV_LOG:-/dev/null}"
}

# A path in /proc/self/mounts form (space, tab, backslash escaped as octal).
fake_escape() {
  local s=${1//\\/\\134}
  s=${s// /\\040}
  printf '%s' "${s//$'\t'/\\011}"
}
