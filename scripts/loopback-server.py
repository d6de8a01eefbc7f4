#!/usr/bin/env python3
"""A static file server on 127.0.0.1 that logs every request it gets: the page server and the
stand-in attacker of scripts/redteam-render.sh. Usage: loopback-server.py ROOT LOG PORTFILE
(binds an ephemeral port, writes "PORT PID" to PORTFILE once it listens, and exits by itself
after ten minutes should its caller die without stopping it)."""
import functools
import http.server
import os
import signal
import sys
import threading

root, log_path, port_path = sys.argv[1:4]
log = open(log_path, "a", buffering=1)


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def record(self):
        log.write(f"{self.command} {self.path}\n")

    def do_GET(self):
        self.record()
        super().do_GET()

    def do_HEAD(self):
        self.record()
        super().do_HEAD()

    def do_POST(self):
        self.record()
        self.send_response(204)
        self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
# A caller that blocks or ignores SIGTERM (a test runner's Process does) passes that on to us.
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
threading.Timer(600, lambda: os._exit(0)).start()
with open(port_path + ".tmp", "w") as f:
    f.write(f"{server.server_address[1]} {os.getpid()}")
os.replace(port_path + ".tmp", port_path)
server.serve_forever()
