"""The NumPy peer of ./workbook bench: lesson B's network, written anew, timed on the library's workloads.

Lesson B's algorithm in row layout (samples x features), float64, with its bias bug fixed:

    Z_l = A_{l-1} W_l + b_l            A_{-1} = X; ReLU hidden layers, sigmoid output
    L   = mean BCE(y, sigmoid(Z_out))  computed from the logits, no clipping
    delta_out = (sigmoid(Z_out) - y) / N        sigmoid and BCE fused; carries the 1/N
    dW_l = A_{l-1}^T delta_l
    db_l = sum over rows of delta_l             a sum: delta already carries the 1/N
    delta_{l-1} = (delta_l W_l^T) * f'(Z_{l-1})

The sizes, the data and the initial (He) parameters are read from the workloads file that the
library exported (ExportWorkloads), so both sides start from the same numbers, and the peer proves
that its loss and gradient agree with the library's before anything is timed.

Run as a script in its own process, so that the BLAS thread variables (OPENBLAS_NUM_THREADS and its
kin) are read before NumPy loads. Prints one JSON object on stdout. Standard library and NumPy only.
"""

import argparse
import json
import platform
import statistics
import sys

import numpy as np

import peer_timing
from peer_timing import time_calls

ACTIVATIONS = {
    "RELU": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0.0).astype(z.dtype)),
    "TANH": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
}


def sigmoid(z):
    """1 / (1 + e^-z) without overflow for large |z|."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class Network:
    """An MLP with the given weights (fan_in x fan_out each) and biases; hidden activation by name."""

    def __init__(self, weights, biases, hidden):
        self.W = [np.array(w, dtype=np.float64) for w in weights]
        self.b = [np.array(b, dtype=np.float64) for b in biases]
        self.f, self.df = ACTIVATIONS[hidden]

    def forward(self, X):
        """Returns the pre-activations zs and the activations of every layer, input first."""
        activations, zs = [X], []
        last = len(self.W) - 1
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            z = activations[-1] @ W + b
            zs.append(z)
            activations.append(sigmoid(z) if l == last else self.f(z))
        return zs, activations

    @staticmethod
    def bce_from_logits(z, y):
        """Mean BCE of sigmoid(z) against y: max(z, 0) - z y + log(1 + e^-|z|), averaged."""
        return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))

    def loss(self, X, y):
        zs, _ = self.forward(X)
        return self.bce_from_logits(zs[-1], y)

    def loss_and_gradient(self, X, y):
        """Forward, loss, backward: returns (loss, dWs, dbs)."""
        zs, activations = self.forward(X)
        loss = self.bce_from_logits(zs[-1], y)
        delta = (activations[-1] - y) / y.size
        dWs, dbs = [None] * len(self.W), [None] * len(self.W)
        for l in range(len(self.W) - 1, -1, -1):
            dWs[l] = activations[l].T @ delta
            dbs[l] = delta.sum(axis=0)  # lesson B takes the mean here: the bias bug
            if l > 0:
                delta = (delta @ self.W[l].T) * self.df(zs[l - 1])
        return loss, dWs, dbs

    def sgd_step(self, dWs, dbs, learning_rate):
        for W, b, dW, db in zip(self.W, self.b, dWs, dbs):
            W -= learning_rate * dW
            b -= learning_rate * db

    def epoch(self, X, y, learning_rate):
        """One full-batch epoch: forward, loss, backward, update. Returns the loss before the update."""
        loss, dWs, dbs = self.loss_and_gradient(X, y)
        self.sgd_step(dWs, dbs, learning_rate)
        return loss

    def gradient_check(self, X, y, step, floor):
        """The library's full check: every weight and bias probed by (L(θ+h) - L(θ-h)) / 2h and
        compared with the analytic gradient by |a - n| / max(|a|, |n|, floor); each parameter is
        restored exactly. Returns the worst relative error."""
        _, dWs, dbs = self.loss_and_gradient(X, y)
        worst = 0.0
        for tensors, grads in ((self.W, dWs), (self.b, dbs)):
            for theta, analytic in zip(tensors, grads):
                flat, flat_analytic = theta.reshape(-1), analytic.reshape(-1)
                for i in range(flat.size):
                    original = flat[i]
                    flat[i] = original + step
                    plus = self.loss(X, y)
                    flat[i] = original - step
                    minus = self.loss(X, y)
                    flat[i] = original
                    numerical = (plus - minus) / (2 * step)
                    diff = abs(flat_analytic[i] - numerical)
                    if diff:
                        worst = max(worst, diff / max(abs(flat_analytic[i]), abs(numerical), floor))
        return worst


def network_of(workload):
    sizes = workload["sizes"]
    weights = [np.array(w).reshape(sizes[l], sizes[l + 1]) for l, w in enumerate(workload["weights"])]
    return Network(weights, workload["biases"], workload["hidden"])


def batch_of(workload):
    X = np.array(workload["x"], dtype=np.float64).reshape(workload["rows"], workload["sizes"][0])
    y = np.array(workload["y"], dtype=np.float64).reshape(workload["rows"], 1)
    return X, y


def disagreement(workload):
    """The largest relative difference between this peer's loss and gradient and the library's."""
    net = network_of(workload)
    X, y = batch_of(workload)
    loss, dWs, dbs = net.loss_and_gradient(X, y)
    worst = abs(loss - workload["loss"]) / abs(workload["loss"])
    for mine, theirs in zip(dWs + dbs, workload["gradient_weights"] + workload["gradient_biases"]):
        theirs = np.array(theirs)
        scale = max(float(np.max(np.abs(theirs))), 1e-300)
        worst = max(worst, float(np.max(np.abs(mine.reshape(-1) - theirs))) / scale)
    return worst


def work_of(workload):
    """The timed call of a workload, and a function that resets its state (None: stateless)."""
    return peer_timing.work_of(workload, lambda: network_of(workload), *batch_of(workload))


def dgemm_probe(n, budget):
    """Peak probe: the FLOP rate of NumPy's matrix product (BLAS dgemm) on two n x n float64
    matrices, 2 n^3 FLOPs per product; the best BLAS kernels run near the core's peak on it."""
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    samples = time_calls(lambda: a @ b, None, budget, 3)
    median = statistics.median(samples)
    return {"n": n, "flops_per_call": 2 * n ** 3, "median_ns": median, "gflops": 2 * n ** 3 / median}


def blas_info():
    """NumPy's BLAS as its build reports it (name, version, configuration), or what is known."""
    try:
        config = np.show_config(mode="dicts")
        blas = config.get("Build Dependencies", {}).get("blas", {})
        return {k: blas.get(k) for k in ("name", "version", "openblas configuration") if blas.get(k)}
    except Exception as e:  # older NumPy without mode="dicts"
        return {"name": "unknown (%s)" % type(e).__name__}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", required=True, help="workloads.json written by ExportWorkloads")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds of timed calls per workload")
    parser.add_argument("--min-calls", type=int, default=5)
    parser.add_argument("--peak", type=int, default=0, help="also run the dgemm probe with n x n matrices")
    args = parser.parse_args()
    with open(args.workloads) as f:
        workloads = json.load(f)["workloads"]
    results = []
    for w in workloads:
        call, reset = work_of(w)
        samples = time_calls(call, reset, args.budget, args.min_calls)
        results.append({"workload": w["id"], "median_ns": statistics.median(samples), "calls": len(samples),
                        "disagreement": disagreement(w)})
    out = {
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "blas": blas_info()},
        "results": results,
    }
    if args.peak:
        out["dgemm"] = dgemm_probe(args.peak, args.budget)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
