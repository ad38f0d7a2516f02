//! Composed schedules and every family: properties, the text form, editing, and values the real
//! libraries computed (transformers 5.24, optax 0.2.8 with float64, torch 2.15, timm 1.0.31).
#![cfg(not(target_arch = "wasm32"))]

use anneal::schedule::{
    Anneal, Cyclic, CyclicMode, Exponential, Family, FamilyKind, Interp, Isqrt, Linear, ParamKind,
    ParamValue, PiecewiseInterp, Ramp, Schedule, Step, Tanh, Wsd, STEP_LIMIT,
};
use proptest::prelude::*;

fn rel(a: f64, b: f64) -> f64 {
    if a == b {
        0.0
    } else {
        (a - b).abs() / b.abs().max(1e-300)
    }
}

fn assert_values(s: &Schedule, want: &[(f64, f64)], what: &str) {
    assert_eq!(s.validate(), Ok(()), "{what}");
    for &(t, v) in want {
        let got = s.lr(t);
        assert!(rel(got, v) <= 1e-12, "{what} at {t}: {got} vs {v}");
    }
}

fn wsd(lr: f64, warmup: f64, stable: f64, decay: f64, min_ratio: f64) -> Wsd {
    Wsd {
        lr,
        warmup,
        stable,
        decay,
        min_ratio,
        warmup_shape: Ramp::Linear,
        decay_shape: Ramp::Cosine,
    }
}

/// Linear warm-up → constant → decay, as three phases.
fn three_phase_wsd(decay_shape: Ramp) -> Schedule {
    Schedule {
        phases: vec![
            Family::Linear(Linear {
                start: 0.0,
                end: 1e-3,
                steps: 10.0,
            }),
            Family::Constant(anneal::schedule::Constant { lr: 1e-3 }),
            Family::Wsd(Wsd {
                decay_shape,
                ..wsd(1e-3, 0.0, 0.0, 20.0, 0.0)
            }),
        ],
        boundaries: vec![10.0, 80.0],
    }
}

#[test]
fn transformers_wsd_is_warmup_constant_decay_as_three_phases() {
    // get_wsd_schedule(opt, 10, 20, 100): its default decay_type is "cosine".
    let cosine = [
        (0.0, 0.0),
        (3.0, 0.0003),
        (9.0, 0.0009000000000000001),
        (10.0, 0.001),
        (79.0, 0.001),
        (80.0, 0.001),
        (81.0, 0.0009938441702975688),
        (87.0, 0.0007269952498697733),
        (90.0, 0.0005),
        (99.0, 6.15582970243117e-06),
        (100.0, 0.0),
        (105.0, 0.0),
    ];
    assert_values(&three_phase_wsd(Ramp::Cosine), &cosine, "wsd cosine");
    // …, decay_type="1-sqrt".
    let sqrt = [
        (0.0, 0.0),
        (3.0, 0.0003),
        (10.0, 0.001),
        (80.0, 0.001),
        (81.0, 0.0007763932022500211),
        (85.0, 0.0005),
        (99.0, 2.5320565519103668e-05),
        (100.0, 0.0),
        (105.0, 0.0),
    ];
    assert_values(&three_phase_wsd(Ramp::OneMinusSqrt), &sqrt, "wsd 1-sqrt");
}

#[test]
fn transformers_wsd_shapes_and_floor_as_one_family() {
    // get_wsd_schedule(opt(0.02), 16, 30, num_stable_steps=40, warmup_type, decay_type, min_lr_ratio)
    let mix = [
        (0.0, 0.002),
        (1.0, 0.0025715749420666236),
        (7.0, 0.006500000000000001),
        (15.0, 0.015500000000000002),
        (16.0, 0.02),
        (56.0, 0.02),
        (60.0, 0.0176),
        (85.0, 0.0026000000000000003),
        (86.0, 0.002),
        (94.0, 0.002),
    ];
    let w = Wsd {
        warmup_shape: Ramp::OneMinusSqrt,
        decay_shape: Ramp::Linear,
        ..wsd(0.02, 16.0, 40.0, 30.0, 0.1)
    };
    assert_values(&Schedule::single(Family::Wsd(w)), &mix, "1-sqrt / linear");
    let cos = [
        (0.0, 0.005),
        (1.0, 0.005144110396975772),
        (7.0, 0.011036822584879038),
        (15.0, 0.01985588960302423),
        (16.0, 0.02),
        (60.0, 0.019351590932319508),
        (85.0, 0.005041085784737951),
        (86.0, 0.005),
    ];
    let w = Wsd {
        warmup_shape: Ramp::Cosine,
        ..wsd(0.02, 16.0, 40.0, 30.0, 0.25)
    };
    assert_values(&Schedule::single(Family::Wsd(w)), &cos, "cosine / cosine");
}

