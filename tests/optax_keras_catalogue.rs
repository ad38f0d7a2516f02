//! optax's and Keras's whole scheduler catalogues, read from pasted calls: values the real
//! libraries printed (optax 0.2.8 with jax x64, Keras 3.15.1 on jax in float32, pasted here as
//! literals), refusals with the library's reason, and the Keras snippet's float literals.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/close.rs"]
mod close;

use anneal::export::{import, snippets};
use anneal::share::Settings;
use close::{close32, close64};

/// The values of a pasted call at `steps`.
fn values(call: &str, steps: &[f64]) -> Vec<f64> {
    let imported = import(call, &Settings::default()).unwrap_or_else(|e| panic!("{call}: {e}"));
    imported.mode.eval(steps).expect("evaluates")
}

/// Compares a pasted call with the library's values, float64 or float32.
fn check(call: &str, steps: &[f64], want: &[f64], close: fn(f64, f64) -> bool) {
    let got = values(call, steps);
    for ((t, g), w) in steps.iter().zip(&got).zip(want) {
        assert!(close(*g, *w), "{call} at {t}: got {g:e}, want {w:e}");
    }
}

/// Why a pasted call is refused.
fn refusal(call: &str) -> String {
    import(call, &Settings::default())
        .map(|_| panic!("{call} should be refused"))
        .unwrap_err()
        .message
}

#[test]
fn the_issues_join_starts_at_the_warm_up_not_the_inner_cosine() {
    let call = "optax.join_schedules([optax.linear_schedule(0.0, 1e-3, 200), optax.cosine_decay_schedule(1e-3, 1800)], [200])";
    let want = [0.0, 0.0005, 0.001, 0.0005868240888334653, 0.0];
    check(call, &[0.0, 100.0, 200.0, 1000.0, 2000.0], &want, close64);
    assert_eq!(values(call, &[0.0, 200.0]), [0.0, 1e-3]);
}

#[test]
fn optax_shapes_beyond_the_golden_file_match_optax() {
    let cases: [(&str, &[f64], &[f64]); 11] = [
        (
            "optax.exponential_decay(0.1, 7, 0.5, transition_begin=5, staircase=True, end_value=0.02)",
            &[0., 4., 5., 6., 11., 12., 13., 19., 20., 26., 27., 40., 100.],
            &[0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02, 0.02],
        ),
        (
            "optax.exponential_decay(0.1, 10, 0.8, transition_begin=3, end_value=0.05)",
            &[0., 3., 4., 10., 20., 30., 40., 60.],
            &[0.1, 0.1, 0.09779327685429286, 0.08553876799929505, 0.06843101439943604, 0.05474481151954883, 0.05, 0.05],
        ),
        (
            "optax.exponential_decay(0.01, 10, 2.0, end_value=0.05)",
            &[0., 5., 10., 20., 23., 24., 30., 50.],
            &[0.01, 0.014142135623730952, 0.02, 0.04, 0.049245776533796644, 0.05, 0.05, 0.05],
        ),
        (
            "optax.polynomial_schedule(0.1, 0.001, 2.0, 20, transition_begin=10)",
            &[0., 9., 10., 11., 15., 29., 30., 31., 50.],
            &[0.1, 0.1, 0.1, 0.0903475, 0.0566875, 0.0012475000000000003, 0.001, 0.001, 0.001],
        ),
        (
            "optax.piecewise_interpolate_schedule('linear', 0.2, {5: 2.0, 15: 0.5, 30: 0.1, 31: 0.5})",
            &[0., 2., 5., 6., 10., 15., 20., 29., 30., 31., 32., 40.],
            &[0.2, 0.28, 0.4, 0.38, 0.30000000000000004, 0.2, 0.14, 0.03200000000000003, 0.020000000000000004, 0.010000000000000002, 0.010000000000000002, 0.010000000000000002],
        ),
        (
            "optax.piecewise_interpolate_schedule('cosine', 1.0, {10: 0.5, 20: 0.2, 40: 3.0})",
            &[0., 3., 10., 13., 20., 25., 39., 40., 50.],
            &[1.0, 0.8969463130731183, 0.5, 0.41755705045849467, 0.1, 0.12928932188134526, 0.2987688340595138, 0.30000000000000004, 0.30000000000000004],
        ),
        (
            "optax.join_schedules([optax.linear_schedule(0.0, 0.1, 10), optax.constant_schedule(0.1), optax.cosine_decay_schedule(0.1, 50, alpha=0.1)], [10, 30])",
            &[0., 5., 9., 10., 20., 29., 30., 31., 55., 80., 100.],
            &[0.0, 0.05, 0.09000000000000001, 0.1, 0.1, 0.1, 0.1, 0.09991120277927223, 0.05500000000000001, 0.010000000000000002, 0.010000000000000002],
        ),
        (
            "optax.join_schedules([optax.warmup_exponential_decay_schedule(0.0, 0.1, 5, 10, 0.5), optax.polynomial_schedule(0.05, 0.0, 3, 20)], [25])",
            &[0., 3., 5., 10., 24., 25., 30., 45., 50.],
            &[0.0, 0.06, 0.1, 0.07071067811865477, 0.02679433656340733, 0.05, 0.02109375, 0.0, 0.0],
        ),
        (
            "optax.linear_onecycle_schedule(50, 0.5, pct_start=0.2, pct_final=0.9, div_factor=10.0, final_div_factor=100.0)",
            &[0., 5., 10., 20., 44., 45., 47., 50., 60.],
            &[0.05, 0.275, 0.5, 0.37142857142857144, 0.06285714285714283, 0.05, 0.0302, 0.0005, 0.0005],
        ),
        (
            "optax.warmup_constant_schedule(0.0, 0.1, 0)",
            &[0., 1., 5.],
            &[0.0, 0.0, 0.0],
        ),
        (
            "optax.piecewise_constant_schedule(1.0, {20: 0.5, 10: 0.1})",
            &[0., 9., 10., 15., 20., 30.],
            &[1.0, 1.0, 0.1, 0.1, 0.05, 0.05],
        ),
    ];
    for (call, steps, want) in cases {
        check(call, steps, want, close64);
    }
}

