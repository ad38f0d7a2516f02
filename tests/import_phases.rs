//! An imported call becomes phases the explorer edits: the nearest schedule of every golden
//! case is drawn as the library draws it, where Anneal's phases can hold the call exactly.

// Only the fixture readers of the shared helpers are used here.
#[allow(dead_code)]
mod common;

use anneal::export::import;
use anneal::schedule::frameworks::Mode;
use anneal::schedule::{Family, Schedule};
use anneal::share::{Settings, Unit};
use common::{cases, points, values};
use serde_json::Value;

const CATALOGUE: &str = include_str!("fixtures/golden_catalogue.json");

/// Each case's largest deviation of its nearest phases from the library's values, relative to
/// the case's peak; `None` when the call stays an overlay.
fn deviations(all: &[Value]) -> Vec<(String, Option<f64>)> {
    all.iter()
        .map(|case| {
            let id = case["id"].as_str().unwrap_or("?").to_string();
            let dtype = case["dtype"].as_str().unwrap_or("float64");
            let family = case["family"].as_str().unwrap_or("");
            let mode = Mode::from_golden(family, &case["params"], dtype).expect("valid");
            let want = values(case);
            let t = points(case, want.len());
            let dev = mode.nearest().schedule.map(|s| {
                let peak = want.iter().fold(0.0f64, |m, &v| m.max(v.abs())).max(1e-300);
                t.iter()
                    .zip(&want)
                    .map(|(&t, &w)| (s.lr(t) - w).abs() / peak)
                    .fold(0.0, f64::max)
            });
            (id, dev)
        })
        .collect()
}

const NO_PHASES: [&str; 3] = [
    "torch.ChainedScheduler/lr0.1_ConstantLR+ExponentialLR_n30",
    "torch.ChainedScheduler/lr0.1_MultiStepLR+ExponentialLR_n30",
    "keras.InverseTimeDecay[jax-float32]/initial_learning_rate0.1_decay_steps10_decay_rate0.5_n60",
];

#[test]
fn every_catalogue_call_but_a_product_and_an_inverse_time_decay_becomes_exact_phases() {
    let catalogue = cases(CATALOGUE);
    let mut held = 0;
    for (case, (id, dev)) in catalogue.iter().zip(deviations(&catalogue)) {
        let Some(dev) = dev else {
            assert!(NO_PHASES.contains(&id.as_str()), "{id}: no phases");
            continue;
        };
        held += 1;
        let float32 = case["dtype"]
            .as_str()
            .is_some_and(|d| d.contains("float32"));
        let limit = if float32 { 1e-6 } else { 1e-12 };
        match id.as_str() {
            // CosineAnnealingLR climbs back after T_max; the explorer's cosine holds its floor.
            i if i.contains("ConstantLR+CosineAnnealingLR") => assert!(dev > 0.1, "{id}"),
            // optax bounds the decay at end_value, which the exponential family has not.
            i if i.contains("\"end_value\": 0.02") => assert!(dev > 0.1, "{id}"),
            _ => assert!(dev <= limit, "{id}: {dev:e} of the peak"),
        }
    }
    assert_eq!(held, 58);
}

#[test]
fn a_bounded_optax_decay_and_a_timm_warm_up_under_the_decay_say_what_is_drawn() {
    let d = Settings::default();
    let bounded =
        import("optax.exponential_decay(0.1, 10, 0.5, end_value=0.02)", &d).expect("reads");
    assert!(bounded
        .notes
        .contains(&"end_value = 0.02: the explorer draws the decay without its bound".to_string()));
    let timm = import(
        "StepLRScheduler(opt, decay_t=30, warmup_t=5, warmup_lr_init=1e-4, warmup_prefix=False, t_in_epochs=False)",
        &d,
    )
    .expect("reads");
    assert!(
        timm.notes.iter().any(|n| n.contains("warmup_prefix=False")),
        "{:?}",
        timm.notes
    );
}

/// The schedule the explorer shows after importing `text`.
fn shown(text: &str) -> (Schedule, Mode) {
    let found = import(text, &Settings::default()).unwrap_or_else(|e| panic!("{text}: {e}"));
    (found.settings.resolve().phases, found.mode)
}

