//! `anneal eval`: a golden-format document in (cases without `values`), values out.

use serde_json::{json, Map, Value};

use crate::schedule::frameworks::Mode;

/// Most points one case may ask for, so a typo cannot exhaust memory.
pub const MAX_POINTS: u64 = 10_000_000;

/// The points a case asks for: `t` as given, or `n` → 0..n-1.
fn points(case: &Map<String, Value>) -> Result<Vec<f64>, String> {
    match (case.get("t"), case.get("n")) {
        (Some(_), Some(_)) => Err("give either t or n, not both".into()),
        (Some(t), None) => {
            let list = t.as_array().ok_or("t must be a list of numbers")?;
            if list.len() as u64 > MAX_POINTS {
                return Err(format!("t has more than {MAX_POINTS} points"));
            }
            list.iter()
                .map(|x| {
                    x.as_f64()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| format!("t holds {x}, which is not a finite number"))
                })
                .collect()
        }
        (None, Some(n)) => match n.as_u64() {
            Some(n) if n <= MAX_POINTS => Ok((0..n).map(|i| i as f64).collect()),
            _ => Err(format!(
                "n must be a whole number from 0 to {MAX_POINTS}, got {n}"
            )),
        },
        (None, None) => Err("give t (the points) or n (evaluate 0..n-1)".into()),
    }
}

/// Evaluates one case; an error names what is wrong with it.
fn eval_case(case: &Value) -> Result<Vec<f64>, String> {
    let case = case.as_object().ok_or("a case must be a JSON object")?;
    let family = case
        .get("family")
        .and_then(Value::as_str)
        .ok_or("family is required (e.g. \"torch.CosineAnnealingLR\")")?;
    let params = case.get("params").cloned().unwrap_or_else(|| json!({}));
    let dtype = case
        .get("dtype")
        .and_then(Value::as_str)
        .unwrap_or("float64");
    let mode = Mode::from_golden(family, &params, dtype).map_err(|e| e.to_string())?;
    mode.eval(&points(case)?).map_err(|e| e.to_string())
}

/// Evaluates every case of `input`; `Err` only when `input` is not JSON at all.
///
/// Each case becomes `{"id", "values"}` or `{"id", "error"}`; one bad case never stops the others.
pub fn eval_document(input: &str) -> Result<Value, String> {
    let doc: Value = serde_json::from_str(input).map_err(|e| format!("input is not JSON: {e}"))?;
    let cases = match &doc {
        Value::Array(list) => list,
        Value::Object(o) => match o.get("cases").and_then(Value::as_array) {
            Some(list) => list,
            None => {
                return Ok(
                    json!({"cases": [], "error": "expected {\"cases\": [...]} or a list of cases"}),
                )
            }
        },
        _ => {
            return Ok(
                json!({"cases": [], "error": "expected {\"cases\": [...]} or a list of cases"}),
            )
        }
    };
    let out: Vec<Value> = cases
        .iter()
        .map(|case| {
            let id = case.get("id").cloned().unwrap_or(Value::Null);
            match eval_case(case) {
                Ok(values) => json!({"id": id, "values": values}),
                Err(error) => json!({"id": id, "error": error}),
            }
        })
        .collect();
    Ok(json!({ "cases": out }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_cases_side_by_side() {
        let input = r#"{"cases": [
            {"id": "ok", "family": "optax.cosine_decay_schedule", "framework": "optax",
             "api": "optax.cosine_decay_schedule", "unit": "step", "dtype": "float64",
             "params": {"init_value": 0.1, "decay_steps": 10}, "n": 3},
            {"id": "nope", "family": "mxnet.Cosine", "params": {}, "n": 3},
            {"id": "typo", "family": "torch.CosineAnnealingLR", "params": {"T_maks": 10, "optimizer_lr": 0.1}, "n": 2},
            {"id": "pts", "family": "timm.CosineLRScheduler", "params": {"t_initial": 10, "optimizer_lr": 0.1}, "t": [0, 5, 10]}
        ]}"#;
        let out = eval_document(input).expect("JSON");
        let cases = out["cases"].as_array().expect("cases");
        assert_eq!(cases[0]["values"][0], 0.1);
        assert_eq!(cases[0]["values"].as_array().map(Vec::len), Some(3));
        assert!(cases[1]["error"]
            .as_str()
            .unwrap_or("")
            .contains("mxnet.Cosine"));
        let typo = cases[2]["error"].as_str().unwrap_or("");
        assert!(typo.contains("T_maks") || typo.contains("T_max"), "{typo}");
        assert_eq!(cases[3]["values"][1], 0.05);
        assert_eq!(cases[3]["values"][2], 0.0);
    }

    #[test]
    fn floats_round_trip_exactly() {
        let input = r#"[{"id": 1, "family": "torch.CosineAnnealingLR",
            "params": {"T_max": 10, "eta_min": 0.0, "optimizer_lr": 0.1}, "n": 2}]"#;
        let text = eval_document(input).expect("JSON").to_string();
        assert!(text.contains("0.09755282581475769"), "{text}");
    }

    #[test]
    fn only_non_json_is_an_error() {
        assert!(eval_document("not json").is_err());
        let odd = eval_document("42").expect("still JSON");
        assert!(odd["error"].is_string());
        let bad_points = eval_document(r#"[{"id": "x", "family": "keras.CosineDecay", "params": {"initial_learning_rate": 0.1, "decay_steps": 5}, "t": ["a"]}]"#)
            .expect("JSON");
        assert!(bad_points["cases"][0]["error"]
            .as_str()
            .unwrap_or("")
            .contains("not a finite number"));
    }
}
