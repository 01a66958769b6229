#!/usr/bin/env python3
"""Opens N connections that finish PostgreSQL's startup and then stay idle until killed.

Usage: idle_connections.py host port count ready-file
Writes the number of connections that reached ReadyForQuery to ready-file, then sleeps.
"""
import socket
import struct
import sys
import time


def startup(host, port):
    s = socket.create_connection((host, port), timeout=30)
    params = b"user\0postgres\0database\0postgres\0\0"
    s.sendall(struct.pack("!ii", 8 + len(params), 196608) + params)
    buffered = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            raise ConnectionError("closed during startup")
        buffered += chunk
        while len(buffered) >= 5:
            kind = buffered[0:1]
            length = struct.unpack("!i", buffered[1:5])[0]
            if len(buffered) < 1 + length:
                break
            buffered = buffered[1 + length:]
            if kind == b"Z":
                return s
            if kind == b"E":
                raise ConnectionError("error during startup")


def main():
    host, port, count, ready = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    held = []
    for _ in range(count):
        try:
            held.append(startup(host, port))
        except OSError as e:
            print(f"stopped after {len(held)} connections: {e}", file=sys.stderr)
            break
    with open(ready, "w") as f:
        f.write(str(len(held)))
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main()
