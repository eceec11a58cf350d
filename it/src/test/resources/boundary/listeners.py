# The boundary suite's hosts, inside its own network namespace: HTTP on every TCP HOST:PORT, a
# DNS responder on every UDP resolver address, HTTP on a Unix socket (standing in for
# docker.sock). Every answer names who answered ("STK-HTTP 192.0.2.10:8080"), so a leak is
# recognised in the client's output. Usage: listeners.py LIFETIME SOCKET_PATH SPEC...
# with SPEC = tcp:HOST:PORT or udp:HOST:PORT. Prints READY once every socket is bound.
import os
import selectors
import socket
import sys
import time

lifetime = float(sys.argv[1])
selector = selectors.DefaultSelector()


def listen(sock, name, proto):
    if proto == "tcp":
        sock.listen(16)
    sock.setblocking(False)
    selector.register(sock, selectors.EVENT_READ, (proto, name))


unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
unix.bind(sys.argv[2])
os.chmod(sys.argv[2], 0o666)
listen(unix, "docker.sock", "tcp")
for spec in sys.argv[3:]:
    proto, rest = spec.split(":", 1)
    host, port = rest.rsplit(":", 1)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, int(port)))
    listen(sock, f"{host}:{port}", proto)
print("READY", flush=True)


def answer_http(conn, name):
    conn.settimeout(2)
    try:
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 8192:
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        body = f"STK-HTTP {name}\n".encode()
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                     + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    finally:
        conn.close()


def answer_dns(sock, name):
    query, peer = sock.recvfrom(512)
    # Header: same id, response + recursion available, one question, one answer; then the
    # question as asked and an A record 192.0.2.99 pointing back at it (name compression 0xc00c).
    header = query[:2] + b"\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00"
    answer = b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04" + bytes([192, 0, 2, 99])
    sock.sendto(header + query[12:] + answer, peer)


deadline = time.monotonic() + lifetime
while time.monotonic() < deadline:
    for key, _ in selector.select(timeout=0.5):
        proto, name = key.data
        try:
            if proto == "tcp":
                conn, _ = key.fileobj.accept()
                answer_http(conn, name)
            else:
                answer_dns(key.fileobj, name)
        except OSError:
            pass
