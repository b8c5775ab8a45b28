#!/usr/bin/env bats
# The real mount-share.sh in a sandbox root (DSVM_ROOT) with fake mount/umount/probe/smbclient/installer/
# systemctl (fakes/); see helpers.bash.

bats_require_minimum_version 1.5.0
load helpers

setup() {
  make_sandbox
}

teardown() {
  remove_sandbox
}

MP=/datamnt/dsvmshare

# --- SMB: what a first run leaves -------------------------------------------------------------------------

@test "smb: one fstab line with the recommended options, other lines kept" {
  run_script
  [ "$status" -eq 0 ]
  [ "$(fstab_lines_for "$MP")" = "$(expected_smb_fstab_line)" ]
  [ "$(grep -c . "$DSVM_ROOT/etc/fstab")" -eq 5 ]
  grep -qxF "$(sed -n 2p "$FIXTURES/fstab")" "$DSVM_ROOT/etc/fstab"
  grep -qxF "$(sed -n 4p "$FIXTURES/fstab")" "$DSVM_ROOT/etc/fstab"
  [ "$(stat -c %a "$DSVM_ROOT/etc/fstab")" = 644 ]
}

@test "smb: root-only credentials file with username= and password= lines" {
  run_script
  [ "$status" -eq 0 ]
  cred="$DSVM_ROOT/etc/smbcredentials/teststorage1.cred"
  [ "$(cat "$cred")" = "$(printf 'username=teststorage1\npassword=%s' "$TEST_KEY")" ]
  [ "$(stat -c '%a %u' "$cred")" = "600 0" ]
  [ "$(stat -c '%a %u' "$DSVM_ROOT/etc/smbcredentials")" = "700 0" ]
  [ "$(find "$DSVM_ROOT/etc/smbcredentials" -mindepth 1 | wc -l)" -eq 1 ] # no temporary file left
}

@test "smb: mounts with vers=3.1.1 and the credentials file, after the probe and the logon check" {
  run_script
  [ "$status" -eq 0 ]
  [ "$(calls mount)" -eq 1 ]
  grep -qF "mount -t cifs //teststorage1.file.core.windows.net/dsvmshare $DSVM_ROOT$MP -o vers=3.1.1\,credentials=$DSVM_ROOT/etc/smbcredentials/teststorage1.cred\,uid=1000\,gid=1000\,dir_mode=0777\,file_mode=0777\,serverino\,nosharesock\,actimeo=30\,mfsymlinks" "$FAKE_LOG"
  grep -qx 'probe teststorage1.file.core.windows.net 445' "$FAKE_LOG"
  grep -qF "smbclient -A $DSVM_ROOT/etc/smbcredentials/teststorage1.cred" "$FAKE_LOG"
  [ "$(grep -n . "$FAKE_LOG" | grep -E '^[0-9]+:(probe|smbclient|mount)' | cut -d' ' -f1 | cut -d: -f2 | tr '\n' ' ')" = "probe smbclient mount " ]
  [[ $output == *"[dsvm-mount] mounted //teststorage1.file.core.windows.net/dsvmshare on $MP"* ]]
}

@test "installs cifs-utils when mount.cifs is missing, and not when it is there" {
  run_script
  [ "$status" -eq 0 ]
  grep -qx 'install cifs-utils' "$FAKE_LOG"
  : >"$FAKE_LOG"
  rm "$DSVM_ROOT/proc/self/mounts"
  run_script
  [ "$status" -eq 0 ]
  [ "$(calls install)" -eq 0 ]
}

@test "every log line carries the [dsvm-mount] prefix" {
  run_script
  [ "$status" -eq 0 ]
  while IFS= read -r line; do
    [[ $line == '[dsvm-mount] '* ]] || { echo "unprefixed: $line"; false; }
  done <<<"$output"
}

# --- Workspaces -------------------------------------------------------------------------------------------

