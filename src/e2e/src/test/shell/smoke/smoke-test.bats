#!/usr/bin/env bats
# The e2e smoke test (.github/e2e/smoke-test.sh) against local stand-ins of a deployed pool (fixtures.bash):
# a real sshd and real HTTPS servers on 127.0.0.1. Each test points one option at a broken stand-in and
# checks that exactly that check fails, by name, in the one-line list at the end.

load fixtures

setup_file() {
  smoke_start_fixtures
}

teardown_file() {
  smoke_cleanup "${SMOKE_STATE_DIR:-}"
}

setup() {
  # A test may remove it; every test starts with it in place.
  smoke_make_notebooks
  export TMPDIR="$BATS_TEST_TMPDIR/tmp"
  mkdir -p "$TMPDIR"
}

# Runs the smoke test with every check pointed at a working stand-in; later options override earlier ones.
smoke() {
  run timeout 120 bash "$SMOKE_SCRIPT" --host 127.0.0.1 --user "$SMOKE_USER" --identity "$SMOKE_KEY" \
    --ssh-port "$SMOKE_SSH_PORT" --mount-point /proc --fstab "$SMOKE_FSTAB_OK" --jupyter-port "$SMOKE_HUB_PORT" \
    --vm-ssh-port "$SMOKE_SSH_PORT" --expect-vm "$SMOKE_VM_NAME" --vm-jupyter-port "$SMOKE_HUB_PORT" \
    --timeout 3 --retry-interval 1 "$@"
}

# The FAIL lines of the last run, in order.
fail_lines() {
  grep '^FAIL ' <<<"$output" || true
}

# Exactly these checks failed (in this order), and the FAIL lines end the output.
assert_failed_checks() {
  local expected actual
  expected=$(printf 'FAIL %s:\n' "$@")
  actual=$(fail_lines | sed 's/: .*/:/')
  if [[ $actual != "$expected" ]]; then
    printf 'expected failures:\n%s\ngot:\n%s\nfull output:\n%s\n' "$expected" "$actual" "$output" >&2
    return 1
  fi
  local count=$#
  if [[ $(tail -n "$count" <<<"$output") != "$(fail_lines)" ]]; then
    printf 'the FAIL lines are not the last lines:\n%s\n' "$output" >&2
    return 1
  fi
}

assert_no_secret_printed() {
  # No line of the private key, and the script's temporary folder (known_hosts) is gone.
  local line
  while read -r line; do
    [[ $line == -----* ]] && continue
    if grep -qF -- "$line" <<<"$output"; then
      echo "the output contains a line of the private key" >&2
      return 1
    fi
  done <"$SMOKE_KEY"
  if [[ -n $(ls -A "$TMPDIR") ]]; then
    echo "left behind in TMPDIR: $(ls -A "$TMPDIR")" >&2
    return 1
  fi
}

@test "all checks pass against working stand-ins" {
  smoke
  echo "$output"
  [ "$status" -eq 0 ]
  for check in ssh-login share-mounted share-in-fstab notebooks-remote jupyterhub-health vm-ssh \
    vm-jupyterhub-health; do
    grep -q "ok  *$check: " <<<"$output"
  done
  [[ $output == *"all 7 checks passed"* ]]
  [ -z "$(fail_lines)" ]
  assert_no_secret_printed
}

@test "a share that is not a mount point fails share-mounted, naming the path" {
  smoke --mount-point "$SMOKE_NOT_MOUNTED"
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks share-mounted
  grep -q "^FAIL share-mounted: $SMOKE_NOT_MOUNTED is not a mount point on $SMOKE_VM_NAME" <<<"$output"
}

@test "a mount point that does not exist fails share-mounted" {
  smoke --mount-point /datamnt/no-such-share --fstab "$SMOKE_FSTAB_OK"
  echo "$output"
  [ "$status" -eq 1 ]
  # The fake fstab mounts /proc, so the fstab check fails too.
  assert_failed_checks share-mounted share-in-fstab
  grep -q "^FAIL share-mounted: /datamnt/no-such-share does not exist" <<<"$output"
}

@test "a share missing from fstab (commented out, or another mount point) fails share-in-fstab" {
  smoke --fstab "$SMOKE_FSTAB_MISSING"
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks share-in-fstab
  grep -qF "FAIL share-in-fstab: $SMOKE_FSTAB_MISSING has no line for /proc" <<<"$output"
}

