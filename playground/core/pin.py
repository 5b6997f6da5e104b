"""The kiosk operator's PIN: kept only as a salted scrypt hash, checked in constant time.

A kiosk's settings file sits on a machine the public uses; the PIN that opens the operator screen must
not be readable from it. scrypt (memory-hard, in hashlib) makes guessing a short PIN from a stolen
file slow: about 50 ms and 16 MiB a guess.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
DIGEST_BYTES = 32
MIN_DIGITS, MAX_DIGITS = 4, 12


def pin_problem(pin: str) -> str:
    """Why `pin` cannot be a PIN, or "" when it can: 4 to 12 digits (a touch screen has a number pad)."""
    if not pin.isascii() or not pin.isdigit():
        return "A PIN is digits only."
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits."
    return ""


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The line to store: scheme, cost, salt and hash, so a later check needs nothing else."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=DIGEST_BYTES)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; False for anything malformed."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        if not (2 <= n_ <= 2**20 and 1 <= r_ <= 32 and 1 <= p_ <= 16):  # a tampered cost must not hang the kiosk
            return False
        expected = bytes.fromhex(digest)
        if len(expected) != DIGEST_BYTES:  # a shortened hash would match any PIN sharing its first bytes
            return False
        got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=n_, r=r_, p=p_, dklen=DIGEST_BYTES,
                             maxmem=64 * 1024 * 1024)
    except (ValueError, OverflowError, MemoryError):
        return False
    return hmac.compare_digest(got, expected)


def with_pin(ini_text: str, stored: str) -> str:
    """The settings file's text with `pin=` under [kiosk] set to `stored`, every other line kept as written."""
    lines = ini_text.splitlines()
    section, kiosk_at, pin_at = "", None, None
    for i, line in enumerate(lines):
        bare = line.strip()
        if bare.startswith("[") and bare.endswith("]"):
            section = bare[1:-1].strip().lower()
            if section == "kiosk":
                kiosk_at = i
        elif section == "kiosk" and bare.split("=", 1)[0].strip().lower() == "pin":
            pin_at = i
    if pin_at is not None:
        lines[pin_at] = f"pin={stored}"
    elif kiosk_at is not None:
        lines.insert(kiosk_at + 1, f"pin={stored}")
    else:
        lines += ([""] if lines else []) + ["[kiosk]", "locked=true", f"pin={stored}"]
    return "\n".join(lines) + "\n"
