#!/usr/bin/env python3
"""A fake IMDS token endpoint and a fake Key Vault on 127.0.0.1, for the mount script's Key Vault tests.

Usage: fake_keyvault.py <directory>
Binds 127.0.0.1 on a free port and writes it to <directory>/port. Serves
  GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=...&client_id=...
      -> {"access_token": <directory>/token, ...} when the header "Metadata: true" is present (else 400),
         resource is <directory>/resource and client_id is <directory>/client_id (else 400 with an error)
  GET /secrets/<name>?api-version=7.4
      -> {"value": <directory>/secrets/<name>} with "Authorization: Bearer <token>" (else 401);
         404 when the file is missing; 403 while <directory>/forbidden holds a number > 0 (decremented)
Every request is appended to <directory>/requests as "<method> <path> | <header>=<value>; ..." with the
Authorization value replaced by "Bearer <token ok>" or "Bearer <wrong>", so tests can check headers
without the log holding the token.
"""
import http.server
import json
import os
import sys
import urllib.parse

DIRECTORY = sys.argv[1]


def read(name, default=None):
    try:
        with open(os.path.join(DIRECTORY, name)) as f:
            return f.read().strip()
    except FileNotFoundError:
        return default


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self):
        token = read("token")
        headers = []
        for name in ("Metadata", "Authorization"):
            value = self.headers.get(name)
            if value is None:
                continue
            if name == "Authorization":
                value = "Bearer <token ok>" if value == f"Bearer {token}" else "Bearer <wrong>"
            headers.append(f"{name}={value}")
        with open(os.path.join(DIRECTORY, "requests"), "a") as requests:
            requests.write(f"{self.command} {self.path} | {'; '.join(headers)}\n")

    def do_GET(self):
        self.record()
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/metadata/identity/oauth2/token":
            if self.headers.get("Metadata") != "true":
                return self.reply(400, {"error": "invalid_request", "error_description": "Required metadata header not specified"})
            if query.get("resource") != [read("resource")] or query.get("api-version") != ["2018-02-01"]:
                return self.reply(400, {"error": "invalid_resource", "error_description": "bad resource"})
            if query.get("client_id") != [read("client_id")]:
                return self.reply(400, {"error": "invalid_request", "error_description": "Identity not found"})
            return self.reply(200, {"access_token": read("token"), "expires_in": "86399", "token_type": "Bearer"})
        if url.path.startswith("/secrets/"):
            if self.headers.get("Authorization") != f"Bearer {read('token')}":
                return self.reply(401, {"error": {"code": "Unauthorized"}})
            if query.get("api-version") != ["7.4"]:
                return self.reply(400, {"error": {"code": "BadParameter"}})
            forbidden = int(read("forbidden", "0"))
            if forbidden > 0:
                with open(os.path.join(DIRECTORY, "forbidden"), "w") as f:
                    f.write(str(forbidden - 1))
                return self.reply(403, {"error": {"code": "Forbidden", "innererror": {"code": "ForbiddenByRbac"}}})
            value = read(os.path.join("secrets", url.path[len("/secrets/"):]))
            if value is None:
                return self.reply(404, {"error": {"code": "SecretNotFound"}})
            return self.reply(200, {"value": value, "id": f"https://vault{url.path}/1"})
        return self.reply(404, {"error": "not found"})


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(DIRECTORY, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(DIRECTORY, "port.tmp"), os.path.join(DIRECTORY, "port"))
server.serve_forever()
