"""Helpers of the `nlp serve` tests: a client that is this machine and sends the CSRF token, a live server, the
samples. (Not a conftest.py: the tests' own `conftest` module is imported by name elsewhere.)"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"
COMPARE = SAMPLES / "compare"
COUNTIES = ("dongcheng.txt", "xishan.docx", "nanhu.pdf", "beiling.html")
LOCAL = {"base_url": "http://127.0.0.1:8700", "client": ("127.0.0.1", 50000)}


class Client:
    """A TestClient that sends the CSRF token as the page's script does."""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        from fastapi.testclient import TestClient

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Starlette's note on httpx versus httpx2
            self.http = TestClient(app, **{**LOCAL, **kwargs})
        self.app = app

    def __enter__(self) -> Client:
        self.http.__enter__()
        self.http.get("/")  # the first page sets the CSRF cookie
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.__exit__(*exc)

    @property
    def csrf(self) -> str:
        return self.http.cookies.get("nlp_csrf") or ""

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.http.get(url, **kwargs)

    def send(self, method: str, url: str, **kwargs: Any) -> Any:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.http.request(method, url, headers=headers, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.send("POST", url, **kwargs)

    def upload(self, path: Path | None = None, name: str | None = None, data: bytes | None = None) -> list[dict]:
        """Upload one file and wait until the queue is analysed; return its jobs as they ended."""
        body = data if data is not None else path.read_bytes()  # type: ignore[union-attr]
        r = self.post("/api/upload", params={"name": name or path.name}, content=body)  # type: ignore[union-attr]
        assert r.status_code == 200, r.text
        self.app.state.analyser.wait(300)
        ids = [j["id"] for j in r.json()["jobs"]]
        return self.get("/api/jobs", params={"id": ids}).json()["jobs"]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app served by uvicorn on a free loopback port, in a thread of the test process."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))

    def __enter__(self) -> LiveServer:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            assert time.time() < deadline, "the server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

