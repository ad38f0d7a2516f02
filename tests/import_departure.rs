//! The Code panel writes the explorer's schedule: where the explorer only comes near an
//! imported call, that code is not the call, and `departure` tells where and by how much.

use anneal::export::{call_rates, departure, import};
use anneal::share::Settings;

/// `code` imported with the default settings: where its explorer curve departs from it.
fn departs(code: &str) -> Option<(f64, f64)> {
    let found = import(code, &Settings::default()).expect("imports");
    let r = found.settings.resolve();
    departure(
        &r.phases,
        &call_rates(&found.mode, found.step_every, r.run_steps)?,
    )
}

#[test]
fn calls_the_explorer_draws_exactly_do_not_depart() {
    for code in [
        "CosineAnnealingLR(SGD(p, lr=0.1), T_max=1000, eta_min=1e-5)",
        "StepLR(SGD(p, lr=3e-4), step_size=10000, gamma=0.5)",
        "get_linear_schedule_with_warmup(AdamW(p, lr=3e-4), 500, 20000)",
        "optax.warmup_cosine_decay_schedule(0.0, 3e-4, 1000, 50000, 1e-6)",
        // Stepped per epoch (timm's default): compared at each epoch's first step, where
        // training takes its value.
        "StepLRScheduler(SGD(p, lr=0.1), decay_t=30, decay_rate=0.1)",
        "CosineLRScheduler(SGD(p, lr=0.1), t_initial=300, lr_min=1e-6)",
        // Keras computes in float32: its rounding is not a departure, down to 0 at the end.
        "keras.optimizers.schedules.CosineDecay(3e-4, 10000, alpha=0.1)",
        "keras.optimizers.schedules.CosineDecay(3e-4, 10000)",
    ] {
        assert_eq!(departs(code), None, "{code}");
    }
}

#[test]
fn calls_the_explorer_comes_near_depart_where_they_differ() {
    for (code, at_least) in [
        // timm's warm-up before a poly decay that does not wait for it.
        (
            "PolyLRScheduler(AdamW(p, lr=3e-4), t_initial=50000, power=2.0, lr_min=1e-6, \
             warmup_t=1000, warmup_lr_init=1e-6, t_in_epochs=False)",
            0.2,
        ),
        // optax's floor, which the explorer's decay lacks.
        (
            "optax.exponential_decay(init_value=3e-4, transition_steps=5000, decay_rate=0.5, \
             transition_begin=2000, staircase=True, end_value=1e-5)",
            0.5,
        ),
        // OneCycleLR reaches its peak and its end one step after the explorer's phases.
        (
            "OneCycleLR(SGD(p, lr=0.1), max_lr=3e-4, total_steps=20000, anneal_strategy='cos')",
            0.01,
        ),
        // A T_max past what the explorer shows (1e6 steps): a stepped PyTorch call is compared
        // as far as it is drawn, not over ten million steps.
        ("CosineAnnealingLR(SGD(p, lr=0.1), T_max=10_000_000)", 0.5),
        // A cycling poly decay, drawn beside a cosine.
        (
            "keras.optimizers.schedules.PolynomialDecay(3e-4, 10000, 1e-6, power=2.0, cycle=True)",
            0.5,
        ),
    ] {
        let (step, by) = departs(code).unwrap_or_else(|| panic!("{code} departs"));
        assert!(by >= at_least, "{code}: {by} at {step}");
    }
}