#[test]
fn optax_join_schedules_of_linear_and_cosine_decay() {
    // join_schedules([linear_schedule(0, 1e-3, 200), cosine_decay_schedule(1e-3, 1800)], [200])
    let want = [
        (0.0, 0.0),
        (1.0, 5.000000000000013e-06),
        (57.0, 0.0002849999999999999),
        (199.0, 0.000995),
        (200.0, 0.001),
        (201.0, 0.0009999992384566439),
        (1000.0, 0.0005868240888334653),
        (1999.0, 7.615433561536378e-10),
        (2000.0, 0.0),
        (2500.0, 0.0),
    ];
    let s = Schedule {
        phases: vec![
            Family::Linear(Linear {
                start: 0.0,
                end: 1e-3,
                steps: 200.0,
            }),
            Family::Cosine(Anneal {
                eta_max: 1e-3,
                t_0: 1800.0,
                ..Anneal::default()
            }),
        ],
        boundaries: vec![200.0],
    };
    assert_values(&s, &want, "optax join");
}

#[test]
fn torch_sequential_lr_of_linear_lr_and_step_lr() {
    // SequentialLR(opt(0.1), [LinearLR(opt, 0.01, 1.0, 10), StepLR(opt, 20, 0.5)], milestones=[10])
    let want = [
        (0.0, 0.001),
        (1.0, 0.010899999999999998),
        (5.0, 0.05049999999999999),
        (9.0, 0.09009999999999996),
        (10.0, 0.1),
        (29.0, 0.1),
        (30.0, 0.05),
        (49.0, 0.05),
        (50.0, 0.025),
        (70.0, 0.0125),
        (79.0, 0.0125),
    ];
    let s = Schedule {
        phases: vec![
            Family::Linear(Linear {
                start: 0.001,
                end: 0.1,
                steps: 10.0,
            }),
            Family::Step(Step {
                lr: 0.1,
                step_size: 20.0,
                gamma: 0.5,
            }),
        ],
        boundaries: vec![10.0],
    };
    assert_values(&s, &want, "torch SequentialLR");
}

