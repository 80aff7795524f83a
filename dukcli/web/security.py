"""The guards of `duk serve`: the CSRF token of a server run, HTTP basic authentication over a
password hashed with the standard library's scrypt, and the security headers of every answer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# scrypt's cost: 16 MB of memory, about 50 ms a check on an office computer.
N, R, P = 2 ** 14, 8, 1
MAXMEM = 64 * 1024 * 1024

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def hash_password(password: str, salt: bytes | None = None) -> str:
    """The line of a password file: scrypt$SALT$HASH (both base64)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=MAXMEM)
    return f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


class BadPasswordLine(ValueError):
    pass


def parse_password_line(text: str) -> tuple[bytes, bytes]:
    """(salt, hash) of a password file's text: exactly one non-empty line scrypt$SALT$HASH."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 1:
        raise BadPasswordLine(text)
    parts = lines[0].split("$")
    if len(parts) != 3 or parts[0] != "scrypt":
        raise BadPasswordLine(text)
    try:
        salt = base64.b64decode(parts[1], validate=True)
        digest = base64.b64decode(parts[2], validate=True)
    except ValueError:
        raise BadPasswordLine(text) from None
    if not salt or not digest:
        raise BadPasswordLine(text)
    return salt, digest


def password_matches(password: str, salt: bytes, digest: bytes) -> bool:
    got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=MAXMEM, dklen=len(digest))
    return hmac.compare_digest(got, digest)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(given: str | None, expected: str | None) -> bool:
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))