#[test]
fn the_users_non_cosine_calls_are_phases_to_edit() {
    let (linear, mode) = shown("get_linear_schedule_with_warmup(optimizer, 500, 10000)");
    assert_eq!(linear.boundaries, [500.0]);
    assert!(matches!(
        linear.phases.as_slice(),
        [Family::Linear(w), Family::Linear(d)] if w.start == 0.0 && w.end == 0.1 && d.steps == 9500.0
    ));
    assert!(gap(&linear, &mode, 10_001).0 <= 1e-15);
    let (wsd, _) = shown("get_wsd_schedule(optimizer, num_warmup_steps=100, num_decay_steps=400, num_training_steps=2000)");
    assert!(
        matches!(wsd.phases.as_slice(), [Family::Wsd(w)] if w.stable == 1500.0 && w.decay == 400.0)
    );
    let (step, _) = shown("StepLR(optimizer, step_size=30, gamma=0.1)");
    assert!(
        matches!(step.phases.as_slice(), [Family::Step(s)] if s.step_size == 30.0 && s.gamma == 0.1)
    );
    let (one, _) = shown("OneCycleLR(optimizer, max_lr=0.01, total_steps=1000)");
    assert!(
        matches!(one.phases.as_slice(), [Family::OneCycle(o)] if o.max_lr == 0.01 && o.total == 1000.0)
    );
    let (joined, mode) = shown("optax.join_schedules([optax.linear_schedule(0.0, 1e-3, 200), optax.cosine_decay_schedule(1e-3, 1800)], [200])");
    assert_eq!(joined.boundaries, [200.0]);
    let found = import("optax.join_schedules([optax.linear_schedule(0.0, 1e-3, 200), optax.cosine_decay_schedule(1e-3, 1800)], [200])", &Settings::default()).expect("reads");
    assert_eq!(
        found.settings.phases, "linear(0,1e-3,200)!200!cos",
        "the cosine on the sliders"
    );
    assert_eq!(found.settings.t_max, 1800.0);
    assert_eq!(
        joined.lr(0.0),
        0.0,
        "the warm-up from 0, not the inner cosine"
    );
    assert!(gap(&joined, &mode, 2000).0 <= 1e-15);
}

/// Whether `found`, an overlay only, set the explorer's cosine to its peak and length, said so.
fn beside_the_call(found: &anneal::export::Imported) {
    let s = &found.settings;
    assert!(s.phases.is_empty() && !s.restarts, "a plain cosine");
    assert_eq!(s.horizon, 0.0, "the horizon the import found, automatic");
    assert!(
        s.resolve().horizon_steps >= s.t_max,
        "the chart shows the whole call"
    );
    assert_eq!(s.t_max, found.mode.length().ceil());
    let steps: Vec<f64> = (0..=s.t_max as u32).map(f64::from).collect();
    let values = found.mode.eval(&steps).expect("evaluates");
    // As a person writes it: 0.059049, not the product's 0.05904900000000002.
    assert_eq!(
        s.eta_max,
        anneal::format::round_significant(values.into_iter().fold(0.0, f64::max), 15),
        "its peak"
    );
    assert!(
        found
            .notes
            .iter()
            .any(|n| n.starts_with("drawn beside a cosine of the call's peak (")),
        "{:?}",
        found.notes
    );
}

#[test]
fn a_product_of_schedulers_stays_an_overlay_beside_a_cosine_of_its_peak_and_length() {
    let d = Settings {
        t_max: 77.0,
        ..Settings::default()
    };
    let found = import(
        "ChainedScheduler([ConstantLR(opt, factor=0.5, total_iters=5), ExponentialLR(opt, gamma=0.9)])",
        &d,
    )
    .expect("reads");
    beside_the_call(&found);
    assert!(found
        .notes
        .contains(&"Anneal's phases cannot draw this call: shown as an overlay only".to_string()));
}

/// The largest |Δη| between `phases` and `mode` over steps 0..n, and the mode's peak there.
fn gap(phases: &Schedule, mode: &Mode, n: u32) -> (f64, f64) {
    let steps: Vec<f64> = (0..n).map(f64::from).collect();
    let want = mode.eval(&steps).expect("values");
    let peak = want.iter().fold(1e-300f64, |m, v| m.max(v.abs()));
    let worst = steps
        .iter()
        .zip(want)
        .map(|(t, w)| (phases.lr(*t) - w).abs())
        .fold(0.0, f64::max);
    (worst, peak)
}

/// Imports `text` and checks the explorer's phases give the library's values at steps 0..n.
fn assert_drawn_exactly(text: &str, n: u32) {
    let (phases, mode) = shown(text);
    let (worst, peak) = gap(&phases, &mode, n);
    assert!(
        worst <= 1e-12 * peak,
        "{text}: |Δη| {worst:e} of peak {peak}"
    );
}

