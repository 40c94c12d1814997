"""Benchmark: signed webhook ingest and live-feed latency of the real server binary.

Starts the release binary's Stripe simulator and server on loopback, connects one demo
program through the simulator's OAuth form, then sends signed checkout.session.completed
events straight to the server's webhook URL from several threads, while one Server-Sent
Events client follows the conversion stream. Reports:

- ingest throughput (events acknowledged per second) and acknowledgement latency
  (POST sent to 200 received), p50/p99;
- feed latency (POST sent to the entry arriving on the stream), p50/p99;
- the server's peak resident memory (VmHWM from /proc) after the run.

Usage: python3 bench/webhook_ingest.py [--events N] [--threads T] [--binary PATH]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests"))

import tempfile  # noqa: E402

import stripe  # noqa: E402

from harness import checkout_event, follow_authorize_url, start_stack  # noqa: E402


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))
    return ordered[index]


class StreamFollower(threading.Thread):
    """Reads the conversion stream and records when each conversion's entry arrived."""

    def __init__(self, url: str, key: str):
        super().__init__(daemon=True)
        self.url = url
        self.key = key
        self.arrivals: dict[str, float] = {}
        self.ready = threading.Event()

    def run(self) -> None:
        request = urllib.request.Request(self.url)
        request.add_header("Authorization", f"Bearer {self.key}")
        request.add_header("Accept", "text/event-stream")
        with urllib.request.urlopen(request, timeout=120) as response:
            self.ready.set()
            for raw in response:
                line = raw.decode().rstrip("\n")
                if line.startswith("data:"):
                    entry = json.loads(line[5:])
                    session = entry["conversion"].get("stripeSessionId") or ""
                    self.arrivals[session] = time.perf_counter()


def resident_peak_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2000, help="events to send (default 2000)")
    parser.add_argument("--threads", type=int, default=8, help="concurrent senders (default 8)")
    parser.add_argument("--binary", help="agentref binary (default AGENTREF_BIN or the release build)")
    arguments = parser.parse_args()
    if arguments.binary:
        os.environ["AGENTREF_BIN"] = arguments.binary

    with tempfile.TemporaryDirectory(prefix="agentref-bench-") as folder:
        stack = start_stack(Path(folder))
        try:
            return run(stack, arguments)
        finally:
            stack.stop()


def run(stack, arguments) -> int:
    program = stack.api("GET", "/programs")["data"][0]
    affiliate = stack.api("GET", f"/programs/{program['id']}/affiliates")["data"][0]
    auth_url = stack.api("POST", f"/programs/{program['id']}/connect-stripe", {"method": "oauth_url"})["data"]["authUrl"]
    follow_authorize_url(auth_url)
    account = stack.api("GET", f"/programs/{program['id']}/stripe")["data"]["stripeAccountId"]
    cid = stack.api("POST", "/clicks", {"programId": program["id"], "affiliateCode": affiliate["code"]})["data"]["cid"]
    webhook_url = f"{stack.server.url}/webhooks/stripe/{program['id']}"

    follower = StreamFollower(f"{stack.api_url}/conversions/stream", stack.api_key)
    follower.start()
    follower.ready.wait(10)

    sent_at: dict[str, float] = {}
    acknowledged: list[float] = []

    def send(index: int) -> None:
        payload = checkout_event(f"bench{index}", account, cid, amount=2900)
        header = stripe.WebhookSignature.generate_signature_header(payload, stack.webhook_secret)
        request = urllib.request.Request(webhook_url, data=payload.encode(), method="POST")
        request.add_header("Content-Type", "application/json")
        request.add_header("Stripe-Signature", header)
        start = time.perf_counter()
        sent_at[f"cs_test_bench{index}"] = start
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
        acknowledged.append(time.perf_counter() - start)

    began = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(arguments.threads) as pool:
        list(pool.map(send, range(arguments.events)))
    elapsed = time.perf_counter() - began

    deadline = time.monotonic() + 30
    while len(follower.arrivals) < arguments.events and time.monotonic() < deadline:
        time.sleep(0.05)
    feed = [follower.arrivals[key] - sent_at[key] for key in sent_at if key in follower.arrivals]

    print(f"events sent:            {arguments.events} from {arguments.threads} threads")
    print(f"ingest throughput:      {arguments.events / elapsed:.0f} events/s")
    print(f"acknowledgement p50/p99: {percentile(acknowledged, 0.5) * 1000:.1f} / {percentile(acknowledged, 0.99) * 1000:.1f} ms")
    print(f"feed entries received:  {len(feed)} of {arguments.events}")
    if feed:
        print(f"feed latency p50/p99:   {percentile(feed, 0.5) * 1000:.1f} / {percentile(feed, 0.99) * 1000:.1f} ms")
        print(f"feed latency mean:      {statistics.mean(feed) * 1000:.1f} ms")
    print(f"server peak RSS:        {resident_peak_kib(stack.server.process.pid) / 1024:.1f} MiB")
    return 0 if len(feed) == arguments.events else 1


if __name__ == "__main__":
    sys.exit(main())
