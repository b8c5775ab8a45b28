#!/usr/bin/env python3
"""Stand-ins for a pool's JupyterHub in the smoke test's tests, on 127.0.0.1 and a port the kernel picks.

--mode https   serves GET /hub/health with --status over TLS (--cert, --key: a self-signed pair)
--mode http    the same over plain HTTP (a JupyterHub that lost its certificate)
--mode silent  accepts TCP connections and never says a word (a VM that hangs)

The port is written to --port-file once the server listens (atomically: write, then rename). Runs until
killed. Requests are not logged; errors go to stderr.
"""
import argparse
import http.server
import os
import socket
import ssl
import time


def write_port(path, port):
    partial = path + ".partial"
    with open(partial, "w", encoding="ascii") as out:
        out.write(f"{port}\n")
    os.replace(partial, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["https", "http", "silent"], required=True)
    parser.add_argument("--status", type=int, default=200)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--port-file", required=True)
    args = parser.parse_args()

    if args.mode == "silent":
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(128)  # the kernel completes the handshakes; nobody ever accepts or answers
        write_port(args.port_file, listener.getsockname()[1])
        while True:
            time.sleep(3600)

    status = args.status

    class Handler(http.server.BaseHTTPRequestHandler):
        def setup(self):
            # The TLS handshake runs here, in the request's own thread, so that a client that never
            # finishes it (or speaks plain HTTP) cannot block the server.
            self.request.settimeout(10)
            if isinstance(self.request, ssl.SSLSocket):
                self.request.do_handshake()
            super().setup()

        def do_GET(self):  # noqa: N802 (the name http.server calls)
            code = status if self.path == "/hub/health" else 404
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format, *args):  # noqa: A002 (the signature http.server calls)
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args.mode == "https":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    write_port(args.port_file, server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
