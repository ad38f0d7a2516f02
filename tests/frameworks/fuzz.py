"""`make frameworks-fuzz`: random parameters for every golden family, run in the real library
with the golden files' own drivers, and compared with `anneal eval` on the same case.

The golden files hold a third of each family's cases; this draws many more, including the edge
values a user types (lengths of 0 and 1, float lengths, factors at their bounds). A case the
library refuses must be refused by Anneal too. Tolerances: 1e-12 relative for float64; Keras's
float32 values must be equal to the bit.
Usage: python fuzz.py path/to/anneal [cases per family] [seed] [family prefix]
"""

import json
import math
import os
import random
import subprocess
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

R = random.Random()


def lr():
    return R.choice([0.1, 1.0, 3e-4, 5e-5, 0.01, round(10 ** R.uniform(-6, 0), R.randint(1, 8))])


def steps(lo=1, hi=200):
    return R.choice([lo, lo + 1, R.randint(lo, hi), R.randint(lo, hi)])


def frac():
    return R.choice([0.0, 0.5, 1.0, R.random(), round(R.random(), 2)])


def maybe(d, key, value, p=0.5):
    if R.random() < p:
        d[key] = value
    return d


# Each family: (parameter generator, number of points).
def torch_cosine():
    return {"T_max": steps(1, 120), "eta_min": R.choice([0.0, 1e-5, lr() / 10]), "optimizer_lr": lr()}


def warm_restarts():
    return {"T_0": steps(1, 40), "T_mult": R.choice([1, 1, 2, 3]), "eta_min": R.choice([0.0, 1e-4]),
            "optimizer_lr": lr()}


def one_cycle():
    p = {"max_lr": lr(), "total_steps": steps(3, 300), "anneal_strategy": R.choice(["cos", "linear"]),
         "three_phase": R.random() < 0.4, "cycle_momentum": R.random() < 0.5}
    maybe(p, "pct_start", R.choice([0.1, 0.25, 0.3, 0.45, round(R.uniform(0.05, 0.5), 3)]))
    maybe(p, "div_factor", R.choice([10.0, 25.0, 1.0, round(R.uniform(1, 100), 2)]))
    maybe(p, "final_div_factor", R.choice([1e4, 100.0, 1.0, round(R.uniform(1, 1e5), 1)]))
    p["optimizer_lr"] = p["max_lr"]
    return p


def timm_cosine():
    p = {"t_initial": steps(1, 60), "optimizer_lr": lr()}
    maybe(p, "lr_min", R.choice([0.0, 1e-5, 1e-3]))
    maybe(p, "cycle_mul", R.choice([1.0, 2.0, 1.5, 3.0]))
    maybe(p, "cycle_decay", R.choice([1.0, 0.5, 0.8]))
    maybe(p, "cycle_limit", R.choice([1, 2, 3, 5]))
    maybe(p, "k_decay", R.choice([1.0, 2.0, 0.5]), 0.3)
    return warmup_block(p, 1e-3)


def warmup_block(p, big_init=1e-4):
    if R.random() < 0.5:
        p["warmup_t"] = steps(0, 20)
        maybe(p, "warmup_lr_init", R.choice([0.0, 1e-6, big_init]))
        maybe(p, "warmup_prefix", R.random() < 0.5)
    maybe(p, "t_in_epochs", R.random() < 0.5, 0.3)
    return p


def timm_step():
    return warmup_block({"decay_t": steps(1, 50), "decay_rate": R.choice([0.1, 0.5, 0.2, 1.0]),
                         "optimizer_lr": lr()})


def timm_multistep():
    ms = sorted(R.sample(range(1, 120), R.randint(1, 4)))
    return warmup_block({"decay_t": ms, "decay_rate": R.choice([0.1, 0.5, 0.3]), "optimizer_lr": lr()})


