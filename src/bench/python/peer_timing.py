"""Timing for the peers of ./workbook bench (standard library only, shared by the NumPy and PyTorch peers):
which call each workload times, and how."""

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


def work_of(workload, new_network, X, y):
    """The timed call of a workload on batch (X, y), and a function that resets its state (None:
    stateless). new_network() makes the peer's network with the workload's initial parameters; an
    epoch trains it, so the epochs get a reset that makes a fresh one."""
    kind = workload["id"]
    state = {}

    def reset():
        state["net"] = new_network()

    reset()
    if kind.endswith("-epoch"):
        rate = workload["learning_rate"]
        return (lambda: state["net"].epoch(X, y, rate)), reset
    if kind == "efficiency-forward":
        return (lambda: state["net"].forward(X)), None
    if kind == "efficiency-forward-backward":
        return (lambda: state["net"].loss_and_gradient(X, y)), None
    if kind == "gradient-check":
        return (lambda: state["net"].gradient_check(X, y, workload["check_step"], workload["check_floor"])), None
    raise ValueError("unknown workload " + kind)
