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