#[test]
fn families_match_their_libraries() {
    let cases: Vec<(Family, Vec<(f64, f64)>)> = vec![
        (
            // get_inverse_sqrt_schedule(opt(0.01), 100, timescale=50)
            Family::Isqrt(Isqrt {
                lr: 0.01,
                warmup: 100.0,
                timescale: 50.0,
            }),
            vec![
                (0.0, 0.0),
                (1.0, 0.0001),
                (50.0, 0.005),
                (99.0, 0.0099),
                (100.0, 0.01),
                (101.0, 0.009901475429766743),
                (150.0, 0.0070710678118654745),
                (399.0, 0.003785055820522323),
            ],
        ),
        (
            // CyclicLR(opt, 0.001, 0.1, step_size_up=10, step_size_down=6, mode="exp_range", gamma=0.97)
            Family::Cyclic(Cyclic {
                base_lr: 0.001,
                max_lr: 0.1,
                step_size_up: 10.0,
                step_size_down: 6.0,
                mode: CyclicMode::ExpRange,
                gamma: 0.97,
            }),
            vec![
                (0.0, 0.001),
                (1.0, 0.010603000000000001),
                (5.0, 0.04350733427215),
                (10.0, 0.07400498856259788),
                (13.0, 0.034314840963195946),
                (16.0, 0.001),
                (17.0, 0.006898677834202169),
                (26.0, 0.04584358094557731),
                (47.0, 0.004942352510956521),
                (59.0, 0.014676855870391824),
            ],
        ),
        (
            // … mode="triangular2"
            Family::Cyclic(Cyclic {
                base_lr: 0.001,
                max_lr: 0.1,
                step_size_up: 10.0,
                step_size_down: 6.0,
                mode: CyclicMode::Triangular2,
                gamma: 1.0,
            }),
            vec![
                (0.0, 0.001),
                (1.0, 0.0109),
                (10.0, 0.1),
                (13.0, 0.0505),
                (16.0, 0.001),
                (17.0, 0.00595),
                (26.0, 0.0505),
                (47.0, 0.005125),
                (59.0, 0.0113125),
            ],
        ),
        (
            // timm TanhLRScheduler(opt(0.1), t_initial=50, lr_min=1e-4)
            Family::Tanh(Tanh {
                lr: 0.1,
                lr_min: 1e-4,
                steps: 50.0,
                lb: -7.0,
                ub: 3.0,
            }),
            vec![
                (0.0, 0.09999991693035004),
                (1.0, 0.09999987607469525),
                (10.0, 0.09999546475291662),
                (25.0, 0.09820317762478706),
                (49.0, 0.00046805556595365676),
                (50.0, 0.0001),
                (59.0, 0.0001),
            ],
        ),
        (
            // optax.exponential_decay(0.1, 25, 0.5, staircase=True)
            Family::Exponential(Exponential {
                lr: 0.1,
                gamma: 0.5,
                every: 25.0,
                staircase: true,
            }),
            vec![
                (0.0, 0.1),
                (24.0, 0.1),
                (25.0, 0.05),
                (74.0, 0.025),
                (75.0, 0.0125),
                (200.0, 0.000390625),
            ],
        ),
    ];
    for (family, want) in cases {
        assert_values(
            &Schedule::single(family.clone()),
            &want,
            &format!("{family:?}"),
        );
    }
}

#[test]
fn optax_piecewise_interpolate_linear_and_cosine() {
    // piecewise_interpolate_schedule(kind, 0.1, {40: 0.5, 100: 0.1})
    let knots = |interp| {
        Schedule::single(Family::PiecewiseInterp(PiecewiseInterp {
            knots: vec![0.0, 40.0, 100.0],
            values: vec![0.1, 0.1 * 0.5, 0.1 * 0.5 * 0.1],
            interp,
        }))
    };
    let linear = [
        (0.0, 0.1),
        (1.0, 0.09875),
        (20.0, 0.07500000000000001),
        (39.0, 0.051250000000000004),
        (40.0, 0.05),
        (41.0, 0.04925),
        (77.0, 0.022250000000000002),
        (99.0, 0.005750000000000005),
        (100.0, 0.005000000000000001),
        (150.0, 0.005000000000000001),
    ];
    assert_values(&knots(Interp::Linear), &linear, "linear");
    let cosine = [
        (0.0, 0.1),
        (1.0, 0.0999229333433282),
        (20.0, 0.07500000000000001),
        (39.0, 0.050077066656671804),
        (40.0, 0.05),
        (41.0, 0.0499691645319779),
        (77.0, 0.019436721135230744),
        (99.0, 0.00503083546802209),
        (100.0, 0.005000000000000001),
    ];
    assert_values(&knots(Interp::Cosine), &cosine, "cosine");
}

