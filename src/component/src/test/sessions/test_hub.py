"""The agent against a real JupyterHub (PyPI's jupyterhub with the dummy authenticator and local single-user
servers, npm's configurable-http-proxy): hub_setup.py's service, role and announcement in the hub's own
configuration, a server's activity and a busy kernel as signs of use, the announcement on the hub's page."""
import json
import os
import pathlib
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest
from conftest import AGENT_DIR, Sandbox, real_clock_zone

ADMIN_TOKEN = uuid.uuid4().hex
VENV = pathlib.Path(sys.executable).parent
PROXY = pathlib.Path(os.environ.get("DSVM_SESSIONS_PROXY")
                     or pathlib.Path.home() / ".cache/dsvm-pool/sessions/node/node_modules/.bin/configurable-http-proxy")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(url, method="GET", token=ADMIN_TOKEN, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"token {token}"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as answer:
        text = answer.read()
        return answer.status, (json.loads(text) if text and text[:1] in b"[{" else text.decode())


class Hub:
    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = folder / "jupyterhub_config.py"
        self.config.write_text("\n".join([
            "c = get_config()  # noqa",
            "c.JupyterHub.ip = '127.0.0.1'",
            f"c.JupyterHub.port = {self.port}",
            f"c.JupyterHub.hub_port = {free_port()}",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'",
            f"c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]",
            "c.JupyterHub.authenticator_class = 'dummy'",
            "c.Authenticator.allow_all = True",
            "c.JupyterHub.spawner_class = 'simple'",
            f"c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / 'homes' / '{username}')!r}",
            f"c.Spawner.cmd = [{str(VENV / 'jupyterhub-singleuser')!r}]",
            "c.Spawner.args = ['--allow-root']",
            f"c.JupyterHub.db_url = 'sqlite:///{folder / 'hub.sqlite'}'",
            f"c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}",
            "c.JupyterHub.load_roles = [{'name': 'test-admin', 'scopes': ['admin:users', 'admin:servers',"
            " 'access:servers', 'tokens'], 'services': ['test-admin']}]",
            f"c.JupyterHub.services = [{{'name': 'test-admin', 'api_token': {ADMIN_TOKEN!r}}}]",
            "",
        ]))
        self.process = None

    def start(self):
        env = dict(os.environ, PATH=f"{VENV}:{os.environ['PATH']}")
        self.log = open(self.folder / "hub.log", "w")
        self.process = subprocess.Popen([str(VENV / "jupyterhub"), "-f", str(self.config)], cwd=self.folder,
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.folder / "hub.log").read_text()[-3000:]
            try:
                if call(f"{self.url}/hub/health")[0] == 200:
                    return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        raise AssertionError("the hub did not start:\n" + (self.folder / "hub.log").read_text()[-3000:])

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.log.close()

    def start_server(self, user):
        call(f"{self.url}/hub/api/users/{user}", "POST", body={})
        call(f"{self.url}/hub/api/users/{user}/server", "POST", body={})
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            model = call(f"{self.url}/hub/api/users/{user}")[1]
            if (model.get("servers") or {}).get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"{user}'s server did not start:\n" + (self.folder / "hub.log").read_text()[-3000:])


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    assert PROXY.exists(), f"{PROXY} missing: run src/test/sessions/install.sh"
    folder = tmp_path_factory.mktemp("hub")
    started = Hub(folder)
    settings = {"hub_config": str(started.config), "hub_token_file": str(folder / "agent" / "hub-token"),
                "announcement_file": str(folder / "announcement.json"), "hub_url": started.url}
    (folder / "setup.json").write_text(json.dumps(settings))
    started.setup_settings = settings
    started.systemctl_log = folder / "systemctl.log"
    systemctl = folder / "systemctl"
    systemctl.write_text(f"#!/bin/sh\necho \"$@\" >> '{started.systemctl_log}'\n")
    systemctl.chmod(0o755)
    started.setup = subprocess.run([sys.executable, "-B", str(AGENT_DIR / "hub_setup.py"), str(folder / "setup.json")],
                                   env=dict(os.environ, DSVM_SYSTEMCTL_CMD=str(systemctl)),
                                   capture_output=True, text=True, timeout=60)
    started.start()
    started.start_server("alice")
    yield started
    started.stop()


@pytest.fixture
def agent_sandbox(tmp_path, azure, hub):
    box = Sandbox(tmp_path, azure)
    box.settings.update(hub.setup_settings)
    box.settings["announcement_file"] = hub.setup_settings["announcement_file"]
    box.settings["time_zone"] = real_clock_zone()  # these tests run on the real clock
    return box


