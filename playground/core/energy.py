"""The processor's own energy counter (Linux powercap RAPL), read around each run where the system allows it."""

from __future__ import annotations

from pathlib import Path

# The whole processor package. Linux lets only root read it since 2020 (the counter leaks timing), so on
# most desktops it is unreadable and the playground estimates energy from CPU time instead.
RAPL = Path("/sys/class/powercap/intel-rapl:0")


class EnergyCounter:
    """Microjoules the processor package has used since some moment; it wraps at max_energy_range_uj."""

    def __init__(self, folder: Path = RAPL) -> None:
        self._counter = folder / "energy_uj"
        self._range = int((folder / "max_energy_range_uj").read_text().strip())
        self.read_uj()  # unreadable counters fail here, not in the middle of a run

    @classmethod
    def open(cls, folder: Path = RAPL) -> EnergyCounter | None:
        """The counter, or None where there is none or it may not be read."""
        try:
            return cls(folder)
        except (OSError, ValueError):
            return None

    def read_uj(self) -> int:
        return int(self._counter.read_text().strip())

    def since(self, start_uj: int) -> int:
        """Microjoules used since a reading of start_uj (one wrap of the counter allowed)."""
        now = self.read_uj()
        return now - start_uj if now >= start_uj else now + self._range - start_uj
