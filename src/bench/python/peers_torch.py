"""The PyTorch peer of ./workbook bench: the same network as peers_numpy.py, on CPU tensors, one thread.

Lesson B's algorithm with the bias gradient summed (see peers_numpy.py for the formulas), written
with explicit tensor operations rather than autograd, so that it does the same work as the library
and the NumPy peer. Timed in float64 (the library's precision) and float32 (PyTorch's usual one).
Starts from the library's exported data and initial parameters and reports how far its float64
gradient is from the library's. Prints one JSON object on stdout.
"""

import argparse
import json
import platform
import statistics
import sys

import torch

import peer_timing
from peer_timing import time_calls


class Network:
    """An MLP on torch tensors of the given dtype; ReLU or tanh hidden layers, sigmoid output."""

    def __init__(self, workload, dtype):
        sizes = workload["sizes"]
        self.W = [torch.tensor(w, dtype=dtype).reshape(sizes[l], sizes[l + 1]) for l, w in enumerate(workload["weights"])]
        self.b = [torch.tensor(b, dtype=dtype) for b in workload["biases"]]
        if workload["hidden"] == "RELU":
            self.f, self.df = torch.relu, lambda z: (z > 0).to(z.dtype)
        elif workload["hidden"] == "TANH":
            self.f, self.df = torch.tanh, lambda z: 1 - torch.tanh(z) ** 2
        else:
            raise ValueError("unsupported hidden activation " + workload["hidden"])

    def forward(self, X):
        activations, zs = [X], []
        last = len(self.W) - 1
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            z = torch.addmm(b, activations[-1], W)  # b + A W
            zs.append(z)
            activations.append(torch.sigmoid(z) if l == last else self.f(z))
        return zs, activations

    @staticmethod
    def bce_from_logits(z, y):
        return float(torch.mean(torch.clamp(z, min=0) - z * y + torch.log1p(torch.exp(-torch.abs(z)))))

    def loss(self, X, y):
        zs, _ = self.forward(X)
        return self.bce_from_logits(zs[-1], y)

    def loss_and_gradient(self, X, y):
        zs, activations = self.forward(X)
        loss = self.bce_from_logits(zs[-1], y)
        delta = (activations[-1] - y) / y.numel()
        dWs, dbs = [None] * len(self.W), [None] * len(self.W)
        for l in range(len(self.W) - 1, -1, -1):
            dWs[l] = activations[l].T @ delta
            dbs[l] = delta.sum(dim=0)
            if l > 0:
                delta = (delta @ self.W[l].T) * self.df(zs[l - 1])
        return loss, dWs, dbs

    def epoch(self, X, y, learning_rate):
        loss, dWs, dbs = self.loss_and_gradient(X, y)
        for W, b, dW, db in zip(self.W, self.b, dWs, dbs):
            W.sub_(dW, alpha=learning_rate)
            b.sub_(db, alpha=learning_rate)
        return loss

    def gradient_check(self, X, y, step, floor):
        """As peers_numpy.Network.gradient_check: every parameter, centred differences, worst error."""
        _, dWs, dbs = self.loss_and_gradient(X, y)
        worst = 0.0
        for tensors, grads in ((self.W, dWs), (self.b, dbs)):
            for theta, analytic in zip(tensors, grads):
                flat, flat_analytic = theta.view(-1), analytic.reshape(-1).tolist()
                for i in range(flat.numel()):
                    original = float(flat[i])
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


def batch_of(workload, dtype):
    X = torch.tensor(workload["x"], dtype=dtype).reshape(workload["rows"], workload["sizes"][0])
    y = torch.tensor(workload["y"], dtype=dtype).reshape(workload["rows"], 1)
    return X, y


def disagreement(workload):
    """Largest relative difference of the float64 loss and gradient from the library's."""
    net = Network(workload, torch.float64)
    loss, dWs, dbs = net.loss_and_gradient(*batch_of(workload, torch.float64))
    worst = abs(loss - workload["loss"]) / abs(workload["loss"])
    for mine, theirs in zip(dWs + dbs, workload["gradient_weights"] + workload["gradient_biases"]):
        theirs = torch.tensor(theirs, dtype=torch.float64)
        scale = max(float(theirs.abs().max()), 1e-300)
        worst = max(worst, float((mine.reshape(-1) - theirs).abs().max()) / scale)
    return worst


def work_of(workload, dtype):
    """The timed call of a workload in dtype, and a function that resets its state (None: stateless)."""
    return peer_timing.work_of(workload, lambda: Network(workload, dtype), *batch_of(workload, dtype))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workloads", required=True)
    parser.add_argument("--budget", type=float, default=2.0)
    parser.add_argument("--min-calls", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    with open(args.workloads) as f:
        workloads = json.load(f)["workloads"]
    results = []
    with torch.no_grad():
        for dtype, name in ((torch.float64, "float64"), (torch.float32, "float32")):
            for w in workloads:
                call, reset = work_of(w, dtype)
                samples = time_calls(call, reset, args.budget, args.min_calls)
                results.append({"workload": w["id"], "dtype": name, "median_ns": statistics.median(samples),
                                "calls": len(samples), "disagreement": disagreement(w) if name == "float64" else None})
    json.dump({"versions": {"python": platform.python_version(), "torch": torch.__version__,
                            "torch_threads": torch.get_num_threads()},
               "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
