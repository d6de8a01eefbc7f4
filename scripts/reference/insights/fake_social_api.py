#!/usr/bin/env python3
"""A local stand-in for the Reddit and Instagram Graph APIs, for tests only.

Speaks their real request and response shapes on 127.0.0.1 and misbehaves on request:
the search query picks the scenario (q=ratelimit -> one 429 with X-Ratelimit-Reset;
q=flaky -> two 500s then 200; q=down -> always 500; q=stall -> the first answer stalls past
the client's timeout; q=malformed -> a body that is not JSON;
q=exhaust -> 200s that report the rate-limit window used up (q=exhaustlong: for 300 s);
q=ratelimit420 / ratelimit900 -> the first answer is a 429 asking for that many seconds (ratelimithuge / ratelimitinf /
ratelimitnan: for 1e300, inf, nan seconds; q=exhausthuge / exhaustinf / exhaustnan: a used-up window that resets in those); q=page2fail -> pages of 2, and
the second page always 500; q=failonce -> a malformed body the first time only; r/stall answers every search after --stall seconds; r/empty has no posts). Instagram picks by hashtag: #ratelimited -> 429 with Meta's
throttling error on its media; #down -> 500; #stall -> the first media answer stalls;
#malformed -> media that is not JSON. q=revoked -> the first access token is refused (401) by
the API itself; q=alwaysrevoked -> every token is. GET /__stats returns how
many times each path+q was requested, and each Reddit User-Agent ("UA ..."). Prints the port on stdout, then serves until
--lifetime seconds have passed (it always stops by itself).

usage: fake_social_api.py [--port 0] [--lifetime 60] [--client-id ID --client-secret SECRET]"""
import argparse
import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from stand_in import serve  # noqa: E402  (shared by the stand-in servers)


ISSUED = []  # access tokens handed out, oldest first
COUNTS = {}
HASHTAGS = {}  # hashtag id -> name, from ig_hashtag_search
LOCK = threading.Lock()


