"""The lab: what the lessons measure and say (costs, comparisons, sweeps, profiles, tours, the report),
built on the engine in playground.core and shown by playground.ui; no Qt."""
