"""Numbers and their words in the language spoken: 1.234,5 in German, and every counted noun listed for the
translators."""

from __future__ import annotations

import re

import pytest

from playground import paths
from playground.core import readable, words


@pytest.fixture
def german():
    seen: list[tuple[str, str]] = []

    def translator(context: str, text: str) -> str:
        seen.append((context, text))
        return {"threads": "Threads", "thread": "Thread", "{n} million": "{n} Millionen",
                "${amount}": "{amount} $", "under {n} %": "unter {n} %", "{n} minutes": "{n} Minuten"}.get(text, text)

    words.install(translator, "de")
    yield seen
    words.install(None)


def test_numbers_follow_the_language_spoken(german):
    assert readable.count(1234) == "1.234" and readable.count(1_500_000) == "1,5 Millionen"
    assert readable.sig(0.000056) == "0,000056" and readable.ms(7.25) == "7,2" and readable.ms(1234) == "1.234"
    assert readable.size(2_300_000) == "2,3 MB" and readable.percent(0.953) == "95 %"
    assert readable.percent(0.001) == "unter 1 %" and readable.money(1240.5) == "1.240 $"
    assert readable.plural(2, "thread") == "2 Threads" and readable.plural(1, "thread") == "1 Thread"
    assert readable.duration(150) == "2,5 Minuten"
    assert readable.fill("{busy:.1f} of {cores} cores, {n:,} runs, {name}", busy=1.04, cores=2, n=1234,
                         name="v1.2") == "1,0 of 2 cores, 1.234 runs, v1.2"  # a word keeps its dots


def test_a_date_names_its_month_in_the_language_spoken(german):
    from datetime import datetime

    moment = datetime(2026, 12, 7, 9, 5)
    assert readable.date_time(moment) == "7 December 2026, 09:05"  # the translator here knows no month
    assert ("Readable", "December") in german and ("Readable", "{day} {month} {year}, {time}") in german


def test_the_command_line_reads_english():
    assert readable.count(1234) == "1,234" and readable.ms(7.25) == "7.2" and readable.money(1240.5) == "$1,240"
    assert readable.plural(2, "thread") == "2 threads" and readable.duration(150) == "2.5 minutes"
    assert readable.fill("{busy:.1f} of {cores} cores, {n:,} runs", busy=1.04, cores=2, n=1234) == "1.0 of 2 cores, 1,234 runs"


def test_every_counted_noun_is_listed_for_the_translators():
    # lupdate cannot see a word handed to plural() as a variable: NOUNS marks them, and must hold each one used.
    call = re.compile(r"plural\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*[\"']([^\"']+)[\"'](?:,\s*[\"']([^\"']+)[\"'])?")
    used = set()
    for source in (paths.root() / "playground").rglob("*.py"):
        for match in call.finditer(source.read_text(encoding="utf-8")):
            used |= {match.group(1), match.group(2) or match.group(1) + "s"}
    assert used and "thread" in used
    assert used <= set(readable.NOUNS), sorted(used - set(readable.NOUNS))