#[test]
fn keras_shapes_beyond_the_golden_file_match_keras_in_float32() {
    let cases: [(&str, &[f64], &[f64]); 5] = [
        (
            "keras.optimizers.schedules.PolynomialDecay(0.1, 10, 0.001, power=2.0, cycle=True)",
            &[0., 1., 5., 10., 11., 15., 20., 21., 35., 40.],
            &[
                0.10000000149011612,
                0.08118999749422073,
                0.025750000029802322,
                0.0010000000474974513,
                0.021047499030828476,
                0.0071875001303851604,
                0.0010000000474974513,
                0.00991000048816204,
                0.002546875039115548,
                0.0010000000474974513,
            ],
        ),
        (
            "PolynomialDecay(0.1, 7.5, 0.01, power=0.5, cycle=True)",
            &[0., 1., 7., 8., 15., 16., 30.],
            &[
                0.10000000149011612,
                0.09378544241189957,
                0.03323790058493614,
                0.07148170471191406,
                0.009999999776482582,
                0.058373548090457916,
                0.009999999776482582,
            ],
        ),
        (
            "InverseTimeDecay(0.5, 4, 0.3, staircase=True)",
            &[0., 3., 4., 7., 8., 12., 40.],
            &[
                0.5,
                0.5,
                0.38461539149284363,
                0.38461539149284363,
                0.3125,
                0.2631578743457794,
                0.125,
            ],
        ),
        (
            "ExponentialDecay(0.1, 4, 0.7, staircase=True)",
            &[0., 3., 4., 9., 12.],
            &[
                0.10000000149011612,
                0.10000000149011612,
                0.07000000029802322,
                0.04899999871850014,
                0.034299999475479126,
            ],
        ),
        (
            "PiecewiseConstantDecay([60, 30], [0.1, 0.01, 0.001])",
            &[0., 30., 31., 45., 60., 61.],
            &[
                0.10000000149011612,
                0.10000000149011612,
                0.10100000351667404,
                0.10100000351667404,
                0.10100000351667404,
                0.0010000000474974513,
            ],
        ),
    ];
    for (call, steps, want) in cases {
        check(call, steps, want, close32);
    }
}

#[test]
fn keras_rates_below_the_smallest_float32_are_zero_as_xla_flushes_them() {
    let cases: [(&str, &[f64], &[f64]); 4] = [
        // 0.5^127 is subnormal: XLA:CPU flushes the power before it meets 1e4.
        (
            "ExponentialDecay(1e4, 1, 0.5)",
            &[126., 127.],
            &[1.1754943508222875e-34, 0.0],
        ),
        (
            "InverseTimeDecay(2e-38, 1, 0.5)",
            &[1., 2.],
            &[1.333333386857367e-38, 0.0],
        ),
        // A subnormal argument is zero from step 0.
        ("ExponentialDecay(1e-40, 3, 0.9)", &[0.], &[0.0]),
        (
            "CosineDecayRestarts(1e-30, 7, 2.0, 0.01, 1e-9)",
            &[101., 102.],
            &[1.353601767845361e-38, 0.0],
        ),
    ];
    for (call, steps, want) in cases {
        let call = format!("keras.optimizers.schedules.{call}");
        assert_eq!(values(&call, steps), want, "{call}");
    }
}

