"""Numbers as a person reads them in a sentence (counts, sizes, times, money, energy, shares, plurals), and
a long quote cut to fit.

Every text the app builds takes its numbers from here, so none says "7.2e+02", "nan", "1 cores" or
"0 MB". A value that is not a number (NaN, infinite) reads as "unknown": it is a gap in what was
measured, and a sentence must not pretend otherwise. Numbers and words follow the language the window
speaks (core/words.py): 1,234.5 in English is 1.234,5 in German; the command line reads English.
"""

from __future__ import annotations

import math
import numbers
import string
from datetime import datetime

from playground.core import words
from playground.core.words import QT_TRANSLATE_NOOP, translate

# Thousands and decimal separators where they differ from English's "1,234.5".
_SEPARATORS = {"de": (".", ","), "es": (".", ","), "fr": ("\u202f", ",")}
# Every noun `plural` is given, in both forms, for the translators (a test keeps the list whole).
NOUNS = (
    QT_TRANSLATE_NOOP("Plural", "byte"), QT_TRANSLATE_NOOP("Plural", "bytes"),
    QT_TRANSLATE_NOOP("Plural", "time"), QT_TRANSLATE_NOOP("Plural", "times"),
    QT_TRANSLATE_NOOP("Plural", "thread"), QT_TRANSLATE_NOOP("Plural", "threads"),
    QT_TRANSLATE_NOOP("Plural", "warm run"), QT_TRANSLATE_NOOP("Plural", "warm runs"),
    QT_TRANSLATE_NOOP("Plural", "token"), QT_TRANSLATE_NOOP("Plural", "tokens"),
    QT_TRANSLATE_NOOP("Plural", "file"), QT_TRANSLATE_NOOP("Plural", "files"),
    QT_TRANSLATE_NOOP("Plural", "number"), QT_TRANSLATE_NOOP("Plural", "numbers"),
    QT_TRANSLATE_NOOP("Plural", "whole number"), QT_TRANSLATE_NOOP("Plural", "whole numbers"),
    QT_TRANSLATE_NOOP("Plural", "handwritten digit"), QT_TRANSLATE_NOOP("Plural", "handwritten digits"),
    QT_TRANSLATE_NOOP("Plural", "drawing"), QT_TRANSLATE_NOOP("Plural", "drawings"),
    QT_TRANSLATE_NOOP("Plural", "answer"), QT_TRANSLATE_NOOP("Plural", "answers"),
    QT_TRANSLATE_NOOP("Plural", "piece"), QT_TRANSLATE_NOOP("Plural", "pieces"),
    QT_TRANSLATE_NOOP("Plural", "run"), QT_TRANSLATE_NOOP("Plural", "runs"),
    QT_TRANSLATE_NOOP("Plural", "score"), QT_TRANSLATE_NOOP("Plural", "scores"),
)


def local(number: str) -> str:
    """A number written the English way ("1,234.5") as the language spoken writes it ("1.234,5")."""
    separators = _SEPARATORS.get(words.language())
    if separators is None:
        return number
    return number.translate(str.maketrans(",.", "".join(separators)))


class _LocalFormatter(string.Formatter):
    """str.format whose numbers are written as the language spoken writes them ("{s:.1f}" → 2,5 in German)."""

    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        return local(text) if isinstance(value, numbers.Real) and not isinstance(value, bool) else text


_FORMATTER = _LocalFormatter()


def fill(template: str, /, **values: object) -> str:
    """`template.format(**values)` with every number in the language's way: for translated templates that
    format their own figures ("{busy:.1f} of {cores} cores")."""
    return _FORMATTER.format(template, **values)


def _unknown() -> str:
    return translate("Readable", "unknown")


def _finite(x: float) -> bool:
    # numbers.Real takes numpy's scalars too (a float32 score is not a Python float); a bool is not a figure.
    return isinstance(x, numbers.Real) and not isinstance(x, bool) and math.isfinite(x)


