//! The `anneal eval` command, driven as scripts and notebooks drive it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run_eval(input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anneal"))
        .arg("eval")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("anneal runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    child.wait_with_output().expect("anneal finishes")
}

#[test]
fn eval_reproduces_the_golden_values_from_the_stripped_document() {
    let golden: Value =
        serde_json::from_str(include_str!("fixtures/golden_public.json")).expect("fixture");
    let mut doc = golden.clone();
    for case in doc["cases"].as_array_mut().expect("cases") {
        let case = case.as_object_mut().expect("case");
        let n = case["values"].as_array().map(Vec::len).unwrap_or(0);
        case.remove("values");
        if !case.contains_key("t") {
            case.insert("n".into(), n.into());
        }
    }
    let out = run_eval(&doc.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).expect("output is JSON");
    let got = got["cases"].as_array().expect("cases out");
    let want = golden["cases"].as_array().expect("cases in");
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g["id"], w["id"]);
        let f32_case = w["dtype"].as_str().unwrap_or("").contains("float32");
        let values = g["values"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: {}", g["id"], g["error"]));
        for (a, b) in values.iter().zip(w["values"].as_array().expect("values")) {
            let (a, b) = (a.as_f64().expect("number"), b.as_f64().expect("number"));
            if f32_case {
                assert!(
                    (a - b).abs() <= 1e-4 * b.abs() + 1e-9,
                    "{}: {a} vs {b}",
                    g["id"]
                );
            } else {
                assert_eq!(a, b, "{}: printed floats must round-trip exactly", g["id"]);
            }
        }
    }
}

#[test]
fn a_bad_case_gets_an_error_and_the_rest_still_evaluate() {
    let out = run_eval(
        r#"{"cases": [
            {"id": "a", "family": "torch.OneCycleLR", "params": {"max_lr": 0.1, "total_steps": 10, "optimizer_lr": 0.1}, "t": [11]},
            {"id": "b", "family": "keras.CosineDecay", "dtype": "float32", "params": {"initial_learning_rate": 0.1, "decay_steps": 10}, "n": 2}
        ]}"#,
    );
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(doc["cases"][0]["error"]
        .as_str()
        .unwrap_or("")
        .contains("total_steps"));
    assert_eq!(
        doc["cases"][1]["values"][0], 0.10000000149011612,
        "float32 0.1 widened exactly"
    );
}

#[test]
fn input_that_is_not_json_fails_with_a_message() {
    let out = run_eval("{not json");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not JSON"));
}