#[test]
fn errors_name_the_phase_and_the_parameter() {
    let bad = Schedule {
        phases: vec![
            Family::Constant(anneal::schedule::Constant { lr: 0.1 }),
            Family::Step(Step {
                lr: 0.1,
                step_size: 10.0,
                gamma: 1.5,
            }),
        ],
        boundaries: vec![5.0],
    };
    let e = bad.validate().unwrap_err();
    assert_eq!((e.phase, e.field.as_str()), (Some(2), "gamma"));
    assert!(e.to_string().starts_with("phase 2: gamma: "), "{e}");
    let c = Anneal::default();
    for (text, phase, field) in [
        ("", Some(1), "family"),
        ("linear!10", None, "schedule"),
        ("linear!x!cos", Some(2), "start"),
        ("linear!0!cos", Some(2), "start"),
        ("cos!10!step(0.1,0)", Some(2), "step_size"),
        ("cos!10!exp(0.1,0.5,1,stair)", Some(2), "staircase"),
        ("wsd(0.1,1,2,3,0,4)", Some(1), "warmup_shape"),
        ("pconst(0.1_0.2,1_2)", Some(1), "values"),
        ("linear(1,2,3,4)", Some(1), "linear"),
        ("linear(1,2", Some(1), "family"),
        ("sigmoid(1)", Some(1), "family"),
        ("multistep(0.1,5_3)", Some(1), "milestones"),
        ("constant(inf)", Some(1), "lr"),
    ] {
        let e = Schedule::parse(text, &c).unwrap_err();
        assert_eq!((e.phase, e.field.as_str()), (phase, field), "{text}: {e}");
        assert!(!e.reason.is_empty());
    }
}

#[test]
fn text_is_short_and_defaults_are_left_out() {
    let c = Anneal::default();
    let warm_cos = Schedule {
        phases: vec![
            Family::Linear(Linear {
                start: 0.0,
                end: 0.1,
                steps: 2000.0,
            }),
            Family::Cosine(c.clone()),
        ],
        boundaries: vec![2000.0],
    };
    assert_eq!(warm_cos.to_text(&c), "linear(0,0.1,2e3)!2e3!cos");
    let w = Family::Wsd(wsd(3e-4, 100.0, 0.0, 100.0, 0.0));
    assert_eq!(Schedule::single(w).to_text(&c), "wsd(3e-4,100)");
    assert_eq!(
        Schedule::single(Family::Constant(anneal::schedule::Constant { lr: 0.1 })).to_text(&c),
        "constant"
    );
}

#[test]
fn editing_keeps_every_other_span() {
    let c = |lr| Family::Constant(anneal::schedule::Constant { lr });
    let mut s = Schedule {
        phases: vec![c(1.0), c(2.0), c(3.0)],
        boundaries: vec![10.0, 30.0],
    };
    s.insert(1, c(9.0), 5.0).unwrap();
    assert_eq!(s.boundaries, [10.0, 15.0, 35.0]);
    assert_eq!(s.lr(12.0), 9.0);
    s.insert(4, c(4.0), 7.0).unwrap();
    assert_eq!(s.boundaries, [10.0, 15.0, 35.0, 42.0]);
    s.insert(0, c(0.5), 1.0).unwrap();
    assert_eq!(s.boundaries, [1.0, 11.0, 16.0, 36.0, 43.0]);
    assert!(s.insert(0, c(0.5), 0.0).is_err());
    assert_eq!(s.remove(2), Some(c(9.0)));
    assert_eq!(s.boundaries, [1.0, 11.0, 31.0, 38.0]);
    assert_eq!(s.remove(4), Some(c(4.0)));
    assert_eq!(s.boundaries, [1.0, 11.0, 31.0]);
    // Spans 1, 10, 20: swapping the first two keeps them with their phases.
    assert!(s.swap(0, 1));
    assert_eq!(s.boundaries, [10.0, 11.0, 31.0]);
    assert_eq!(s.lr(0.0), 1.0);
    // The last slot has no span: the phase leaving it takes the span of the one arriving.
    assert!(s.swap(1, 3));
    assert_eq!(s.boundaries, [10.0, 11.0, 31.0]);
    assert_eq!((s.lr(10.5), s.lr(40.0)), (3.0, 0.5));
    assert!(!s.swap(0, 9));
    assert_eq!(s.validate(), Ok(()));
    let mut one = Schedule::single(c(1.0));
    assert_eq!(one.remove(0), None);
}

/// A number in [0, 1] mapped into a parameter's range, scaled to the peak and length.
fn pick(kind: ParamKind, u: f64, peak: f64, length: f64) -> Option<f64> {
    match kind {
        ParamKind::Rate => Some(peak * 2.0 * u),
        ParamKind::Steps => Some((length * 2.0 * u).round().clamp(1.0, STEP_LIMIT)),
        ParamKind::Factor { min, max } | ParamKind::Real { min, max } => {
            // Cube the span so wide ranges (divisors up to 1e12) mostly pick modest values.
            Some((min + (max.min(1e3) - min) * u * u * u).clamp(min, max))
        }
        ParamKind::Choice(_) | ParamKind::List => None,
    }
}

