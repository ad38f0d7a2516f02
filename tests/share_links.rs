//! Share links: round trips, hostile input, the v1 corpus, and the README's URL reference.
#![cfg(not(target_arch = "wasm32"))]

use anneal::schedule::WarmupShape;
use anneal::share::codec::{decode, encode, reference_markdown, KEYS};
use anneal::share::{Settings, Unit, NUMBER_KEYS, SLIDER_STEPS};
use proptest::prelude::*;
use serde_json::Value;

fn number(i: usize) -> impl Strategy<Value = f64> {
    let key = NUMBER_KEYS[i];
    (0.0..=SLIDER_STEPS).prop_map(move |p| key.from_position(p.round()))
}

fn any_settings() -> impl Strategy<Value = Settings> {
    (
        (
            number(0),
            number(1),
            number(2),
            any::<bool>(),
            number(3),
            any::<bool>(),
            number(4),
            number(5),
            number(6),
            number(7),
        ),
        (
            number(8),
            0usize..3,
            number(9),
            any::<bool>(),
            any::<bool>(),
            number(10),
            any::<bool>(),
            number(11),
            number(12),
            any::<bool>(),
        ),
    )
        .prop_map(|(a, b)| Settings {
            eta_max: a.0,
            eta_min: a.1,
            eta_min_frac: a.2,
            eta_min_rel: a.3,
            t_max: a.4,
            restarts: a.5,
            t_mult: a.6,
            decay: a.7,
            cycle_limit: a.8,
            k_decay: a.9,
            warmup: b.0,
            warmup_shape: [
                WarmupShape::Linear,
                WarmupShape::Cosine,
                WarmupShape::Exponential,
            ][b.1],
            warmup_start: b.2,
            warmup_every: b.3,
            warmup_overlap: b.4,
            horizon: b.5,
            unit: if b.6 { Unit::Epochs } else { Unit::Steps },
            steps_per_epoch: b.7,
            grad_accum: b.8,
            log_y: b.9,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_state_round_trips_exactly(s in any_settings()) {
        let link = encode(&s, &[]);
        let back = decode(&link);
        prop_assert!(back.notices.is_empty(), "{link}: {:?}", back.notices);
        prop_assert_eq!(back.settings, s);
    }

    #[test]
    fn arbitrary_text_never_panics_and_every_rejection_says_why(q in "\\\\PC{0,300}") {
        let d = decode(&q);
        prop_assert!(d.settings.resolve().schedule.validate().is_ok());
        for n in &d.notices {
            prop_assert!(!n.reason.is_empty());
        }
    }
}

#[test]
fn only_changed_values_are_written() {
    assert_eq!(encode(&Settings::default(), &[]), "v=1");
    let s = Settings {
        eta_max: 0.05,
        restarts: true,
        ..Settings::default()
    };
    assert_eq!(encode(&s, &[]), "v=1&eta_max=0.05&restarts=1");
}

#[test]
fn unknown_keys_are_kept_and_written_back() {
    let d = decode("?v=1&t_max=10&landscape=camel&seed=7");
    assert_eq!(d.settings.t_max, 10.0);
    assert!(d.notices.is_empty());
    assert_eq!(
        encode(&d.settings, &d.unknown),
        "v=1&t_max=10&landscape=camel&seed=7"
    );
}

/// Each hostile link falls back to the default for its key, with a notice naming that key.
#[test]
fn hostile_links_decode_to_defaults_with_notices() {
    let long = format!("eta_max={}", "9".repeat(10_000));
    let cases: Vec<(&str, String)> = vec![
        ("eta_max", "eta_max=1e309".into()),
        ("eta_max", "eta_max=NaN".into()),
        ("eta_max", "eta_max=-inf".into()),
        ("t_max", "t_max=-5".into()),
        ("warmup", "warmup=-1".into()),
        ("unit", "unit=parsecs".into()),
        (
            "warmup_shape",
            "warmup_shape=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
        ),
        (
            "eta_max",
            "eta_max=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".into(),
        ),
        ("eta_max", long),
        ("eta_max", "eta_max=%ZZ".into()),
        ("eta_max", "eta_max=%C3%28".into()),
        ("restarts", "restarts=yes".into()),
        ("t_mult", "t_mult=0.5".into()),
        ("v", "v=abc".into()),
        ("v", "v=99".into()),
    ];
    for (key, link) in cases {
        let d = decode(&link);
        assert_eq!(d.settings, Settings::default(), "{link:.60}");
        assert!(
            d.notices.iter().any(|n| n.key == key),
            "{link:.60}: {:?}",
            d.notices
        );
        assert!(
            d.notices.iter().all(|n| n.reason.len() < 200),
            "notices stay short"
        );
    }
    let twice = decode("t_max=10&t_max=20");
    assert_eq!(twice.settings.t_max, 10.0);
    assert_eq!(twice.notices[0].key, "t_max");
    for empty in ["", "?", "&&&", "=", "?=&="] {
        assert_eq!(decode(empty).settings, Settings::default(), "{empty:?}");
    }
}

#[test]
fn v1_links_keep_decoding_to_the_same_state() {
    let corpus: Value =
        serde_json::from_str(include_str!("fixtures/links_v1.json")).expect("corpus");
    for case in corpus["links"].as_array().expect("links") {
        let link = case["link"].as_str().expect("link");
        let d = decode(link);
        assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
        let mut want = serde_json::to_value(Settings::default()).expect("defaults");
        for (k, v) in case["state"].as_object().expect("state") {
            want[k] = v.clone();
        }
        assert_eq!(
            serde_json::to_value(&d.settings).expect("state"),
            want,
            "{link}"
        );
    }
}

#[test]
fn the_readme_url_reference_matches_the_key_table() {
    let readme = include_str!("../README.md");
    let table = reference_markdown();
    assert!(
        readme.contains(&table),
        "README's URL reference is out of date; it should read:\n{table}"
    );
    assert_eq!(KEYS.len(), 20);
}

#[test]
fn the_readme_example_link_is_what_the_sgdr_preset_writes() {
    let sgdr = anneal::share::PRESETS
        .iter()
        .find(|p| p.key == "sgdr")
        .expect("preset");
    let link = format!("?{}", encode(&(sgdr.settings)(), &[]));
    assert_eq!(
        link,
        "?v=1&eta_max=0.05&t_max=10&restarts=1&horizon=200&unit=epochs&steps_per_epoch=391"
    );
    assert!(include_str!("../README.md").contains(&format!("`{link}`, {} characters", link.len())));
}
