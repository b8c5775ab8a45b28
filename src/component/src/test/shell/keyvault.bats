#!/usr/bin/env bats
# The real mount-share.sh reading the storage key from Key Vault (DSVM_KEY_VAULT_URL): a fake IMDS token
# endpoint and a fake Key Vault on 127.0.0.1 (keyvault/fake_keyvault.py), the sandbox and fakes of
# helpers.bash for everything else. The key must reach the credentials file only.

bats_require_minimum_version 1.5.0
load helpers

CLIENT_ID=3c5a9e1f-7b2d-4f6e-8a0c-1d2e3f4a5b6c
TOKEN='eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-token-for-tests.c2lnbmF0dXJl'

setup() {
  make_sandbox
  KV_DIR="$BATS_TEST_TMPDIR/kv"
  mkdir -p "$KV_DIR/secrets"
  printf '%s' "$TOKEN" >"$KV_DIR/token"
  printf '%s' "$CLIENT_ID" >"$KV_DIR/client_id"
  printf '%s' 'https://vault.azure.net' >"$KV_DIR/resource"
  printf '%s' "$TEST_KEY" >"$KV_DIR/secrets/storage-key"
  python3 "$SHELL_TESTS_DIR/keyvault/fake_keyvault.py" "$KV_DIR" 3>&- &
  KV_PID=$!
  local _
  for _ in $(seq 1 100); do
    [[ -s "$KV_DIR/port" ]] && break
    sleep 0.05
  done
  [[ -s "$KV_DIR/port" ]]
  KV_URL="http://127.0.0.1:$(cat "$KV_DIR/port")"
  unset DSVM_STORAGE_KEY
  export DSVM_KEY_VAULT_URL="$KV_URL" DSVM_IMDS_ENDPOINT="$KV_URL" DSVM_KEY_VAULT_SECRET=storage-key \
    DSVM_IDENTITY_CLIENT_ID="$CLIENT_ID" DSVM_KEY_VAULT_RESOURCE=https://vault.azure.net \
    DSVM_KEY_VAULT_RETRIES=3 DSVM_RETRY_DELAY=0
  CRED="$DSVM_ROOT/etc/smbcredentials/teststorage1.cred"
}

teardown() {
  [[ -z ${KV_PID:-} ]] || kill "$KV_PID" 2>/dev/null || true
  remove_sandbox
}

# Neither the key nor the token anywhere but the credentials file: output, fake calls, their environment.
nothing_leaked() {
  [[ $output != *"$TEST_KEY"* && $output != *"$TOKEN"* ]]
  run ! grep -rqF -e "$TEST_KEY" -e "$TOKEN" "$FAKE_LOG" "$FAKE_ENV_LOG" "$KV_DIR/requests"
}

@test "the key comes from Key Vault: token request headers and audience, secret read, mounted" {
  run_script
  [ "$status" -eq 0 ]
  [ "$(cat "$CRED")" = "$(printf 'username=teststorage1\npassword=%s' "$TEST_KEY")" ]
  [ "$(stat -c %a "$CRED")" = 600 ]
  [[ $output == *"[dsvm-mount] storage key: reading secret storage-key from $KV_URL with identity $CLIENT_ID"* ]]
  [[ $output == *"[dsvm-mount] storage key: read from $KV_URL (secret storage-key)"* ]]
  [[ $output == *"[dsvm-mount] done: "* ]]
  # IMDS: Metadata header, the Key Vault audience, the user-assigned identity; then the secret with the token
  [ "$(sed -n 1p "$KV_DIR/requests")" = "GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net&client_id=$CLIENT_ID | Metadata=true" ]
  [ "$(sed -n 2p "$KV_DIR/requests")" = "GET /secrets/storage-key?api-version=7.4 | Authorization=Bearer <token ok>" ]
  [ "$(wc -l <"$KV_DIR/requests")" -eq 2 ]
  nothing_leaked
}

@test "no process gets the key or the token in its arguments (curl reads the header from a descriptor)" {
  # a curl wrapper records its argv, then runs the real curl
  printf '#!/bin/bash\nprintf "%%s\\n" "$*" >>%q\nexec curl "$@"\n' "$BATS_TEST_TMPDIR/curl-args" >"$BATS_TEST_TMPDIR/curl"
  chmod +x "$BATS_TEST_TMPDIR/curl"
  DSVM_CURL_CMD="$BATS_TEST_TMPDIR/curl" run_script
  [ "$status" -eq 0 ]
  [ "$(wc -l <"$BATS_TEST_TMPDIR/curl-args")" -eq 2 ]
  run ! grep -qF -e "$TOKEN" -e "$TEST_KEY" "$BATS_TEST_TMPDIR/curl-args"
  grep -q -- '--config /dev/fd/' "$BATS_TEST_TMPDIR/curl-args"
}

