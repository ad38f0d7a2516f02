//! Framework code export and import: each snippet's call, read back, is the mode Anneal draws
//! for that framework; exact snippets reproduce the explorer's state.
#![cfg(not(target_arch = "wasm32"))]

mod drawn;

use anneal::export::{import, snippets, Snippet};
use anneal::schedule::frameworks::compose::composed;
use anneal::schedule::frameworks::Framework;
use anneal::share::{Settings, ThemeChoice};

fn states() -> Vec<(&'static str, Settings)> {
    let base = Settings::default();
    vec![
        ("plain cosine", base.clone()),
        (
            "cosine with a floor",
            Settings {
                eta_min: 1e-4,
                t_max: 1000.0,
                ..base.clone()
            },
        ),
        (
            "warm-up then cosine",
            Settings {
                warmup: 50.0,
                t_max: 500.0,
                eta_min: 1e-5,
                ..base.clone()
            },
        ),
        (
            "SGDR",
            Settings {
                restarts: true,
                t_max: 10.0,
                t_mult: 2.0,
                eta_min: 1e-5,
                ..base.clone()
            },
        ),
        (
            // PyTorch: SequentialLR of a LinearLR and CosineAnnealingWarmRestarts, exact.
            "warm-up then SGDR",
            Settings {
                restarts: true,
                eta_max: 5e-4,
                t_max: 100.0,
                t_mult: 2.0,
                eta_min: 1e-6,
                warmup: 5.0,
                warmup_start: 1e-5,
                horizon: 705.0,
                ..base.clone()
            },
        ),
        (
            "SGDR with decay, limit and warm-up",
            Settings {
                restarts: true,
                t_max: 40.0,
                t_mult: 1.5,
                decay: 0.7,
                cycle_limit: 3.0,
                warmup: 5.0,
                warmup_start: 0.001,
                ..base.clone()
            },
        ),
        (
            "k-decay",
            Settings {
                k_decay: 2.0,
                t_max: 200.0,
                ..base
            },
        ),
    ]
}

/// Every framework's snippet.
fn all(r: &anneal::share::Resolved) -> Vec<Snippet> {
    snippets(&r.phases, r.horizon_steps)
}

#[test]
fn every_snippet_reads_back_as_the_mode_anneal_draws_for_its_framework() {
    for (name, s) in states() {
        let r = s.resolve();
        let steps: Vec<f64> = (0..=r.horizon_steps as u64).map(|t| t as f64).collect();
        for (snippet, f) in all(&r).iter().zip(Framework::ALL) {
            let e = composed(f, &r.phases, r.horizon_steps).expect("a cosine has a call");
            assert!(
                snippet.code.contains("for step in range("),
                "{name} {}: runnable loop",
                snippet.key
            );
            if snippet.key == "torch" && !snippet.exact {
                assert!(
                    is_closure(&snippet.code),
                    "{name}: a closure stands in for an inexact call"
                );
                // The optimizer at the peak, as a script keeps it, lr_at's rates divided by it.
                let lambda = snippet
                    .code
                    .split("lr_lambda=lambda step: lr_at(step) / ")
                    .nth(1);
                let peak = lambda
                    .and_then(|l| l.split(')').next())
                    .expect("a LambdaLR over lr_at");
                assert!(snippet
                    .code
                    .contains(&format!("SGD(model.parameters(), lr={peak})")));
                assert!(snippet.code.contains(&format!(
                    "the nearest, {},",
                    e.call.split('(').next().unwrap_or_default()
                )));
                assert!(
                    import(&snippet.code, &Settings::default()).is_err(),
                    "no built-in call to read"
                );
                continue;
            }
            let imported = import(&snippet.code, &Settings::default())
                .unwrap_or_else(|err| panic!("{name} {}: {err}\n{}", snippet.key, snippet.code));
            let got = imported.mode.eval(&steps).expect("evaluates");
            let want = e.mode.eval(&steps).expect("evaluates");
            assert!(
                drawn::same_curve(&got, &want),
                "{name} {}: the snippet's numbers are the drawn ones\n{got:?}\n{want:?}",
                snippet.key
            );
        }
    }
}