@test "workspaces for the admin and every regular user, none for system users" {
  run_script
  [ "$status" -eq 0 ]
  for u in azureuser:1000 alice:1001; do
    name=${u%:*} uid=${u#*:}
    home="$DSVM_ROOT/home/$name"
    [ -d "$DSVM_ROOT$MP/notebooks/$name" ]
    [ "$(readlink "$home/dsvmshare")" = "$DSVM_ROOT$MP" ]
    [ "$(readlink "$home/notebooks/remote")" = "$DSVM_ROOT$MP/notebooks/$name" ]
    [ "$(stat -c %u "$home/notebooks")" = "$uid" ]
    [ "$(stat -c %u "$home/notebooks/remote")" = "$uid" ]
    [ "$(stat -c %u "$home/dsvmshare")" = "$uid" ]
  done
  [ ! -e "$DSVM_ROOT$MP/notebooks/svc" ]    # nologin shell
  [ ! -e "$DSVM_ROOT$MP/notebooks/nobody" ] # uid 65534
  [ ! -e "$DSVM_ROOT$MP/notebooks/root" ]
  [ -z "$(ls -A "$DSVM_ROOT/home/svc")" ]
}

@test "no nested symlink after two runs (the original ln -s bug)" {
  run_script
  [ "$status" -eq 0 ]
  run_script
  [ "$status" -eq 0 ]
  # the only links in the sandbox are the 2 per user and the one in /etc/skel
  run find "$DSVM_ROOT" -type l
  [ "${#lines[@]}" -eq 5 ]
  [ -z "$(find "$DSVM_ROOT$MP" -type l)" ]
  [ ! -e "$DSVM_ROOT$MP/dsvmshare" ]
  [ ! -e "$DSVM_ROOT$MP/notebooks/alice/alice" ]
}

@test "a real folder where a link should go is left alone with a warning" {
  mkdir "$DSVM_ROOT/home/alice/dsvmshare"
  touch "$DSVM_ROOT/home/alice/dsvmshare/mine.ipynb"
  run_script
  [ "$status" -eq 0 ]
  [ -f "$DSVM_ROOT/home/alice/dsvmshare/mine.ipynb" ]
  [ ! -L "$DSVM_ROOT/home/alice/dsvmshare" ]
  [[ $output == *"WARNING: $DSVM_ROOT/home/alice/dsvmshare exists and is not a link; left alone"* ]]
  [ -L "$DSVM_ROOT/home/alice/notebooks/remote" ]
}

@test "a stale link is corrected" {
  mkdir -p "$DSVM_ROOT/home/alice/notebooks"
  ln -s /old/share/notebooks/alice "$DSVM_ROOT/home/alice/notebooks/remote"
  run_script
  [ "$status" -eq 0 ]
  [ "$(readlink "$DSVM_ROOT/home/alice/notebooks/remote")" = "$DSVM_ROOT$MP/notebooks/alice" ]
}

@test "a user created later gets the link from /etc/skel and the rest from the login hook" {
  run_script
  [ "$status" -eq 0 ]
  [ "$(readlink "$DSVM_ROOT/etc/skel/dsvmshare")" = "$DSVM_ROOT$MP" ]
  [ -d "$DSVM_ROOT/etc/skel/notebooks" ]
  hook="$DSVM_ROOT/etc/profile.d/dsvm-workspace.sh"
  [ "$(stat -c %a "$hook")" = 644 ]
  # useradd -m copies /etc/skel; the new user (uid 65534 here, "nobody") then logs in
  home="$DSVM_ROOT/home/bob"
  cp -a "$DSVM_ROOT/etc/skel" "$home"
  chown -hR 65534:65534 "$home"
  [ "$(readlink "$home/dsvmshare")" = "$DSVM_ROOT$MP" ]
  run setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$home" sh -c ". '$hook'; echo sourced; set | grep -c '^dsvm_ws_' || true"
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = sourced ]
  [ "${lines[1]}" = 0 ] # the hook leaves no variable behind
  [ -d "$DSVM_ROOT$MP/notebooks/nobody" ]
  [ "$(stat -c %u "$DSVM_ROOT$MP/notebooks/nobody")" = 65534 ]
  [ "$(readlink "$home/notebooks/remote")" = "$DSVM_ROOT$MP/notebooks/nobody" ]
  # a second login changes nothing
  before=$(snapshot)
  run setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$home" sh -c ". '$hook'"
  [ "$status" -eq 0 ]
  [ "$(snapshot)" = "$before" ]
}

@test "the login hook does nothing for root and when the share is not mounted" {
  run_script
  [ "$status" -eq 0 ]
  hook="$DSVM_ROOT/etc/profile.d/dsvm-workspace.sh"
  mkdir "$DSVM_ROOT/root"
  HOME="$DSVM_ROOT/root" sh -c ". '$hook'"
  [ -z "$(ls -A "$DSVM_ROOT/root")" ]
  # share gone (no notebooks folder): nothing is written to the bare mount point folder
  mv "$DSVM_ROOT$MP/notebooks" "$BATS_TEST_TMPDIR/away"
  home="$DSVM_ROOT/home/carol"
  mkdir "$home"
  chown 65534:65534 "$home"
  run setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$home" sh -c ". '$hook'"
  [ "$status" -eq 0 ]
  [ ! -e "$DSVM_ROOT$MP/notebooks" ]
  [ -z "$(ls -A "$home")" ]
}

