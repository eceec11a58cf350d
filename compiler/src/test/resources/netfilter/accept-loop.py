# Accepts and closes connections on 127.0.0.1 PORT for at most SECONDS; prints READY once listening.
import socket, sys, threading, os
port, seconds = int(sys.argv[1]), float(sys.argv[2])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(4096)
threading.Timer(seconds, lambda: os._exit(0)).start()
print("READY", flush=True)
while True:
    conn, _ = server.accept()
    conn.close()
