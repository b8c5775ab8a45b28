"""What the agent asks of Azure: IMDS (instance metadata, load balancer metadata, a managed-identity token)
and Resource Manager (read and set protectFromScaleIn on this scale-set instance), with retries.

Never logs a token: Authorization headers stay inside request()."""
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# Learn "Azure Instance Metadata Service" (virtual-machines/instance-metadata-service): GET
# /metadata/instance with header "Metadata: true", no proxy; compute.resourceId, vmScaleSetName, location.
IMDS_INSTANCE_API = "2021-02-01"
# Learn "Retrieve load balancer metadata using IMDS" (load-balancer/howto-load-balancer-imds):
# /metadata/loadbalancer lists inboundRules (load-balancing and inbound NAT rules) with frontendIpAddress,
# frontendPort, backendPort for this VM. Needs no role: the per-VM ports come from here.
IMDS_LOADBALANCER_API = "2020-10-01"
# Learn "How to use managed identities for Azure resources on an Azure VM to acquire an access token":
# GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=...&client_id=... (Metadata: true).
IMDS_TOKEN_API = "2018-02-01"
ARM_RESOURCE = "https://management.azure.com/"
# REST spec specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2025-04-01/
# virtualMachineScaleSet.json, VirtualMachineScaleSetVMs_Get (GET) and VirtualMachineScaleSetVMs_Update (PUT,
# long-running: 200 or 202; body VirtualMachineScaleSetVM, "location" required); Learn REST reference
# "Virtual Machine Scale Set VMs - Update". The body Learn "Instance Protection for Azure Virtual Machine
# Scale Set instances" documents: {"properties": {"protectionPolicy": {"protectFromScaleIn": true}}}.
COMPUTE_API = "2025-04-01"

_last_denied_log = [0.0]


def log(message):
    print(f"dsvm-session-agent: {message}", file=sys.stderr, flush=True)


class AzureError(Exception):
    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


def request(method, url, headers=None, body=None, timeout=30):
    """One HTTP call without retries; returns (status, headers, parsed JSON or None). Proxies are bypassed
    (IMDS must not be reached through one)."""
    data = None if body is None else json.dumps(body).encode()
    all_headers = dict(headers or {})
    if data is not None:
        all_headers["Content-Type"] = "application/json"
    call = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(call, timeout=timeout) as answer:
            status, answer_headers, text = answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, text = error.code, error.headers, error.read()
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    return status, answer_headers, parsed


def with_retries(method, url, headers, body, settings, what, sleep=time.sleep, clock=time.monotonic):
    """Calls until a 2xx or a final error. 403 (a role assignment still propagating: up to minutes) and 5xx
    back off (base, doubled, at most 30 s), logging a refusal at most once a minute; 429 waits Retry-After.
    Gives up after retry_budget_seconds; the next cycle tries again."""
    deadline = clock() + settings["retry_budget_seconds"]
    delay = settings["retry_base_seconds"]
    while True:
        try:
            status, answer_headers, parsed = request(method, url, headers, body)
        except OSError as error:
            status, answer_headers, parsed = None, {}, None
            reason = f"unreachable ({error.__class__.__name__})"
        else:
            reason = f"HTTP {status}"
        if status is not None and 200 <= status < 300:
            return status, parsed
        if status == 429:
            wait = _retry_after(answer_headers, delay)
        elif status == 403 or status is None or status >= 500:
            wait = delay
            delay = min(delay * 2, 30)
        else:
            raise AzureError(f"{what}: {reason}: {_error_text(parsed)}", status)
        if status == 403:
            if clock() - _last_denied_log[0] >= 60 or _last_denied_log[0] == 0:
                _last_denied_log[0] = clock()
                log(f"{what}: refused (403: {_error_text(parsed)}); the role assignment may still be "
                    "propagating, retrying")
        else:
            log(f"{what}: {reason}, retrying in {wait:g} s")
        if clock() + wait > deadline:
            raise AzureError(f"{what}: {reason}; giving up for this cycle", status)
        sleep(wait)