@test "the generated login hook is POSIX sh and shellcheck clean" {
  run_script
  [ "$status" -eq 0 ]
  shellcheck -s sh "$DSVM_ROOT/etc/profile.d/dsvm-workspace.sh"
}

# --- Idempotence and updates ------------------------------------------------------------------------------

@test "a second run changes nothing and leaves the mounted share untouched" {
  run_script
  [ "$status" -eq 0 ]
  before=$(snapshot)
  : >"$FAKE_LOG"
  run_script
  [ "$status" -eq 0 ]
  [ "$(snapshot)" = "$before" ]
  [ "$(calls mount)" -eq 0 ]
  [ "$(calls umount)" -eq 0 ]
  [ "$(calls install)" -eq 0 ]
  [[ $output == *"already mounted on $MP; left untouched"* ]]
  [[ $output == *"credentials file /etc/smbcredentials/teststorage1.cred unchanged"* ]]
  [[ $output == *"fstab entry for $MP unchanged"* ]]
  [ "$(fstab_lines_for "$MP" | wc -l)" -eq 1 ]
}

@test "a changed key rewrites the credentials file (mode 600) and nothing else" {
  run_script
  [ "$status" -eq 0 ]
  fstab_before=$(md5sum <"$DSVM_ROOT/etc/fstab")
  new_key='bmV3S2V5K3Nsb3QvbmV3PT0K'
  : >"$FAKE_LOG"
  DSVM_STORAGE_KEY=$new_key FAKE_SMB_KEY_HASH=$(key_hash "$new_key") run_script
  [ "$status" -eq 0 ]
  cred="$DSVM_ROOT/etc/smbcredentials/teststorage1.cred"
  [ "$(cat "$cred")" = "$(printf 'username=teststorage1\npassword=%s' "$new_key")" ]
  [ "$(stat -c %a "$cred")" = 600 ]
  [ "$(find "$DSVM_ROOT/etc/smbcredentials" -mindepth 1 | wc -l)" -eq 1 ]
  [ "$(md5sum <"$DSVM_ROOT/etc/fstab")" = "$fstab_before" ]
  [ "$(calls mount)" -eq 0 ] # the mounted share stays; the new key is used at the next mount
  [[ $output == *"credentials file /etc/smbcredentials/teststorage1.cred changed"* ]]
  [[ $output != *"$new_key"* ]]
}

@test "a changed share replaces the fstab line and the mount, without a duplicate" {
  run_script
  [ "$status" -eq 0 ]
  : >"$FAKE_LOG"
  DSVM_SHARE_NAME=othershare run_script
  [ "$status" -eq 0 ]
  [ "$(fstab_lines_for "$MP")" = "$(expected_smb_fstab_line teststorage1 othershare)" ]
  [ "$(grep -c . "$DSVM_ROOT/etc/fstab")" -eq 5 ]
  grep -qF "umount $DSVM_ROOT$MP" "$FAKE_LOG"
  grep -qF "mount -t cifs //teststorage1.file.core.windows.net/othershare " "$FAKE_LOG"
  [ "$(grep -c "$DSVM_ROOT$MP " "$DSVM_ROOT/proc/self/mounts")" -eq 1 ]
  [[ $output == *"replacing fstab line: //teststorage1.file.core.windows.net/dsvmshare"* ]]
}

@test "duplicate fstab lines for the mount point collapse into one" {
  printf '//old.file.core.windows.net/a %s cifs defaults 0 0\n# a comment\n//old.file.core.windows.net/b %s cifs defaults 0 0\n' \
    "$MP" "$MP" >>"$DSVM_ROOT/etc/fstab"
  run_script
  [ "$status" -eq 0 ]
  [ "$(fstab_lines_for "$MP")" = "$(expected_smb_fstab_line)" ]
  grep -qx '# a comment' "$DSVM_ROOT/etc/fstab"
}

