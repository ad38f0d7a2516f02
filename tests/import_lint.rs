//! Import's warnings for calls that run but rarely do what was meant, each with the library's
//! own reason and the numbers.
#![cfg(not(target_arch = "wasm32"))]

use anneal::export::import;
use anneal::share::Settings;

/// The "Check:" notes import gives `call`, with the explorer's horizon at `horizon` steps.
fn checks(call: &str, horizon: f64) -> Vec<String> {
    let current = Settings {
        horizon,
        ..Settings::default()
    };
    let found = import(call, &current).unwrap_or_else(|e| panic!("{call}: {e}"));
    found
        .notes
        .into_iter()
        .filter(|n| n.starts_with("Check: "))
        .collect()
}

#[test]
fn a_one_cycle_shorter_than_the_run_raises_where_torch_does() {
    let call = "OneCycleLR(opt, max_lr=0.1, total_steps=1000)";
    assert_eq!(
        checks(call, 1200.0),
        ["Check: OneCycleLR raises ValueError (\"Tried to step 1001 times. The specified number of total steps is 1000\") at step 1001, but the run is 1200 steps"]
    );
    assert!(checks(call, 1000.0).is_empty(), "a run that fits");
    assert!(
        checks(call, 0.0).is_empty(),
        "no run planned: nothing to compare"
    );
}

#[test]
fn sequential_milestones_that_cut_or_stretch_a_scheduler_are_named() {
    let held = checks(
        "SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=100), CosineAnnealingLR(opt, T_max=900)], milestones=[200])",
        0.0,
    );
    assert_eq!(held, ["Check: scheduler 1 (LinearLR) is written for 100 steps but runs 200 until the milestone at 200: it holds its last rate for 100 steps"]);
    let cut = checks(
        "SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=300), CosineAnnealingLR(opt, T_max=900)], milestones=[200])",
        0.0,
    );
    assert!(
        cut[0].contains("the milestone at 200 stops it after 200"),
        "{cut:?}"
    );
    let fits = "SequentialLR(opt, [LinearLR(opt, start_factor=0.1, total_iters=200), CosineAnnealingLR(opt, T_max=900)], milestones=[200])";
    assert!(checks(fits, 0.0).is_empty());
}

#[test]
fn lengths_that_count_the_warm_up_and_relative_floors_are_spelled_out() {
    let hf = checks(
        "get_cosine_with_hard_restarts_schedule_with_warmup(opt, num_warmup_steps=10, num_training_steps=110, num_cycles=1.5)",
        0.0,
    );
    assert!(
        hf[0].starts_with("Check: num_cycles = 1.5 is not whole"),
        "{hf:?}"
    );
    assert!(
        hf[0].contains("ends part-way through a cycle, at η = "),
        "{hf:?}"
    );
    let timm = checks(
        "CosineLRScheduler(opt, t_initial=1000, warmup_t=100, warmup_prefix=True, t_in_epochs=False)",
        0.0,
    );
    assert_eq!(timm, ["Check: with warmup_prefix=True the cosine starts after the 100-step warm-up, so it reaches lr_min at step 1100, not at t_initial = 1000"]);
    let per_epoch = checks(
        "CosineLRScheduler(opt, t_initial=300, warmup_t=5, warmup_prefix=True)",
        0.0,
    );
    assert_eq!(per_epoch, ["Check: with warmup_prefix=True the cosine starts after the 5-epoch warm-up, so it reaches lr_min at epoch 305, not at t_initial = 300"]);
    let optax = checks(
        "optax.warmup_cosine_decay_schedule(0.0, 1e-3, 100, 1000)",
        0.0,
    );
    assert_eq!(optax, ["Check: optax's decay_steps = 1000 includes the 100-step warm-up: the cosine runs 900 steps and ends at step 1000"]);
    let keras = checks(
        "keras.optimizers.schedules.CosineDecay(1e-3, 1000, alpha=1e-5)",
        0.0,
    );
    assert_eq!(keras, ["Check: Keras's alpha is a fraction of the rate it decays from: alpha = 1e-5 puts the floor at 1e-8, not at 1e-5"]);
    // Plain calls get no warning.
    for call in [
        "CosineAnnealingLR(opt, T_max=100)",
        "get_cosine_schedule_with_warmup(opt, 10, 100)",
        "optax.cosine_decay_schedule(1e-3, 1000)",
        "keras.optimizers.schedules.CosineDecay(1e-3, 1000)",
    ] {
        assert!(checks(call, 0.0).is_empty(), "{call}");
    }
}

#[test]
fn a_constant_after_a_warm_up_is_part_of_the_run_not_past_its_end() {
    for call in [
        "get_constant_schedule_with_warmup(AdamW(p, lr=3e-4), num_warmup_steps=500)",
        "ConstantLR(SGD(p, lr=0.1), factor=0.5, total_iters=2000)",
    ] {
        let found = import(call, &Settings::default()).expect("imports");
        let r = found.settings.resolve();
        assert!(r.run_steps > r.phases.start(1), "{call}: {}", r.run_steps);
        let flags = anneal::schedule::pitfalls(&r.phases, r.run_steps);
        assert!(
            flags.iter().all(|p| p.title != "Phases past the run's end"),
            "{call}: {:?}",
            flags.iter().map(|p| &p.detail).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_transformers_warm_up_longer_than_training_is_checked() {
    for call in [
        "get_linear_schedule_with_warmup(AdamW(p, lr=3e-4), num_warmup_steps=60000, num_training_steps=50000)",
        "get_cosine_schedule_with_warmup(AdamW(p, lr=3e-4), 60000, 50000)",
        "get_polynomial_decay_schedule_with_warmup(AdamW(p, lr=3e-4), 60000, 50000, lr_end=1e-7)",
    ] {
        assert_eq!(
            checks(call, 0.0),
            ["Check: num_warmup_steps = 60000 is more than num_training_steps = 50000: training ends still warming up, at 83.3 % of the peak, and never decays"],
            "{call}"
        );
    }
    assert!(checks(
        "get_linear_schedule_with_warmup(AdamW(p, lr=3e-4), 500, 50000)",
        0.0
    )
    .is_empty());
}
