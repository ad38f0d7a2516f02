"""`make frameworks-check`: every preset and a battery of links, exported to every framework,
run in the real library, and compared with the values Anneal computes for the same code.

Anneal's values for a snippet are what `anneal values` reads from it (the built-in call), or,
for a snippet that has to fall back to a closure over Anneal's formula, the CSV series of the
explorer itself. Tolerances: 1e-12 relative for float64, float32 rounding for Keras.
Usage: python check.py path/to/anneal   (prints one line per case; exit 1 on any mismatch)
"""

import json
import os
import subprocess
import sys
import time

LINKS = [
    "?v=1&t_max=100",
    "?v=1&eta_max=0.1&t_max=100&warmup=10",
    "?v=1&eta_max=0.003&eta_min=1e-5&t_max=500&warmup=50&warmup_start=1e-5",
    "?v=1&eta_max=0.05&t_max=20&restarts=1&t_mult=2&horizon=300",
    "?v=1&eta_max=0.05&t_max=30&restarts=1&t_mult=1&horizon=200",
    "?v=1&eta_max=0.01&eta_min_rel=1&eta_min_frac=0.1&t_max=1000&warmup=100",
    "?v=1&eta_max=0.1&t_max=40&restarts=1&decay=0.5&horizon=200",
    "?v=1&eta_max=0.2&t_max=10&unit=epochs&steps_per_epoch=50&horizon=15",
    # Every family alone, and compositions built by hand.
    "?v=1&phases=constant&horizon=100",
    "?v=1&phases=step(0.1,333)&horizon=1200",
    "?v=1&phases=multistep(0.1,500_750)&horizon=1200",
    "?v=1&phases=exp(0.1,0.954992586021436,10)&horizon=1200",
    "?v=1&phases=linear(0.1,0,1e3)&horizon=1200",
    "?v=1&phases=poly(0.1,0,1e3,2)&horizon=1200",
    "?v=1&phases=isqrt(0.1,40,40)&horizon=1200",
    "?v=1&phases=pconst(0.1_0.01_1e-3,500_750)&horizon=1200",
    "?v=1&phases=tanh(0.1,0,1e3)&horizon=1200",
    "?v=1&phases=cyclic(0.01,0.1,125,125)&horizon=1200",
    "?v=1&phases=onecycle&horizon=1200",
    "?v=1&phases=wsd(0.1,20,780,200)&horizon=1200",
    "?v=1&phases=linear(0,1e-3,1000)!1000!constant(1e-3)!80000!wsd(1e-3,0,0,20000,0,linear,1-sqrt)&horizon=100000",
    "?v=1&phases=linear(0.01,0.1,100)!100!step(0.1,300,0.5)&horizon=1200",
    "?v=1&phases=linear(0,0.1,100)!100!constant(0.1)!600!linear(0.1,0.001,300)&horizon=1200",
]
FRAMEWORKS = ["torch", "timm", "hf", "optax", "keras"]
# Float64: 1e-12 relative. Keras computes in float32: a few float32 ulps of the peak (its cos and
# products round at the peak's scale, so the tail's relative error is larger).
TOLERANCE = {"keras": 1e-6}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


# Point-evaluated schedules (optax, Keras) cost milliseconds of Python dispatch per call: the
# snippet's loop is run on all its steps at once (the same element-wise operations), every
# step of the run even where the snippet prints one in k.
LOOP = "for step in range({n}):\n    print(step, float(schedule(step)))"


def vectorised(code):
    head, sep, rest = code.partition("for step in range(")
    if not sep:
        return code
    n, _, tail = rest.partition("):")
    if LOOP.format(n=n) not in code:
        return code
    # A sampled loop (`range(0, N, k)`) is checked at every one of its N steps.
    stop = n.split(",")[1].strip() if "," in n else n
    batch = (f"import numpy as np\n_steps = np.arange({stop})\n_values = np.asarray(schedule(_steps))\n"
             "for step, value in zip(_steps, _values):\n    print(int(step), float(value))")
    return code.replace(LOOP.format(n=n), batch)


def sampled(code, points=300):
    """The loop over `points` spread steps, for a schedule that cannot take an array."""
    head, sep, rest = code.partition("for step in range(")
    if not sep:
        return code
    n, _, tail = rest.partition("):")
    n = n.split(",")[1].strip() if "," in n else n  # a sampled loop's run: `range(0, N, k)`
    steps = f"sorted(set(list(range(0, {n}, max(1, {n} // {points}))) + [{n} - 1]))"
    return f"{head}for step in {steps}:{tail}"


def at_steps(code, steps):
    """The snippet's own loop over the given steps only."""
    head, sep, rest = code.partition("for step in range(")
    if not sep:
        return code
    _, _, tail = rest.partition("):")
    return f"{head}for step in {sorted(steps)}:{tail}"