@test "a mount point with a space is escaped as \\040 in fstab" {
  DSVM_MOUNT_POINT='/datamnt/team share' run_script
  [ "$status" -eq 0 ]
  grep -q ' /datamnt/team\\040share cifs ' "$DSVM_ROOT/etc/fstab"
  [ "$(readlink "$DSVM_ROOT/home/alice/team share")" = "$DSVM_ROOT/datamnt/team share" ]
  : >"$FAKE_LOG"
  DSVM_MOUNT_POINT='/datamnt/team share' run_script
  [ "$status" -eq 0 ]
  [ "$(calls mount)" -eq 0 ]
}

@test "systemd: daemon-reload after an fstab change; an armed automount is stopped before mounting" {
  mkdir -p "$DSVM_ROOT/run/systemd/system"
  run_script
  [ "$status" -eq 0 ]
  grep -qx 'systemctl daemon-reload' "$FAKE_LOG"
  # after a reboot: the automount unit is armed and nothing is mounted yet, and the share changed
  printf 'systemd-1 %s autofs rw,relatime,fd=45 0 0\n' "$DSVM_ROOT$MP" >"$DSVM_ROOT/proc/self/mounts"
  : >"$FAKE_LOG"
  DSVM_MOUNT_POINT=/data-mnt/dsvm.share DSVM_SHARE_NAME=othershare run_script
  [ "$status" -eq 0 ]
  : >"$FAKE_LOG"
  printf 'systemd-1 %s autofs rw,relatime,fd=45 0 0\n' "$DSVM_ROOT/data-mnt/dsvm.share" >"$DSVM_ROOT/proc/self/mounts"
  DSVM_MOUNT_POINT=/data-mnt/dsvm.share run_script
  [ "$status" -eq 0 ]
  grep -qxF 'systemctl stop data\\x2dmnt-dsvm.share.automount' "$FAKE_LOG"
  grep -qx 'systemctl daemon-reload' "$FAKE_LOG"
  [ "$(calls mount)" -eq 1 ]
}

# --- Failures ---------------------------------------------------------------------------------------------

@test "wrong key (logon check): exit 13 with an authentication message" {
  FAKE_SMB_KEY_HASH=$(key_hash the-real-key) run_script
  [ "$status" -eq 13 ]
  [[ $output == *"[dsvm-mount] ERROR: authentication refused by teststorage1.file.core.windows.net for share dsvmshare"*"(exit 13)"* ]]
  [ "$(calls smbclient)" -eq 2 ] # retried
  [ "$(calls mount)" -eq 0 ]
}

@test "wrong key (mount.cifs error 13, no smbclient): exit 13" {
  DSVM_SMBCLIENT_CMD='' FAKE_MOUNT_FAIL=13 run_script
  [ "$status" -eq 13 ]
  [[ $output == *"smbclient not installed; skipping the logon check"* ]]
  [[ $output == *"ERROR: authentication refused"* ]]
}

@test "missing share: exit 14 (logon check and mount.cifs error 2)" {
  FAKE_SMBCLIENT=NT_STATUS_BAD_NETWORK_NAME run_script
  [ "$status" -eq 14 ]
  [[ $output == *"ERROR: share dsvmshare does not exist in storage account teststorage1 (exit 14)"* ]]
  DSVM_SMBCLIENT_CMD='' FAKE_MOUNT_FAIL=2 run_script
  [ "$status" -eq 14 ]
  [[ $output == *"ERROR: share dsvmshare does not exist"* ]]
}

@test "logon check stumbling on something else than the key or the share: warned, the mount decides" {
  FAKE_SMBCLIENT=NT_STATUS_INVALID_NETWORK_RESPONSE run_script
  [ "$status" -eq 0 ]
  [[ $output == *"WARNING: logon check inconclusive"*"mounting anyway"* ]]
  [ "$(calls mount)" -eq 1 ]
  [ "$(fstab_lines_for "$MP")" = "$(expected_smb_fstab_line)" ]
}

@test "first-boot package updates: the script waits until dpkg is free, then installs and mounts" {
  # Busy for the first three polls.
  # shellcheck disable=SC2016 # expanded by the fake, not here
  printf '#!/usr/bin/env bash\nn=$(cat "%s" 2>/dev/null || echo 0); echo $((n + 1)) >"%s"; ((n < 3))\n' \
    "$BATS_TEST_TMPDIR/polls" "$BATS_TEST_TMPDIR/polls" >"$BATS_TEST_TMPDIR/busy"
  chmod +x "$BATS_TEST_TMPDIR/busy"
  DSVM_PACKAGES_BUSY_CMD="$BATS_TEST_TMPDIR/busy" DSVM_PACKAGES_POLL_SECONDS=0 run_script
  [ "$status" -eq 0 ]
  [[ $output == *"waiting for package updates (apt/dpkg busy) to finish"* ]]
  [ "$(cat "$BATS_TEST_TMPDIR/polls")" -eq 4 ]
  [ "$(calls mount)" -eq 1 ]
}

