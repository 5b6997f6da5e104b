"""The operator's PIN: stored only as a salted scrypt hash, checked in constant time, written into the kiosk file."""

from __future__ import annotations

import configparser

from playground.core.pin import check_pin, hash_pin, pin_problem, with_pin


def test_a_pin_is_kept_as_a_salted_hash_that_only_the_pin_opens():
    stored = hash_pin("4711")
    assert "4711" not in stored and stored.startswith("scrypt$16384$8$1$")
    assert check_pin("4711", stored) and not check_pin("4712", stored) and not check_pin("", stored)
    assert hash_pin("4711") != stored  # a new salt each time: the same PIN on two kiosks looks different
    assert check_pin("4711", hash_pin("4711", salt=b"\x00" * 16))


def test_a_damaged_or_tampered_hash_opens_nothing_and_hangs_nothing():
    stored = hash_pin("4711")
    for broken in ("", "4711", stored[:-4], stored.replace("scrypt", "md5"), stored.replace("$16384$", "$1048576000$"),
                   "scrypt$16384$8$1$zz$zz"):
        assert not check_pin("4711", broken), broken


def test_what_a_pin_may_be():
    assert pin_problem("4711") == "" and pin_problem("123456789012") == ""
    assert pin_problem("12a4") == "A PIN is digits only." and pin_problem("٤٧١١") == "A PIN is digits only."
    assert pin_problem("123") == "A PIN has 4 to 12 digits." and pin_problem("1" * 13) == "A PIN has 4 to 12 digits."


def test_the_pin_goes_under_kiosk_and_every_other_line_stays():
    text = "; the museum's kiosk\n[kiosk]\nlocked=true\nidle_seconds=60\n[runtime]\nthreads=1\n"
    written = with_pin(text, "scrypt$x")
    assert written == "; the museum's kiosk\n[kiosk]\npin=scrypt$x\nlocked=true\nidle_seconds=60\n[runtime]\nthreads=1\n"
    assert with_pin(written, "scrypt$y").count("pin=") == 1 and "pin=scrypt$y" in with_pin(written, "scrypt$y")
    fresh = configparser.ConfigParser(interpolation=None)
    fresh.read_string(with_pin("", "scrypt$z"))
    assert dict(fresh["kiosk"]) == {"locked": "true", "pin": "scrypt$z"}
