"""Run inside a private mount namespace (unshare --mount): a real sshd on 127.0.0.1 with an empty tmpfs /run
of its own, so that the login it records goes to this namespace's /run/utmp, never the machine's. A real ssh
client logs in with a pty and stays; then the agent runs its cycles with the given clocks.

Usage: real_ssh_session.py <folder> <port> <agent.py> <config> <now>... ; prints one JSON line: the utmp
users seen by `who`, and each agent run's exit code, then the same after the client logged out."""
import json
import os
import subprocess
import sys
import time

folder, port, agent, config, *moments = sys.argv[1:]
subprocess.run(["mount", "-t", "tmpfs", "-o", "mode=0755", "dsvm-sessions-run", "/run"], check=True)
os.mkdir("/run/sshd", 0o755)
open("/run/utmp", "w").close()
for name in ("key", "hostkey"):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{folder}/{name}"], check=True)
os.replace(f"{folder}/key.pub", f"{folder}/authorized_keys")
with open(f"{folder}/sshd_config", "w") as target:
    target.write(f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder}/hostkey\n"
                 f"AuthorizedKeysFile {folder}/authorized_keys\nPermitRootLogin prohibit-password\nUsePAM no\n"
                 f"PidFile /run/sshd-test.pid\nStrictModes no\n")
subprocess.run(["/usr/sbin/sshd", "-f", f"{folder}/sshd_config", "-E", f"{folder}/sshd.log"], check=True)
client = None
try:
    client = subprocess.Popen(["ssh", "-tt", "-i", f"{folder}/key", "-o", "StrictHostKeyChecking=no",
                               "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-p", port,
                               "root@127.0.0.1", "sleep 120"],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        who = subprocess.run(["who", "/run/utmp"], capture_output=True, text=True).stdout
        if who.strip():
            break
        time.sleep(0.1)

    def cycles():
        return [subprocess.run([sys.executable, "-B", "-E", "-s", agent, "--config", config, "--once"],
                               env=dict(os.environ, DSVM_SESSION_AGENT_NOW=moment),
                               capture_output=True, text=True).returncode for moment in moments]

    logged_in = {"who": who.split(), "runs": cycles()}
    client.kill()
    client.wait()
    for _ in range(100):
        if not subprocess.run(["who", "/run/utmp"], capture_output=True, text=True).stdout.strip():
            break
        time.sleep(0.1)
    after = {"who": subprocess.run(["who", "/run/utmp"], capture_output=True, text=True).stdout.split()}
    print(json.dumps({"logged_in": logged_in, "after": after}))
finally:
    if client and client.poll() is None:
        client.kill()
    with open("/run/sshd-test.pid") as pid:
        os.kill(int(pid.read()), 15)