@test "package updates that never end: a warning after the limit, and the mount goes on" {
  DSVM_PACKAGES_BUSY_CMD=true DSVM_PACKAGES_POLL_SECONDS=1 DSVM_PACKAGES_WAIT_SECONDS=2 run_script
  [ "$status" -eq 0 ]
  [[ $output == *"WARNING: package updates still running after 2s; going on"* ]]
  [ "$(calls mount)" -eq 1 ]
}

@test "port 445 blocked: exit 12, retried, nothing mounted" {
  FAKE_PROBE=refused run_script
  [ "$status" -eq 12 ]
  [[ $output == *"ERROR: cannot reach teststorage1.file.core.windows.net port 445 (blocked or refused): outbound TCP 445 must be allowed (exit 12)"* ]]
  [ "$(calls probe)" -eq 2 ]
  [ "$(calls mount)" -eq 0 ]
  [ ! -e "$DSVM_ROOT$MP/notebooks" ]
}

@test "name does not resolve: exit 12 with a DNS message" {
  FAKE_PROBE=nxdomain run_script
  [ "$status" -eq 12 ]
  [[ $output == *"ERROR: cannot resolve teststorage1.file.core.windows.net"* ]]
}

@test "host down during mount (mount.cifs error 112): exit 12" {
  FAKE_MOUNT_FAIL=112 run_script
  [ "$status" -eq 12 ]
  [[ $output == *"ERROR: cannot reach teststorage1.file.core.windows.net"* ]]
}

@test "other mount failure: exit 15 with mount's message" {
  FAKE_MOUNT_FAIL=22 run_script
  [ "$status" -eq 15 ]
  [[ $output == *"ERROR: mounting //teststorage1.file.core.windows.net/dsvmshare on $MP failed: mount error(22): Invalid argument"* ]]
}

@test "a transient mount failure is retried with backoff" {
  FAKE_MOUNT_FAIL=112 FAKE_MOUNT_FAIL_TIMES=1 run_script
  [ "$status" -eq 0 ]
  [[ $output == *"mounting //teststorage1.file.core.windows.net/dsvmshare failed (attempt 1 of 2, exit 32): mount error(112): Host is down"*"retrying in 0s"* ]]
  [ "$(calls mount)" -eq 2 ]
}

@test "package installation failure: exit 11" {
  FAKE_INSTALL=fail run_script
  [ "$status" -eq 11 ]
  [[ $output == *"ERROR: could not install cifs-utils: E: Unable to locate package cifs-utils (exit 11)"* ]]
  [ "$(calls install)" -eq 2 ]
}

@test "missing or invalid parameters: exit 10" {
  DSVM_SHARE_NAME='' run_script
  [ "$status" -eq 10 ]
  [[ $output == *"ERROR: parameter DSVM_SHARE_NAME is missing (exit 10)"* ]]
  DSVM_PROTOCOL=cifs run_script
  [ "$status" -eq 10 ]
  [[ $output == *"DSVM_PROTOCOL must be smb or nfs"* ]]
  DSVM_STORAGE_KEY='' run_script
  [ "$status" -eq 10 ]
  [[ $output == *"DSVM_STORAGE_KEY is required for smb"* ]]
  DSVM_MOUNT_POINT=relative/path run_script
  [ "$status" -eq 10 ]
  DSVM_MOUNT_POINT=/data/../etc run_script
  [ "$status" -eq 10 ]
  DSVM_STORAGE_ACCOUNT=Bad_Name run_script
  [ "$status" -eq 10 ]
  DSVM_ADMIN_USER=ghost run_script
  [ "$status" -eq 10 ]
  [[ $output == *"admin user ghost does not exist on this VM"* ]]
  [ "$(calls mount)" -eq 0 ]
}