#[test]
fn exact_snippets_match_the_general_schedule_and_round_trip_the_state() {
    let mut exact = 0;
    for (name, s) in states() {
        let r = s.resolve();
        for snippet in all(&r).iter().filter(|s| s.exact) {
            let back = import(&snippet.code, &Settings::default()).expect("reads back");
            let r2 = back.settings.resolve();
            let steps: Vec<f64> = (0..=r.horizon_steps as u64).map(|t| t as f64).collect();
            let values = back.mode.eval(&steps).expect("evaluates");
            for (t, v) in steps.iter().zip(values) {
                let (a, b) = (r.schedule.lr(*t), r2.schedule.lr(*t));
                // float32 rounds at the peak's scale.
                let (tol, scale) = if snippet.key == "keras" {
                    (1e-6, r.schedule.eta_max)
                } else {
                    (1e-12, 1e-12)
                };
                assert!(
                    (v - a).abs() <= tol * a.abs().max(scale),
                    "{name} {} at {t}: {v} vs {a}",
                    snippet.key
                );
                assert!(
                    (b - a).abs() <= 1e-12 * a.abs().max(1e-12),
                    "{name} {}: imported state at {t}: {b} vs {a}",
                    snippet.key
                );
            }
            exact += 1;
        }
    }
    assert!(exact >= 10, "{exact} exact snippets checked");
}

#[test]
fn the_issues_examples_import_as_described() {
    let s = import(
        "CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=1e-5)",
        &Settings::default(),
    )
    .expect("reads");
    assert_eq!(s.function, "CosineAnnealingWarmRestarts");
    assert!(s.settings.restarts);
    assert_eq!(
        (s.settings.t_max, s.settings.t_mult, s.settings.eta_min),
        (10.0, 2.0, 1e-5)
    );
    assert_eq!(
        s.settings.eta_max, 0.1,
        "the current η_max stands in for the optimizer's lr"
    );
    assert!(s.notes.iter().any(|n| n.contains("optimizer's lr")));
    let o = import(
        "optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=3e-4, warmup_steps=500, decay_steps=10000)",
        &Settings::default(),
    )
    .expect("reads");
    let st = o.settings;
    assert_eq!(
        (st.eta_max, st.warmup, st.warmup_start, st.t_max, st.eta_min),
        (3e-4, 500.0, 0.0, 9500.0, 0.0)
    );
    // An optimizer's lr anywhere in the text is used; the view and lab are kept.
    let current = Settings {
        view: anneal::share::View {
            theme: ThemeChoice::Dark,
            ..Default::default()
        },
        ..Settings::default()
    };
    let t = import(
        "opt = torch.optim.AdamW(model.parameters(), lr=3e-4)\nsched = CosineAnnealingLR(opt, 100)",
        &current,
    )
    .expect("reads");
    assert_eq!((t.settings.eta_max, t.settings.t_max), (3e-4, 100.0));
    assert_eq!(t.settings.view.theme, ThemeChoice::Dark);
}

#[test]
fn unreadable_text_gets_a_message_pointing_at_the_problem() {
    let d = Settings::default();
    let e = import("CosineAnnealingLR(opt, T_max=10 eta_min=0)", &d).unwrap_err();
    assert_eq!(e.to_string(), "column 33: expected ',' or ')'");
    let e = import("CosineAnnealingWarmRestarts(opt, T_0=-3)", &d).unwrap_err();
    assert!(e.message.starts_with("T_0"), "{e}");
    let e = import("CosineAnnealingLR(opt, T_max=10, warmup=5)", &d).unwrap_err();
    assert!(e.message.contains("warmup"), "{e}");
    let e = import("NoSuchLR(opt, step_size=30)", &d).unwrap_err();
    assert!(e.message.starts_with("no scheduler call found"), "{e}");
    assert!(import(&"(".repeat(30_000), &d)
        .unwrap_err()
        .message
        .contains("too long"));
    assert!(import("CosineDecay(", &d).is_err());
}

