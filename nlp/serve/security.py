"""Safe by default: who may ask (this machine only, or anyone holding the token printed at start), a CSRF token on
every change, and headers that keep a document's text from ever running as script (Content-Security-Policy).

One ASGI middleware, so that no route can forget a check.
"""

from __future__ import annotations

import html
import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_COOKIE = "nlp_csrf"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "nlp_token"
TOKEN_PARAM = "token"
# scripts and styles only from this server's own files: no inline script, nothing from a document can run
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or a name) is this machine only: 127.0.0.0/8, ::1 or localhost."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard:
    """Refuses requests from elsewhere (or without the token), changes without the CSRF token, and adds the
    security headers to every response.

    `token` None: the server listens on a loopback address; only loopback clients are served, and the Host
    header must name this machine (no DNS rebinding). `token` set: any client that shows it — once in the URL
    (`?token=`, then kept in a cookie), or as `Authorization: Bearer …`.
    """

    def __init__(self, app: App, token: str | None = None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        cookies = _cookies(headers.get("cookie", ""))
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        set_cookies: list[str] = []
        page = "text/html" in headers.get("accept", "")
        if self.token is None:
            client = (scope.get("client") or ("", 0))[0]
            host = headers.get("host", "").rsplit(":", 1)[0] if "]" not in headers.get("host", "") else \
                headers.get("host", "").split("]")[0] + "]"
            if not is_loopback(client) or not is_loopback(host):
                await _refuse(send, 403, "只接受本机访问。要从其他电脑访问，请以 --host 启动，并使用启动时显示的访问令牌。", page)
                return
        else:
            shown = query.get(TOKEN_PARAM) or cookies.get(TOKEN_COOKIE) or \
                headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not shown or not secrets.compare_digest(shown.encode(), self.token.encode()):
                await _refuse(send, 401, "需要访问令牌：请使用 nlp serve 启动时显示的完整网址（含 ?token=…）。", page)
                return
            if TOKEN_PARAM in query and scope["method"] in SAFE_METHODS:
                # keep the token in a cookie and take it out of the address bar (and of history and referrers)
                rest = urlencode([(k, v) for k, v in query.items() if k != TOKEN_PARAM])
                location = scope.get("path", "/") + (f"?{rest}" if rest else "")
                await send({"type": "http.response.start", "status": 303, "headers": [
                    (b"location", location.encode("latin-1", "replace")),
                    (b"set-cookie", _cookie(TOKEN_COOKIE, self.token).encode()), *HEADERS]})
                await send({"type": "http.response.body", "body": b""})
                return
        csrf = cookies.get(CSRF_COOKIE, "")
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            if origin and origin.split("://", 1)[-1] != headers.get("host"):
                await _refuse(send, 403, "来源不符，已拒绝。", page)
                return
            given = headers.get(CSRF_HEADER, "")
            if not csrf or not given or not secrets.compare_digest(given.encode(), csrf.encode()):
                await _refuse(send, 403, "请求缺少校验码（CSRF），请刷新页面后重试。", page)
                return
        if not csrf:
            csrf = secrets.token_urlsafe(24)
            set_cookies.append(_cookie(CSRF_COOKIE, csrf))
        scope.setdefault("state", {})["csrf"] = csrf

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                extra += [(b"set-cookie", c.encode()) for c in set_cookies]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cookies(header: str) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # a malformed cookie header is treated as none
        return {}
    return {k: m.value for k, m in jar.items()}


def _cookie(name: str, value: str) -> str:
    return f"{name}={value}; Path=/; HttpOnly; SameSite=Strict"


async def _refuse(send: Send, status: int, message: str, page: bool = False) -> None:
    """Answer with the reason: a short page for a browser's navigation, JSON for the page's own requests."""
    if page:
        body = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>无法访问</title></head>'
                f"<body><h1>无法访问</h1><p>{html.escape(message)}</p></body></html>").encode()
        kind = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"error": message}, ensure_ascii=False).encode()
        kind = b"application/json; charset=utf-8"
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", kind), *HEADERS]})
    await send({"type": "http.response.body", "body": body})
