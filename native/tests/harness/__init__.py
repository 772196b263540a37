"""The engine test harness: processes, the stasis command, test programs,
per-scenario contexts and the scenario registry (see ../run-tests)."""