#[test]
fn an_integer_initial_learning_rate_computes_in_integers_as_keras_does() {
    let cases: [(&str, &[f64], &[f64]); 7] = [
        (
            "CosineDecay(0, 100, alpha=0.0, warmup_target=0.1, warmup_steps=10)",
            &[0., 5., 10., 50., 110.],
            &[0.0; 5],
        ),
        (
            "CosineDecay(0, 100, alpha=0.0, warmup_target=2.7, warmup_steps=10)",
            &[0., 5., 10., 50., 110.],
            &[0.0, 1.0, 2.0, 1.36235773563385, 0.010007500648498535],
        ),
        (
            "CosineDecay(1, 100, alpha=0.5)",
            &[0., 1., 50., 99., 100., 150.],
            &[
                1.0,
                0.9998875260353088,
                0.7676843404769897,
                0.5036714673042297,
                0.5025018453598022,
                0.5025018453598022,
            ],
        ),
        (
            "CosineDecayRestarts(1, 10, t_mul=2.5, m_mul=0.5, alpha=0.5)",
            &[0., 1., 5., 10., 15., 25., 35.],
            &[
                1.0,
                0.977668285369873,
                0.5353686213493347,
                0.0,
                0.0,
                0.0,
                0.0,
            ],
        ),
        (
            "ExponentialDecay(2, 10, 1.5)",
            &[0., 1., 5., 10.],
            &[2.0; 4],
        ),
        (
            "PolynomialDecay(1, 10.5, 0.0, power=2.0, cycle=True)",
            &[0., 1., 5., 10., 11., 15., 21., 22.],
            &[
                1.0,
                0.809999942779541,
                0.25,
                0.0,
                0.20249998569488525,
                0.0625,
                0.0024999952875077724,
                0.07111110538244247,
            ],
        ),
        (
            "InverseTimeDecay(3, 10, 2.5, staircase=True)",
            &[0., 9., 10., 25.],
            &[3.0, 3.0, 1.0, 0.6000000238418579],
        ),
    ];
    for (call, steps, want) in cases {
        check(call, steps, want, close32);
        let imported = import(call, &Settings::default()).expect("reads");
        let note = "an integer initial_learning_rate makes Keras compute in integers: write it with a decimal point (1.0, not 1)";
        assert!(
            imported.notes.iter().any(|n| n == note),
            "{call}: {:?}",
            imported.notes
        );
        assert_eq!(imported.mode.dtype_note(), Some(note));
    }
    let float = import(
        "CosineDecay(0.0, 100, warmup_target=0.1, warmup_steps=10)",
        &Settings::default(),
    )
    .expect("reads");
    assert_eq!(float.mode.dtype_note(), None);
    assert!(float.mode.eval(&[5.0]).expect("evaluates")[0] > 0.04);
}

#[test]
fn the_keras_snippet_for_a_warm_up_from_zero_writes_a_float() {
    let s = Settings {
        warmup: 10.0,
        warmup_start: 0.0,
        ..Settings::default()
    };
    let r = s.resolve();
    let all = snippets(&r.phases, r.horizon_steps);
    let keras = all
        .iter()
        .find(|s| s.key == "keras")
        .expect("a Keras snippet");
    assert!(keras.code.contains("CosineDecay(0.0, "), "{}", keras.code);
    assert!(!keras.code.contains("CosineDecay(0,"), "{}", keras.code);
    let back = import(&keras.code, &Settings::default()).expect("reads back");
    assert_eq!(back.mode.dtype_note(), None);
    let optax = all
        .iter()
        .find(|s| s.key == "optax")
        .expect("an optax snippet");
    assert!(optax.code.contains("init_value=0.0"), "{}", optax.code);
}

#[test]
fn bad_parameters_are_refused_with_the_librarys_reason() {
    let cases = [
        (
            "optax.piecewise_constant_schedule(0.1, {10: -0.5})",
            "`piecewise_constant_schedule` expects non-negative scale factors",
        ),
        (
            "optax.piecewise_interpolate_schedule('quadratic', 0.1, {10: 0.5})",
            "`interpolate_type` must be either 'cosine' or 'linear'",
        ),
        (
            "optax.linear_onecycle_schedule(0, 0.1)",
            "A linear onecycle schedule was set with a non-positive `transition_steps`",
        ),
        (
            "optax.join_schedules([optax.linear_schedule(0.0, 0.1, 10), optax.cosine_decay_schedule(0.1, 0)], [10])",
            "The cosine_decay_schedule requires positive decay_steps",
        ),
        (
            "ExponentialDecay(0.1, 0, 0.5)",
            "Argument `decay_steps` must be > 0. Received: decay_steps=0",
        ),
        (
            "PiecewiseConstantDecay([10, 20], [0.1, 0.01])",
            "The length of boundaries should be 1 less than the length of values. Received: boundaries=[10, 20] of length 2, and values=[0.1, 0.01] of length 2.",
        ),
        (
            "optax.contrib.reduce_on_plateau(factor=0.5, patience=10)",
            "depends on the loss",
        ),
        (
            "keras.callbacks.ReduceLROnPlateau(monitor='val_loss')",
            "validation metric",
        ),
        (
            "keras.callbacks.LearningRateScheduler(schedule)",
            "Python function",
        ),
    ];
    for (call, reason) in cases {
        let got = refusal(call);
        assert!(got.contains(reason), "{call}: {got}");
    }
}