def timm_poly():
    p = warmup_block({"t_initial": steps(1, 80), "power": R.choice([0.5, 1.0, 2.0, 0.9]), "optimizer_lr": lr()})
    maybe(p, "lr_min", R.choice([0.0, 1e-5]))
    maybe(p, "cycle_mul", R.choice([1.0, 2.0]), 0.3)
    maybe(p, "cycle_decay", R.choice([1.0, 0.5]), 0.3)
    maybe(p, "cycle_limit", R.choice([1, 2, 3]), 0.3)
    maybe(p, "k_decay", R.choice([1.0, 2.0]), 0.3)
    return p


def timm_tanh():
    p = warmup_block({"t_initial": steps(1, 80), "optimizer_lr": lr()})
    maybe(p, "lr_min", R.choice([0.0, 1e-5]))
    maybe(p, "lb", R.choice([-7.0, -6.0, -3.0]), 0.3)
    maybe(p, "ub", R.choice([3.0, 2.0, 5.0]), 0.3)
    maybe(p, "cycle_mul", R.choice([1.0, 2.0]), 0.3)
    maybe(p, "cycle_decay", R.choice([1.0, 0.5]), 0.3)
    maybe(p, "cycle_limit", R.choice([1, 2, 3]), 0.3)
    return p


def hf_warm(extra):
    def gen():
        w = steps(0, 50)
        p = {"num_warmup_steps": w, "num_training_steps": w + steps(1, 150), "optimizer_lr": lr()}
        extra(p)
        return p
    return gen


def torch_class(cls):
    gens = {
        "ConstantLR": lambda: {"factor": R.choice([0.5, 0.1, 1 / 3, 1.0, frac() or 0.25]),
                               "total_iters": steps(0, 30)},
        "LinearLR": lambda: {"start_factor": R.choice([0.1, 0.01, 1 / 3, 1.0, 0.5]),
                             "end_factor": R.choice([1.0, 0.0, 0.5, 0.1]), "total_iters": steps(0, 40)},
        # torch takes any number: it decays where last_epoch % step_size == 0.
        "StepLR": lambda: {"step_size": steps(1, 40) if R.random() < 0.8 else R.choice([2.5, 1.5, 0.5, 0.1, -3, 7.5]),
                           "gamma": R.choice([0.1, 0.5, 1.0, 0.95])},
        # A milestone that is not a whole number ≥ 0 is never reached.
        "MultiStepLR": lambda: {"milestones": sorted(R.sample(range(0, 100), R.randint(1, 4))
                                                     + ([R.choice([2.5, -1, 12.0])] if R.random() < 0.2 else [])),
                                "gamma": R.choice([0.1, 0.5, 0.3])},
        "ExponentialLR": lambda: {"gamma": R.choice([0.9, 0.95, 0.99, 1.0, round(R.uniform(0.5, 1), 4)])},
        "PolynomialLR": lambda: {"total_iters": steps(0, 60), "power": R.choice([1.0, 0.5, 2.0, 0.9])},
        "CosineAnnealingLR": lambda: {"T_max": steps(1, 60), "eta_min": R.choice([0.0, 1e-4])},
    }
    return gens[cls]()


def cyclic():
    base = lr()
    p = {"base_lr": base / 10, "max_lr": base, "step_size_up": steps(1, 40), "cycle_momentum": False,
         "optimizer_lr": lr()}
    maybe(p, "step_size_down", steps(1, 40))
    mode = R.choice(["triangular", "triangular2", "exp_range"])
    p["mode"] = mode
    if mode == "exp_range":
        p["gamma"] = R.choice([0.99, 0.999, 0.9, 1.0])
    maybe(p, "scale_mode", R.choice(["cycle", "iterations"]), 0.2)
    return p


def sequential():
    k = R.randint(2, 3)
    classes = [R.choice(["LinearLR", "ConstantLR", "StepLR", "ExponentialLR", "CosineAnnealingLR",
                         "MultiStepLR", "PolynomialLR"]) for _ in range(k)]
    ms = sorted(R.sample(range(1, 80), k - 1))
    return {"optimizer_lr": lr(), "schedulers": [dict(torch_class(c), **{"class": c}) for c in classes],
            "milestones": ms}


