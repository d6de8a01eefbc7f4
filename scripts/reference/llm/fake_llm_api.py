#!/usr/bin/env python3
"""A local stand-in for the OpenAI Chat Completions and Anthropic Messages APIs, for tests only.

Speaks both APIs' request and response shapes on 127.0.0.1, streamed (SSE) or not. The model
name picks the scenario:
  good        a valid component (spec_id copied from the prompt)   wrongid     valid, wrong spec_id
  malformed   JSON cut in the middle                               wrongfields JSON without jsx/tailwind
  syntax      JSX with a syntax error, always                      repairable  syntax error, fixed on the repair round
  hostile     <script> and dangerouslySetInnerHTML, always         ratelimit   first call 429 Retry-After: 1, then good
  error500    always 500                                           stall       waits --stall seconds before answering
  noschema    400 for response_format json_schema, json_object ok  intent-yes / intent-low / intent-no  intent answers
  nodefault   named export only (no `export default`), fixed on the repair round
  truncated   stops at the token limit (finish_reason length / stop_reason max_tokens), half the JSON
  overloaded  streamed: an SSE error event (overloaded) after the first chunk
  redirect-other  307 to --redirect-to (another origin)    redirect-same  307 to the same path here, then good
  hugeusage   good, with usage counts a hostile server might send (1e300 prompt tokens, -7 completion tokens)
  "retry NAME=VALUE"  the first call 429 with header NAME: VALUE (e.g. "retry retry-after=1e300"), then good
A request whose key is not --key gets a 401 that echoes the key (as careless servers do).
GET /__requests returns every request received (path, headers, JSON body).
Prints the port on stdout, then serves until --lifetime seconds have passed.

usage: fake_llm_api.py [--lifetime 60] [--stall 5] [--key sk-test]"""
import argparse
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from stand_in import serve  # noqa: E402  (shared by the stand-in servers)


REQUESTS = []
COUNTS = {}
LOCK = threading.Lock()

GOOD_JSX = """import React, { useState } from "react";

export function ModelButton({ label = "Pay" }) {
  const [pressed, setPressed] = useState(false);
  return (
    <button type="button" onClick={() => setPressed(!pressed)} className="from-model rounded-full bg-[#635bff] px-6 py-3 text-white">
      {pressed ? "Paid" : label}
    </button>
  );
}

export default ModelButton;
"""
# What models often write when asked for a named export only: no default, so index.js breaks.
NO_DEFAULT_JSX = GOOD_JSX.replace("\nexport default ModelButton;\n", "")
SYNTAX_JSX = 'export function Broken() {\n  return <div className="x">oops</span>;\n}\n'
HOSTILE_JSX = ('export function Evil() {\n  return (\n    <div>\n      <script>{"alert(document.cookie)"}</script>\n'
               '      <div dangerouslySetInnerHTML={{ __html: "<img src=x onerror=alert(1)>" }} />\n    </div>\n  );\n}\n')


def spec_id_in(text):
    m = re.search(r'"spec_id"\s*:\s*"([^"]*)"', text)
    return m.group(1) if m else "unknown"


def component(spec_id, jsx, name):
    return json.dumps({"spec_id": spec_id, "jsx": jsx, "tailwind": ["from-model", "rounded-full"], "named_exports": [name]})


