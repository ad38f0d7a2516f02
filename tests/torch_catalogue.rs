//! PyTorch's catalogue beyond the golden cases: reference values generated with torch 2.15
//! itself (`fixtures/torch_reference.py`, pasted into `fixtures/torch_reference.json`) for the
//! shapes the golden file does not hold, momentum curves included; every torch call read from
//! pasted text; and each refusal's message.

mod common;

use anneal::export::import;
use anneal::schedule::frameworks::Mode;
use anneal::share::Settings;
use common::{assert_all_match, cases, close64};
use serde_json::{json, Value};

const REFERENCE: &str = include_str!("fixtures/torch_reference.json");

fn mode(case: &Value) -> Mode {
    let family = case["family"].as_str().expect("family");
    Mode::from_golden(family, &case["params"], "float64").expect("valid")
}

fn floats(v: &Value) -> Vec<f64> {
    let list = v.as_array().expect("a list");
    list.iter().map(|x| x.as_f64().expect("a number")).collect()
}

#[test]
fn every_reference_curve_matches_torch() {
    assert_all_match(&cases(REFERENCE), 26, |_| true);
}

#[test]
fn a_scheduler_torch_raises_on_stops_where_it_raises() {
    for case in cases(REFERENCE)
        .iter()
        .filter(|c| c.get("raises").is_some())
    {
        let n = case["values"].as_array().expect("values").len();
        assert!(mode(case).eval(&[n as f64]).is_err(), "{}", case["id"]);
    }
    let one_cycle = Mode::from_golden(
        "torch.OneCycleLR",
        &json!({"max_lr": 0.1, "total_steps": 10, "optimizer_lr": 0.1}),
        "float64",
    )
    .expect("valid");
    let e = one_cycle.eval(&[11.0]).expect_err("past total_steps");
    let composite = cases(REFERENCE);
    let composite = composite.iter().find(|c| c["id"] == "seq_linear_onecycle");
    let stopped = mode(composite.expect("case"))
        .eval(&[10.0])
        .expect_err("raises");
    assert_eq!(
        stopped.reason,
        "the library raises at step 10: its scheduler stops there"
    );
    assert_eq!(
        e.reason,
        "OneCycleLR raises ValueError past total_steps (10), asked for 11"
    );
}

#[test]
fn the_momentum_curve_is_torchs_for_sgd_and_adam() {
    let with_momentum = cases(REFERENCE);
    let with_momentum: Vec<&Value> = with_momentum
        .iter()
        .filter(|c| c.get("momentum").is_some())
        .collect();
    assert_eq!(with_momentum.len(), 4);
    for case in with_momentum {
        let m = mode(case);
        for (i, w) in floats(&case["momentum"]).iter().enumerate() {
            let got = m.momentum(i as f64).expect("cycles momentum");
            assert!(
                close64(got, *w),
                "{} step {i}: {got} vs torch {w}",
                case["id"]
            );
        }
    }
    let off = Mode::from_golden(
        "torch.CyclicLR",
        &json!({"base_lr": 0.01, "max_lr": 0.1, "cycle_momentum": false, "optimizer_lr": 0.1}),
        "float64",
    )
    .expect("valid");
    assert_eq!(off.momentum(3.0), None);
}

/// Imports `text` and checks it is the mode `family` builds from `params`.
fn imports_as(text: &str, family: &str, params: Value) {
    let got = import(text, &Settings::default()).unwrap_or_else(|e| panic!("{text}: {e}"));
    let want = Mode::from_golden(family, &params, "float64").expect("valid");
    assert_eq!(got.mode, want, "{text}");
}