def chained():
    k = R.randint(2, 3)
    classes = [R.choice(["LinearLR", "ConstantLR", "StepLR", "ExponentialLR", "MultiStepLR",
                         "PolynomialLR"]) for _ in range(k)]
    return {"optimizer_lr": lr(), "schedulers": [dict(torch_class(c), **{"class": c}) for c in classes]}


def optax_cos():
    return {"init_value": lr(), "decay_steps": steps(1, 150), "alpha": R.choice([0.0, 0.01, 0.1]),
            "exponent": R.choice([1.0, 2.0, 0.5])}


def optax_wcd():
    return {"init_value": R.choice([0.0, 1e-6]), "peak_value": lr(), "warmup_steps": steps(0, 30),
            "decay_steps": steps(31, 150), "end_value": R.choice([0.0, 1e-5]), "exponent": R.choice([1.0, 2.0])}


def optax_sgdr():
    k = R.randint(1, 4)
    one = {"init_value": 0.0, "peak_value": lr(), "warmup_steps": steps(0, 5), "decay_steps": steps(6, 30),
           "end_value": R.choice([0.0, 1e-4])}
    return {"cosine_kwargs": [dict(one) for _ in range(k)]}


def optax_exp():
    p = {"init_value": lr(), "transition_steps": steps(1, 30), "decay_rate": R.choice([0.5, 0.9, 0.99, 1.5])}
    maybe(p, "transition_begin", steps(0, 30))
    maybe(p, "staircase", R.random() < 0.5)
    if p["decay_rate"] < 1:
        maybe(p, "end_value", p["init_value"] * R.choice([0.1, 0.01]), 0.4)
    else:
        maybe(p, "end_value", p["init_value"] * R.choice([10.0, 3.0]), 0.4)
    return p


def optax_poly():
    return {"init_value": lr(), "end_value": R.choice([0.0, 1e-5, 1e-3]), "power": R.choice([1.0, 2.0, 0.5, 3.0]),
            "transition_steps": steps(1, 150), **({"transition_begin": steps(0, 20)} if R.random() < 0.4 else {})}


def optax_linear():
    return {"init_value": lr(), "end_value": R.choice([0.0, 1e-5, 0.1]), "transition_steps": steps(1, 150),
            **({"transition_begin": steps(0, 20)} if R.random() < 0.4 else {})}


def bs():
    return {str(b): R.choice([0.1, 0.5, 2.0, 1.0]) for b in sorted(R.sample(range(1, 100), R.randint(1, 4)))}


def optax_onecycle():
    p = {"transition_steps": steps(2, 200), "peak_value": lr()}
    maybe(p, "pct_start", R.choice([0.3, 0.25, 0.5]))
    maybe(p, "div_factor", R.choice([25.0, 10.0]))
    maybe(p, "final_div_factor", R.choice([1e4, 100.0]))
    return p


def optax_join():
    k = R.randint(2, 3)
    fns = []
    for _ in range(k):
        fn = R.choice(["linear_schedule", "cosine_decay_schedule", "constant_schedule",
                       "warmup_cosine_decay_schedule", "exponential_decay"])
        if fn == "linear_schedule":
            fns.append(dict(optax_linear(), fn=fn))
        elif fn == "cosine_decay_schedule":
            fns.append(dict(optax_cos(), fn=fn))
        elif fn == "constant_schedule":
            fns.append({"fn": fn, "value": lr()})
        elif fn == "warmup_cosine_decay_schedule":
            fns.append(dict(optax_wcd(), fn=fn))
        else:
            fns.append(dict(optax_exp(), fn=fn))
    return {"schedules": fns, "boundaries": sorted(R.sample(range(1, 120), k - 1))}


def keras_lr():
    """A float, or now and then an int (Keras then computes in integers)."""
    return R.choice([1, 2]) if R.random() < 0.1 else lr()


