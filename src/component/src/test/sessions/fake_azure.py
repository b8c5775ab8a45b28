"""A fake Azure Instance Metadata Service and Resource Manager on 127.0.0.1, in the test's own process.

Serves what the agent asks: instance metadata, a managed-identity token, load balancer metadata, and GET/PUT
of one scale-set instance whose protectFromScaleIn it keeps. Records every request (method, path, query,
headers, JSON body). Answers can be scripted: `fail[("PUT", "arm")]` holds (status, headers, body) answers
given before the normal one. IMDS refuses requests without "Metadata: true" (400), as the real one does;
Resource Manager refuses a missing or wrong bearer token (401)."""
import http.server
import json
import threading
import time
import urllib.parse

SUBSCRIPTION = "00000000-1111-2222-3333-444444444444"
INSTANCE_ID = "/subscriptions/%s/resourceGroups/pool-rg/providers/Microsoft.Compute/virtualMachineScaleSets/dsvmpool/virtualMachines/3" % SUBSCRIPTION
TOKEN = "fake-arm-token-7f3a9c"


class FakeAzure:
    def __init__(self):
        self.requests = []
        self.fail = {}
        self.protected = False
        self.location = "westeurope"
        self.resource_id = INSTANCE_ID
        self.inbound_rules = [
            {"frontendIpAddress": "20.1.2.3", "protocol": "tcp", "frontendPort": 22, "backendPort": 22,
             "privateIpAddress": "10.0.0.7"},
            {"frontendIpAddress": "20.1.2.3", "protocol": "tcp", "frontendPort": 50003, "backendPort": 2222,
             "privateIpAddress": "10.0.0.7"},
            {"frontendIpAddress": "20.1.2.3", "protocol": "tcp", "frontendPort": 51003, "backendPort": 8443,
             "privateIpAddress": "10.0.0.7"},
        ]
        self.lock = threading.Lock()
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                fake.handle(self)

            def do_PUT(self):
                fake.handle(self)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def calls(self, method=None, kind=None):
        return [r for r in self.requests if (method is None or r["method"] == method)
                and (kind is None or r["kind"] == kind)]

    def handle(self, handler):
        split = urllib.parse.urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        kind = "imds" if split.path.startswith("/metadata/") else "arm"
        record = {"method": handler.command, "path": split.path, "kind": kind, "time": time.monotonic(),
                  "query": dict(urllib.parse.parse_qsl(split.query)),
                  "headers": {k.lower(): v for k, v in handler.headers.items()},
                  "body": json.loads(raw) if raw else None}
        with self.lock:
            self.requests.append(record)
            scripted = self.fail.get((handler.command, kind)) or self.fail.get((handler.command, split.path))
            answer = scripted.pop(0) if scripted else None
        if answer is not None:
            return self.reply(handler, *answer)
        if kind == "imds":
            if handler.headers.get("Metadata") != "true":
                return self.reply(handler, 400, {}, {"error": "Bad request. Required metadata header not specified"})
            if split.path == "/metadata/instance":
                return self.reply(handler, 200, {}, {"compute": {
                    "name": "dsvmpool_3", "location": self.location, "resourceId": self.resource_id,
                    "vmScaleSetName": "dsvmpool", "subscriptionId": SUBSCRIPTION, "resourceGroupName": "pool-rg"}})
            if split.path == "/metadata/identity/oauth2/token":
                return self.reply(handler, 200, {}, {"access_token": TOKEN, "expires_on": str(int(time.time()) + 3600),
                                                     "resource": record["query"].get("resource"), "token_type": "Bearer"})
            if split.path == "/metadata/loadbalancer":
                return self.reply(handler, 200, {}, {"loadbalancer": {"inboundRules": self.inbound_rules}})
            return self.reply(handler, 404, {}, {})
        if handler.headers.get("Authorization") != "Bearer " + TOKEN:
            return self.reply(handler, 401, {}, {"error": {"code": "AuthenticationFailed"}})
        if split.path != self.resource_id:
            return self.reply(handler, 404, {}, {"error": {"code": "ResourceNotFound"}})
        if handler.command == "PUT":
            self.protected = record["body"]["properties"]["protectionPolicy"]["protectFromScaleIn"]
        return self.reply(handler, 200, {}, {"id": self.resource_id, "location": self.location,
                                             "properties": {"protectionPolicy": {"protectFromScaleIn": self.protected}}})

    @staticmethod
    def reply(handler, status, headers, body):
        data = json.dumps(body).encode()
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
