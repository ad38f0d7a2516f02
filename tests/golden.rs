//! Every public golden case (values computed by the real libraries) against Anneal's framework modes,
//! natively and in the browser (where `cos` and `ln` come from a different libm).

mod common;

use anneal::schedule::frameworks::Mode;
use common::points;
use serde_json::Value;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/golden_public.json");

fn cases() -> Vec<Value> {
    common::cases(FIXTURE)
}

/// Fails with every mismatch listed, unless all 49 public cases match.
fn assert_every_case_matches() {
    common::assert_all_match(&cases(), 49, |_| true);
}

#[test]
fn every_public_golden_case_matches_its_framework() {
    assert_every_case_matches();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn every_public_golden_case_matches_in_the_browser() {
    assert_every_case_matches();
}

#[test]
fn torch_cosine_matches_its_closed_form_values_too() {
    for case in cases()
        .iter()
        .filter(|c| c["family"] == "torch.CosineAnnealingLR")
    {
        let closed: Vec<f64> = case["closed_form_values"]
            .as_array()
            .expect("closed form")
            .iter()
            .map(|v| v.as_f64().expect("number"))
            .collect();
        let Mode::TorchCosine(m) =
            Mode::from_golden("torch.CosineAnnealingLR", &case["params"], "float64")
                .expect("valid")
        else {
            panic!("wrong mode");
        };
        let t = points(case, closed.len());
        for (k, want) in closed.iter().enumerate() {
            assert_eq!(m.closed_form(t[k]), *want, "{} at {}", case["id"], t[k]);
        }
    }
}

#[test]
fn the_float_log_glitches_are_reproduced() {
    let epoch = Mode::from_golden(
        "torch.CosineAnnealingWarmRestarts.step_epoch",
        &serde_json::json!({"T_0": 1, "T_mult": 3, "eta_min": 0.0, "optimizer_lr": 0.1}),
        "float64",
    )
    .expect("valid");
    // math.log(243, 3) = 4.999…: PyTorch's step(121.0) lands on eta_min instead of the restart.
    assert_eq!(epoch.eval(&[121.0]).expect("evaluates"), vec![0.0]);
    let stepped = Mode::from_golden(
        "torch.CosineAnnealingWarmRestarts",
        &serde_json::json!({"T_0": 1, "T_mult": 3, "eta_min": 0.0, "optimizer_lr": 0.1}),
        "float64",
    )
    .expect("valid");
    assert_eq!(stepped.eval(&[121.0]).expect("evaluates"), vec![0.1]);
    let keras =
        serde_json::json!({"initial_learning_rate": 0.1, "first_decay_steps": 1, "t_mul": 3.0});
    let f64_mode =
        Mode::from_golden("keras.CosineDecayRestarts", &keras, "float64").expect("valid");
    let f32_mode =
        Mode::from_golden("keras.CosineDecayRestarts", &keras, "float32").expect("valid");
    assert_eq!(f64_mode.eval(&[121.0]).expect("evaluates"), vec![0.0]);
    assert!((f32_mode.eval(&[121.0]).expect("evaluates")[0] - 0.1).abs() < 1e-8);
}

#[test]
fn a_slice_at_a_time_gives_the_same_bits_as_one_go() {
    use anneal::schedule::frameworks::Progress;
    for case in &cases() {
        let id = case["id"].as_str().unwrap_or("?");
        let dtype = case["dtype"].as_str().unwrap_or("float64");
        let n = case["values"].as_array().map_or(0, Vec::len);
        let Ok(mode) = Mode::from_golden(
            case["family"].as_str().unwrap_or(""),
            &case["params"],
            dtype,
        ) else {
            continue;
        };
        // Backwards, so stepped schedulers see their points out of order.
        let t: Vec<f64> = points(case, n).into_iter().rev().collect();
        let whole = mode.eval(&t).expect("evaluates");
        let mut progress = Progress::new(&mode, t.clone());
        let mut last = 0.0;
        let mut slices = 0;
        while !progress.advance(7) {
            assert!(
                progress.fraction() >= last && progress.fraction() < 1.0,
                "{id}"
            );
            last = progress.fraction();
            slices += 1;
        }
        assert!(slices > 0 || t.len() <= 7, "{id}: done in one slice of 7");
        let sliced = progress.finish().expect("evaluates");
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&sliced), bits(&whole), "{id}");
    }
    let torch = Mode::from_golden(
        "torch.CosineAnnealingLR",
        &serde_json::json!({"T_max": 10, "eta_min": 0.0, "optimizer_lr": 0.1}),
        "float64",
    )
    .expect("valid");
    let mut bad = Progress::new(&torch, vec![3.0, 2.5]);
    assert!(
        bad.advance(1),
        "a point a stepped scheduler cannot reach fails at once"
    );
    assert!(bad.finish().is_err());
}
