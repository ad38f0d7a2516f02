//! The general Anneal schedule: behaviour, agreement with the framework modes, and properties.
#![cfg(not(target_arch = "wasm32"))]

use anneal::schedule::frameworks::{timm, torch};
use anneal::schedule::{Anneal, Warmup, WarmupPlacement, WarmupScope, WarmupShape};
use proptest::prelude::*;

fn sgdr(t_0: f64, t_mult: f64) -> Anneal {
    Anneal {
        t_0,
        t_mult,
        restarts: true,
        ..Anneal::default()
    }
}

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-300)
}

#[test]
fn sgdr_paper_settings_restart_at_10_30_70_150() {
    let s = sgdr(10.0, 2.0);
    assert_eq!(s.restart_steps(200.0, 100), vec![10.0, 30.0, 70.0, 150.0]);
    for r in [0.0, 10.0, 30.0, 70.0, 150.0] {
        assert_eq!(s.lr(r), 0.1, "a restart is back at η_max exactly (t={r})");
    }
    assert!(
        s.lr(29.999) < 1e-8,
        "just before a restart the rate is at the floor"
    );
}

#[test]
fn matches_torch_warm_restarts_at_every_integer_step() {
    let a = Anneal {
        eta_min: 1e-4,
        ..sgdr(10.0, 2.0)
    };
    let torch = torch::WarmRestarts {
        base: 0.1,
        t_0: 10,
        t_mult: 2,
        eta_min: 1e-4,
    };
    for (s, want) in torch.steps().take(400).enumerate() {
        assert!(rel(a.lr(s as f64), want) < 1e-14, "step {s}");
    }
}