def answer_for(scenario, prompt, count):
    """The JSON text the 'model' writes, or None when the scenario answers with an HTTP error."""
    sid = spec_id_in(prompt)
    repair = "was rejected by MockPilot's checker" in prompt
    if scenario in ("good", "ratelimit", "noschema"):
        return component(sid, GOOD_JSX, "ModelButton")
    if scenario == "wrongid":
        return component("zzz.v9", GOOD_JSX, "ModelButton")
    if scenario == "malformed":
        return component(sid, GOOD_JSX, "ModelButton")[:60]
    if scenario == "wrongfields":
        return json.dumps({"code": GOOD_JSX, "classes": ["x"]})
    if scenario == "syntax":
        return component(sid, SYNTAX_JSX, "Broken")
    if scenario == "nodefault":
        return component(sid, GOOD_JSX if repair else NO_DEFAULT_JSX, "ModelButton")
    if scenario == "repairable":
        return component(sid, GOOD_JSX, "ModelButton") if repair else component(sid, SYNTAX_JSX, "Broken")
    if scenario == "hostile":
        return component(sid, HOSTILE_JSX, "Evil")
    if scenario.startswith("intent"):
        conf = {"intent-yes": 0.92, "intent-low": 0.6, "intent-no": 0.9}[scenario]
        return json.dumps({"design": scenario != "intent-no", "component": "button", "styles": ["pill", "gradient"],
                           "brand_refs": ["stripe"], "colors": ["purple"], "cue": True, "refine": False,
                           "refers_to": None, "confidence": conf})
    return component(sid, GOOD_JSX, "ModelButton")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, status, obj, headers=None):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/__requests":
            with LOCK:
                return self.send_json(200, REQUESTS)
        self.send_json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send_json(400, {"error": {"message": "body is not JSON"}})
        with LOCK:
            REQUESTS.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
        path, _, query = self.path.partition("?")
        anthropic = path == "/v1/messages"
        if not anthropic and path != "/v1/chat/completions":
            return self.send_json(404, {"error": {"message": "no such path " + self.path}})
        model = body.get("model", "good")
        if model == "redirect-other" and ARGS.redirect_to:
            # Before the key check, as a hijacked or misconfigured endpoint would.
            return self.send_json(307, {"error": {"message": "moved"}}, {"Location": ARGS.redirect_to + path})
        if model == "redirect-same" and "hop=1" not in query:
            return self.send_json(307, {"error": {"message": "moved"}}, {"Location": path + "?hop=1"})
        key = self.headers.get("x-api-key") if anthropic else (self.headers.get("Authorization") or "")[len("Bearer "):]
        if key != ARGS.key:
            msg = f"Incorrect API key provided: {key}."
            if anthropic:
                return self.send_json(401, {"type": "error", "error": {"type": "authentication_error", "message": msg}})
            return self.send_json(401, {"error": {"message": msg, "type": "invalid_request_error", "code": "invalid_api_key"}})
        if anthropic and self.headers.get("anthropic-version") != "2023-06-01":
            return self.send_json(400, {"type": "error", "error": {"type": "invalid_request_error", "message": "anthropic-version"}})
        scenario = body.get("model", "good")
        with LOCK:
            COUNTS[scenario] = COUNTS.get(scenario, 0) + 1
            count = COUNTS[scenario]
        if scenario == "ratelimit" and count == 1:
            return self.send_json(429, {"error": {"message": "Rate limit reached", "type": "rate_limit_error"}},
                                  {"Retry-After": "1"})
        if scenario.startswith("retry ") and count == 1:
            name, _, value = scenario[len("retry "):].partition("=")
            return self.send_json(429, {"error": {"message": "Rate limit reached", "type": "rate_limit_error"}}, {name: value})
        if scenario == "error500":
            return self.send_json(500, {"error": {"message": "The server had an error", "type": "server_error"}})
        if scenario == "stall":
            time.sleep(ARGS.stall)
        if scenario == "noschema" and not anthropic and body.get("response_format", {}).get("type") == "json_schema":
            return self.send_json(400, {"error": {"message": "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
                                                  "type": "invalid_request_error", "param": "response_format"}})
        prompt = "\n".join(m.get("content", "") if isinstance(m.get("content"), str) else json.dumps(m.get("content")) for m in body.get("messages", []))
        text = answer_for(scenario, prompt, count)
        usage_in, usage_out = len(raw) // 4, len(text) // 4
        if scenario == "hugeusage":
            usage_in, usage_out = 1e300, -7
        if body.get("stream"):
            return self.stream(anthropic, body, text, usage_in, usage_out)
        if scenario == "truncated":
            text = text[:len(text) // 2]
        if anthropic:
            tool = body["tools"][0]["name"]
            try:
                tool_input = json.loads(text)
            except ValueError:
                tool_input = {"_raw": text}  # a tool input is always an object; keep the damage visible
            return self.send_json(200, {"id": "msg_fake", "type": "message", "role": "assistant", "model": scenario,
                                        "content": [{"type": "tool_use", "id": "toolu_fake", "name": tool, "input": tool_input}],
                                        "stop_reason": "max_tokens" if scenario == "truncated" else "tool_use", "stop_sequence": None,
                                        "usage": {"input_tokens": usage_in, "output_tokens": usage_out}})
        self.send_json(200, {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()), "model": scenario,
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
                                          "finish_reason": "length" if scenario == "truncated" else "stop"}],
                             "usage": {"prompt_tokens": usage_in, "completion_tokens": usage_out,
                                       "total_tokens": usage_in + usage_out}})

    def stream(self, anthropic, body, text, usage_in, usage_out):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

        def emit(event, obj):
            line = (f"event: {event}\n" if event else "") + "data: " + (obj if isinstance(obj, str) else json.dumps(obj)) + "\n\n"
            self.wfile.write(line.encode())
            self.wfile.flush()
            time.sleep(0.005)

        pieces = [text[i:i + 40] for i in range(0, len(text), 40)]
        if body["model"] == "overloaded":
            emit("error" if anthropic else None, {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
            return
        if anthropic:
            emit("message_start", {"type": "message_start", "message": {"id": "msg_fake", "type": "message", "role": "assistant",
                 "content": [], "model": body["model"], "stop_reason": None, "usage": {"input_tokens": usage_in, "output_tokens": 1}}})
            emit("content_block_start", {"type": "content_block_start", "index": 0, "content_block":
                 {"type": "tool_use", "id": "toolu_fake", "name": body["tools"][0]["name"], "input": {}}})
            emit("ping", {"type": "ping"})
            for p in pieces:
                emit("content_block_delta", {"type": "content_block_delta", "index": 0,
                                             "delta": {"type": "input_json_delta", "partial_json": p}})
            emit("content_block_stop", {"type": "content_block_stop", "index": 0})
            emit("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
                                   "usage": {"output_tokens": usage_out}})
            emit("message_stop", {"type": "message_stop"})
            return
        base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()), "model": body["model"]}
        emit(None, dict(base, choices=[{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]))
        for p in pieces:
            emit(None, dict(base, choices=[{"index": 0, "delta": {"content": p}, "finish_reason": None}]))
        emit(None, dict(base, choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]))
        if body.get("stream_options", {}).get("include_usage"):
            emit(None, dict(base, choices=[], usage={"prompt_tokens": usage_in, "completion_tokens": usage_out,
                                                     "total_tokens": usage_in + usage_out}))
        emit(None, "[DONE]")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--lifetime", type=float, default=60)
    parser.add_argument("--stall", type=float, default=5)
    parser.add_argument("--key", default="sk-test-secret-123")
    parser.add_argument("--redirect-to", default="", help="where model redirect-other is sent (another server's base)")
    ARGS = parser.parse_args()
    serve(Handler, ARGS.lifetime)


if __name__ == "__main__":
    main()