/// Any family: a starter with each parameter moved within its range, kept when valid.
fn any_family() -> impl Strategy<Value = Family> {
    (
        0..FamilyKind::ALL.len(),
        1e-5f64..1.0,
        2.0f64..2e4,
        prop::collection::vec((any::<bool>(), 0.0f64..=1.0, 0usize..8), 16),
    )
        .prop_filter_map("valid", |(k, peak, length, moves)| {
            let kind = FamilyKind::ALL[k];
            let start = kind.starter(peak, length).values();
            let values: Vec<ParamValue> = start
                .into_iter()
                .zip(kind.params())
                .zip(&moves)
                .map(|((v, spec), &(moved, u, c))| match (moved, &v, spec.kind) {
                    (false, ..) => v,
                    (true, ParamValue::Choice(_), ParamKind::Choice(o)) => {
                        ParamValue::Choice(c % o.len())
                    }
                    (true, ParamValue::List(l), _) => {
                        ParamValue::List(l.iter().map(|x| x * (0.5 + u)).collect())
                    }
                    (true, ..) => pick(spec.kind, u, peak, length).map_or(v, ParamValue::Num),
                })
                .collect();
            Family::from_values(kind, &values).ok()
        })
}

/// Any schedule of one to four phases with increasing boundaries.
fn any_schedule() -> impl Strategy<Value = Schedule> {
    prop::collection::vec((any_family(), 1.0f64..5e3), 1..5).prop_map(|parts| {
        let mut at = 0.0;
        let mut boundaries = Vec::new();
        for (_, span) in parts.iter().skip(1) {
            at += span.round();
            boundaries.push(at);
        }
        Schedule {
            phases: parts.into_iter().map(|(f, _)| f).collect(),
            boundaries,
        }
    })
}

/// Families whose formula has no jump inside a phase.
fn continuous(f: &Family) -> bool {
    match f {
        Family::Step(_) | Family::Multistep(_) | Family::PiecewiseConstant(_) | Family::Tanh(_) => {
            false
        }
        Family::Exponential(e) => !e.staircase,
        Family::Cosine(a) => !a.restarts && a.warmup.length == 0.0,
        Family::Polynomial(p) => p.power >= 0.5,
        _ => true,
    }
}

/// True when `v` never turns on `ts` (allowing rounding noise of `tol`).
fn monotone(v: &[f64], tol: f64) -> bool {
    let up = v.windows(2).all(|w| w[1] >= w[0] - tol);
    let down = v.windows(2).all(|w| w[1] <= w[0] + tol);
    up || down
}