def keras_cos():
    p = {"initial_learning_rate": keras_lr(), "decay_steps": steps(1, 150)}
    maybe(p, "alpha", R.choice([0.0, 0.1, 0.05]))
    if R.random() < 0.4:
        p["warmup_target"] = lr()
        p["warmup_steps"] = steps(0, 40)
    return p


def keras_restarts():
    return {"initial_learning_rate": keras_lr(), "first_decay_steps": steps(1, 30), "t_mul": R.choice([1.0, 2.0, 1.5]),
            "m_mul": R.choice([1.0, 0.5, 0.9]), "alpha": R.choice([0.0, 0.1])}


def keras_exp():
    p = {"initial_learning_rate": keras_lr(), "decay_steps": steps(1, 30), "decay_rate": R.choice([0.5, 0.9, 0.96])}
    maybe(p, "staircase", R.random() < 0.5)
    return p


def keras_poly():
    p = {"initial_learning_rate": keras_lr(), "decay_steps": steps(1, 100), "end_learning_rate": R.choice([1e-4, 0.0, 1e-6]),
         "power": R.choice([1.0, 0.5, 2.0])}
    maybe(p, "cycle", R.random() < 0.5)
    return p


def keras_inv():
    p = {"initial_learning_rate": keras_lr(), "decay_steps": steps(1, 30), "decay_rate": R.choice([0.5, 1.0, 0.1])}
    maybe(p, "staircase", R.random() < 0.5)
    return p


def keras_pw():
    b = sorted(R.sample(range(1, 100), R.randint(1, 4)))
    return {"boundaries": b, "values": [lr() for _ in range(len(b) + 1)]}


FAMILIES = {
    "torch.CosineAnnealingLR": torch_cosine,
    "torch.CosineAnnealingWarmRestarts": warm_restarts,
    "torch.OneCycleLR": one_cycle,
    "torch.ConstantLR": lambda: dict(torch_class("ConstantLR"), optimizer_lr=lr()),
    "torch.LinearLR": lambda: dict(torch_class("LinearLR"), optimizer_lr=lr()),
    "torch.StepLR": lambda: dict(torch_class("StepLR"), optimizer_lr=lr()),
    "torch.MultiStepLR": lambda: dict(torch_class("MultiStepLR"), optimizer_lr=lr()),
    "torch.ExponentialLR": lambda: dict(torch_class("ExponentialLR"), optimizer_lr=lr()),
    "torch.PolynomialLR": lambda: dict(torch_class("PolynomialLR"), optimizer_lr=lr()),
    "torch.CyclicLR": cyclic,
    "torch.SequentialLR": sequential,
    "torch.ChainedScheduler": chained,
    "timm.CosineLRScheduler": timm_cosine,
    "timm.StepLRScheduler": timm_step,
    "timm.MultiStepLRScheduler": timm_multistep,
    "timm.PolyLRScheduler": timm_poly,
    "timm.TanhLRScheduler": timm_tanh,
    "transformers.get_constant_schedule": lambda: {"optimizer_lr": lr()},
    "transformers.get_constant_schedule_with_warmup": lambda: {"num_warmup_steps": steps(0, 40), "optimizer_lr": lr()},
    "transformers.get_linear_schedule_with_warmup": hf_warm(lambda p: None),
    "transformers.get_cosine_schedule_with_warmup": hf_warm(lambda p: maybe(p, "num_cycles", R.choice([0.5, 1.5, 1.0, 0.25, 2.0]))),
    "transformers.get_cosine_with_hard_restarts_schedule_with_warmup": hf_warm(lambda p: maybe(p, "num_cycles", R.choice([1, 2, 3, 5]))),
    "transformers.get_cosine_with_min_lr_schedule_with_warmup": hf_warm(lambda p: (p.update(min_lr_rate=R.choice([0.1, 0.01, 0.0])), maybe(p, "num_cycles", R.choice([0.5, 1.5])))),
    "transformers.get_polynomial_decay_schedule_with_warmup": hf_warm(lambda p: p.update(lr_end=R.choice([1e-7, 0.0, p["optimizer_lr"] / 10]), power=R.choice([1.0, 2.0, 0.5]))),
    "transformers.get_inverse_sqrt_schedule": lambda: maybe({"num_warmup_steps": steps(0, 40), "optimizer_lr": lr()}, "timescale", steps(1, 50)),
    "transformers.get_wsd_schedule": lambda: wsd(),
    "optax.constant_schedule": lambda: {"value": lr()},
    "optax.linear_schedule": optax_linear,
    "optax.polynomial_schedule": optax_poly,
    "optax.exponential_decay": optax_exp,
    "optax.cosine_decay_schedule": optax_cos,
    "optax.warmup_cosine_decay_schedule": optax_wcd,
    "optax.warmup_constant_schedule": lambda: {"init_value": R.choice([0.0, 1e-6]), "peak_value": lr(), "warmup_steps": steps(0, 40)},
    "optax.warmup_exponential_decay_schedule": lambda: dict(
        {"init_value": R.choice([0.0, 1e-6]), "peak_value": lr(), "warmup_steps": steps(0, 30),
         "transition_steps": steps(1, 20), "decay_rate": R.choice([0.5, 0.9, 0.95])},
        **({"staircase": True} if R.random() < 0.3 else {}), **({"transition_begin": steps(0, 10)} if R.random() < 0.3 else {})),
    "optax.piecewise_constant_schedule": lambda: {"init_value": lr(), "boundaries_and_scales": bs()},
    "optax.piecewise_interpolate_schedule": lambda: {"interpolate_type": R.choice(["linear", "cosine"]), "init_value": lr(), "boundaries_and_scales": bs()},
    "optax.linear_onecycle_schedule": optax_onecycle,
    "optax.cosine_onecycle_schedule": optax_onecycle,
    "optax.sgdr_schedule": optax_sgdr,
    "optax.join_schedules": optax_join,
    "keras.CosineDecay": keras_cos,
    "keras.CosineDecayRestarts": keras_restarts,
    "keras.ExponentialDecay": keras_exp,
    "keras.PolynomialDecay": keras_poly,
    "keras.InverseTimeDecay": keras_inv,
    "keras.PiecewiseConstantDecay": keras_pw,
}


