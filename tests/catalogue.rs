//! The catalogue's golden cases (every non-cosine scheduler of the five libraries, computed by
//! the real libraries) against Anneal's framework modes, per library natively and all at once
//! in the browser (where `cos`, `exp` and `ln` come from a different libm).

mod common;

use common::{assert_all_match, cases};
use serde_json::Value;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/golden_catalogue.json");

fn library(name: &'static str) -> impl Fn(&Value) -> bool {
    move |c: &Value| c["framework"] == name
}

#[test]
fn the_catalogue_holds_61_cases() {
    assert_eq!(cases(FIXTURE).len(), 61);
}

#[test]
fn every_torch_catalogue_case_matches() {
    assert_all_match(&cases(FIXTURE), 19, library("torch"));
}

#[test]
fn every_timm_catalogue_case_matches() {
    assert_all_match(&cases(FIXTURE), 8, library("timm"));
}

#[test]
fn every_transformers_catalogue_case_matches() {
    assert_all_match(&cases(FIXTURE), 11, library("transformers"));
}

#[test]
fn every_optax_catalogue_case_matches() {
    assert_all_match(&cases(FIXTURE), 17, library("optax"));
}

#[test]
fn every_keras_catalogue_case_matches() {
    assert_all_match(&cases(FIXTURE), 6, library("keras"));
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn every_catalogue_case_matches_in_the_browser() {
    assert_all_match(&cases(FIXTURE), 61, |_| true);
}

/// Keras 3.15.1 on jax printed these for `CosineDecay(0.0, decay_steps=1763, alpha=0.0,
/// warmup_target=3e-5, warmup_steps=113)`: the steps where glibc's float32 cosine is not the
/// nearest float, which the page (wasm, without glibc) once drew a float32 ulp or two away.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn keras_cosine_decay_is_keras_to_the_bit_where_its_cosine_is_not_the_nearest_float() {
    let mode = anneal::schedule::frameworks::Mode::from_golden(
        "keras.CosineDecay",
        &serde_json::json!({"initial_learning_rate": 0.0, "decay_steps": 1763, "alpha": 0.0,
            "warmup_target": 3e-5, "warmup_steps": 113}),
        "float32",
    )
    .expect("valid");
    let steps = [
        582.0, 692.0, 1116.0, 1194.0, 1325.0, 1326.0, 1376.0, 1377.0, 1398.0,
    ];
    let keras = [
        2.5059451218112372e-05,
        2.2699712644680403e-05,
        1.1777692634495907e-05,
        9.779103493201546e-06,
        6.667836260021431e-06,
        6.645620487688575e-06,
        5.570237135543721e-06,
        5.549465186049929e-06,
        5.120282366988249e-06,
    ];
    assert_eq!(mode.eval(&steps).expect("values"), keras);
}
