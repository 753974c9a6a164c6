#!/usr/bin/env python3
"""A local HTTP server for artalign's fetch tests: binds 127.0.0.1 on a free port, prints the
port on its first line of stdout, then answers fixed routes (redirects, loops, 404, 503, slow,
gzip, EUC-KR, images) and serves samples/mirror/HOST/PATH as /mirror/HOST/PATH with the pages'
links to the real sites rewritten to point back at itself. /count?path=P tells how many
requests P has received, so tests can prove a second run was served from the cache.

/robots.txt is answered as the first argument says: "404" (the default, so that every route
may be fetched), "rules" (ROBOTS below), "500", or "slow" (no answer for 3 s)."""

import gzip
import http.server
import pathlib
import re
import sys
import threading
import time
import urllib.parse

SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "samples" / "mirror"
ARTICLE = ("<html><head><title>Local test article</title></head><body><article><h1>Local test article</h1>"
           "<p>The first paragraph of the local test article, long enough to count as text.</p>"
           "<p>The second paragraph, with a comma, and a few more words to be a paragraph.</p>"
           "</article></body></html>")
KOREAN = ("<html><head><title>시험 기사</title></head><body><article><h1>시험 기사</h1>"
          "<p>첫째 문단입니다. 한국어 기사 본문은 이렇게 여러 문장으로 이루어져 있습니다.</p>"
          "<p>둘째 문단입니다. 인코딩은 머리글에만 적혀 있습니다.</p></article></body></html>")

# artalign's group disallows /again.html; everyone else may fetch nothing.
ROBOTS = ("# rules for artalign's tests\n"
          "User-agent: *\n"
          "Disallow: /\n"
          "\n"
          "User-agent: artalign\n"
          "Disallow: /again.html\n"
          "Allow: /article.html$\n"
          "Crawl-delay: 0.3\n")
robots_mode = "404"

counts = {}
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output clean
        pass

    def answer(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        with lock:
            counts[path] = counts.get(path, 0) + 1
            seen = counts[path]
        base = "http://127.0.0.1:%d" % self.server.server_port
        if path == "/count":
            wanted = urllib.parse.parse_qs(url.query).get("path", [""])[0]
            with lock:
                self.answer(200, str(counts.get(wanted, 0)).encode())
        elif path == "/robots.txt":
            if robots_mode == "rules":
                self.answer(200, ROBOTS.encode(), "text/plain")
            elif robots_mode == "500":
                self.answer(500, b"robots broke")
            elif robots_mode == "slow":
                time.sleep(3)
                self.answer(200, b"User-agent: *\nDisallow:\n", "text/plain")
            else:
                self.answer(404, b"no robots.txt")
        elif path in ("/article.html", "/again.html"):
            self.answer(200, ARTICLE.encode())
        elif path == "/redirect":
            self.answer(302, headers=[("Location", "/article.html")])
        elif path == "/redirect-loop":
            self.answer(302, headers=[("Location", "/redirect-loop")])
        elif path == "/to-file":
            self.answer(302, headers=[("Location", "file:///etc/passwd")])
        elif path == "/redirect-to":  # /redirect-to?location=L: a redirect to any location
            location = urllib.parse.parse_qs(url.query).get("location", [""])[0]
            self.answer(302, headers=[("Location", location)])
        elif path == "/ping-pong-a":  # a loop of two pages
            self.answer(302, headers=[("Location", "/ping-pong-b")])
        elif path == "/ping-pong-b":
            self.answer(301, headers=[("Location", "/ping-pong-a")])
        elif path == "/user-agent":
            agent = self.headers.get("User-Agent", "")
            self.answer(200, ("<html><body><p>%s</p></body></html>" % agent).encode())
        elif path == "/missing":
            self.answer(404, b"<html><body>Not found</body></html>")
        elif path == "/slow":  # /slow?seconds=N: the answer after N seconds (default 3)
            time.sleep(float(urllib.parse.parse_qs(url.query).get("seconds", ["3"])[0]))
            self.answer(200, ARTICLE.encode())
        elif path == "/busy":  # always 503: retried until the attempts or the fetch time run out
            self.answer(503, b"busy")
        elif path == "/flaky":
            if seen == 1:
                self.answer(503, b"busy")
            else:
                self.answer(200, ARTICLE.encode())
        elif path == "/gzip":
            self.answer(200, gzip.compress(ARTICLE.encode()), headers=[("Content-Encoding", "gzip")])
        elif path == "/euc-kr":
            self.answer(200, KOREAN.encode("euc-kr"), "text/html; charset=EUC-KR")
        elif path == "/image.png":
            self.answer(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        elif path.startswith("/mirror/"):
            file = (SAMPLES / path[len("/mirror/"):]).resolve()
            if SAMPLES not in file.parents or not file.is_file():
                self.answer(404, b"not in the mirror")
                return
            body = file.read_bytes()
            # Links to the real sites point back here, so a page's original is fetched locally.
            body = re.sub(rb"https?://((?:www|english|m)\.hani\.co\.kr)/",
                          (base + "/mirror/").encode() + rb"\1/", body)
            self.answer(200, body, "text/html")
        else:
            self.answer(404, b"no such route")


def main():
    global robots_mode
    robots_mode = sys.argv[1] if len(sys.argv) > 1 else "404"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