def wsd():
    w, d = steps(0, 30), steps(1, 60)
    p = {"num_warmup_steps": w, "num_decay_steps": d, "num_training_steps": w + d + steps(0, 100), "optimizer_lr": lr()}
    maybe(p, "warmup_type", R.choice(["linear", "cosine", "1-sqrt"]))
    maybe(p, "decay_type", R.choice(["linear", "cosine", "1-sqrt"]))
    maybe(p, "min_lr_ratio", R.choice([0.0, 0.01, 0.1]))
    maybe(p, "num_cycles", R.choice([0.5, 1.0]), 0.2)
    return p


def run_torch(family, p, n):
    import torch
    from torch.optim import lr_scheduler as L
    import transformers
    param = torch.nn.Parameter(torch.zeros(1))
    kw = {k: v for k, v in p.items() if k != "optimizer_lr"}
    opt = torch.optim.SGD([param], lr=p["optimizer_lr"])
    name = family.split(".", 1)[1]
    if name in ("SequentialLR", "ChainedScheduler"):
        subs = [getattr(L, s["class"])(opt, **{k: v for k, v in s.items() if k != "class"}) for s in kw["schedulers"]]
        sched = L.SequentialLR(opt, subs, kw["milestones"]) if name == "SequentialLR" else L.ChainedScheduler(subs, optimizer=opt)
    elif family.startswith("transformers."):
        sched = getattr(transformers, name)(opt, **kw)
    else:
        sched = getattr(L, name)(opt, **kw)
    out = [opt.param_groups[0]["lr"]]
    for _ in range(n - 1):
        opt.step()
        sched.step()
        out.append(opt.param_groups[0]["lr"])
    return out