#[test]
fn every_torch_call_reads_from_pasted_text() {
    let calls = [
        ("OneCycleLR(optimizer, max_lr=0.01, total_steps=1000)", "torch.OneCycleLR", json!({"max_lr": 0.01, "total_steps": 1000})),
        ("StepLR(optimizer, step_size=30, gamma=0.1)", "torch.StepLR", json!({"step_size": 30, "gamma": 0.1})),
        ("StepLR(optimizer, 30)", "torch.StepLR", json!({"step_size": 30})),
        ("ConstantLR(opt, 0.5, 4)", "torch.ConstantLR", json!({"factor": 0.5, "total_iters": 4})),
        ("LinearLR(opt, 1.0, 0.2, 8)", "torch.LinearLR", json!({"start_factor": 1.0, "end_factor": 0.2, "total_iters": 8})),
        ("MultiStepLR(opt, [30, 60, 90], 0.5)", "torch.MultiStepLR", json!({"milestones": [30, 60, 90], "gamma": 0.5})),
        ("ExponentialLR(opt, 0.95)", "torch.ExponentialLR", json!({"gamma": 0.95})),
        ("PolynomialLR(opt, 50, 2.0)", "torch.PolynomialLR", json!({"total_iters": 50, "power": 2.0})),
        (
            "CyclicLR(opt, 0.001, 0.01, 4, 6, 'triangular2', cycle_momentum=False)",
            "torch.CyclicLR",
            json!({"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4, "step_size_down": 6, "mode": "triangular2", "cycle_momentum": false}),
        ),
        (
            "SequentialLR(opt, [LinearLR(opt, 0.1, total_iters=5), ExponentialLR(opt, 0.9)], milestones=[5])",
            "torch.SequentialLR",
            json!({"schedulers": [{"class": "LinearLR", "start_factor": 0.1, "total_iters": 5}, {"class": "ExponentialLR", "gamma": 0.9}], "milestones": [5]}),
        ),
        (
            "ChainedScheduler([ConstantLR(opt, factor=0.1, total_iters=5), ExponentialLR(opt, gamma=0.9)], optimizer=opt)",
            "torch.ChainedScheduler",
            json!({"schedulers": [{"class": "ConstantLR", "factor": 0.1, "total_iters": 5}, {"class": "ExponentialLR", "gamma": 0.9}]}),
        ),
    ];
    for (call, family, mut params) in calls {
        params["optimizer_lr"] = json!(0.1);
        imports_as(
            &format!("opt = SGD(model.parameters(), lr=0.1)\n{call}"),
            family,
            params,
        );
    }
}

/// The message importing `text` fails with.
fn refused(text: &str) -> String {
    match import(text, &Settings::default()) {
        Ok(i) => panic!("{text} imported as {:?}", i.mode),
        Err(e) => e.message,
    }
}

#[test]
fn calls_anneal_cannot_draw_are_named_with_the_reason() {
    for (call, why) in [
        (
            "ReduceLROnPlateau(opt, 'min')",
            "ReduceLROnPlateau depends on the validation loss",
        ),
        (
            "LambdaLR(opt, lambda e: 0.9 ** e)",
            "LambdaLR takes a Python function",
        ),
        (
            "MultiplicativeLR(opt, lambda e: 0.9)",
            "MultiplicativeLR takes a Python function",
        ),
    ] {
        assert_eq!(
            refused(call),
            format!("PyTorch's {why}; Anneal cannot draw it")
        );
    }
    let golden = |schedulers: Value| {
        Mode::from_golden(
            "torch.SequentialLR",
            &json!({"optimizer_lr": 0.1, "schedulers": schedulers, "milestones": [5]}),
            "float64",
        )
        .expect_err("refused")
        .reason
    };
    let custom = Mode::from_golden(
        "torch.CyclicLR",
        &json!({"optimizer_lr": 0.1, "base_lr": 0.01, "max_lr": 0.1, "scale_fn": "my_scale"}),
        "float64",
    );
    let e = custom.expect_err("a Python function");
    assert_eq!(
        e.to_string(),
        "scale_fn: takes a Python function; Anneal cannot draw it"
    );
    let plateau = json!([{"class": "LinearLR"}, {"class": "ReduceLROnPlateau"}]);
    assert_eq!(
        golden(plateau),
        "ReduceLROnPlateau depends on the validation loss"
    );
    let nested = json!([{"class": "LinearLR"}, {"class": "ChainedScheduler", "schedulers": [{"class": "ExponentialLR", "gamma": 0.9}]}]);
    assert_eq!(
        golden(nested),
        "Anneal draws SequentialLR and ChainedScheduler over single schedulers, not over ChainedScheduler"
    );
}

#[test]
fn parameters_torch_rejects_are_rejected_with_its_reason() {
    for (call, field, reason) in [
        ("LinearLR(opt, 0.0)", "start_factor", "LinearLR raises ValueError: Starting multiplicative factor expected to be greater than 0 and less or equal to 1"),
        ("LinearLR(opt, 1.5)", "start_factor", "LinearLR raises ValueError: Starting multiplicative factor expected to be greater than 0 and less or equal to 1"),
        ("LinearLR(opt, 0.5, 1.5)", "end_factor", "LinearLR raises ValueError: Ending multiplicative factor expected to be between 0 and 1"),
        ("ConstantLR(opt, 1.5)", "factor", "ConstantLR raises ValueError: Constant multiplicative factor expected to be between 0 and 1"),
        ("ConstantLR(opt, 0.0, 3)", "factor", "ConstantLR(factor=0) raises ZeroDivisionError at total_iters (1.0 / factor)"),
        ("StepLR(opt, 0)", "step_size", "StepLR(step_size=0) raises ZeroDivisionError at its first step (last_epoch % step_size)"),
        ("PolynomialLR(opt, 10, -1.0)", "power", "PolynomialLR with a negative power raises ZeroDivisionError at total_iters (0.0 ** power)"),
        ("CyclicLR(opt, 0.01, 0.1, mode='cosine')", "mode", "CyclicLR raises ValueError: mode is invalid and scale_fn is None (got 'cosine')"),
        ("CyclicLR(opt, 0.01, 0.1, 0)", "step_size_up", "CyclicLR(step_size_up=0) raises ZeroDivisionError at its first step (x / step_ratio)"),
        ("OneCycleLR(opt, 0.1, 100, pct_start=1.5)", "pct_start", "OneCycleLR raises ValueError: Expected float between 0 and 1 pct_start, but got 1.5"),
        ("OneCycleLR(opt, 0.1, 100, anneal_strategy='exp')", "anneal_strategy", "OneCycleLR raises ValueError: anneal_strategy must be one of 'cos' or 'linear', instead got exp"),
        (
            "SequentialLR(opt, [LinearLR(opt), ExponentialLR(opt, 0.9)], milestones=[5, 9])",
            "milestones",
            "SequentialLR raises ValueError: it expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 2 and the number of milestones to be equal to 2",
        ),
        ("SequentialLR(opt, [LinearLR(opt, 2.0)], milestones=[])", "start_factor", "LinearLR raises ValueError: Starting multiplicative factor expected to be greater than 0 and less or equal to 1"),
    ] {
        assert_eq!(refused(call), format!("{field}: {reason}"), "{call}");
    }
}

#[test]
fn a_milestone_restart_that_divides_by_zero_stops_where_torch_raises() {
    // LinearLR(total_iters=0)'s closed form divides by total_iters at the milestone.
    let m = Mode::from_golden(
        "torch.SequentialLR",
        &json!({"optimizer_lr": 0.1, "milestones": [3], "schedulers": [
            {"class": "ExponentialLR", "gamma": 0.5}, {"class": "LinearLR", "total_iters": 0}]}),
        "float64",
    )
    .expect("valid until the milestone");
    assert_eq!(
        m.eval(&[0.0, 1.0, 2.0]).expect("before"),
        [0.1, 0.05, 0.025]
    );
    assert!(m.eval(&[3.0]).is_err());
}