#[test]
fn edge_cases_of_each_library_are_drawn_as_the_library_draws_them() {
    // PyTorch never undoes a ConstantLR factor at total_iters = 0.
    assert_drawn_exactly(
        "SGD(p, lr=0.1)\nConstantLR(opt, factor=0.5, total_iters=0)",
        20,
    );
    // The first scheduler of a SequentialLR runs from the initial_lr a later OneCycleLR wrote.
    assert_drawn_exactly(
        "SGD(p, lr=0.1)\nSequentialLR(opt, [LinearLR(opt, start_factor=0.5, total_iters=3), OneCycleLR(opt, max_lr=0.2, total_steps=6)], milestones=[3])",
        3,
    );
    // Nothing left to decay over: 0 from the warm-up's end.
    assert_drawn_exactly(
        "AdamW(p, lr=1e-3)\nget_linear_schedule_with_warmup(opt, 10, 5)",
        30,
    );
    // No cycle at all: timm holds lr_min after the warm-up.
    assert_drawn_exactly(
        "SGD(p, lr=0.1)\nPolyLRScheduler(opt, t_initial=50, cycle_limit=0, lr_min=0.01, warmup_t=5, warmup_lr_init=0.001, t_in_epochs=False)",
        60,
    );
    assert_drawn_exactly(
        "SGD(p, lr=0.1)\nCosineLRScheduler(opt, t_initial=50, cycle_limit=0, lr_min=0.01, warmup_t=5, warmup_lr_init=0.001, t_in_epochs=False)",
        60,
    );
    // A limit under 1 but above 0 runs the first cycle, as 1 does.
    assert_drawn_exactly(
        "SGD(p, lr=0.1)\nPolyLRScheduler(opt, t_initial=50, cycle_limit=0.5, lr_min=0.01, t_in_epochs=False)",
        60,
    );
    // optax's constant for a decay over no steps.
    assert_drawn_exactly("optax.exponential_decay(0.1, 0, 0.5)", 20);
}

#[test]
fn a_join_whose_clock_is_shifted_and_a_one_cycle_say_why_they_are_not_exact() {
    let d = Settings::default();
    let shifted = import(
        "optax.join_schedules([optax.constant_schedule(0.1), optax.linear_schedule(0.1, 0.0, 50)], [-5])",
        &d,
    )
    .expect("reads");
    beside_the_call(&shifted);
    let one = import(
        "SGD(p, lr=0.1)\nOneCycleLR(opt, max_lr=0.01, total_steps=1000)",
        &d,
    )
    .expect("reads");
    assert!(
        one.notes
            .iter()
            .any(|n| n.contains("one step before Anneal")),
        "{:?}",
        one.notes
    );
    let optax = import("optax.cosine_onecycle_schedule(25, 0.1)", &d).expect("reads");
    assert!(
        optax.notes.iter().any(|n| n.contains("peak at step 7")),
        "{:?}",
        optax.notes
    );
}

#[test]
fn an_import_keeps_the_training_setup_and_says_what_it_changes_in_it() {
    let link =
        "v=1&steps_per_epoch=1563&grad_accum=4&epochs=3&unit=epochs&warmup_ratio=0.06&horizon=4&pin1=baseline~t_max:50";
    let current = anneal::share::codec::decode(link).settings;
    let text = "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n\
                scheduler = MultiStepLR(opt, milestones=[391, 782], gamma=0.1)";
    let found = import(text, &current).expect("imports");
    let s = &found.settings;
    assert_eq!(
        (s.steps_per_epoch, s.grad_accum, s.epochs),
        (1563.0, 4.0, 3.0),
        "the setup stays"
    );
    assert!(current.pins[0].is_some());
    assert_eq!(s.pins, current.pins, "the pins stay to compare against");
    assert_eq!(s.count().per_epoch, 391);
    assert_eq!(s.horizon, 4.0 * 391.0, "4 epochs, counted in steps");
    for note in [
        "the call counts optimizer steps: lengths are now in steps (the horizon, 4 epochs, is now 1564 steps)",
        "warmup_ratio = 0.06 is replaced by the call's own lengths",
    ] {
        assert!(found.changes.iter().any(|n| n == note), "{note:?} in {:?}", found.changes);
    }
    // Read again with the settings it wrote, the code changes nothing more.
    let again = import(text, s).expect("imports");
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    let drawn = s.resolve().phases;
    assert_eq!(drawn.lr(390.0), 0.1);
    assert_eq!(drawn.lr(391.0), 0.010000000000000002);
    let plain = import(text, &Settings::default()).expect("imports");
    assert!(plain.changes.is_empty(), "{:?}", plain.changes);
}