#[test]
fn a_commented_out_call_is_not_the_one_import_reads() {
    let text = "# scheduler = StepLR(opt, step_size=3)\nscheduler = CosineAnnealingLR(opt, T_max=10)  # not StepLR(opt, 5)";
    let found = import(text, &Settings::default()).expect("reads the live call");
    assert_eq!(found.function, "CosineAnnealingLR");
}

#[test]
fn strings_and_comments_do_not_hide_or_supply_a_call() {
    let run = "run = \"exp#3\"; scheduler = CosineAnnealingLR(opt, T_max=100)";
    assert_eq!(
        import(run, &Settings::default()).expect("reads").function,
        "CosineAnnealingLR"
    );
    // The optimizer's lr of a commented-out line is not the one used.
    let lr = "# opt = SGD(p, lr=0.5)\nopt = SGD(p, lr=0.1)\nscheduler = StepLR(opt, step_size=3)";
    let found = import(lr, &Settings::default()).expect("reads");
    assert_eq!(found.mode.eval(&[0.0]).expect("evaluates"), [0.1]);
    let commented = import(
        "#   scheduler = CosineAnnealingLR(opt, T_max=10)",
        &Settings::default(),
    );
    assert!(commented
        .unwrap_err()
        .message
        .starts_with("the scheduler call is in a comment"));
}

/// Whether a snippet is Anneal's formula in Python rather than a built-in call.
fn is_closure(code: &str) -> bool {
    code.contains("\ndef lr_at(step):")
}

#[test]
fn an_overlapping_warm_up_is_named_where_a_library_starts_the_cosine_after_it() {
    let s = Settings {
        warmup: 5.0,
        warmup_overlap: true,
        t_max: 300.0,
        ..Settings::default()
    };
    let note = "the cosine starts after the warm-up (no overlap), so it ends 5 steps later";
    for snippet in all(&s.resolve()) {
        // timm overlaps its warm-up too (warmup_prefix=False).
        assert_eq!(
            snippet.code.contains(note),
            snippet.key != "timm",
            "{}:\n{}",
            snippet.key,
            snippet.code
        );
    }
}

#[test]
fn warm_ups_before_restarts_are_named_where_a_library_keeps_one_warm_up_or_none() {
    let s = Settings {
        restarts: true,
        t_max: 40.0,
        warmup: 5.0,
        warmup_every: true,
        warmup_overlap: true,
        horizon: 200.0,
        ..Settings::default()
    };
    let code = |key: &str| {
        all(&s.resolve())
            .into_iter()
            .find(|sn| sn.key == key)
            .expect("snippet")
            .code
    };
    let once = "one warm-up, before the first cycle";
    let after = "the cosine starts after the warm-up (no overlap), so it ends 5 steps later";
    // PyTorch's SequentialLR warms up once, after which the cosine starts.
    assert!(code("torch").contains(once) && code("torch").contains(after));
    // Keras's restarts have no warm-up at all: that is said, not the overlap.
    let keras = code("keras");
    assert!(
        keras.contains("no warm-up in CosineDecayRestarts"),
        "{keras}"
    );
    assert!(!keras.contains(after) && !keras.contains(once), "{keras}");
    // optax warms up every cycle.
    assert!(!code("optax").contains(once));
}

#[test]
fn a_cosine_ending_near_zero_is_exact_to_float64_rounding() {
    // 1 + cos(…) cancels near the end: timm's formula and Anneal's part there by ulps of the
    // peak (4.5e-12 of 3.7e-9 at step 12472), which is rounding, not a difference.
    let s = Settings {
        eta_max: 3e-4,
        t_max: 12_500.0,
        ..Settings::default()
    };
    let timm = all(&s.resolve())
        .into_iter()
        .find(|n| n.framework == Framework::Timm)
        .expect("a timm snippet");
    let head = timm.code.lines().next().unwrap_or_default();
    assert_eq!(
        head,
        "# timm: this built-in call gives Anneal's learning rate at every step."
    );
}
