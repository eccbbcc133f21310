"""A raw-socket HTTP server that misbehaves per path (never answers, drips, loops redirects...)."""
from __future__ import annotations

import socket
import struct
import threading
import time


def start_server() -> tuple[str, socket.socket]:
    """A raw-socket HTTP server that misbehaves per path (never answers, drips,
    loops redirects, cuts the connection...)."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    port = srv.getsockname()[1]
    base = f"http://127.0.0.1:{port}"

    def handle(conn: socket.socket) -> None:
        try:
            conn.settimeout(30)
            request = conn.recv(65536).decode("latin-1")
            path = request.split(" ")[1] if " " in request else "/"
            if path.startswith("/silent"):
                time.sleep(45)
            elif path.startswith("/drip"):
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
                for _ in range(200):
                    conn.sendall(b"x")
                    time.sleep(0.5)
            elif path.startswith("/header-drip"):
                for b in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200:
                    conn.sendall(bytes([b]))
                    time.sleep(0.5)
            elif path.startswith("/redirect-loop"):
                conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {base}/redirect-loop.zip\r\n"
                             "Content-Length: 0\r\n\r\n".encode())
            elif path.startswith("/redirect-far"):
                n = int(path.rsplit("-", 1)[-1].split(".")[0]) if path.count("-") > 1 else 0
                conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {base}/redirect-far-{n + 1}.zip\r\n"
                             "Content-Length: 0\r\n\r\n".encode())
            elif path.startswith("/404"):
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found")
            elif path.startswith("/500"):
                conn.sendall(b"HTTP/1.1 500 Oops\nmultiline\r\nContent-Length: 0\r\n\r\n")
            elif path.startswith("/html"):
                body = b"<html><body>login required</body></html>"
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            elif path.startswith("/truncated"):
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"PK" * 100)
            elif path.startswith("/reset"):
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        finally:
            conn.close()

    def loop() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    return base, srv