def test_hub_setup_registers_the_agent_without_the_token_in_any_text(hub):
    assert hub.setup.returncode == 0, hub.setup.stderr
    token_file = pathlib.Path(hub.setup_settings["hub_token_file"])
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    token = token_file.read_text().strip()
    assert len(token) == 64
    config = hub.config.read_text()
    assert token not in config and token not in hub.setup.stderr
    assert config.count("# BEGIN dsvm-pool session agent") == 1
    assert hub.systemctl_log.read_text().split() == ["try-restart", "jupyterhub.service"]
    again = subprocess.run([sys.executable, "-B", str(AGENT_DIR / "hub_setup.py"), str(hub.folder / "setup.json")],
                           env=dict(os.environ, DSVM_SYSTEMCTL_CMD=str(hub.folder / "systemctl")),
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "up to date" in again.stderr
    assert hub.config.read_text() == config
    assert hub.systemctl_log.read_text().count("try-restart") == 1, "no restart when nothing changed"
    # the hub accepts the token with exactly the agent's scopes
    status, model = call(f"{hub.url}/hub/api/user", token=token)
    assert model["kind"] == "service" and model["name"] == "dsvm-session-agent"
    assert {"list:users", "read:users:activity", "read:servers", "access:servers"} <= set(model["scopes"])
    assert not {"admin:users", "admin:servers", "delete:servers", "servers"} & set(model["scopes"])
    with pytest.raises(urllib.error.HTTPError) as refused:
        call(f"{hub.url}/hub/api/users/alice/server", "DELETE", token=token)
    assert refused.value.code == 403, "the agent cannot stop servers"


def test_a_fresh_server_protects_and_an_idle_one_clears_within_the_idle_time(hub, agent_sandbox, azure):
    now = time.time()
    agent_sandbox.run(now)
    assert azure.protected is True
    assert agent_sandbox.record()["users"] == ["alice"]
    later = now + 31 * 60
    result = agent_sandbox.run(later)
    assert azure.protected is False, result.stderr
    assert agent_sandbox.record()["users"] == ["alice"], "the server still runs: still a session to find"


def test_a_busy_kernel_keeps_the_vm_in_use(hub, agent_sandbox, azure):
    from tornado import ioloop, websocket, httpclient
    base = f"{hub.url}/user/alice/api/kernels"
    status, kernel = call(base, "POST", body={"name": "python3"})
    kernel_id = kernel["id"]

    async def execute():
        request = httpclient.HTTPRequest(f"ws://127.0.0.1:{hub.port}/user/alice/api/kernels/{kernel_id}/channels",
                                         headers={"Authorization": f"token {ADMIN_TOKEN}"})
        connection = await websocket.websocket_connect(request)
        message_id = uuid.uuid4().hex
        await connection.write_message(json.dumps({
            "header": {"msg_id": message_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": "import time\ntime.sleep(120)", "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        return connection

    loop = ioloop.IOLoop.current()
    connection = loop.run_sync(execute, timeout=60)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            kernels = call(base)[1]
            if any(k["execution_state"] == "busy" for k in kernels):
                break
            time.sleep(0.5)
        assert any(k["execution_state"] == "busy" for k in call(base)[1])
        # hours after the server's last activity: only the busy kernel says the VM is in use
        much_later = time.time() + 4 * 3600
        agent_sandbox.run(much_later)
        assert azure.protected is True
    finally:
        connection.close()
        call(f"{base}/{kernel_id}", "DELETE")
    agent_sandbox.run(time.time() + 5 * 3600)
    assert azure.protected is False, "kernel gone, activity old: cleared"


def test_the_hub_shows_the_announcement_to_its_user(hub, agent_sandbox, azure):
    share = pathlib.Path(agent_sandbox.settings["share_path"]) / ".dsvm-pool-sessions"
    share.mkdir()
    now = time.time()
    (share / "dsvmpool000007.json").write_text(json.dumps({
        "version": 1, "host": "dsvmpool000007", "updated": now - 30, "users": ["alice"],
        "ssh": {"address": "20.1.2.3", "port": 50007}, "jupyterhub": {"address": "20.1.2.3", "port": 51007}}))
    agent_sandbox.run(now)
    page = signed_in(hub, "alice").open(f"{hub.url}/hub/home", timeout=30).read().decode()
    assert 'class="container text-center announcement' in page
    assert "Your running session is on VM dsvmpool000007" in page
    assert "https://20.1.2.3:51007/" in page and "ssh -p 50007 alice@20.1.2.3" in page
    # another user sees no notice of alice's, and the sign-in page none either
    page = signed_in(hub, "bob").open(f"{hub.url}/hub/home", timeout=30).read().decode()
    assert "Logout" in page and "dsvmpool000007" not in page
    assert "dsvmpool000007" not in call(f"{hub.url}/hub/login", token="")[1]


def signed_in(hub, user):
    """A browser-like opener signed in through the hub's login form (the dummy authenticator takes any
    password); the hub's pages do not take API tokens."""
    import http.cookiejar
    import re
    import urllib.parse
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{hub.url}/hub/login", timeout=30).read().decode()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"username": user, "password": "any", "_xsrf": xsrf}).encode()
    opener.open(f"{hub.url}/hub/login", data=data, timeout=30).read()
    return opener