def _retry_after(headers, fallback):
    value = (headers or {}).get("Retry-After")
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return fallback


def _error_text(parsed):
    if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
        return str(parsed["error"].get("code", ""))
    return ""


class Azure:
    """This VM's view of Azure; keeps the instance metadata and the token between cycles."""

    def __init__(self, settings):
        self.settings = settings
        self.compute = None
        self.token = None
        self.token_expires = 0.0

    def imds(self, path, what):
        status, parsed = with_retries("GET", self.settings["imds_url"] + path, {"Metadata": "true"}, None,
                                      self.settings, what)
        return parsed

    def instance(self):
        if self.compute is None:
            document = self.imds(f"/metadata/instance?api-version={IMDS_INSTANCE_API}", "IMDS instance metadata")
            self.compute = (document or {}).get("compute") or {}
        return self.compute

    def instance_url(self):
        """The scale-set instance's ARM URL, or None when this VM is not in a scale set."""
        compute = self.instance()
        resource_id = compute.get("resourceId", "")
        parts = resource_id.split("/")
        # /subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.Compute/virtualMachineScaleSets/<n>/virtualMachines/<id>
        if len(parts) != 11 or parts[7].lower() != "virtualmachinescalesets" or parts[9].lower() != "virtualmachines":
            return None
        return f"{self.settings['arm_url']}{resource_id}?api-version={COMPUTE_API}"

    def arm_token(self, now):
        if self.token is None or now > self.token_expires - 300:
            query = {"api-version": IMDS_TOKEN_API, "resource": ARM_RESOURCE}
            if self.settings["identity_client_id"]:
                query["client_id"] = self.settings["identity_client_id"]
            document = self.imds("/metadata/identity/oauth2/token?" + urllib.parse.urlencode(query),
                                 "IMDS identity token") or {}
            if not document.get("access_token"):
                raise AzureError("IMDS identity token: no access_token in the answer")
            self.token = document["access_token"]
            try:
                self.token_expires = float(document.get("expires_on", 0))
            except ValueError:
                self.token_expires = 0.0
        return self.token

    def arm(self, method, body, now, what):
        try:
            return with_retries(method, self.instance_url(), {"Authorization": f"Bearer {self.arm_token(now)}"},
                                body, self.settings, what)
        except AzureError as error:
            if error.status == 401:
                self.token = None  # expired or revoked: the next call asks IMDS for a new one
            raise

    def read_protection(self, now):
        status, document = self.arm("GET", None, now, "read this instance")
        policy = ((document or {}).get("properties") or {}).get("protectionPolicy") or {}
        return bool(policy.get("protectFromScaleIn", False))

    def set_protection(self, protect, now):
        body = {"location": self.instance().get("location", ""),
                "properties": {"protectionPolicy": {"protectFromScaleIn": bool(protect)}}}
        self.arm("PUT", body, now, "set protectFromScaleIn")

    def per_vm_ports(self):
        """{"ssh": (address, port), "jupyterhub": (address, port)} as the load balancer maps this VM's
        per-VM backend ports; empty when the metadata has none (no Standard load balancer)."""
        try:
            document = self.imds(f"/metadata/loadbalancer?api-version={IMDS_LOADBALANCER_API}",
                                 "IMDS load balancer metadata") or {}
        except AzureError as error:
            log(f"no load balancer metadata ({error})")
            return {}
        wanted = {self.settings["ssh_per_vm_backend_port"]: "ssh",
                  self.settings["jupyterhub_per_vm_backend_port"]: "jupyterhub"}
        found = {}
        for rule in (document.get("loadbalancer") or {}).get("inboundRules") or []:
            name = wanted.get(rule.get("backendPort"))
            if name and str(rule.get("protocol", "tcp")).lower() == "tcp" and name not in found:
                found[name] = (rule.get("frontendIpAddress", ""), int(rule.get("frontendPort")))
        return found
