"""NumPy reference for the structured hot loops of theorybench (same formulas, same sizes, same machine).

Gram:     G = (D D^T) * (X X^T),  D = s * tanh'(X W^T)  (tanh' = 4e^{-2|p|}/(1+e^{-2|p|})^2; X X^T precomputed)
Gradient: g = D^T (r[:, None] * X)  (= (D * r)^T X)
Each timed from W (P = X W^T included), best of `repeats`, milliseconds. Prints one JSON object on stdout.
"""
import json
import sys
import time

import numpy as np


def main():
    n, m, d = (int(v) for v in sys.argv[1].split("x")) if len(sys.argv) > 1 else (1024, 4096, 256)
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10
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

    out = {"size": f"{n}x{m}x{d}", "numpy": np.__version__}
    for name, fn in (("gramStructured", gram), ("gradientStructured", gradient), ("jacobianStructured", factor)):
        fn()
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        out[name] = best * 1e3
    a = rng.standard_normal((1024, 1024))
    b = rng.standard_normal((1024, 1024))
    a @ b
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t0)
    out["dgemm"] = best * 1e3
    print(json.dumps(out))


if __name__ == "__main__":
    main()