def sig(x: float, digits: int = 2) -> str:
    """x to at most `digits` significant digits, in full: 0.000056, 720, 1,500, 4 (never 5.6e-05)."""
    if not _finite(x):
        return _unknown()
    if x == 0:
        return "0"
    places = digits - 1 - math.floor(math.log10(abs(x)))
    rounded = round(x, places)
    if rounded and math.floor(math.log10(abs(rounded))) != math.floor(math.log10(abs(x))):
        places -= 1  # 9.96 at two digits is 10, not 10.0
    text = f"{rounded:,.{max(places, 0)}f}"
    return local(text.rstrip("0").rstrip(".") if "." in text else text)  # 4 files a second, not 4.00


def plural(n: float, word: str, many: str = "") -> str:
    """1 core, 2 cores, 1,503 runs; `many` for a word that does not take an s (1 child, 2 children). The
    words are translated as listed in NOUNS."""
    many = translate("Plural", many or word + "s")
    if not _finite(n):
        return translate("Readable", "an unknown number of {things}").format(things=many)
    shown = local(f"{n:,.0f}") if float(n).is_integer() else sig(n, 2)
    return f"{shown} {translate('Plural', word) if shown == '1' else many}"


def shortened(text: str, width: int) -> str:
    """The text whole when it fits in `width` characters, else its start and "…" in exactly that many."""
    return text if len(text) <= width else text[:width - 1] + "…"


def times(n: int) -> str:
    """once, twice, 3 times."""
    if n == 1:
        return translate("Readable", "once")
    return translate("Readable", "twice") if n == 2 else plural(n, "time")


def whole(n: int) -> str:
    """A whole count in full, grouped as the language writes it: 1,503 (1.503 in German)."""
    return local(f"{n:,}")


def count(n: float) -> str:
    """A count rounded as a person says it: 850, 15,000, 1.5 million, 2.3 billion."""
    if not _finite(n):
        return _unknown()
    if abs(n) < 10_000:
        return local(f"{n:,.0f}")
    for word, size in ((QT_TRANSLATE_NOOP("Readable", "{n} trillion"), 1e12),
                       (QT_TRANSLATE_NOOP("Readable", "{n} billion"), 1e9),
                       (QT_TRANSLATE_NOOP("Readable", "{n} million"), 1e6)):
        if abs(n) >= size:
            value = n / size
            return translate("Readable", word).format(n=sig(value, 2 if abs(value) < 100 else 3))
    return sig(n, 2)


def size(n_bytes: float) -> str:
    """204 bytes, 35 kB, 2.3 MB, 1.2 GB (powers of 1,000, as files are sold and shown by most desktops)."""
    if not _finite(n_bytes):
        return translate("Readable", "an unknown size")
    if n_bytes < 1000:
        return plural(int(n_bytes), "byte")
    for unit, step in (("GB", 1e9), ("MB", 1e6)):
        if n_bytes >= step:
            value = n_bytes / step
            return local(f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}")
    return f"{n_bytes / 1000:.0f} kB"


def ms(value: float) -> str:
    """Milliseconds, without the unit: 0.14, 7.3, 251 (the graphs use it too, so numbers agree)."""
    if not _finite(value):
        return _unknown()
    if value < 0.01:
        return sig(value, 1) if value > 0 else "0"
    if value < 1:
        return local(f"{value:.2f}")
    if value < 100:
        return local(f"{value:.1f}")
    return local(f"{value:,.0f}")


def duration(seconds: float) -> str:
    """0.4 s, 12 minutes, 3.5 hours, 41 days, 2.5 years: the unit a person would pick."""
    if not _finite(seconds):
        return translate("Readable", "an unknown time")
    if seconds < 1:
        return f"{ms(seconds * 1000)} ms"
    if seconds < 60:
        return local(f"{seconds:.2g} s" if seconds < 10 else f"{seconds:.0f} s")
    for unit, step in ((QT_TRANSLATE_NOOP("Readable", "{n} years"), 365.25 * 86400),
                       (QT_TRANSLATE_NOOP("Readable", "{n} days"), 86400),
                       (QT_TRANSLATE_NOOP("Readable", "{n} hours"), 3600),
                       (QT_TRANSLATE_NOOP("Readable", "{n} minutes"), 60)):
        if seconds >= step * (2 if step >= 86400 else 1):
            value = seconds / step
            return translate("Readable", unit).format(n=local(f"{value:.1f}" if value < 10 else f"{value:,.0f}"))
    return f"{seconds:.0f} s"


