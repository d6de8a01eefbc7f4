"""What every local stand-in API server for the tests shares: a free 127.0.0.1 port printed on
the first line of stdout, a bounded lifetime, and an exit as soon as the test process is gone."""
import os
import threading
import time
from http.server import ThreadingHTTPServer


def _exit_with_parent():
    # A crashed or finished test run must never leave a server holding its output pipe open.
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.3)
    os._exit(0)


def serve(handler, lifetime, port=0):
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Timer(lifetime, server.shutdown).start()
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    server.serve_forever()
