# Test listeners for the netfilter enforcement test: TCP accept-and-close, UDP echo.
# Usage: listen.py LIFETIME_SECONDS PROTO:HOST:PORT...  Prints READY once every socket is bound,
# then serves until the lifetime ends (the test also kills it when done).
import selectors
import socket
import sys
import time

lifetime = float(sys.argv[1])
selector = selectors.DefaultSelector()
for spec in sys.argv[2:]:
    proto, rest = spec.split(":", 1)
    host, port = rest.rsplit(":", 1)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, int(port)))
    if proto == "tcp":
        sock.listen(4096)  # a client that connects faster than this loop accepts (the cost benchmark) must not see SYNs dropped
    sock.setblocking(False)
    selector.register(sock, selectors.EVENT_READ, proto)
print("READY", flush=True)
deadline = time.monotonic() + lifetime
while time.monotonic() < deadline:
    for key, _ in selector.select(timeout=0.5):
        try:
            if key.data == "tcp":
                conn, _ = key.fileobj.accept()
                conn.close()
            else:
                data, peer = key.fileobj.recvfrom(512)
                key.fileobj.sendto(data, peer)
        except OSError:
            pass