#[test]
fn a_timm_call_stepped_per_epoch_by_default_counts_epochs_of_the_training_setup() {
    let setup = Settings {
        steps_per_epoch: 391.0,
        ..Settings::default()
    };
    let read = |text: &str| import(text, &setup).expect("imports");
    let epochs = |notes: &[String]| {
        notes.iter().any(|n| {
            n.starts_with("t_in_epochs is True (timm's default): the loop calls step(epoch), so every length here counts epochs and each epoch's rate holds for its 391 optimizer steps")
        })
    };
    let cosine =
        read("CosineLRScheduler(opt, t_initial=300, lr_min=1e-5, warmup_t=5, warmup_lr_init=1e-6)");
    assert!(epochs(&cosine.notes), "{:?}", cosine.notes);
    assert_eq!(cosine.step_every, 391.0);
    // The explorer's controls hold the same lengths, in epochs of the same setup.
    let s = &cosine.settings;
    assert_eq!((s.unit, s.t_max, s.warmup), (Unit::Epochs, 300.0, 5.0));
    assert_eq!(s.resolve().schedule.t_0, 300.0 * 391.0);
    let written = read("CosineLRScheduler(opt, t_initial=3, warmup_t=1, t_in_epochs=True)");
    assert!(epochs(&written.notes));
    // A step decay over whole epochs is phases in optimizer steps, dropping where training
    // sees the call drop: exact at every step.
    for text in [
        "StepLRScheduler(opt, decay_t=30, decay_rate=0.1)",
        "MultiStepLRScheduler(opt, decay_t=[30, 60, 90], decay_rate=0.1)",
    ] {
        let decay = read(text);
        assert!(epochs(&decay.notes));
        assert!(
            decay.notes.contains(&"Anneal's phases count optimizer steps: each of the call's epochs is 391 steps there".to_string()),
            "{:?}",
            decay.notes
        );
        let drawn = decay.settings.resolve().phases;
        let steps: Vec<f64> = (0..100 * 391).step_by(17).map(f64::from).collect();
        let epochs_done: Vec<f64> = steps.iter().map(|s| (s / 391.0).floor()).collect();
        let want = decay.mode.eval(&epochs_done).expect("values");
        for (s, w) in steps.iter().zip(want) {
            assert_eq!(drawn.lr(*s), w, "{text} at step {s}");
        }
    }
    // A ramp held per epoch is not a phase: a per-epoch poly is its own curve only.
    let poly = read("PolyLRScheduler(opt, t_initial=100, power=2)");
    assert!(
        poly.notes
            .iter()
            .any(|n| n.starts_with("Anneal's phases count optimizer steps, not the call's epochs")),
        "{:?}",
        poly.notes
    );
    assert!(poly.settings.phases.is_empty(), "{}", poly.settings.phases);
    let steps = read("CosineLRScheduler(opt, t_initial=300, t_in_epochs=False)");
    assert!(!epochs(&steps.notes), "{:?}", steps.notes);
    assert_eq!((steps.step_every, steps.settings.unit), (1.0, Unit::Steps));
    // The flag through a name the code assigns; one Anneal cannot tell is said.
    let named =
        read("t_in_epochs = False\nCosineLRScheduler(opt, t_initial=300, t_in_epochs=t_in_epochs)");
    assert_eq!((named.step_every, named.settings.unit), (1.0, Unit::Steps));
    for text in ["t_in_epochs=not True", "t_in_epochs=not sched_on_updates"] {
        let code = format!("sched_on_updates = 1\nCosineLRScheduler(opt, t_initial=300, {text})");
        let negated = read(&code);
        assert_eq!(
            (negated.step_every, negated.settings.unit),
            (1.0, Unit::Steps),
            "{text}"
        );
    }
    for (written, text) in [
        ("step_on_epochs", "t_in_epochs=step_on_epochs"),
        ("not sched_on_updates", "t_in_epochs=not sched_on_updates"),
    ] {
        let unknown = read(&format!("CosineLRScheduler(opt, t_initial=300, {text})"));
        assert!(epochs(&unknown.notes));
        let said = format!("t_in_epochs={written} has no value Anneal can tell from the pasted code: read as True, timm's default");
        assert!(unknown.notes.contains(&said), "{:?}", unknown.notes);
    }
    let single = import(
        "CosineLRScheduler(opt, t_initial=3)",
        &Settings {
            steps_per_epoch: 1.0,
            ..Settings::default()
        },
    )
    .expect("imports");
    assert!(
        single.notes[0]
            .contains("each epoch's rate holds for its 1 optimizer step (the training setup's)"),
        "{:?}",
        single.notes
    );
    let torch = read("StepLR(opt, step_size=30)");
    assert!(!epochs(&torch.notes), "PyTorch has no such flag");
    assert_eq!(torch.step_every, 1.0);
}