def printed(stdout, column=1):
    """{step: value} from the snippet's "step lr [momentum]" lines (`column` 2: the momentum)."""
    values = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) in (2, 3) and parts[0].isdigit() and len(parts) > column:
            values[int(parts[0])] = float(parts[column])
    return values


def anneal_values(cli, link, framework, code, n):
    got = run([cli, "values", code, "--steps", str(n), "--format", "json"])
    if got.returncode == 0:
        return [float(v) for v in json.loads(got.stdout)["values"]], "call"
    return closure_values(cli, link, n)


def anneal_momentum(cli, code, n):
    """The momentum Anneal computes for the snippet's call (empty where it cycles none)."""
    got = run([cli, "values", code, "--steps", str(n), "--format", "json"])
    return json.loads(got.stdout).get("momentum", []) if got.returncode == 0 else []


def closure_values(cli, link, n):
    csv = run([cli, "export", "--url", link, "--to", "csv"]).stdout.splitlines()
    header = csv[0].split(",")
    step, lr = header.index("step"), header.index("lr")
    rows = [r.split(",") for r in csv[1:]]
    by_step = {float(r[step]): float(r[lr]) for r in rows if len(r) > lr and r[lr]}
    return [by_step.get(float(i), float("nan")) for i in range(n)], "closure"


def close(a, b, tol, scale):
    return abs(a - b) <= 1e-18 or abs(a - b) <= tol * max(abs(a), abs(b), scale)


def main():
    cli = sys.argv[1]
    presets = run([cli, "presets"]).stdout.splitlines()
    links = [("preset " + p.split("\t")[0], p.split("\t")[1]) for p in presets]
    links += [("link " + l, l) for l in LINKS]
    env = dict(os.environ, KERAS_BACKEND="jax", PYTHONWARNINGS="ignore")
    failures, cases, values, skipped, closures = 0, 0, 0, 0, 0
    for name, link in links:
        for framework in FRAMEWORKS:
            exported = run([cli, "export", "--url", link, "--to", framework])
            if exported.returncode != 0:
                skipped += 1
                print(f"skip {name} {framework}: {exported.stderr.strip()[:100]}…")
                continue
            code = exported.stdout
            start = time.monotonic()
            runnable = vectorised(code) if framework in ("optax", "keras") else code
            real = run([sys.executable, "-c", runnable], env=env)
            if real.returncode != 0 and runnable != code:
                real = run([sys.executable, "-c", sampled(code)], env=env)
            seconds = time.monotonic() - start
            cases += 1
            if real.returncode != 0:
                failures += 1
                print(f"FAIL {name} {framework}: the snippet raised\n{real.stderr[-600:]}")
                continue
            theirs = printed(real.stdout)
            n = max(theirs, default=-1) + 1
            ours, source = anneal_values(cli, link, framework, code, n)
            moved = printed(real.stdout, column=2)
            if moved:
                mine = anneal_momentum(cli, code, n)
                off = [i for i, v in moved.items() if i >= len(mine) or not close(mine[i], v, 1e-12, 0.0)]
                values += len(moved)
                if off:
                    failures += 1
                    print(f"FAIL {name} {framework}: momentum differs at {len(off)} steps, first {off[0]}")
                    continue
                print(f"ok   {name} {framework}: momentum equal at {len(moved)} steps")
            tol = TOLERANCE.get(framework, 1e-12)
            scale = max(map(abs, theirs.values()), default=0.0) if framework == "keras" else 0.0
            # The CSV of a long horizon lists the steps the chart samples, not every step: a
            # closure is compared at those.
            compared = {i: v for i, v in theirs.items() if i < len(ours) and ours[i] == ours[i]}
            bad = [i for i, v in sorted(compared.items()) if not close(ours[i], v, tol, scale)]
            if bad and runnable != code:
                # XLA's vectorised kernels can round π·count/T one ulp off its scalar path (which
                # the pasted loop takes): the steps that differ are run again as written.
                again = printed(run([sys.executable, "-c", at_steps(code, bad[:200])], env=env).stdout)
                theirs.update(again)
                bad = [i for i in bad if not close(ours[i], theirs[i], tol, scale)]
            closures += source == "closure"
            if source == "call":
                bad += [i for i in theirs if i not in compared]
            values += len(compared)
            if bad or not compared:
                failures += 1
                i = bad[0] if bad else 0
                print(f"FAIL {name} {framework} ({source}): {len(bad)} of {len(theirs)} differ; "
                      f"first at step {i}: library {theirs.get(i, '-')}, "
                      f"Anneal {ours[i] if i < len(ours) else '-'}")
            else:
                print(f"ok   {name} {framework} ({source}): {len(compared)} of {n} steps equal "
                      f"({seconds:.1f} s in the library)")
    print(f"{cases - failures}/{cases} snippets equal the real libraries ({values} values compared, "
          f"{closures} of the snippets Anneal's formula where the library has no call)"
          + (f"; {skipped} exports failed" if skipped else ""))
    sys.exit(1 if failures or skipped else 0)


if __name__ == "__main__":
    main()
