//! What the golden-file suites share: reading a fixture and comparing every case with
//! Anneal's framework mode for it.

mod close;

pub use close::{close32, close64};

use anneal::schedule::frameworks::Mode;
use serde_json::Value;

/// The cases of a golden-format fixture.
pub fn cases(fixture: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(fixture).expect("fixture is JSON");
    doc["cases"].as_array().expect("cases").clone()
}

/// A case's values, as the library computed them.
pub fn values(case: &Value) -> Vec<f64> {
    case["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v.as_f64().expect("numeric value"))
        .collect()
}

/// The points a case is evaluated at: its `t`, or 0, 1, … n − 1.
pub fn points(case: &Value, n: usize) -> Vec<f64> {
    match case.get("t").and_then(Value::as_array) {
        Some(t) => t
            .iter()
            .map(|x| x.as_f64().expect("t is numeric"))
            .collect(),
        None => (0..n).map(|i| i as f64).collect(),
    }
}

/// Compares each case that `keep` selects; returns the cases and values compared and the
/// mismatches (one line per failing case).
pub fn check(cases: &[Value], keep: impl Fn(&Value) -> bool) -> (usize, usize, Vec<String>) {
    let mut failures = Vec::new();
    let (mut n_cases, mut checked) = (0usize, 0usize);
    for case in cases.iter().filter(|c| keep(c)) {
        n_cases += 1;
        let id = case["id"].as_str().unwrap_or("?");
        let dtype = case["dtype"].as_str().unwrap_or("float64");
        let want = values(case);
        let t = points(case, want.len());
        let family = case["family"].as_str().unwrap_or("");
        let got = match Mode::from_golden(family, &case["params"], dtype).and_then(|m| m.eval(&t)) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        let close = if dtype.contains("float32") {
            close32
        } else {
            close64
        };
        if got.len() != want.len() {
            failures.push(format!("{id}: {} values, want {}", got.len(), want.len()));
            continue;
        }
        for (k, (&g, &w)) in got.iter().zip(&want).enumerate() {
            checked += 1;
            if !close(g, w) {
                failures.push(format!("{id} at t={}: got {g:e}, want {w:e}", t[k]));
                break;
            }
        }
    }
    (n_cases, checked, failures)
}

/// Fails with every mismatch listed unless `n_cases` cases were compared and all matched.
pub fn assert_all_match(cases: &[Value], n_cases: usize, keep: impl Fn(&Value) -> bool) {
    let (seen, checked, failures) = check(cases, keep);
    assert_eq!(seen, n_cases, "cases compared");
    assert!(
        failures.is_empty(),
        "{} mismatches (of {checked} values compared):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