@test "an unexpected failure exits 1 and names the line" {
  # a file where the credentials folder should be (as root, permissions would not stop the script)
  touch "$DSVM_ROOT/etc/smbcredentials"
  run_script
  [ "$status" -eq 1 ]
  [[ $output =~ \[dsvm-mount\]\ ERROR:\ unexpected\ failure\ at\ line\ [0-9]+ ]]
}

# --- Other clouds and NFS ---------------------------------------------------------------------------------

@test "non-public cloud: the endpoint suffix makes the host" {
  DSVM_ENDPOINT_SUFFIX=core.chinacloudapi.cn run_script
  [ "$status" -eq 0 ]
  [ "$(fstab_lines_for "$MP")" = "$(expected_smb_fstab_line teststorage1 dsvmshare core.chinacloudapi.cn)" ]
  grep -qx 'probe teststorage1.file.core.chinacloudapi.cn 445' "$FAKE_LOG"
  grep -qF 'mount -t cifs //teststorage1.file.core.chinacloudapi.cn/dsvmshare ' "$FAKE_LOG"
}

@test "nfs: NFS 4.1 line and mount, no key, no credentials file, no logon check" {
  DSVM_PROTOCOL=nfs DSVM_STORAGE_KEY='' run_script
  [ "$status" -eq 0 ]
  [ "$(fstab_lines_for "$MP")" = "teststorage1.file.core.windows.net:/teststorage1/dsvmshare $MP nfs vers=4,minorversion=1,sec=sys,nconnect=4,_netdev,nofail,x-systemd.automount 0 0" ]
  [ ! -e "$DSVM_ROOT/etc/smbcredentials" ]
  grep -qx 'install nfs-common' "$FAKE_LOG"
  grep -qx 'probe teststorage1.file.core.windows.net 2049' "$FAKE_LOG"
  grep -qF "mount -t nfs teststorage1.file.core.windows.net:/teststorage1/dsvmshare $DSVM_ROOT$MP -o vers=4\,minorversion=1\,sec=sys\,nconnect=4" "$FAKE_LOG"
  [ "$(calls smbclient)" -eq 0 ]
  [ "$(stat -c %a "$DSVM_ROOT$MP/notebooks")" = 1777 ]
  [ "$(stat -c %u "$DSVM_ROOT$MP/notebooks/alice")" = 1001 ]
  [ "$(readlink "$DSVM_ROOT/home/alice/notebooks/remote")" = "$DSVM_ROOT$MP/notebooks/alice" ]
  before=$(snapshot)
  DSVM_PROTOCOL=nfs DSVM_STORAGE_KEY='' run_script
  [ "$status" -eq 0 ]
  [ "$(snapshot)" = "$before" ]
}

@test "nfs: access denied by the server gives exit 13" {
  FAKE_MOUNT_FAIL=13 DSVM_PROTOCOL=nfs DSVM_STORAGE_KEY='' run_script
  [ "$status" -eq 13 ]
}

# --- The key stays secret ---------------------------------------------------------------------------------

@test "the key is in no output, argument, child environment or other file" {
  all=''
  run_script
  [ "$status" -eq 0 ]
  all+=$output
  run_script # second run too
  [ "$status" -eq 0 ]
  all+=$output
  rm "$DSVM_ROOT/proc/self/mounts"
  FAKE_SMB_KEY_HASH=$(key_hash other) run_script # a refused logon
  [ "$status" -eq 13 ]
  all+=$output
  FAKE_MOUNT_FAIL=22 DSVM_SMBCLIENT_CMD='' run_script # a failed mount
  [ "$status" -eq 15 ]
  all+=$output
  [[ $all == *"[dsvm-mount]"* ]]
  [[ $all != *"$TEST_KEY"* ]]
  [ -s "$FAKE_LOG" ]
  run ! grep -qF "$TEST_KEY" "$FAKE_LOG"     # argv of mount, smbclient, probe, installer
  [ -s "$FAKE_ENV_LOG" ]
  run ! grep -qF "$TEST_KEY" "$FAKE_ENV_LOG" # environment of every child (the key was exported to the script)
  run ! grep -qF DSVM_STORAGE_KEY "$FAKE_ENV_LOG"
  [ "$(grep -rlF "$TEST_KEY" "$DSVM_ROOT")" = "$DSVM_ROOT/etc/smbcredentials/teststorage1.cred" ]
}

@test "the key is in no output when every step logs (first run)" {
  run_script
  [ "$status" -eq 0 ]
  [[ $output != *"$TEST_KEY"* ]]
  [[ $output != *"password="* ]]
}