#[test]
fn a_cycling_schedulers_own_momentum_range_is_said_to_stay_with_the_imported_curve() {
    let read = |text: &str| import(text, &Settings::default()).expect("imports").notes;
    let cyclic = read(
        "CyclicLR(opt, base_lr=1e-4, max_lr=1e-2, step_size_up=200, mode='triangular2', base_momentum=0.85, max_momentum=0.95)",
    );
    assert!(
        cyclic.contains(&"base_momentum=0.85, max_momentum=0.95 are followed by the imported curve's momentum only: the phase, its momentum axis and its code cycle PyTorch's default 0.8 to 0.9".to_string()),
        "{cyclic:?}"
    );
    let off = read("OneCycleLR(opt, max_lr=1e-3, total_steps=1000, cycle_momentum=False)");
    assert!(
        off.iter()
            .any(|n| n
                .starts_with("cycle_momentum=False holds the momentum in the imported call only")),
        "{off:?}"
    );
    let plain = read("OneCycleLR(opt, max_lr=1e-3, total_steps=1000)");
    assert!(plain.iter().all(|n| !n.contains("momentum")), "{plain:?}");
}

#[test]
fn a_lambda_in_a_call_is_refused_for_the_parameter_that_takes_it() {
    let err = import(
        "CyclicLR(opt, base_lr=1e-4, max_lr=1e-2, scale_fn=lambda x: 0.5**x, scale_mode='cycle')",
        &Settings::default(),
    )
    .expect_err("a function cannot be drawn")
    .to_string();
    assert!(err.contains("scale_fn"), "{err}");
    assert!(err.contains("takes a Python function"), "{err}");
    let err = import(
        "LambdaLR(opt, lr_lambda=lambda step: min(1.0, (step + 1) / 100))",
        &Settings::default(),
    )
    .expect_err("a function cannot be drawn")
    .to_string();
    assert!(!err.contains("column"), "{err}");
}

#[test]
fn torchs_steps_that_are_not_whole_are_drawn_where_torch_decays_and_said_so() {
    let notes = |text: &str| import(text, &Settings::default()).expect("imports").notes;
    let fractional = "SGD(p, lr=0.1)\nStepLR(opt, step_size=2.5, gamma=0.5)";
    assert_drawn_exactly(fractional, 40);
    let (phases, _) = shown(fractional);
    // torch decays at 5, 10, …: the whole steps where last_epoch % 2.5 == 0.
    assert_eq!((phases.lr(4.0), phases.lr(5.0)), (0.1, 0.05));
    assert!(notes(fractional).contains(&"StepLR(step_size=2.5) decays where last_epoch % 2.5 == 0: every 5 steps, as the phase's step_size says".to_string()));
    assert_drawn_exactly("SGD(p, lr=0.1)\nStepLR(opt, step_size=-3)", 20);
    let never = "SGD(p, lr=0.1)\nStepLR(opt, step_size=0.1)";
    assert_drawn_exactly(never, 50);
    assert!(
        notes(never)
            .iter()
            .any(|n| n
                .starts_with("StepLR(step_size=0.1) first decays at step 3.602879701896397e15,"))
    );
    let milestones = "SGD(p, lr=0.1)\nMultiStepLR(opt, milestones=[2.5, 5.0, -1, 7], gamma=0.5)";
    assert_drawn_exactly(milestones, 20);
    assert!(notes(milestones).contains(&"MultiStepLR never reaches milestone -1, 2.5: last_epoch is a whole number from 0, so the phase leaves it out".to_string()));
    let sequential = "SGD(p, lr=0.1)\nSequentialLR(opt, [LinearLR(opt, start_factor=0.5, total_iters=2), StepLR(opt, step_size=1.5, gamma=0.5)], milestones=[2])";
    assert_drawn_exactly(sequential, 30);
    assert!(notes(sequential).iter().any(|n| n
        .starts_with("StepLR(step_size=1.5) decays where last_epoch % 1.5 == 0: every 3 steps")));
}
