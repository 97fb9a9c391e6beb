"""NumPy reference for the structured hot loops of theorybench (same formulas, same sizes, same machine).

Gram:     G = (D D^T) * (X X^T),  D = s * tanh'(X W^T)  (tanh' = 4e^{-2|p|}/(1+e^{-2|p|})^2; X X^T precomputed)
Gradient: g = D^T (r[:, None] * X)  (= (D * r)^T X)
Each timed from W (P = X W^T included). Usage: numpy_reference.py NxMxD [NxMxD ...]. For every size and for DGEMM
at n = 1024: the median and the best of at least 5 repeats (more for fast operations, up to ~0.5 s per operation),
in milliseconds, as one JSON object on stdout.
"""
import json
import statistics
import sys
import time

import numpy as np


def timed(fn):
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < 5 or (len(times) < 200 and time.perf_counter() - start < 0.5):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"median": statistics.median(times) * 1e3, "best": min(times) * 1e3, "repeats": len(times)}


def loops(n, m, d):
    rng = np.random.default_rng(20261125)
    x = rng.standard_normal((n, d))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    w = rng.standard_normal((m, d))
    s = rng.choice([-1.0, 1.0], size=m)
    r = rng.standard_normal(n)
    xxt = x @ x.T

    def factor():
        p = x @ w.T
        e = np.exp(-2.0 * np.abs(p))
        return s * (4.0 * e / (1.0 + e) ** 2)

    def gram():
        dd = factor()
        return (dd @ dd.T) * xxt

    def gradient():
        dd = factor()
        return dd.T @ (x * r[:, None])  # (D * r)^T X = D^T (r * X): scale the n x d factor, not the n x m one

    return {"jacobianStructured": timed(factor), "gramStructured": timed(gram), "gradientStructured": timed(gradient)}


def main():
    labels = sys.argv[1:] or ["1024x4096x256"]
    out = {"numpy": np.__version__, "sizes": {}}
    for label in labels:
        n, m, d = (int(v) for v in label.split("x"))
        out["sizes"][label] = loops(n, m, d)
    rng = np.random.default_rng(1024)
    a = rng.standard_normal((1024, 1024))
    b = rng.standard_normal((1024, 1024))
    out["dgemm"] = timed(lambda: a @ b)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