def reddit_post(i, sub, q):
    # Each subreddit has posts of its own; a search of all of Reddit gets the short ids.
    pid = f"{q[:6]}{i}" if sub == "all" else f"{sub[:4].lower()}{q[:6]}{i}"
    return {"kind": "t3", "data": {
        "id": pid, "name": f"t3_{pid}", "author": f"user{i}", "subreddit": sub,
        "title": f"Thoughts on the {q} design #{i}",
        "selftext": ["I love this pill button, so clean!", "The gradient is ugly and the hover is confusing.",
                     "As a designer I think it is fine."][i % 3],
        "permalink": f"/r/{sub}/comments/{pid}/thoughts/", "created_utc": 1732000000.0 + i * 3600,
        "score": 10 * i + 1, "url": f"https://www.reddit.com/r/{sub}/comments/{pid}/"}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeSocialAPI/1.0"

    def log_message(self, *args):
        pass

    def send_json(self, status, obj, headers=None, raw=None):
        body = raw if raw is not None else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def count(self, key):
        with LOCK:
            COUNTS[key] = COUNTS.get(key, 0) + 1
            return COUNTS[key]

    def do_POST(self):
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        self.count("POST " + url.path)
        if url.path != "/api/v1/access_token":
            return self.send_json(404, {"message": "Not Found", "error": 404})
        expected = base64.b64encode(f"{ARGS.client_id}:{ARGS.client_secret}".encode()).decode()
        if self.headers.get("Authorization") != "Basic " + expected:
            return self.send_json(401, {"message": "Unauthorized", "error": 401})
        if parse_qs(body).get("grant_type") != ["client_credentials"]:
            return self.send_json(400, {"error": "unsupported_grant_type"})
        with LOCK:
            ISSUED.append(f"fake-token-{len(ISSUED) + 1}")
            token = ISSUED[-1]
        self.send_json(200, {"access_token": token, "token_type": "bearer", "expires_in": 86400, "scope": "*"})

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/__stats":
            with LOCK:
                return self.send_json(200, dict(COUNTS))
        if url.path.startswith("/v19.0/"):
            return self.instagram(url.path[len("/v19.0"):], query)
        q = query.get("q", "")
        n = self.count(f"GET {url.path} {q}")
        self.count("UA " + self.headers.get("User-Agent", ""))
        if not self.headers.get("User-Agent") or "curl/" in self.headers.get("User-Agent", ""):
            return self.send_json(429, {"message": "Too Many Requests", "error": 429})
        bearer = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        with LOCK:
            known = bearer in ISSUED
            first = bool(ISSUED) and bearer == ISSUED[0]
        # q=revoked: the first token is revoked server-side, as an expired or reset app's would be.
        if not known or (q == "revoked" and first) or q == "alwaysrevoked":
            return self.send_json(401, {"message": "Unauthorized", "error": 401})
        parts = url.path.strip("/").split("/")
        if parts == ["search"]:
            sub = "all"
        elif len(parts) == 3 and parts[0] == "r" and parts[2] == "search":
            sub = parts[1]
        else:
            return self.send_json(404, {"message": "Not Found", "error": 404})
        rate = {"X-Ratelimit-Used": str(n), "X-Ratelimit-Remaining": "99.0", "X-Ratelimit-Reset": "300"}
        if q == "exhaust":
            # A success that uses up the window: a polite client waits for the reset before asking again.
            rate = {"X-Ratelimit-Used": "100", "X-Ratelimit-Remaining": "0.0", "X-Ratelimit-Reset": "2"}
        if q == "exhaustlong":
            rate = {"X-Ratelimit-Used": "100", "X-Ratelimit-Remaining": "0.0", "X-Ratelimit-Reset": "300"}
        hostile = {"exhausthuge": "1e300", "exhaustinf": "inf", "exhaustnan": "nan"}
        if q in hostile:
            rate = {"X-Ratelimit-Used": "100", "X-Ratelimit-Remaining": "0.0", "X-Ratelimit-Reset": hostile[q]}
        resets = {"ratelimit": "1", "ratelimit420": "420", "ratelimit900": "900",
                  "ratelimithuge": "1e300", "ratelimitinf": "inf", "ratelimitnan": "nan"}
        if q in resets and n == 1:
            return self.send_json(429, {"message": "Too Many Requests", "error": 429},
                                  {"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": resets[q], "X-Ratelimit-Used": "100"})
        if (q == "flaky" and n <= 2) or q == "down":
            return self.send_json(500, {"message": "Internal Server Error", "error": 500})
        if (q == "stall" and n == 1) or sub == "stall":
            time.sleep(ARGS.stall)
        if q == "malformed" or (q == "failonce" and n == 1):
            return self.send_json(200, None, rate, raw=b'{"kind": "Listing", "data": {"children": [')
        limit = int(query.get("limit", "25"))
        after = query.get("after")
        if q == "page2fail":
            if after:
                return self.send_json(500, {"message": "Internal Server Error", "error": 500})
            limit = 2
        start = 0 if not after else int(after.rsplit("p", 1)[1])
        total = 0 if sub == "empty" else 5
        items = [reddit_post(i, sub, q) for i in range(start, min(total, start + limit))]
        next_after = f"t3_p{start + limit}" if start + limit < total else None
        self.send_json(200, {"kind": "Listing", "data": {"after": next_after, "before": None, "dist": len(items),
                                                          "modhash": "", "children": items}}, rate)

    def instagram(self, path, query):
        self.count("GET " + path)
        if query.get("access_token") != "ig-token":
            return self.send_json(400, {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException",
                                                  "code": 190, "fbtrace_id": "A1"}})
        if query.get("user_id") != ARGS.ig_user:
            return self.send_json(400, {"error": {"message": "(#100) Missing or invalid user_id: the Instagram business account",
                                                  "type": "OAuthException", "code": 100, "fbtrace_id": "A2"}})
        if path == "/ig_hashtag_search":
            tag = query.get("q", "")
            hid = "178" + str(abs(hash(tag)) % 10**12)
            HASHTAGS[hid] = tag
            return self.send_json(200, {"data": [{"id": hid}]})
        parts = path.strip("/").split("/")
        scenario = HASHTAGS.get(parts[0]) if len(parts) == 2 else None
        if scenario == "down":
            return self.send_json(500, {"error": {"message": "An unknown error has occurred.", "type": "OAuthException",
                                                  "is_transient": True, "code": 2, "fbtrace_id": "A4"}})
        if scenario == "stall" and self.count("stall " + path) == 1:
            time.sleep(ARGS.stall)
        if scenario == "malformed":
            return self.send_json(200, None, raw=b'{"data": [{"id": "1", "caption": "cut off')
        if scenario == "ratelimited":
            # Graph API throttling: code 4, and a Retry-After a polite client may follow.
            return self.send_json(429, {"error": {"message": "(#4) Application request limit reached", "type": "OAuthException",
                                                  "is_transient": True, "code": 4, "fbtrace_id": "A3"}},
                                  {"Retry-After": "1"})
        if len(parts) == 2 and parts[1] in ("top_media", "recent_media"):
            # Media ids differ per hashtag (its id's last digits), as different hashtags show different posts.
            media = [{"id": f"{parts[0][-4:]}{parts[1][:3]}{i}", "caption": ["Obsessed with this gradient button 😍 #uidesign",
                                                                           "This checkout is so confusing 😡", "meh"][i % 3],
                      "permalink": f"https://www.instagram.com/p/{parts[0][-4:]}{parts[1][:3]}{i}/",
                      "timestamp": f"2024-11-2{i}T10:00:00+0000", "like_count": 5 * i} for i in range(3)]
            return self.send_json(200, {"data": media, "paging": {"cursors": {"after": "QVFIUg"}}})
        self.send_json(404, {"error": {"message": "Unknown path", "type": "GraphMethodException", "code": 100}})


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--lifetime", type=float, default=60)
    p.add_argument("--stall", type=float, default=4)
    p.add_argument("--client-id", default="test-id")
    p.add_argument("--client-secret", default="test-secret")
    p.add_argument("--ig-user", default="1784", help="the Instagram business account id it accepts")
    ARGS = p.parse_args()
    serve(Handler, ARGS.lifetime, ARGS.port)


if __name__ == "__main__":
    main()
