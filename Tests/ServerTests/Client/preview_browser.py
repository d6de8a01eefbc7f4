"""Opens mockpilot serve's live preview in headless Chromium (driven over the DevTools protocol)
the way a person would: the page first, then a component is made (POST /generate with SPEC_JSON,
or a /stream meeting of a WAV file, `stream:PATH`, through stream_client.py beside this file), and
what the page shows is read until WANTED appears (any text in a component's frame when WANTED is
empty) or the deadline passes. Prints one JSON object: the
page's state, the card titles, the text shown inside each component's frame (and the computed
background of its first element, for frames Chromium runs in a process of their own), the
/generate status.

  preview_browser.py BASE_URL TOKEN SPEC_JSON|stream:WAV WANTED [PAGE_URL]

PAGE_URL: another page following BASE_URL (the preview kit, preview/), opened with the token in
its #token= fragment as the server's own /preview is.
"""
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import websockets

DEADLINE = 40.0


class DevTools:
    """One flattened DevTools connection: commands by id, events kept by method."""

    def __init__(self, socket):
        self.socket = socket
        self.next_id = 0
        self.pending = {}
        self.attached = []  # sessions of frames Chromium runs in processes of their own
        self.console = []  # what the page and its frames logged, for a failure's message
        self.reader = asyncio.ensure_future(self.read())

    async def read(self):
        async for raw in self.socket:
            message = json.loads(raw)
            if "id" in message and message["id"] in self.pending:
                self.pending.pop(message["id"]).set_result(message)
            elif message.get("method") == "Target.attachedToTarget":
                info = message["params"]["targetInfo"]
                if info.get("type") == "iframe":
                    session = message["params"]["sessionId"]
                    self.attached.append(session)
                    asyncio.ensure_future(self.watch(session))
            elif message.get("method") in ("Runtime.exceptionThrown", "Log.entryAdded", "Runtime.consoleAPICalled"):
                self.console.append(json.dumps(message["params"])[:400])

    async def watch(self, session):
        try:
            await self.send("Log.enable", {}, session)
            await self.send("Runtime.enable", {}, session)
        except (RuntimeError, asyncio.TimeoutError):
            pass

    async def send(self, method, params=None, session=None):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = session
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        await self.socket.send(json.dumps(request))
        reply = await asyncio.wait_for(future, 20)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def evaluate(self, expression, session):
        result = await self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        return result.get("result", {}).get("value")


def texts_in(node, out):
    """The text of every node of a DOM.getDocument tree, frames' documents included."""
    if node.get("nodeType") == 3 and node.get("nodeValue", "").strip():
        out.append(node["nodeValue"].strip())
    for child in node.get("children", []) + ([node["contentDocument"]] if "contentDocument" in node else []):
        texts_in(child, out)
    return out


def make(base, token, action):
    """The component: POST /generate's status, or the stream client's exit status."""
    if action.startswith("stream:"):
        client = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stream_client.py")
        return subprocess.run([sys.executable, client, base, token, action[len("stream:"):]],
                              stdout=subprocess.DEVNULL, timeout=300).returncode
    return generate(base, token, action)


def generate(base, token, spec):
    request = urllib.request.Request(base + "/generate", data=spec.encode(), method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


async def drive(base, token, spec, wanted, endpoint, page_url):
    report = {"state": None, "cards": [], "frames": [], "backgrounds": [], "generate": None}
    async with websockets.connect(endpoint, max_size=None) as socket:
        tools = DevTools(socket)
        target = (await tools.send("Target.createTarget", {"url": "about:blank"}))["targetId"]
        page = (await tools.send("Target.attachToTarget", {"targetId": target, "flatten": True}))["sessionId"]
        await tools.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True}, page)
        await tools.send("Log.enable", {}, page)
        await tools.send("Runtime.enable", {}, page)
        await tools.send("Page.navigate", {"url": f"{page_url}#token={token}"}, page)
        start = time.monotonic()
        # The page follows /events before anything is made, so the component arrives live.
        while time.monotonic() - start < DEADLINE:
            report["state"] = await tools.evaluate("document.body && document.body.dataset.state", page)
            if report["state"] == "following":
                break
            await asyncio.sleep(0.2)
        report["address"] = await tools.evaluate("location.href", page)
        if report["state"] != "following":
            return report
        report["generate"] = await asyncio.get_running_loop().run_in_executor(None, make, base, token, spec)
        start = time.monotonic()
        while time.monotonic() - start < DEADLINE:
            report["cards"] = await tools.evaluate("[...document.querySelectorAll('section > h2')].map(h => h.textContent)", page)
            report["problems"] = await tools.evaluate("[...document.querySelectorAll('.problem')].map(p => p.textContent)", page)
            frames = texts_in((await tools.send("DOM.getDocument", {"depth": -1, "pierce": True}, page))["root"], [])
            # A frame in a process of its own is read through its own session; so is its first
            # element's background, which only the Tailwind CSS sent with the component sets.
            report["backgrounds"], inside = [], []
            for session in list(tools.attached):
                try:
                    inside.append(await tools.evaluate("document.body ? document.body.innerText : ''", session) or "")
                    report["backgrounds"].append(await tools.evaluate(
                        "(() => { const e = document.querySelector('#root > *'); return e ? getComputedStyle(e).backgroundColor : null })()",
                        session))
                except (RuntimeError, asyncio.TimeoutError):
                    pass
            report["frames"], report["inside"] = frames + inside, inside
            if (any(wanted in text for text in report["frames"]) if wanted else any(t.strip() for t in inside)) or report["problems"]:
                break
            await asyncio.sleep(0.25)
        report["console"] = tools.console
        tools.reader.cancel()
    return report


def main():
    base, token, spec, wanted = sys.argv[1:5]
    page_url = sys.argv[5] if len(sys.argv) > 5 else base + "/preview"
    profile = tempfile.mkdtemp(prefix="mockpilot-preview-browser-")
    chromium = subprocess.Popen(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-port=0",
         "--remote-debugging-address=127.0.0.1", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        endpoint = None
        for line in chromium.stderr:
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                endpoint = found.group(1)
                break
        if not endpoint:
            sys.exit("chromium did not start its DevTools endpoint")
        # Chromium keeps writing to stderr; a pipe nobody reads would stall it.
        threading.Thread(target=lambda: [None for _ in chromium.stderr], daemon=True).start()
        print(json.dumps(asyncio.run(drive(base, token, spec, wanted, endpoint, page_url))))
    finally:
        chromium.terminate()
        try:
            chromium.wait(10)
        except subprocess.TimeoutExpired:
            chromium.kill()


if __name__ == "__main__":
    main()
