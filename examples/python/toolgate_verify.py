"""Verifies Toolgate request signatures (docs/signing.md). Python standard library only."""
import base64
import binascii
import hashlib
import hmac
import re
import time

DEFAULT_TOLERANCE_SECONDS = 300
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


class SignatureVerificationError(Exception):
    """A refused request. ``reason`` is one of MISSING_HEADER, MALFORMED_HEADER, NO_SUPPORTED_SIGNATURE,
    NO_MATCHING_SIGNATURE, TIMESTAMP_TOO_OLD, TIMESTAMP_IN_FUTURE; the message never holds a secret."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


def signs_target(method):
    """True for the methods Toolgate sends without a body; their signed payload is ``<METHOD> <target>``."""
    return method.upper() in ("GET", "HEAD", "DELETE")


def verify(*, secrets, headers, body, method=None, target=None, scheme="toolgate",
           tolerance_seconds=DEFAULT_TOLERANCE_SECONDS, now=None):
    """Verifies one request; returns ``{"scheme", "timestamp", "secret_index"}`` or raises
    SignatureVerificationError.

    secrets: the tool's secrets (any may match); headers: a mapping of header name to value, any case
    (``http.server``'s ``self.headers`` works); body: the raw body bytes, or None for a bodyless request,
    whose payload is ``f"{method} {target}"`` with target the raw request target (``self.path``);
    now: unix seconds (default: the system clock).
    """
    if not secrets:
        raise ValueError("at least one signing secret is required")
    keys = [_key(scheme, secret, i) for i, secret in enumerate(secrets)]
    lower = {name.lower(): value for name, value in headers.items()}
    payload = (f"{method} {target}".encode("utf-8") if body is None else bytes(body))

    if scheme == "toolgate":
        header = _required(lower, "X-Toolgate-Signature")
        timestamp, signatures = None, []
        for item in header.split(","):
            entry = item.strip(" \t")
            if "=" not in entry:
                raise SignatureVerificationError("MALFORMED_HEADER", "X-Toolgate-Signature has an entry without '='")
            key, value = entry.split("=", 1)
            if key == "t":
                if timestamp is not None:
                    raise SignatureVerificationError("MALFORMED_HEADER", "X-Toolgate-Signature has more than one t= entry")
                timestamp = _timestamp(value, "X-Toolgate-Signature t=")
            elif key == "v1":
                signatures.append(value)
        if timestamp is None:
            raise SignatureVerificationError("MALFORMED_HEADER", "X-Toolgate-Signature has no t= entry")
        if not signatures:
            raise SignatureVerificationError("NO_SUPPORTED_SIGNATURE", "X-Toolgate-Signature has no v1= signature")
        prefix = f"{timestamp}."
        encode = lambda digest: digest.hex()  # noqa: E731
    elif scheme == "standard_webhooks":
        message_id = _required(lower, "webhook-id")
        timestamp = _timestamp(_required(lower, "webhook-timestamp").strip(" \t"), "webhook-timestamp")
        signatures = []
        for entry in _required(lower, "webhook-signature").split(" "):
            if entry == "":
                continue
            if "," not in entry:
                raise SignatureVerificationError("MALFORMED_HEADER", "webhook-signature has an entry without ','")
            version, value = entry.split(",", 1)
            if version == "v1":
                signatures.append(value)
        if not signatures:
            raise SignatureVerificationError("NO_SUPPORTED_SIGNATURE", "webhook-signature has no v1 signature")
        prefix = f"{message_id}.{timestamp}."
        encode = lambda digest: base64.b64encode(digest).decode("ascii")  # noqa: E731
    else:
        raise ValueError(f"unknown signature scheme: {scheme}")

    content = prefix.encode("utf-8") + payload
    secret_index = -1
    for i, key in enumerate(keys):
        expected = encode(hmac.new(key, content, hashlib.sha256).digest()).encode("ascii")
        if any(hmac.compare_digest(expected, candidate.encode("utf-8")) for candidate in signatures):
            secret_index = i
            break
    if secret_index < 0:
        raise SignatureVerificationError(
            "NO_MATCHING_SIGNATURE",
            "no signature matches a signing secret: wrong secret, or the request was altered (verify the raw body bytes)")
    now_seconds = int(time.time() if now is None else now)
    if now_seconds - timestamp > tolerance_seconds:
        raise SignatureVerificationError("TIMESTAMP_TOO_OLD", f"the signed timestamp is {now_seconds - timestamp} s old")
    if timestamp - now_seconds > tolerance_seconds:
        raise SignatureVerificationError("TIMESTAMP_IN_FUTURE",
                                         f"the signed timestamp is {timestamp - now_seconds} s in the future")
    return {"scheme": scheme, "timestamp": timestamp, "secret_index": secret_index}


def _key(scheme, secret, index):
    if not isinstance(secret, str) or not secret.strip():
        raise ValueError(f"signing secret #{index} is blank")
    if scheme != "standard_webhooks":
        return secret.encode("utf-8")
    encoded = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    try:
        if not _BASE64.fullmatch(encoded):
            raise binascii.Error()
        return base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise ValueError(f"signing secret #{index} is not whsec_<base64>") from None


def _required(lower, name):
    value = lower.get(name.lower())
    if value is None or not str(value).strip(" \t"):
        raise SignatureVerificationError("MISSING_HEADER", f"the request has no {name} header")
    return str(value)


def _timestamp(text, what):
    if not _TIMESTAMP.fullmatch(text):
        raise SignatureVerificationError("MALFORMED_HEADER", f"{what} is not a unix timestamp in seconds")
    return int(text)