fn check_monotone_between(
    lr: impl Fn(f64) -> f64,
    bps: &[f64],
    end: f64,
    hi: f64,
) -> Result<(), String> {
    let edges: Vec<f64> = std::iter::once(0.0)
        .chain(bps.iter().copied())
        .chain([end])
        .collect();
    for w in edges.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b <= a {
            continue;
        }
        // Inside the open interval: at a breakpoint itself the jump may land an ulp either side.
        let v: Vec<f64> = (0..64)
            .map(|k| lr(a + (b - a) * (k as f64 + 0.5) / 64.0))
            .collect();
        if !monotone(&v, 1e-12 * hi) {
            return Err(format!("turns between {a} and {b}: {v:?}"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_family_is_finite_and_inside_its_rates(f in any_family(), u in 0.0f64..1.0) {
        let (lo, hi) = f.rates();
        for t in [0.0, u * f.length(), u * 4.0 * f.length() + 1.0, 1e15, 1e300, f64::INFINITY] {
            let v = f.lr(t);
            prop_assert!(v.is_finite(), "{f:?} at {t}: {v}");
            prop_assert!(v >= lo * (1.0 - 1e-12) - 1e-300 && v <= hi * (1.0 + 1e-12), "{f:?} at {t}: {v} outside [{lo}, {hi}]");
        }
        prop_assert!(f.length().is_finite() && f.length() >= 0.0);
    }

    #[test]
    fn every_family_is_monotone_between_its_breakpoints(f in any_family()) {
        let end = f.length().max(1.0) * 1.5;
        let bps = f.breakpoints(0.0, end, 200);
        prop_assume!(bps.len() < 200);
        prop_assert!(bps.windows(2).all(|w| w[0] < w[1]));
        let hi = f.rates().1;
        check_monotone_between(|t| f.lr(t), &bps, end, hi).map_err(|e| TestCaseError::fail(format!("{f:?}: {e}")))?;
    }

    #[test]
    fn continuous_families_have_no_jump_at_their_breakpoints(f in any_family()) {
        prop_assume!(continuous(&f));
        let hi = f.rates().1;
        for t in f.breakpoints(0.0, f.length() * 2.0 + 1.0, 50) {
            let before = f.lr(t - t * 1e-12);
            prop_assert!((f.lr(t) - before).abs() <= 1e-5 * hi, "{f:?} jumps at {t}: {before} → {}", f.lr(t));
        }
    }

    #[test]
    fn a_phase_starts_at_its_own_first_value(s in any_schedule()) {
        prop_assert_eq!(s.validate(), Ok(()));
        for (i, phase) in s.phases.iter().enumerate() {
            let start = s.start(i);
            prop_assert_eq!(s.lr(start), phase.lr(0.0), "phase {} at {}", i + 1, start);
            if i > 0 {
                let before = start.next_down();
                prop_assert_eq!(s.lr(before), s.phases[i - 1].lr(before - s.start(i - 1)));
            }
        }
    }

    #[test]
    fn schedules_are_monotone_between_their_breakpoints(s in any_schedule()) {
        let end = s.length().max(1.0) * 1.25;
        let bps = s.breakpoints(0.0, end, 400);
        prop_assume!(bps.len() < 400);
        prop_assert!(bps.windows(2).all(|w| w[0] < w[1]));
        for b in &s.boundaries {
            prop_assert!(*b > end || bps.contains(b), "boundary {b} missing");
        }
        let hi = s.phases.iter().map(|p| p.rates().1).fold(0.0, f64::max);
        check_monotone_between(|t| s.lr(t), &bps, end, hi).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn sampling_in_order_equals_pointwise(s in any_schedule()) {
        let end = s.length() * 1.2 + 1.0;
        for (t, v) in s.sample(0.0, end, 301) {
            prop_assert_eq!(v, s.lr(t));
        }
    }

    #[test]
    fn text_round_trips_exactly(s in any_schedule(), controls_phase in any::<prop::sample::Index>()) {
        // One cosine phase may be the explorer's own cosine: it is written `cos`.
        let controls = match &s.phases[controls_phase.index(s.phases.len())] {
            Family::Cosine(a) => a.clone(),
            _ => Anneal::default(),
        };
        let text = s.to_text(&controls);
        prop_assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || "-._~!*()',;:".contains(c)), "{}", text);
        prop_assert_eq!(Schedule::parse(&text, &controls), Ok(s));
    }

    #[test]
    fn any_text_parses_or_says_why(text in ".{0,60}") {
        if let Err(e) = Schedule::parse(&text, &Anneal::default()) {
            prop_assert!(!e.field.is_empty() && !e.reason.is_empty());
        }
    }

    #[test]
    fn near_miss_text_parses_or_says_why(text in "[a-z0-9().,_~e-]{0,40}") {
        match Schedule::parse(&text, &Anneal::default()) {
            Ok(s) => prop_assert!(s.sample(0.0, 1e4, 50).iter().all(|p| p.1.is_finite())),
            Err(e) => prop_assert!(!e.field.is_empty() && !e.reason.is_empty()),
        }
    }
}

#[test]
fn no_preset_jumps_where_its_phases_hand_over() {
    for p in anneal::share::PRESETS {
        let r = (p.settings)().resolve();
        let flags = anneal::schedule::pitfalls(&r.phases, r.horizon_steps);
        assert!(
            flags.iter().all(|f| f.title != "Jump at a phase boundary"),
            "{}: {flags:?}",
            p.key
        );
    }
}