@test "an fstab that cannot be read fails share-in-fstab" {
  smoke --fstab /no/such/fstab
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks share-in-fstab
  grep -qF "FAIL share-in-fstab: /no/such/fstab cannot be read" <<<"$output"
}

@test "a missing ~/notebooks/remote fails notebooks-remote" {
  rm -rf "$SMOKE_HOME/notebooks/remote"
  smoke
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks notebooks-remote
  grep -qF "FAIL notebooks-remote: ~$SMOKE_USER/notebooks/remote does not exist" <<<"$output"
}

@test "a dangling ~/notebooks/remote link fails notebooks-remote" {
  rm -rf "$SMOKE_HOME/notebooks/remote"
  ln -s /datamnt/no-such-share/notebooks/x "$SMOKE_HOME/notebooks/remote"
  smoke
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks notebooks-remote
  grep -qF "is a link to nothing" <<<"$output"
  rm -f "$SMOKE_HOME/notebooks/remote"
}

@test "a check that passes only later is waited for" {
  rm -rf "$SMOKE_HOME/notebooks/remote"
  (
    sleep 2
    smoke_make_notebooks
  ) 3>&- &
  local maker=$!
  smoke --timeout 20
  wait "$maker"
  echo "$output"
  [ "$status" -eq 0 ]
  grep -q "waiting  notebooks-remote: " <<<"$output"
  grep -q "ok       notebooks-remote: " <<<"$output"
}

@test "JupyterHub answering 500 fails the health checks" {
  smoke --jupyter-port "$SMOKE_HUB_500_PORT" --vm-jupyter-port "$SMOKE_HUB_500_PORT"
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks jupyterhub-health vm-jupyterhub-health
  grep -qF "FAIL jupyterhub-health: https://127.0.0.1:$SMOKE_HUB_500_PORT/hub/health answered HTTP 500, not 200" <<<"$output"
}

@test "JupyterHub over plain HTTP instead of HTTPS fails" {
  smoke --jupyter-port "$SMOKE_PLAIN_PORT"
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks jupyterhub-health
  grep -qF "FAIL jupyterhub-health: 127.0.0.1:$SMOKE_PLAIN_PORT answers plain HTTP (status 200), not HTTPS" <<<"$output"
}

@test "a per-VM port reaching another VM than --expect-vm fails vm-ssh, naming both" {
  smoke --expect-vm dsvm000042
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks vm-ssh
  grep -qF "FAIL vm-ssh: 127.0.0.1:$SMOKE_SSH_PORT reached VM '$SMOKE_VM_NAME', expected 'dsvm000042'" <<<"$output"
}

@test "a key the pool does not accept fails ssh-login, and the checks behind it are not checked" {
  ssh-keygen -q -t ed25519 -N '' -f "$BATS_TEST_TMPDIR/other-key"
  smoke --identity "$BATS_TEST_TMPDIR/other-key" --timeout 3
  echo "$output"
  [ "$status" -eq 1 ]
  assert_failed_checks ssh-login share-mounted share-in-fstab notebooks-remote vm-ssh
  grep -q "^FAIL ssh-login: .*Permission denied" <<<"$output"
  grep -q "^FAIL share-mounted: not checked: no SSH login" <<<"$output"
}

@test "closed ports fail every check within the timeout" {
  local start=$SECONDS
  smoke --ssh-port "$SMOKE_CLOSED_PORT" --jupyter-port "$SMOKE_CLOSED_PORT" --vm-ssh-port "$SMOKE_CLOSED_PORT" \
    --vm-jupyter-port "$SMOKE_CLOSED_PORT" --timeout 3
  local elapsed=$((SECONDS - start))
  echo "$output"
  echo "elapsed: $elapsed s"
  [ "$status" -eq 1 ]
  assert_failed_checks ssh-login share-mounted share-in-fstab notebooks-remote jupyterhub-health vm-ssh \
    vm-jupyterhub-health
  grep -q "^FAIL ssh-login: .*Connection refused" <<<"$output"
  [ "$elapsed" -le 5 ]
  assert_no_secret_printed
}

