"""A complete Toolgate tool endpoint, Python standard library only: verifies the signature, checks the
bearer token, reads the arguments (envelope or arguments mode) and answers with a hint.

Run: TOOLGATE_SIGNING_SECRETS=tgsec_... TOOLGATE_BEARER_TOKEN=... python3 server.py
"""
import hashlib
import hmac
import json
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from toolgate_verify import SignatureVerificationError, signs_target, verify

MAX_BODY_BYTES = 1 << 20
ORDERS = {
    "A-1001": {"status": "shipped", "eta": "Friday"},
    "A-1002": {"status": "being packed", "eta": "next Tuesday"},
}
UNAUTHORIZED = {"error": "Unauthorized", "hint": "Apologize and say you cannot look that up right now; offer a callback."}
FAILED = {"error": "Lookup failed", "hint": "Apologize and offer a callback."}


def handle(method, target, headers, body, config):
    """Handles one request; returns ``(status, body dict)``. config: scheme, secrets, bearer_token, and
    optionally tolerance_seconds and now (a function returning unix seconds)."""
    bodyless = signs_target(method)
    try:
        verify(scheme=config["scheme"], secrets=config["secrets"], headers=headers,
               body=None if bodyless else body, method=method, target=target,
               tolerance_seconds=config.get("tolerance_seconds", 300),
               now=config["now"]() if "now" in config else None)
    except SignatureVerificationError as e:
        print(f"signature rejected: {e.reason}: {e}", file=sys.stderr)
        return 401, UNAUTHORIZED
    authorization = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
    if not _bearer_matches(authorization, config["bearer_token"]):
        print("bearer token rejected", file=sys.stderr)
        return 401, UNAUTHORIZED
    args = dict(parse_qsl(urlsplit(target).query)) if bodyless else _json_arguments(body)
    if args is None:
        return 400, {"error": "Bad request", "hint": "Apologize and offer a callback."}
    return 200, _lookup_order(args)


def _json_arguments(body):
    """The envelope's ``arguments``, or the body itself in arguments mode; None if not a JSON object."""
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(parsed, dict):
        return None
    envelope = (isinstance(parsed.get("tool"), str) and isinstance(parsed.get("invocation_id"), str)
                and isinstance(parsed.get("arguments"), dict))
    return parsed["arguments"] if envelope else parsed


def _lookup_order(args):
    order_id = args.get("order_id")
    order_id = order_id.strip().upper() if isinstance(order_id, str) else ""
    if not order_id:
        return {"error": "Missing order number", "hint": "Ask the caller for their order number; it starts with A."}
    order = ORDERS.get(order_id)
    if order is None:
        return {"error": "Order not found",
                "hint": "Ask the caller to read the order number again, one character at a time."}
    return {"order_id": order_id, "status": order["status"], "eta": order["eta"],
            "hint": f"Tell the caller order {order_id} is {order['status']} and should arrive {order['eta']}."}


def _bearer_matches(authorization, token):
    digest = lambda text: hashlib.sha256(text.encode("utf-8")).digest()  # noqa: E731
    return hmac.compare_digest(digest(authorization or ""), digest(f"Bearer {token}"))


def make_handler(config):
    """Returns a BaseHTTPRequestHandler class serving ``handle`` with ``config``."""

    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.1 keeps connections open, as Toolgate's connection pool expects; every reply has a length.
        protocol_version = "HTTP/1.1"

        def _serve(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                self._reply(413, FAILED)
                return
            body = self.rfile.read(length) if length else b""
            try:
                status, reply = handle(self.command, self.path, dict(self.headers.items()), body, config)
            except Exception as e:  # noqa: BLE001 - never a stack trace to the caller
                print(f"handler failed: {e!r}", file=sys.stderr)
                status, reply = 500, FAILED
            self._reply(status, reply)

        def _reply(self, status, reply):
            data = json.dumps(reply).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            print(format % args, file=sys.stderr)

    return Handler


def config_from_env(env):
    """Reads the configuration from the environment (see README.md)."""
    secrets = [s for s in re.split(r"[\s,]+", env.get("TOOLGATE_SIGNING_SECRETS", "")) if s]
    if not secrets or not env.get("TOOLGATE_BEARER_TOKEN"):
        raise SystemExit("set TOOLGATE_SIGNING_SECRETS and TOOLGATE_BEARER_TOKEN")
    return {"scheme": env.get("TOOLGATE_SIGNATURE_SCHEME") or "toolgate", "secrets": secrets,
            "bearer_token": env["TOOLGATE_BEARER_TOKEN"]}


if __name__ == "__main__":
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer((host, port), make_handler(config_from_env(os.environ)))
    print(f"listening on http://{host}:{port}", flush=True)
    server.serve_forever()
