//! The key table as the controls will read it: scopes, labels, options and disabled rules.
#![cfg(not(target_arch = "wasm32"))]

use anneal::landscape::Rule;
use anneal::share::{keys_in, Key, Kind, Scope, Settings, Unit, KEYS};

fn key(name: &str) -> &'static Key {
    KEYS.iter()
        .find(|k| k.name == name)
        .unwrap_or_else(|| panic!("no key {name}"))
}

#[test]
fn pins_keep_the_schedule_and_its_axis() {
    let names: Vec<&str> = keys_in(Scope::Schedule).map(|k| k.name).collect();
    assert_eq!(
        names,
        [
            "eta_max",
            "eta_min",
            "eta_min_rel",
            "eta_min_frac",
            "t_max",
            "restarts",
            "t_mult",
            "decay",
            "cycle_limit",
            "k_decay",
            "warmup",
            "warmup_shape",
            "warmup_start",
            "warmup_every",
            "warmup_overlap",
            "horizon",
            "unit",
            "steps_per_epoch",
            "grad_accum",
            "examples",
            "batch",
            "devices",
            "drop_last",
            "epochs",
            "steps_rule",
            "warmup_ratio",
            "t_max_ratio",
            "log_y",
            "phases",
        ]
    );
    let pins: Vec<&str> = keys_in(Scope::Pin).map(|k| k.name).collect();
    assert_eq!(pins, ["pin1", "pin2", "pin3", "pin4", "import"]);
}

#[test]
fn every_control_on_the_page_has_a_label() {
    for k in KEYS {
        let shown = matches!(k.scope, Scope::Schedule | Scope::Lab) || k.name == "compare";
        if shown {
            assert!(k.label.is_some_and(|l| !l.is_empty()), "{}", k.name);
        }
        assert!(!k.meaning.is_empty(), "{}", k.name);
        if let Kind::Number(spec) = k.kind {
            assert_eq!((spec.key, k.label), (k.name, Some(spec.label)));
        }
    }
    assert_eq!(key("embed").label, None);
    assert_eq!(key("pin1").label, None);
}

#[test]
fn labels_are_the_texts_the_page_shows() {
    let want = [
        ("eta_min_rel", "give η_min as a fraction of η_max"),
        ("eta_min_frac", "η_min ÷ η_max"),
        ("restarts", "warm restarts (SGDR)"),
        ("warmup_shape", "warm-up shape"),
        ("warmup_every", "warm up before every cycle"),
        ("warmup_overlap", "overlap the cosine (timm's default)"),
        ("unit", "unit of the lengths (T_max, warm-up, horizon)"),
        ("log_y", "logarithmic η axis"),
        ("surface", "surface"),
        ("opt", "optimizer"),
        ("run_const", "constant η"),
        ("run_cos", "one cosine"),
        ("run_sgdr", "cosine with warm restarts"),
        ("lab_lr", "constant η (first run)"),
    ];
    for (name, label) in want {
        assert_eq!(key(name).label, Some(label), "{name}");
    }
}

#[test]
fn choices_list_their_names_with_the_texts_shown() {
    for k in KEYS {
        match k.kind {
            Kind::Choice(names) => {
                let option_names: Vec<&str> = k.options.iter().map(|o| o.0).collect();
                assert_eq!(option_names, names, "{}", k.name);
                assert!(k.options.iter().all(|o| !o.1.is_empty()), "{}", k.name);
            }
            _ => assert!(k.options.is_empty(), "{}", k.name),
        }
    }
    assert_eq!(key("opt").options[1], ("momentum", "SGD + momentum"));
    assert_eq!(
        key("surface").options[0].1,
        "Sharp trap, wide valley (Anneal)"
    );
    assert_eq!(
        key("unit").options,
        [("steps", "steps"), ("epochs", "epochs")]
    );
}

/// The keys disabled for `s`, in link order.
fn disabled(s: &Settings) -> Vec<&'static str> {
    KEYS.iter()
        .filter(|k| (k.disabled)(s))
        .map(|k| k.name)
        .collect()
}

#[test]
fn disabled_rules_follow_the_settings_they_depend_on() {
    let s = Settings::default();
    let base = [
        "eta_min_frac",
        "t_mult",
        "decay",
        "cycle_limit",
        "batch",
        "devices",
        "warmup_ratio",
        "t_max_ratio",
        "beta",
        "beta1",
        "beta2",
        "eps",
        "resume_lib",
        "resume_t_max",
        "resume_eta_max",
    ];
    assert_eq!(disabled(&s), base);

    let mut s = Settings {
        eta_min_rel: true,
        restarts: true,
        unit: Unit::Epochs,
        examples: 1000.0,
        epochs: 3.0,
        resume: anneal::share::ResumeAt {
            at: 500.0,
            ..Default::default()
        },
        ..Settings::default()
    };
    assert_eq!(
        disabled(&s),
        [
            "eta_min",
            "steps_per_epoch",
            "beta",
            "beta1",
            "beta2",
            "eps"
        ]
    );
    let mut lab = |rule| {
        s.lab.rule = rule;
        disabled(&s)
    };
    assert_eq!(
        lab(Rule::Momentum),
        ["eta_min", "steps_per_epoch", "beta1", "beta2", "eps"]
    );
    assert_eq!(
        lab(Rule::Nesterov),
        ["eta_min", "steps_per_epoch", "beta1", "beta2", "eps"]
    );
    assert_eq!(
        lab(Rule::RmsProp),
        ["eta_min", "steps_per_epoch", "beta1", "beta2"]
    );
    assert_eq!(lab(Rule::Adam), ["eta_min", "steps_per_epoch", "beta"]);
}
