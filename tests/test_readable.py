"""Every number a text quotes reads as a person writes it, whatever the value: no e-notation, no "nan"."""

from __future__ import annotations

import math
import re

import pytest

from playground.core import readable

EDGES = (0, 0.0, 1, 1.0, 1e-12, 2.7e-05, 0.004, 0.5, 0.96, 9.96, 99.96, 1234.5, 7.2e8, 5e14, -3.25, -1e-7,
         math.nan, math.inf, -math.inf)
BROKEN = re.compile(r"\d[eE][+-]?\d|nan|inf\b|None", re.IGNORECASE)


@pytest.mark.parametrize("name", ["sig", "count", "size", "ms", "duration", "money", "energy", "percent",
                                  "ratio"])
def test_no_value_reads_in_e_notation_or_as_not_a_number(name):
    format_ = getattr(readable, name)
    for value in EDGES:
        text = format_(value)
        assert text and not BROKEN.search(text), (name, value, text)


def test_numpy_scalars_read_like_python_numbers():
    import numpy as np

    assert readable.sig(np.float32(0.25)) == "0.25" and readable.percent(np.float32(0.5)) == "50 %"
    assert readable.count(np.int64(15_000)) == "15,000" and readable.ms(np.float64(7.345)) == "7.3"
    assert readable.sig(np.float32("nan")) == "unknown"


def test_significant_digits_are_written_out_in_full():
    assert [readable.sig(v) for v in (0.000056, 5.56e-05, 720.3, 9.96, 4.0, -1234.5, 0)] == \
        ["0.000056", "0.000056", "720", "10", "4", "-1,200", "0"]
    assert readable.sig(0.80312e9 / 1e6, 3) == "803"


def test_plurals_agree_with_their_number():
    assert [readable.plural(n, "core") for n in (0, 1, 2, 1503)] == ["0 cores", "1 core", "2 cores", "1,503 cores"]
    assert readable.plural(1, "child", "children") == "1 child" and readable.plural(3, "child", "children") == \
        "3 children"
    assert [readable.times(n) for n in (1, 2, 5)] == ["once", "twice", "5 times"]


def test_amounts_read_as_a_person_writes_them():
    assert [readable.money(v) for v in (0.0, 2.778e-07, 0.0021, 0.35, 12.4, 1240.0)] == \
        ["nothing", "less than a hundredth of a cent", "0.21 cents", "$0.35", "$12.40", "$1,240"]
    assert [readable.count(v) for v in (850.0, 14_725.0, 1_472_472.0, 803_120_000.0, 2.3e9)] == \
        ["850", "15,000", "1.5 million", "803 million", "2.3 billion"]
    assert [readable.energy(v) for v in (0.012, 0.35, 2.5, 1800.0, 200_000.0, 5e7)] == \
        ["12 mJ", "350 mJ", "2.5 J", "1.8 kJ", "56 Wh", "14 kWh"]
    assert [readable.duration(v) for v in (2.7e-5, 0.4, 36.0, 600.0, 36_000.0, 3_600_000.0, 1e9)] == \
        ["0.03 ms", "400 ms", "36 s", "10 minutes", "10 hours", "42 days", "32 years"]
    assert [readable.size(v) for v in (0, 1, 204, 35_000, 2_300_000, 118_300_000, 1.2e9)] == \
        ["0 bytes", "1 byte", "204 bytes", "35 kB", "2.3 MB", "118 MB", "1.2 GB"]


def test_shares_never_round_to_none_or_all():
    assert [readable.percent(v) for v in (0.0, 0.001, 0.953, 0.998, 1.0)] == \
        ["0 %", "under 1 %", "95 %", "over 99 %", "100 %"]
