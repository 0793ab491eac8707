#!/usr/bin/python3
"""slow_clients.py - helper of bench/serve_bench.sh: many half-open HTTP
connections that send part of a request and stall (slowloris).

  bench/slow_clients.py --port PORT [--host 127.0.0.1] [--n 300]
                        [--hold 30] [--trickle 0]

Opens N connections to HOST:PORT, sends on each the request line and one
header of a GET but never the blank line that ends the headers, then holds
them for HOLD seconds. With --trickle S > 0 it sends one more header line
on every connection still open each S seconds (so that an idle timeout
never fires: the harder case). Prints "slow_clients: N open" as soon as
they are all connected (the caller waits for that line), and at the end
how many the server had closed (and how many never connected).
"""
import argparse
import socket
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--hold", type=float, default=30.0)
    ap.add_argument("--trickle", type=float, default=0.0)
    a = ap.parse_args()

    socks, refused = [], 0
    for i in range(a.n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect((a.host, a.port))
            s.sendall(b"GET /?slow=%d HTTP/1.1\r\nHost: %s\r\n" % (i, a.host.encode()))
            s.setblocking(False)
            socks.append(s)
        except OSError:
            refused += 1
            s.close()
    print("slow_clients: %d open (%d could not connect)" % (len(socks), refused), flush=True)

    closed = set()
    t0 = time.monotonic()
    next_trickle = t0 + a.trickle if a.trickle > 0 else float("inf")
    first_close = None
    while time.monotonic() - t0 < a.hold:
        time.sleep(0.2)
        now = time.monotonic()
        trickle = now >= next_trickle
        if trickle:
            next_trickle = now + a.trickle
        for k, s in enumerate(socks):
            if k in closed:
                continue
            try:
                data = s.recv(4096)
                if data == b"" or data:       # EOF, or an answer (a 4xx/408): the server let go
                    closed.add(k)
                    first_close = first_close or now - t0
                    continue
            except BlockingIOError:
                pass
            except OSError:
                closed.add(k)
                first_close = first_close or now - t0
                continue
            if trickle:
                try:
                    s.send(b"X-Slow-%d: %d\r\n" % (k, int(now)))
                except OSError:
                    closed.add(k)
    for s in socks:
        s.close()
    print("slow_clients: after %.0f s, %d of %d still open, %d closed by the server%s"
          % (a.hold, len(socks) - len(closed), len(socks), len(closed),
             " (first after %.1f s)" % first_close if first_close else ""), flush=True)


if __name__ == "__main__":
    sys.exit(main())
