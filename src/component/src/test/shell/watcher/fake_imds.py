#!/usr/bin/env python3
"""A fake Azure Instance Metadata Service for the watcher tests.

Usage: fake_imds.py <directory>
Binds 127.0.0.1 on a free port and writes it to <directory>/port. Serves
  GET  /metadata/scheduledevents          -> <directory>/events.json (re-read on every request)
  GET  /metadata/instance/compute/name    -> <directory>/name
  POST /metadata/scheduledevents          -> appends the body to <directory>/acknowledged
and appends every request line to <directory>/requests. Requests without the header
"Metadata: true" get HTTP 400, as with the real IMDS.
"""
import http.server
import os
import sys

DIRECTORY = sys.argv[1]


def path_of(name):
    return os.path.join(DIRECTORY, name)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output clean
        pass

    def record(self):
        with open(path_of("requests"), "a") as requests:
            requests.write(f"{self.command} {self.path}\n")

    def reply(self, status, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.record()
        if self.headers.get("Metadata") != "true":
            return self.reply(400, '{"error": "Bad request. Required metadata header not specified"}')
        route = self.path.split("?")[0]
        if route == "/metadata/scheduledevents":
            with open(path_of("events.json")) as events:
                return self.reply(200, events.read())
        if route == "/metadata/instance/compute/name":
            with open(path_of("name")) as name:
                return self.reply(200, name.read().strip())
        return self.reply(404, "{}")

    def do_POST(self):
        self.record()
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode()
        with open(path_of("acknowledged"), "a") as acknowledged:
            acknowledged.write(body + "\n")
        self.reply(200, "")


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(path_of("port.tmp"), "w") as port:
    port.write(str(server.server_address[1]))
os.replace(path_of("port.tmp"), path_of("port"))
server.serve_forever()
