//! Hostile-input properties of the three text entry points: the link decoder, the import
//! reader for pasted calls, and `anneal eval`'s JSON. Never a panic; every refusal explained.
//!
//! `make test` runs 10,000 cases of each; `FUZZ_CASES=1000000 cargo test --release --test fuzz`
//! runs a million.
#![cfg(not(target_arch = "wasm32"))]

use anneal::export::{eval_document, import};
use anneal::share::codec::decode;
use anneal::share::Settings;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// Pieces that real links, calls and documents are made of, so mutations reach deep paths.
const LINK_PARTS: &[&str] = &[
    "v=1",
    "v=2",
    "eta_max=0.1",
    "t_max=1e6",
    "restarts=1",
    "hide=controls,chart",
    "theme=dark",
    "pin1=a~t_max:5~hidden:1",
    "pin2=~",
    "surface=rastrigin",
    "x0=-6",
    "lab_steps=20000",
    "opt=adam",
    "%ZZ",
    "%C3%28",
    "&&",
    "=",
    "==",
    "+",
    "%2C",
    "embed=1",
    "static=1",
    "lab_t=0.5",
];
const CALL_PARTS: &[&str] = &[
    "CosineAnnealingLR(",
    "CosineAnnealingWarmRestarts(",
    "SequentialLR(opt, [",
    "LinearLR(opt, ",
    "CosineLRScheduler(",
    "optax.sgdr_schedule([",
    "dict(",
    "CosineDecayRestarts(",
    "lr=",
    "T_max=",
    "T_0=",
    "eta_min=",
    "1e-5",
    "-3",
    "0",
    "1e308",
    "True",
    "None",
    "'s'",
    ",",
    ")",
    "]",
    "{",
    "}",
    ":",
    "=",
    "#",
    "\n",
    "num_training_steps=",
    "warmup_steps=",
];
const JSON_PARTS: &[&str] = &[
    "{\"cases\": [",
    "{\"id\": \"a\", ",
    "\"family\": \"torch.CosineAnnealingLR\", ",
    "\"family\": \"optax.sgdr_schedule\", ",
    "\"params\": {\"T_max\": 10, \"optimizer_lr\": 0.1}, ",
    "\"params\": {\"cosine_kwargs\": [{}]}, ",
    "\"n\": 3",
    "\"n\": -1",
    "\"n\": 1e20",
    "\"t\": [0, 1.5, -2]",
    "\"dtype\": \"float32\"",
    "}",
    "]",
    "}",
    ",",
    "null",
    "1e999",
    "\"",
    "[",
];

fn mix(parts: &'static [&'static str], sep: &'static str) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(parts).prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..12,
    )
    .prop_map(move |v| v.join(sep))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_link_decodes_to_a_valid_state_with_reasons(q in prop_oneof![mix(LINK_PARTS, "&"), any::<String>()]) {
        let d = decode(&q);
        for n in &d.notices {
            prop_assert!(!n.key.is_empty() && !n.reason.is_empty(), "{:?}", n);
        }
        // The state is usable: it resolves to a valid schedule and a valid lab run.
        prop_assert!(d.settings.resolve().schedule.validate().is_ok());
        let (spec, _) = d.settings.lab.spec();
        prop_assert!(spec.start[0].is_finite() && spec.start[1].is_finite());
    }

    #[test]
    fn any_pasted_text_imports_or_says_why(t in prop_oneof![mix(CALL_PARTS, ""), any::<String>()]) {
        match import(&t, &Settings::default()) {
            Ok(found) => prop_assert!(found.settings.resolve().schedule.validate().is_ok()),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }

    #[test]
    fn any_eval_input_answers_or_says_why(doc in prop_oneof![mix(JSON_PARTS, ""), any::<String>()]) {
        match eval_document(&doc) {
            Ok(out) => {
                let v: serde_json::Value = serde_json::from_str(&out.to_string()).expect("output is JSON");
                for case in v["cases"].as_array().into_iter().flatten() {
                    prop_assert!(case.get("values").is_some() || case["error"].as_str().is_some_and(|e| !e.is_empty()), "{case}");
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