@test "ports that accept and never answer fail within the timeout too" {
  local start=$SECONDS
  smoke --ssh-port "$SMOKE_SILENT_PORT" --jupyter-port "$SMOKE_SILENT_PORT" --vm-ssh-port "$SMOKE_SILENT_PORT" \
    --vm-jupyter-port "$SMOKE_SILENT_PORT" --timeout 5
  local elapsed=$((SECONDS - start))
  echo "$output"
  echo "elapsed: $elapsed s"
  [ "$status" -eq 1 ]
  assert_failed_checks ssh-login share-mounted share-in-fstab notebooks-remote jupyterhub-health vm-ssh \
    vm-jupyterhub-health
  grep -q "^FAIL ssh-login: no SSH answer from 127.0.0.1:$SMOKE_SILENT_PORT within" <<<"$output"
  grep -q "^FAIL jupyterhub-health: no HTTPS answer from " <<<"$output"
  # At most 1 s past the timeout per attempt of the last round (4 attempts), plus start-up.
  [ "$elapsed" -le 10 ]
}

@test "without the per-VM options only the pool-entry checks run" {
  run timeout 60 bash "$SMOKE_SCRIPT" --host 127.0.0.1 --user "$SMOKE_USER" --identity "$SMOKE_KEY" \
    --ssh-port "$SMOKE_SSH_PORT" --mount-point /proc --fstab "$SMOKE_FSTAB_OK" --jupyter-port "$SMOKE_HUB_PORT" \
    --timeout 4 --retry-interval 1
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"all 5 checks passed"* ]]
  [[ $output != *vm-ssh* ]]
}

@test "--help prints the usage and exits 0" {
  run bash "$SMOKE_SCRIPT" --help
  [ "$status" -eq 0 ]
  [[ $output == *"Usage: smoke-test.sh --host HOST --user USER --identity KEYFILE"* ]]
  [[ $output == *"Exit status: 0"* ]]
}

@test "bad usage exits 2 and says what is wrong" {
  local key=$SMOKE_KEY
  local -a cases=(
    "|--host is required"
    "--host 127.0.0.1 --user u|--identity is required"
    "--user u --identity $key|--host is required"
    "--host 127.0.0.1 --identity $key|--user is required"
    "--host 127.0.0.1 --user u --identity $key --ssh-port abc|--ssh-port: not a port"
    "--host 127.0.0.1 --user u --identity $key --jupyter-port 70000|--jupyter-port: not a port"
    "--host 127.0.0.1 --user u --identity $key --vm-ssh-port 50000|--vm-ssh-port needs --expect-vm"
    "--host 127.0.0.1 --user u --identity $key --expect-vm dsvm000000|--expect-vm needs --vm-ssh-port"
    "--host 127.0.0.1 --user u --identity $key --timeout 0|--timeout: not a number"
    "--host 127.0.0.1 --user u --identity $key --mount-point relative/path|--mount-point: not an absolute path"
    "--host 127.0.0.1 --user u --identity /no/such/key|--identity: no readable file"
    "--host -oProxyCommand=x --user u --identity $key|--host: not a host name"
    "--host 127.0.0.1 --user u --identity $key --bogus|unknown argument: --bogus"
    "--host 127.0.0.1 --user u --identity $key --timeout|--timeout needs a value"
  )
  local entry args message
  for entry in "${cases[@]}"; do
    args=${entry%%|*} message=${entry#*|}
    # shellcheck disable=SC2086 # word splitting of the case's arguments on purpose
    run bash "$SMOKE_SCRIPT" $args
    echo "case: $args -> status $status: $output"
    [ "$status" -eq 2 ]
    [[ $output == *"$message"* ]]
  done
  # A key that others can read is refused before ssh would refuse it.
  cp "$SMOKE_KEY" "$BATS_TEST_TMPDIR/open-key"
  chmod 644 "$BATS_TEST_TMPDIR/open-key"
  run bash "$SMOKE_SCRIPT" --host 127.0.0.1 --user u --identity "$BATS_TEST_TMPDIR/open-key"
  [ "$status" -eq 2 ]
  [[ $output == *"chmod 600"* ]]
}

@test "--option=value works like --option value" {
  run timeout 60 bash "$SMOKE_SCRIPT" --host=127.0.0.1 --user="$SMOKE_USER" --identity="$SMOKE_KEY" \
    --ssh-port="$SMOKE_SSH_PORT" --mount-point=/proc --fstab="$SMOKE_FSTAB_OK" --jupyter-port="$SMOKE_HUB_PORT" \
    --timeout=4 --retry-interval=1
  echo "$output"
  [ "$status" -eq 0 ]
}
