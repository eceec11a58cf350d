# Tries each PROTO:HOST:PORT once and prints "SPEC RESULT": OK, TIMEOUT or the errno name
# (TCP: connect; UDP: connect, send and wait for the echo). Every attempt is bounded.
import errno
import socket
import sys

for spec in sys.argv[1:]:
    proto, rest = spec.split(":", 1)
    host, port = rest.rsplit(":", 1)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
    sock.settimeout(3)
    try:
        sock.connect((host, int(port)))
        if proto == "udp":
            sock.send(b"stockade")
            sock.recv(64)
        result = "OK"
    except socket.timeout:
        result = "TIMEOUT"
    except OSError as e:
        result = errno.errorcode.get(e.errno, str(e.errno))
    finally:
        sock.close()
    print(spec, result, flush=True)
