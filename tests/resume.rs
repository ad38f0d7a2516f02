//! Resuming from a checkpoint, against each library really stopped, checkpointed and resumed
//! (`tests/fixtures/resume_reference.py`): both ways, with the resumed script's own call.

#[path = "common/close.rs"]
mod close;

use anneal::schedule::frameworks::resume::{resumed, Way};
use anneal::schedule::frameworks::Mode;
use close::{close32, close64};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let doc: Value = serde_json::from_str(include_str!("fixtures/resume.json")).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("values")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

#[test]
fn every_library_resumes_as_it_really_does() {
    let all = cases();
    assert_eq!(all.len(), 12);
    let mut compared = 0;
    for case in &all {
        let family = case["family"].as_str().unwrap();
        let dtype = case["dtype"].as_str().unwrap();
        let before = Mode::from_golden(family, &case["before"], dtype).unwrap();
        let after = Mode::from_golden(family, &case["after"], dtype).unwrap();
        let k = case["k"].as_f64().unwrap();
        for (way, name) in [(Way::Restored, "restored"), (Way::Recreated, "recreated")] {
            let want = floats(&case[name]);
            let steps: Vec<f64> = (0..want.len()).map(|i| k + i as f64).collect();
            let got = resumed(&before, &after, k, way, &steps).unwrap();
            assert_eq!(got.len(), want.len(), "{family} k={k} {name}");
            let close = if dtype == "float32" { close32 } else { close64 };
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                assert!(
                    close(*g, *w),
                    "{family} k={k} {name} at step {}: {g} vs {w}",
                    k + i as f64
                );
            }
            compared += want.len();
        }
    }
    assert!(compared > 3_000);
}

#[test]
fn a_recreated_cosine_decays_twice_and_a_recreated_warm_up_overshoots() {
    let cos = |t_max: u64| {
        Mode::from_golden(
            "torch.CosineAnnealingLR",
            &serde_json::json!({"optimizer_lr": 0.1, "T_max": t_max, "eta_min": 0.0}),
            "float64",
        )
        .unwrap()
    };
    let (before, after) = (cos(100), cos(100));
    let at = |way| resumed(&before, &after, 50.0, way, &[50.0]).unwrap()[0];
    // Stopped half-way at 0.05: restored goes on at 0.05; re-created decays it again to 0.025.
    assert!((at(Way::Restored) - 0.05).abs() < 1e-15);
    assert!((at(Way::Recreated) - 0.025).abs() < 1e-15);
}