#[test]
fn matches_timm_with_decay_limit_k_decay_and_prefix_warmup() {
    let a = Anneal {
        eta_max: 0.1,
        eta_min: 1e-4,
        t_0: 20.0,
        restarts: true,
        t_mult: 2.0,
        cycle_limit: Some(3),
        decay: 0.5,
        k_decay: 2.0,
        warmup: Warmup {
            length: 3.0,
            start: 1e-3,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    let timm = timm::CosineLr {
        base: 0.1,
        t_initial: 20.0,
        lr_min: 1e-4,
        cycle_mul: 2.0,
        cycle_decay: 0.5,
        cycle_limit: 3.0,
        warmup_t: 3.0,
        warmup_lr_init: 1e-3,
        warmup_prefix: true,
        k_decay: 2.0,
    };
    for s in 0..200 {
        let t = s as f64;
        assert!(
            rel(a.lr(t), timm.at(t)) < 1e-12,
            "step {s}: {} vs {}",
            a.lr(t),
            timm.at(t)
        );
    }
}

#[test]
fn overlapping_warmup_hands_off_mid_curve_like_timm() {
    let a = Anneal {
        t_0: 100.0,
        warmup: Warmup {
            length: 10.0,
            placement: WarmupPlacement::Overlap,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    assert_eq!(a.lr(0.0), 0.0);
    assert!((a.lr(5.0) - 0.05).abs() < 1e-15);
    // The cosine was running underneath: at t = 10 it is already below η_max.
    assert!((a.lr(10.0) - 0.05 * (1.0 + (std::f64::consts::PI / 10.0).cos())).abs() < 1e-15);
}

#[test]
fn every_cycle_warmup_precedes_each_cosine() {
    let a = Anneal {
        t_0: 10.0,
        restarts: true,
        warmup: Warmup {
            length: 5.0,
            start: 0.01,
            scope: WarmupScope::EveryCycle,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    assert_eq!(a.restart_steps(40.0, 100), vec![15.0, 30.0]);
    assert_eq!(a.lr(15.0), 0.01, "each cycle starts with its warm-up");
    assert!(
        (a.lr(20.0) - 0.1).abs() < 1e-15,
        "the cosine starts at the peak after it"
    );
}

#[test]
fn warmup_shapes_cycle_limit_relative_floor_and_exponent() {
    let exp = Anneal {
        warmup: Warmup {
            length: 4.0,
            start: 0.001,
            shape: WarmupShape::Exponential,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    assert!(
        rel(exp.lr(2.0), 0.01) < 1e-14,
        "geometric mean of 0.001 and 0.1"
    );
    let limited = Anneal {
        cycle_limit: Some(2),
        eta_min: 0.1,
        eta_min_relative: true,
        decay: 0.5,
        decay_min: true,
        ..sgdr(10.0, 1.0)
    };
    assert!(
        rel(limited.lr(10.0), 0.05) < 1e-15,
        "second cycle peaks at γ·η_max"
    );
    assert!(
        rel(limited.lr(20.0), 0.005) < 1e-15,
        "then holds the decayed floor"
    );
    assert!(rel(limited.lr(1e6), 0.005) < 1e-15);
    let squared = Anneal {
        exponent: 2.0,
        ..Anneal::default()
    };
    assert!(
        rel(squared.lr(50.0), 0.025) < 1e-14,
        "½ squared is ¼ of the way"
    );
}

#[test]
fn invalid_parameters_are_rejected_with_their_name() {
    let cases = [
        (
            Anneal {
                t_0: 0.0,
                ..Anneal::default()
            },
            "t_0",
        ),
        (
            Anneal {
                t_0: -3.0,
                ..Anneal::default()
            },
            "t_0",
        ),
        (
            Anneal {
                t_mult: 0.5,
                ..sgdr(10.0, 1.0)
            },
            "t_mult",
        ),
        (
            Anneal {
                eta_min: 0.2,
                ..Anneal::default()
            },
            "eta_min",
        ),
        (
            Anneal {
                eta_max: f64::NAN,
                ..Anneal::default()
            },
            "eta_max",
        ),
        (
            Anneal {
                decay: 0.0,
                ..Anneal::default()
            },
            "decay",
        ),
        (
            Anneal {
                cycle_limit: Some(0),
                ..Anneal::default()
            },
            "cycle_limit",
        ),
    ];
    for (a, field) in cases {
        let err = a.validate().expect_err(field);
        assert_eq!(err.field, field);
        assert!(!err.reason.is_empty());
    }
}

fn shape() -> impl Strategy<Value = WarmupShape> {
    prop_oneof![
        Just(WarmupShape::Linear),
        Just(WarmupShape::Cosine),
        Just(WarmupShape::Exponential)
    ]
}

/// Any schedule the UI can produce: η 1e-6…10, T 1…1e6, T_mult 1…10, any warm-up.
fn any_valid() -> impl Strategy<Value = Anneal> {
    (
        (
            1e-6f64..10.0,
            0.0f64..1.0,
            any::<bool>(),
            1.0f64..1e6,
            any::<bool>(),
            1.0f64..10.0,
        ),
        (
            proptest::option::of(1u32..20),
            0.01f64..=1.0,
            any::<bool>(),
            0.2f64..5.0,
            0.2f64..5.0,
        ),
        (
            0.0f64..1e4,
            shape(),
            1e-7f64..1.0,
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (hi, lo_frac, rel_min, t_0, restarts, t_mult),
                (limit, decay, decay_min, k, p),
                (w, shape, start, overlap, every),
            )| {
                let w = if overlap && every { w.min(t_0) } else { w };
                Anneal {
                    eta_max: hi,
                    eta_min: if rel_min { lo_frac } else { lo_frac * hi },
                    eta_min_relative: rel_min,
                    t_0,
                    restarts,
                    t_mult,
                    cycle_limit: limit,
                    decay,
                    decay_min,
                    k_decay: k,
                    exponent: p,
                    warmup: Warmup {
                        length: w,
                        shape,
                        start: start * hi,
                        placement: if overlap {
                            WarmupPlacement::Overlap
                        } else {
                            WarmupPlacement::Prefix
                        },
                        scope: if every {
                            WarmupScope::EveryCycle
                        } else {
                            WarmupScope::FirstCycle
                        },
                    },
                }
            },
        )
        .prop_filter("valid", |a| a.validate().is_ok())
}

/// Plain SGDR (no warm-up, k = 1, exponent 1): the shape the cosine properties talk about.
fn plain_sgdr() -> impl Strategy<Value = Anneal> {
    (
        1e-6f64..10.0,
        0.0f64..1.0,
        1.0f64..1e4,
        1.0f64..4.0,
        0.05f64..=1.0,
    )
        .prop_map(|(hi, lo, t_0, t_mult, decay)| Anneal {
            eta_max: hi,
            eta_min: lo * hi,
            decay,
            ..sgdr(t_0, t_mult)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn values_are_finite_and_inside_the_configured_bounds(a in any_valid(), t in 0.0f64..1e7) {
        let v = a.lr(t);
        prop_assert!(v.is_finite());
        let top = a.eta_max.max(a.warmup.start);
        // With a decaying floor and endless restarts, the floor heads to 0.
        let floor = if a.decay_min { 0.0 } else { a.floor() };
        let bottom = floor.min(a.warmup.start);
        prop_assert!(v <= top * (1.0 + 1e-12), "{v} above {top}");
        prop_assert!(v >= bottom * (1.0 - 1e-12) - 1e-300, "{v} below {bottom}");
    }

    #[test]
    fn sampling_in_order_equals_pointwise_evaluation(a in any_valid(), end in 1.0f64..1e6) {
        for (t, v) in a.sample(0.0, end, 257) {
            prop_assert_eq!(v, a.lr(t));
        }
    }

    #[test]
    fn continuous_inside_a_cycle(a in plain_sgdr(), t in 0.0f64..1e5, d in 1e-9f64..1e-3) {
        let c = a.cycles().locate(t);
        prop_assume!(t + d < c.start + c.cosine_len);
        let slope = a.eta_max * std::f64::consts::PI / (2.0 * c.cosine_len);
        prop_assert!((a.lr(t + d) - a.lr(t)).abs() <= slope * d + 1e-15 * a.eta_max);
    }

    #[test]
    fn restarts_happen_exactly_at_cycle_starts(a in plain_sgdr()) {
        for (i, r) in a.restart_steps(1e6, 100).into_iter().enumerate().take(30) {
            let (peak, _) = a.bounds(i as u64 + 1);
            prop_assert_eq!(a.lr(r), peak, "restart {} at {}", i + 1, r);
            let before = r - r.abs() * 1e-12 - 1e-9;
            let (_, prev_floor) = a.bounds(i as u64);
            if peak > prev_floor * (1.0 + 1e-9) {
                prop_assert!(a.lr(before) < peak, "still annealing just before {}", r);
            }
        }
    }

    #[test]
    fn periodic_without_decay_warmup_or_growth(hi in 1e-6f64..10.0, lo in 0.0f64..1.0, t_0 in 1.0f64..1e3, t in 0.0f64..1e4, k in 1u32..20) {
        let a = Anneal { eta_max: hi, eta_min: lo * hi, ..sgdr(t_0, 1.0) };
        let shifted = t + t_0 * k as f64;
        prop_assume!(a.cycles().locate(shifted).index == a.cycles().locate(t).index + u64::from(k));
        prop_assert!((a.lr(shifted) - a.lr(t)).abs() <= 1e-9 * hi);
    }

    #[test]
    fn fractional_steps_lie_between_their_integer_neighbours(a in plain_sgdr(), n in 0u32..100_000, f in 0.0f64..1.0) {
        let (lo, hi) = (n as f64, n as f64 + 1.0);
        let c = a.cycles().locate(lo);
        prop_assume!(hi < c.start + c.cosine_len);
        let v = a.lr(lo + f);
        prop_assert!(v <= a.lr(lo) && v >= a.lr(hi), "{} not within [{}, {}]", v, a.lr(hi), a.lr(lo));
    }

    #[test]
    fn invalid_parameters_never_panic_and_always_say_why(
        hi in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-1.0), 0.0f64..20.0],
        lo in prop_oneof![Just(f64::NAN), Just(-0.5), 0.0f64..20.0],
        t_0 in prop_oneof![Just(0.0), Just(-5.0), Just(f64::NAN), 0.0f64..1e3],
        t_mult in prop_oneof![Just(0.0), Just(0.99), Just(f64::NAN), 0.0f64..5.0],
        t in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1e9f64..1e9],
    ) {
        let a = Anneal { eta_max: hi, eta_min: lo, t_0, t_mult, restarts: true, ..Anneal::default() };
        match a.validate() {
            Ok(()) => prop_assert!(a.lr(t).is_finite()),
            Err(e) => prop_assert!(!e.field.is_empty() && !e.reason.is_empty()),
        }
    }
}
