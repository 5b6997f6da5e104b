"""What runs cost: CPU time priced per CPU-hour for a thousand and a million requests, and energy per run
(the processor's own counter where it can be read, otherwise CPU time × watts per busy core, an estimate)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from playground.core.timing import RunRecord

# A cloud provider's on-demand price for one virtual CPU for an hour, in US dollars: general-purpose
# instances list at about 0.04–0.05 per vCPU-hour. A person can type their own.
DEFAULT_PRICE_PER_CPU_HOUR = 0.05
# What one busy core of a desktop or laptop processor draws: 5–15 W is typical. An estimate, and labelled so.
DEFAULT_WATTS_PER_CORE = 10.0
LED_BULB_WATTS = 10.0  # something everyone has seen: how long a 10 W LED bulb would burn on the same energy


@dataclass(frozen=True)
class CostFigures:
    """The typical warm run of one model on this computer, and what a number of them cost."""

    runs: int  # warm runs the medians come from
    cpu_s: float  # CPU seconds per run (all threads), median
    wall_s: float  # seconds from input to answer, median
    price_per_cpu_hour: float
    watts_per_core: float
    measured_j: float | None = None  # joules per run from the energy counter, median; None when unreadable

    def dollars(self, requests: int) -> float:
        return requests * self.cpu_s / 3600.0 * self.price_per_cpu_hour

    @property
    def energy_measured(self) -> bool:
        return self.measured_j is not None

    @property
    def joules(self) -> float:
        """Energy per run: measured where possible, otherwise CPU seconds × watts per busy core."""
        return self.measured_j if self.measured_j is not None else self.cpu_s * self.watts_per_core

    def kwh(self, requests: int) -> float:
        return requests * self.joules / 3.6e6

    def bulb_hours(self, requests: int) -> float:
        """Hours a 10 W LED bulb would shine on the energy of `requests` runs."""
        return requests * self.joules / LED_BULB_WATTS / 3600.0


def cost_figures(records: list[RunRecord], price_per_cpu_hour: float = DEFAULT_PRICE_PER_CPU_HOUR,
                 watts_per_core: float = DEFAULT_WATTS_PER_CORE) -> CostFigures | None:
    """Medians over the warm runs (the cold one pays for setting up); None before any warm run."""
    warm = [r for r in records if not r.cold]
    if not warm:
        return None
    energies = [r.energy_uj / 1e6 for r in warm if r.energy_uj is not None]
    return CostFigures(len(warm), statistics.median(r.cpu_ns for r in warm) / 1e9,
                       statistics.median(r.total_ns for r in warm) / 1e9, price_per_cpu_hour, watts_per_core,
                       statistics.median(energies) if len(energies) == len(warm) else None)
