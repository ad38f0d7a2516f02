//! PyTorch's scheduler APIs, one row each, and the builders of their modes from keyword
//! arguments (every one also takes the golden format's `optimizer_lr`).

mod build;

use build::{
    base, chained, constant, cosine, cyclic, exponential, linear, linear_then_cosine, multi_step,
    one_cycle, polynomial, sequential, step, warm_restarts,
};

use super::modes::WarmRestartsEpoch;
use crate::schedule::frameworks::{Api, Mode, Nested, Pasted};

/// How a composite's list of schedulers is written: each inner call under `class`.
const SCHEDULERS: Option<Nested> = Some(Nested {
    arg: "schedulers",
    tag: "class",
});

/// A row read from pasted text, by its Python name and torch's own signature order.
const fn pasted(python: &'static str, positional: &'static [&'static str]) -> Option<Pasted> {
    Some(Pasted {
        python,
        positional,
        nested: None,
    })
}

/// PyTorch's rows.
pub(super) const APIS: [Api; 14] = [
    Api {
        family: "torch.CosineAnnealingLR",
        pasted: pasted(
            "CosineAnnealingLR",
            &["optimizer", "T_max", "eta_min", "last_epoch"],
        ),
        build: |p, _| Ok(Mode::TorchCosine(cosine(p, base(p)?)?)),
    },
    Api {
        family: "torch.CosineAnnealingWarmRestarts",
        pasted: pasted(
            "CosineAnnealingWarmRestarts",
            &["optimizer", "T_0", "T_mult", "eta_min", "last_epoch"],
        ),
        build: |p, _| Ok(Mode::TorchWarmRestarts(warm_restarts(p)?)),
    },
    Api {
        family: "torch.CosineAnnealingWarmRestarts.step_epoch",
        pasted: None,
        build: |p, _| {
            Ok(Mode::TorchWarmRestartsEpoch(WarmRestartsEpoch(
                warm_restarts(p)?,
            )))
        },
    },
    // The public fixture's name for a linear warm-up then a cosine, with its own params shape.
    Api {
        family: "torch.SequentialLR(LinearLR,CosineAnnealingLR)",
        pasted: None,
        build: linear_then_cosine,
    },
    Api {
        family: "torch.OneCycleLR",
        pasted: pasted(
            "OneCycleLR",
            &[
                "optimizer",
                "max_lr",
                "total_steps",
                "epochs",
                "steps_per_epoch",
                "pct_start",
                "anneal_strategy",
                "cycle_momentum",
                "base_momentum",
                "max_momentum",
                "div_factor",
                "final_div_factor",
                "three_phase",
                "last_epoch",
            ],
        ),
        build: one_cycle,
    },
    Api {
        family: "torch.ConstantLR",
        pasted: pasted(
            "ConstantLR",
            &["optimizer", "factor", "total_iters", "last_epoch"],
        ),
        build: constant,
    },
    Api {
        family: "torch.LinearLR",
        pasted: pasted(
            "LinearLR",
            &[
                "optimizer",
                "start_factor",
                "end_factor",
                "total_iters",
                "last_epoch",
            ],
        ),
        build: linear,
    },
    Api {
        family: "torch.StepLR",
        pasted: pasted("StepLR", &["optimizer", "step_size", "gamma", "last_epoch"]),
        build: step,
    },
    Api {
        family: "torch.MultiStepLR",
        pasted: pasted(
            "MultiStepLR",
            &["optimizer", "milestones", "gamma", "last_epoch"],
        ),
        build: multi_step,
    },
    Api {
        family: "torch.ExponentialLR",
        pasted: pasted("ExponentialLR", &["optimizer", "gamma", "last_epoch"]),
        build: exponential,
    },
    Api {
        family: "torch.PolynomialLR",
        pasted: pasted(
            "PolynomialLR",
            &["optimizer", "total_iters", "power", "last_epoch"],
        ),
        build: polynomial,
    },
    Api {
        family: "torch.CyclicLR",
        pasted: pasted(
            "CyclicLR",
            &[
                "optimizer",
                "base_lr",
                "max_lr",
                "step_size_up",
                "step_size_down",
                "mode",
                "gamma",
                "scale_fn",
                "scale_mode",
                "cycle_momentum",
                "base_momentum",
                "max_momentum",
                "last_epoch",
            ],
        ),
        build: cyclic,
    },
    Api {
        family: "torch.SequentialLR",
        pasted: Some(Pasted {
            python: "SequentialLR",
            positional: &["optimizer", "schedulers", "milestones", "last_epoch"],
            nested: SCHEDULERS,
        }),
        build: sequential,
    },
    Api {
        family: "torch.ChainedScheduler",
        pasted: Some(Pasted {
            python: "ChainedScheduler",
            positional: &["schedulers", "optimizer"],
            nested: SCHEDULERS,
        }),
        build: chained,
    },
];