@test "rotation: a new secret value and a second run rewrite the credentials file, nothing else changes" {
  run_script
  [ "$status" -eq 0 ]
  local rotated='bmV3S2V5QWZ0ZXJSb3RhdGlvbittb3JlLWJ5dGVzLWhlcmUrKysrKysrKysrKysrKysrKysrKys9PQ=='
  printf '%s' "$rotated" >"$KV_DIR/secrets/storage-key"
  FAKE_SMB_KEY_HASH=$(key_hash "$rotated")
  export FAKE_SMB_KEY_HASH
  local fstab_before
  fstab_before=$(cat "$DSVM_ROOT/etc/fstab")
  run_script
  [ "$status" -eq 0 ]
  [ "$(cat "$CRED")" = "$(printf 'username=teststorage1\npassword=%s' "$rotated")" ]
  [ "$(cat "$DSVM_ROOT/etc/fstab")" = "$fstab_before" ]
  [[ $output != *"$rotated"* ]]
  nothing_leaked
}

@test "a missing secret: exit 17, its own message, no credentials file" {
  rm "$KV_DIR/secrets/storage-key"
  run_script
  [ "$status" -eq 17 ]
  [[ $output == *"secret storage-key does not exist in $KV_URL"* ]]
  [ ! -e "$CRED" ]
  nothing_leaked
}

@test "a role not yet effective (403 twice) is retried; still refused after the retries: exit 17" {
  printf '2' >"$KV_DIR/forbidden"
  run_script
  [ "$status" -eq 0 ]
  [[ $output == *"not allowed to read secret storage-key (HTTP 403): the identity needs Key Vault Secrets User on $KV_URL"*"(attempt 1 of 3)"* ]]
  [ "$(cat "$CRED")" = "$(printf 'username=teststorage1\npassword=%s' "$TEST_KEY")" ]
  rm -f "$CRED"
  printf '9' >"$KV_DIR/forbidden"
  run_script
  [ "$status" -eq 17 ]
  [[ $output == *"not allowed to read secret storage-key (HTTP 403)"* ]]
  nothing_leaked
}

@test "by default the script keeps asking for the key past the 10 minutes a new role may take" {
  printf '99' >"$KV_DIR/forbidden"
  unset DSVM_KEY_VAULT_RETRIES DSVM_RETRY_DELAY
  # A sleep that only writes down how long it was asked to wait.
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  # shellcheck disable=SC2016 # $1 belongs to the fake sleep
  printf '#!/usr/bin/env bash\necho "$1" >>"%s"\n' "$BATS_TEST_TMPDIR/slept" >"$BATS_TEST_TMPDIR/bin/sleep"
  chmod +x "$BATS_TEST_TMPDIR/bin/sleep"
  PATH="$BATS_TEST_TMPDIR/bin:$PATH" run_script
  [ "$status" -eq 17 ]
  total=0
  while read -r seconds; do total=$((total + seconds)); done <"$BATS_TEST_TMPDIR/slept"
  [ "$total" -gt 600 ]
  [ "$total" -lt 1800 ]
  nothing_leaked
}

@test "Key Vault unreachable: exit 16 after the retries, its own message" {
  export DSVM_KEY_VAULT_URL="http://127.0.0.1:9"
  run_script
  [ "$status" -eq 16 ]
  [[ $output == *"cannot reach http://127.0.0.1:9"*"(attempt 2 of 3)"* ]]
  [ ! -e "$CRED" ]
  nothing_leaked
}

@test "IMDS refuses the identity: exit 16 naming the identity and IMDS's error" {
  printf '%s' 00000000-0000-0000-0000-000000000000 >"$KV_DIR/client_id"
  run_script
  [ "$status" -eq 16 ]
  [[ $output == *"no token from IMDS for identity $CLIENT_ID (HTTP 400, invalid_request)"* ]]
  run ! grep -q '/secrets/' "$KV_DIR/requests"
  nothing_leaked
}

@test "a key given directly wins over Key Vault (no request), and NFS needs no key at all" {
  DSVM_STORAGE_KEY="$TEST_KEY" run_script
  [ "$status" -eq 0 ]
  [ ! -e "$KV_DIR/requests" ]
  rm -f "$CRED"
  DSVM_PROTOCOL=nfs run_script
  [ "$status" -eq 0 ]
  [ ! -e "$KV_DIR/requests" ]
  [ ! -e "$CRED" ]
}

@test "bad Key Vault parameters are refused with exit 10" {
  DSVM_IDENTITY_CLIENT_ID=not-an-id run_script
  [ "$status" -eq 10 ]
  [[ $output == *"DSVM_IDENTITY_CLIENT_ID must be the identity's client id"* ]]
  DSVM_KEY_VAULT_SECRET='a b' run_script
  [ "$status" -eq 10 ]
  DSVM_KEY_VAULT_URL='https://vault/../x' run_script
  [ "$status" -eq 10 ]
}