def run_timm(family, p, n):
    import torch
    import timm.scheduler as S
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=p["optimizer_lr"])
    kw = {k: v for k, v in p.items() if k != "optimizer_lr"}
    sched = getattr(S, family.split(".", 1)[1])(opt, **kw)
    out = []
    for t in range(n):
        (sched.step(t) if kw.get("t_in_epochs", True) else sched.step_update(t))
        out.append(opt.param_groups[0]["lr"])
    return out


def run_optax(family, p, n):
    import jax
    jax.config.update("jax_enable_x64", True)
    import optax

    def build(name, kw):
        kw = dict(kw)
        if "boundaries_and_scales" in kw:
            kw["boundaries_and_scales"] = {int(k): v for k, v in kw["boundaries_and_scales"].items()}
        if name == "join_schedules":
            kw["schedules"] = [build(s["fn"], {k: v for k, v in s.items() if k != "fn"}) for s in kw["schedules"]]
        return getattr(optax, name)(**kw)

    sched = build(family.split(".", 1)[1], p)
    return [float(sched(i)) for i in range(n)]


def run_keras(family, p, n):
    import jax
    jax.config.update("jax_enable_x64", False)  # Keras's default, which the optax runs turn on
    import keras
    sched = getattr(keras.optimizers.schedules, family.split(".", 1)[1])(**p)
    return [float(sched(i)) for i in range(n)]


def reference(family, p, n):
    fw = family.split(".")[0]
    if fw in ("torch", "transformers"):
        return run_torch(family, p, n)
    return {"timm": run_timm, "optax": run_optax, "keras": run_keras}[fw](family, p, n)


def close(a, b, tol, scale):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b), scale)


def main():
    cli = sys.argv[1]
    per = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else random.randrange(10 ** 6)
    only = sys.argv[4] if len(sys.argv) > 4 else ""
    R.seed(seed)
    print(f"seed {seed}, {per} cases per family")
    cases, refused = [], []
    for family, gen in FAMILIES.items():
        if not family.startswith(only):
            continue
        for k in range(per):
            p = gen()
            n = R.choice([30, 80, 160, 300])
            try:
                values = reference(family, p, n)
            except Exception as e:  # the library refuses: Anneal must too
                refused.append({"id": f"{family}#{k}", "family": family, "params": p, "n": n,
                                "why": f"{type(e).__name__}: {str(e)[:120]}"})
                continue
            dtype = "float32" if family.startswith("keras") else "float64"
            cases.append({"id": f"{family}#{k}", "family": family, "params": p, "n": n, "dtype": dtype,
                          "values": values})
    doc = {"cases": [{k: v for k, v in c.items() if k not in ("values", "why")} for c in cases + refused]}
    got = subprocess.run([cli, "eval"], input=json.dumps(doc), capture_output=True, text=True)
    ours = {c["id"]: c for c in json.loads(got.stdout)["cases"]}
    bad = 0
    for c in cases:
        o = ours[c["id"]]
        if "error" in o:
            bad += 1
            print(f"REFUSED {c['id']} {json.dumps(c['params'])}: {o['error']}")
            continue
        tol = 0.0 if c["dtype"] == "float32" else 1e-12
        off = [i for i, (a, b) in enumerate(zip(o["values"], c["values"])) if not close(a, b, tol, 0.0)]
        if off or len(o["values"]) != len(c["values"]):
            bad += 1
            i = off[0] if off else 0
            print(f"DIFF {c['id']} {json.dumps(c['params'])}: {len(off)} of {c['n']} differ; first at {i}: "
                  f"library {c['values'][i]!r}, Anneal {o['values'][i]!r}")
    for c in refused:
        o = ours[c["id"]]
        if "error" not in o:
            bad += 1
            print(f"ACCEPTED {c['id']} {json.dumps(c['params'])}: the library raised {c['why']}")
    print(f"{len(cases) + len(refused) - bad}/{len(cases) + len(refused)} cases agree "
          f"({len(cases)} computed, {len(refused)} refused by the library); seed {seed}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
