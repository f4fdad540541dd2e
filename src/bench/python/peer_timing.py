"""Timing for the peers of ./workbook bench (standard library only, shared by the NumPy and PyTorch peers)."""

import time


def time_calls(call, reset, budget, min_calls):
    """Warm-up for a fifth of the budget, then time calls one by one until the budget is spent (and
    at least min_calls were made). The state is reset before the warm-up and before the timed calls,
    as the Java side resets before each iteration. Returns per-call times in nanoseconds."""
    for phase_budget, keep in ((budget / 5, False), (budget, True)):
        if reset:
            reset()
        samples = []
        end = time.perf_counter() + phase_budget
        while len(samples) < (min_calls if keep else 1) or time.perf_counter() < end:
            start = time.perf_counter_ns()
            call()
            samples.append(time.perf_counter_ns() - start)
    return samples
