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
            let planned = before.eval(&steps).unwrap();
            let got = resumed(&before, &planned, &after, way, &steps).unwrap();
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
    let planned = before.eval(&[50.0]).unwrap();
    let at = |way| resumed(&before, &planned, &after, way, &[50.0]).unwrap()[0];
    // Stopped half-way at 0.05: restored goes on at 0.05; re-created decays it again to 0.025.
    assert!((at(Way::Restored) - 0.05).abs() < 1e-15);
    assert!((at(Way::Recreated) - 0.025).abs() < 1e-15);
}

#[test]
fn the_preview_tells_what_each_way_does_with_the_page_settings() {
    use anneal::schedule::frameworks::Framework;
    use anneal::share::{preview, ResumeAt, Settings, Unit};
    let mut s = Settings {
        resume: ResumeAt {
            at: 40.0,
            ..ResumeAt::default()
        },
        ..Settings::default()
    };
    let verdicts = |s: &Settings| -> Vec<String> {
        preview(s, &s.resolve())
            .unwrap()
            .into_iter()
            .map(|w| w.verdict)
            .collect()
    };
    assert_eq!(
        verdicts(&s),
        [
            "it goes on as PyTorch's call plans",
            // Decayed twice: the restored 0.0654508 decayed again by c(40) = 0.654508, to the end.
            "at step 40 η jumps from 0.0654508 to 0.0428381; it runs at 0.654508 × the planned rate until the run ends at step 100",
        ]
    );
    s.resume.t_max = 150.0;
    assert_eq!(
        verdicts(&s)[0],
        "it goes on with the old call: the changes are ignored"
    );
    s.resume.lib = Framework::Optax;
    assert_eq!(
        verdicts(&s),
        [
            "at step 40 η jumps from 0.0654508 to 0.0834565; it follows the new call",
            "at step 40 η jumps from 0.0654508 to 0.1; the schedule starts over: step 40 trains at the new call's step 0",
        ]
    );
    s.resume.lib = Framework::Transformers;
    assert_eq!(
        verdicts(&s)[0],
        "it trains step 40 at the planned rate, then follows the new call (η goes from 0.0639496 to 0.082671 at step 41)"
    );
    // Every point is drawn from k on, and the stop must be inside the computed curve.
    let ways = preview(&s, &s.resolve()).unwrap();
    assert!(ways
        .iter()
        .all(|w| w.points[0].0 == 40.0 && w.points.len() == 81));
    s.resume.at = 500.0;
    assert_eq!(
        preview(&s, &s.resolve()).unwrap_err(),
        "stop at a step from 1 to 119 (Hugging Face's curve is computed to step 120)"
    );
    // In epochs k is read in epochs, and the message says so.
    let mut epochs = s.clone();
    epochs.unit = Unit::Epochs;
    epochs.steps_per_epoch = 4.0;
    epochs.t_max = 30.0;
    epochs.resume.at = 40.0;
    assert_eq!(
        preview(&epochs, &epochs.resolve()).unwrap_err(),
        "k counts epochs here: stop between epoch 0.25 and 35.75 (Hugging Face's curve is \
         computed to step 144; 40 epochs is step 160)"
    );
    // A tiny change of η at the checkpoint is not a jump.
    s.resume = ResumeAt {
        at: 1.0,
        lib: Framework::Optax,
        t_max: 150.0,
        eta_max: 0.0,
    };
    assert!(preview(&s, &s.resolve()).unwrap().iter().all(|w| !w.jumps));
}

#[test]
fn a_way_that_is_not_modelled_leaves_the_other_drawn() {
    use anneal::share::{preview, ResumeAt, Settings};
    let s = Settings {
        phases: "onecycle(0.01,1000)".into(),
        resume: ResumeAt {
            at: 400.0,
            ..ResumeAt::default()
        },
        ..Settings::default()
    };
    let ways = preview(&s, &s.resolve()).unwrap();
    assert!(ways[0].points.len() > 100, "restored: the old call goes on");
    assert!(ways[1].points.is_empty());
    assert!(ways[1]
        .verdict
        .starts_with("how this call resumes this way is not modelled"));
}