def money(dollars: float) -> str:
    """$1,240, $12.40, $0.35, 0.14 cents, less than a hundredth of a cent: never a long tail of zeros."""
    if not _finite(dollars):
        return translate("Readable", "an unknown amount")
    if dollars <= 0:
        return translate("Readable", "nothing")
    if dollars >= 0.01:
        amount = local(f"{dollars:,.0f}" if dollars >= 100 else f"{dollars:,.2f}")
        return translate("Readable", "${amount}").format(amount=amount)
    cents = dollars * 100
    if cents < 0.01:
        return translate("Readable", "less than a hundredth of a cent")
    return translate("Readable", "{n} cents").format(n=sig(cents, 2))


def energy(joules: float) -> str:
    """12 mJ, 0.35 J, 4.2 kJ, 56 Wh, 1.3 kWh: the unit of an electricity bill once there is enough of it."""
    if not _finite(joules):
        return translate("Readable", "an unknown amount of energy")
    if joules <= 0:
        return "0 J"
    if joules < 1:
        return f"{sig(joules * 1000, 2)} mJ"
    if joules < 1000:
        return f"{sig(joules, 2)} J"
    if joules < 3600:
        return f"{sig(joules / 1000, 2)} kJ"
    if joules < 3.6e6:
        return f"{sig(joules / 3600, 2)} Wh"
    return f"{sig(joules / 3.6e6, 2)} kWh"


def percent(share: float, decimals: int = 0) -> str:
    """0.953 → "95 %": the space the texts use; never "0 %" for something that happened, nor "100 %" for
    something short of all."""
    if not _finite(share):
        return translate("Readable", "an unknown share")
    value, step = share * 100, 10.0 ** -decimals
    if 0 < value < step / 2:
        return translate("Readable", "under {n} %").format(n=local(f"{step:g}"))
    if 100 - step / 2 <= value < 100:
        return translate("Readable", "over {n} %").format(n=local(f"{100 - step:.{decimals}f}"))
    return local(f"{value:.{decimals}f} %")


MONTHS = (QT_TRANSLATE_NOOP("Readable", "January"), QT_TRANSLATE_NOOP("Readable", "February"),
          QT_TRANSLATE_NOOP("Readable", "March"), QT_TRANSLATE_NOOP("Readable", "April"),
          QT_TRANSLATE_NOOP("Readable", "May"), QT_TRANSLATE_NOOP("Readable", "June"),
          QT_TRANSLATE_NOOP("Readable", "July"), QT_TRANSLATE_NOOP("Readable", "August"),
          QT_TRANSLATE_NOOP("Readable", "September"), QT_TRANSLATE_NOOP("Readable", "October"),
          QT_TRANSLATE_NOOP("Readable", "November"), QT_TRANSLATE_NOOP("Readable", "December"))


def date_time(moment: datetime) -> str:
    """7 December 2026, 14:05 (7. Dezember 2026, 14:05 in German): the month named in the language spoken."""
    return translate("Readable", "{day} {month} {year}, {time}").format(
        day=moment.day, month=translate("Readable", MONTHS[moment.month - 1]), year=moment.year,
        time=f"{moment.hour:02d}:{moment.minute:02d}")


def ratio(x: float) -> str:
    """How many times: 1.4, 3.1, 12, 720, 2,800 (two significant digits, three from 100)."""
    if not _finite(x):
        return _unknown()
    return sig(x, 2 if abs(x) < 100 else 3)
