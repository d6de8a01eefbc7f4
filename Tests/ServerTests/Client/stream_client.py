"""A /stream client, as a browser or a bot would be: streams WAV files (16 kHz mono 16-bit) to
mockpilot serve's WebSocket while a second connection follows the meeting's /events, and prints
one JSON object: the text frames it got, the close code, and the events (id and object).

  stream_client.py BASE_URL TOKEN [--pace realtime|fast] [--first TEXT] [--frame-bytes N]
                   [--query-token] [--opus] WAV...

--first replaces the {"format":"pcm16"} frame; --frame-bytes sends frames of N bytes (an
oversized one is refused); --query-token passes the token as ?token= instead of a header;
--opus encodes the audio with opusenc (20 ms packets) and sends one raw packet a frame after
{"format":"opus"}, as a browser's encoder would.
"""
import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import wave

import websockets

FRAME_SECONDS = 0.1
SILENCE_BETWEEN = 1.0


def pcm_of(paths):
    """The files' samples, one after another with a second of silence between them."""
    audio = bytearray()
    for path in paths:
        with wave.open(path, "rb") as w:
            if (w.getframerate(), w.getnchannels(), w.getsampwidth()) != (16000, 1, 2):
                sys.exit(f"{path}: need 16 kHz mono 16-bit")
            audio += w.readframes(w.getnframes())
        audio += bytes(int(16000 * SILENCE_BETWEEN) * 2)
    return bytes(audio)


def opus_packets(pcm):
    """The audio packets of `pcm` encoded by opusenc: the Ogg pages' packets, headers dropped."""
    with tempfile.TemporaryDirectory() as tmp:
        wav_path, opus_path = os.path.join(tmp, "in.wav"), os.path.join(tmp, "out.opus")
        with wave.open(wav_path, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16000)
            w.writeframes(pcm)
        subprocess.run(["opusenc", "--quiet", "--bitrate", "32", wav_path, opus_path], check=True)
        data = open(opus_path, "rb").read()
    packets, current, offset = [], b"", 0
    while offset + 27 <= len(data):
        if data[offset:offset + 4] != b"OggS":
            sys.exit("opusenc wrote something that is not Ogg")
        count = data[offset + 26]
        lacing = data[offset + 27:offset + 27 + count]
        body = offset + 27 + count
        for size in lacing:
            current += data[body:body + size]
            body += size
            if size < 255:
                packets.append(current)
                current = b""
        offset = body
    return packets[2:]


def follow_events(url, token, found):
    """Reads the Server-Sent Events until the server ends the response (after `finished`)."""
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=600) as response:
        event_id = None
        for raw in response:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("id: "):
                event_id = int(line[4:])
            elif line.startswith("data: "):
                found.append({"id": event_id, "event": json.loads(line[6:])})


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("token")
    parser.add_argument("wavs", nargs="*")
    parser.add_argument("--pace", default="realtime", choices=["realtime", "fast"])
    parser.add_argument("--first", default='{"format":"pcm16"}')
    parser.add_argument("--frame-bytes", type=int, default=int(16000 * FRAME_SECONDS) * 2)
    parser.add_argument("--query-token", action="store_true")
    parser.add_argument("--opus", action="store_true")
    args = parser.parse_intermixed_args()

    ws_url = args.base.replace("http://", "ws://") + "/stream"
    headers = {}
    if args.query_token:
        ws_url += "?token=" + args.token
    else:
        headers["Authorization"] = "Bearer " + args.token
    received, events, follower = [], [], None
    started = time.monotonic()
    async with websockets.connect(ws_url, additional_headers=headers, max_size=None) as ws:
        await ws.send('{"format":"opus"}' if args.opus else args.first)
        first = json.loads(await ws.recv())
        received.append({**first, "at": round(time.monotonic() - started, 2)})
        if first.get("type") == "session":
            events_url = args.base + first["events"]
            follower = threading.Thread(target=follow_events, args=(events_url, args.token, events))
            follower.start()

            async def send_audio():
                audio = pcm_of(args.wavs)
                if args.opus:
                    for packet in opus_packets(audio):
                        await ws.send(packet)
                        if args.pace == "realtime":
                            await asyncio.sleep(0.02)
                else:
                    step = args.frame_bytes
                    for offset in range(0, len(audio), step):
                        await ws.send(audio[offset:offset + step])
                        if args.pace == "realtime":
                            await asyncio.sleep(step / 32000)
                await ws.send(json.dumps({"type": "end"}))

            sender = asyncio.create_task(send_audio())
        else:
            sender = None
        try:
            async for message in ws:
                received.append({**json.loads(message), "at": round(time.monotonic() - started, 2)})
        except websockets.ConnectionClosed:
            pass
        if sender is not None:
            try:
                await sender
            except websockets.ConnectionClosed:
                pass
        close_code = ws.close_code
    if follower is not None:
        await asyncio.to_thread(follower.join, 600)
    print(json.dumps({"received": received, "close_code": close_code, "events": events,
                      "seconds": round(time.monotonic() - started, 2)}))


asyncio.run(main())
