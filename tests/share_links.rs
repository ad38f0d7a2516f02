//! Share links: round trips, hostile input, the v1 corpus, and the README's URL reference.
#![cfg(not(target_arch = "wasm32"))]

use anneal::schedule::{Anneal, FamilyKind, Schedule};
use anneal::share::codec::{decode, encode, reference_markdown, Kind, Val, KEYS};
use anneal::share::{Pin, Settings, SLIDER_STEPS, T_MAX};
use proptest::prelude::*;
use serde_json::Value;

/// Imported code as users paste it; `{n}` takes a number.
const CALLS: [&str; 3] = [
    "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n# η: cosine over {n} + 100 steps\nsched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max={n} + 100)",
    "schedule = optax.warmup_cosine_decay_schedule(0.0, 3e-4, 10, 2_000 + {n}, end_value=1e-6)",
    "lr = keras.optimizers.schedules.CosineDecay(1e-3, decay_steps={n} * 7 + 1, alpha=0.1, name='cos & \"decay\"')",
];

/// Any state the controls can reach: each key of the table set to a random valid value.
fn any_settings() -> impl Strategy<Value = Settings> {
    proptest::collection::vec(
        (0.0..=SLIDER_STEPS, any::<usize>(), any::<bool>()),
        KEYS.len(),
    )
    .prop_map(|picks| {
        let mut s = Settings::default();
        for (key, (position, choice, flag)) in KEYS.iter().zip(picks) {
            let v = match key.kind {
                Kind::Number(spec) => Val::Num(spec.from_position(position.round())),
                Kind::Flag => Val::Flag(flag),
                Kind::Choice(names) => Val::Name(names[choice % names.len()]),
                Kind::Parts(names) => Val::Mask(choice as u32 & ((1 << names.len()) - 1)),
                Kind::Pin if flag => {
                    let schedule = Settings {
                        t_max: T_MAX.from_position(position.round()),
                        restarts: choice % 2 == 0,
                        ..Settings::default()
                    };
                    let mut pin = Pin::of(&schedule, format!("pin ~{}", choice % 97), 0);
                    pin.name = pin.name.replace('~', "-");
                    pin.hidden = choice % 3 == 0;
                    Val::Pin(Some(Box::new(pin)))
                }
                Kind::Pin => Val::Pin(None),
                Kind::Phases if flag => {
                    let kind = FamilyKind::ALL[choice % FamilyKind::ALL.len()];
                    let family = kind.starter(0.1, 100.0 + position.round());
                    Val::Text(Schedule::single(family).to_text(&Anneal::default()))
                }
                Kind::Phases => Val::Text(String::new()),
                // Pasted code: lines, quotes, comments, arithmetic and non-ASCII all survive.
                Kind::Call if flag => Val::Text(
                    CALLS[choice % CALLS.len()].replace("{n}", &(choice % 1000).to_string()),
                ),
                Kind::Call => Val::Text(String::new()),
            };
            (key.set)(&mut s, v);
        }
        // A start off its surface is moved onto it (a link saying so is tested below).
        [s.lab.x0, s.lab.y0] = s.lab.spec().0.start;
        s
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
    assert_eq!(encode(&Settings::default(), &[]), "v=2");
    let s = Settings {
        eta_max: 0.05,
        restarts: true,
        ..Settings::default()
    };
    assert_eq!(encode(&s, &[]), "v=2&eta_max=0.05&restarts=1");
}

#[test]
fn view_options_read_and_write_as_documented() {
    let d = decode("?embed=1&hide=landscape,controls&theme=dark&static=1");
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    let v = d.settings.view;
    assert!(v.embed && v.still && v.hides("controls") && v.hides("landscape"));
    assert!(!v.hides("chart"));
    assert_eq!(v.theme, anneal::share::ThemeChoice::Dark);
    // Parts are written in table order, commas unescaped.
    assert_eq!(
        encode(&d.settings, &[]),
        "v=2&embed=1&hide=controls,landscape&theme=dark&static=1"
    );
}

#[test]
fn pins_read_and_write_as_documented() {
    let d = decode("?pin1=baseline~t_max:50&pin3=SGDR%20run~t_max:10~restarts:1~hidden:1");
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    let p1 = d.settings.pins[0].as_ref().expect("pin1");
    assert_eq!(
        (p1.name.as_str(), p1.settings.t_max, p1.hidden),
        ("baseline", 50.0, false)
    );
    assert!(d.settings.pins[1].is_none());
    let p3 = d.settings.pins[2].as_ref().expect("pin3");
    assert!(p3.hidden && p3.settings.restarts);
    assert_eq!(
        encode(&d.settings, &[]),
        "v=2&pin1=baseline~t_max:50&pin3=SGDR%20run~t_max:10~restarts:1~hidden:1"
    );
}

#[test]
fn a_pin_name_too_long_is_cut_and_says_so() {
    let name = "ResNet-50 step decay baseline from the paper";
    let d = decode(&format!("?pin1={}~t_max:50", name.replace(' ', "%20")));
    let pin = d.settings.pins[0].as_ref().expect("the pin is kept");
    assert_eq!(pin.name, "ResNet-50 step decay baseline from the p");
    assert_eq!(
        (d.notices[0].key.as_str(), d.notices[0].reason.as_str()),
        (
            "pin1",
            "the name is cut to 40 characters: \"ResNet-50 step decay baseline from the p\""
        )
    );
    let fits = decode("?pin1=ResNet-50%20step%20decay%20baseline%20from%20the~t_max:50");
    assert!(fits.notices.is_empty(), "{:?}", fits.notices);
}

#[test]
fn a_pin_with_bad_fields_is_left_out_naming_them() {
    let d = decode("?pin1=foo~t_max:abc~eta_max:1e9");
    assert!(d.settings.pins[0].is_none());
    assert_eq!(d.notices.len(), 1);
    assert_eq!(
        (d.notices[0].key.as_str(), d.notices[0].reason.as_str()),
        (
            "pin1",
            "t_max: \"abc\" is not a number; eta_max: \"1e9\" is outside 1e-6 … 10; the pin is left out"
        )
    );
    let many = decode("?pin1=x~a:1~b:1~c:1~d:1~e:1");
    assert!(
        many.notices[0]
            .reason
            .ends_with("'c' is not a schedule key; and 2 more; the pin is left out"),
        "{}",
        many.notices[0].reason
    );
}

#[test]
fn a_fraction_for_a_whole_number_key_is_not_rounded_silently() {
    let d = decode("?seed=1.5&lab_steps=16");
    assert_eq!((d.settings.lab.seed, d.settings.lab.lab_steps), (0.0, 16.0));
    let said: Vec<String> = d
        .notices
        .iter()
        .map(|n| format!("{}: {}", n.key, n.reason))
        .collect();
    assert_eq!(
        said,
        ["seed: \"1.5\" is not a whole number; using the default 0"]
    );
    // A fraction out of range is out of range, for any key.
    let d = decode("?t_max_ratio=1.2&eta_max=10.3");
    let said: Vec<&str> = d.notices.iter().map(|n| n.reason.as_str()).collect();
    assert_eq!(
        said,
        [
            "\"1.2\" is outside 0 … 1; using the default 0",
            "\"10.3\" is outside 1e-6 … 10; using the default 0.1"
        ]
    );
}

#[test]
fn unknown_keys_are_kept_and_written_back() {
    let d = decode("?v=1&t_max=10&landscape=camel&zoom=7");
    assert_eq!(d.settings.t_max, 10.0);
    assert!(d.notices.is_empty());
    assert_eq!(
        encode(&d.settings, &d.unknown),
        "v=2&t_max=10&landscape=camel&zoom=7"
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
        ("hide", "hide=toolbar,menu".into()),
        ("hide", "hide=%3Cscript%3E".into()),
        ("theme", "theme=neon".into()),
        ("pin1", "pin1=a~t_max:-4".into()),
        ("pin2", "pin2=a~surface:moon".into()),
        ("pin3", format!("pin3={}", "x~".repeat(400))),
        ("pin4", "pin4=a~t_max".into()),
        ("surface", "surface=moon".into()),
        ("opt", "opt=lbfgs".into()),
        ("x0", "x0=1e9".into()),
        ("seed", "seed=-3".into()),
        ("lab_steps", "lab_steps=1e12".into()),
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
fn v1_links_keep_decoding_to_the_same_state_and_curve() {
    let corpus: Value =
        serde_json::from_str(include_str!("fixtures/links_v1.json")).expect("corpus");
    for case in corpus["links"].as_array().expect("links") {
        let link = case["link"].as_str().expect("link");
        let d = decode(link);
        assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
        if let Some(state) = case["state"].as_object() {
            let mut want = serde_json::to_value(Settings::default()).expect("defaults");
            for (k, v) in state {
                want[k] = v.clone();
            }
            let got = serde_json::to_value(&d.settings).expect("state");
            assert_eq!(got, want, "{link}");
        }
        // The curve itself, at steps frozen when the link was written.
        let r = d.settings.resolve();
        let values = case["values"].as_array().expect("values");
        assert!(values.len() >= 6, "{link}");
        for pair in values {
            let (t, lr) = (
                pair[0].as_f64().expect("step"),
                pair[1].as_f64().expect("lr"),
            );
            assert_eq!(r.phases.lr(t), lr, "{link} at step {t}");
        }
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
    assert_eq!(KEYS.len(), 66);
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
        "?v=2&eta_max=0.05&t_max=10&restarts=1&horizon=200&unit=epochs&steps_per_epoch=391"
    );
    assert!(include_str!("../README.md").contains(&format!("`{link}`, {} characters", link.len())));
}

#[test]
fn frameworks_left_out_of_the_comparison_are_named_in_the_link() {
    use anneal::schedule::frameworks::Framework;
    let mut s = Settings::default();
    s.view.compare = true;
    s.view.set_compares(Framework::Optax, false);
    s.view.set_compares(Framework::Keras, false);
    let link = encode(&s, &[]);
    assert!(
        link.ends_with("compare=1&compare_hide=optax,keras"),
        "{link}"
    );
    let back = decode(&link);
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert!(!back.settings.view.compares(Framework::Keras));
    assert!(back.settings.view.compares(Framework::Torch));
    // One wrong name leaves the right ones in use, and says so.
    let bad = decode("?compare=1&compare_hide=torch,matlab");
    assert_eq!(bad.notices.len(), 1);
    assert_eq!(
        bad.notices[0].reason,
        "\"matlab\" is not one of torch, timm, hf, optax, keras; left out, the others used"
    );
    assert!(!bad.settings.view.compares(Framework::Torch));
    assert!(bad.settings.view.compares(Framework::Timm));
    // With no right name the default is used; more than three wrong ones are counted.
    let none = decode("?hide=a,b,c,d,e");
    assert_eq!(none.settings.view.hide, 0);
    assert_eq!(
        none.notices[0].reason,
        "\"a\", \"b\", \"c\", and 2 more are not one of title, controls, chart, compare, export, \
         landscape, code, formula; using the default (none)"
    );
    let mixed = decode("?hide=formula,fromula");
    assert!(mixed.settings.view.hides("formula"));
    assert!(mixed.notices[0]
        .reason
        .ends_with("left out, the others used"));
}

#[test]
fn a_cosine_ending_inside_the_warm_up_is_one_notice_not_two() {
    let link = "?unit=epochs&epochs=0.5&warmup_ratio=0.9&t_max_ratio=0.1&examples=7&batch=8";
    let notices = decode(link).settings.resolve().notices;
    let about: Vec<&String> = notices
        .iter()
        .filter(|n| n.contains("t_max_ratio"))
        .collect();
    assert_eq!(
        about,
        ["t_max_ratio × 1 step = 0.1, within the warm-up (1 step): T_max is 1 step."],
        "{notices:?}"
    );
}

#[test]
fn a_link_naming_only_a_surface_starts_where_picking_it_does() {
    let late = decode("?v=2&surface=late_traps");
    assert!(late.notices.is_empty(), "{:?}", late.notices);
    assert_eq!([late.settings.lab.x0, late.settings.lab.y0], [-3.0, -3.0]);
    let link = encode(&late.settings, &[]);
    assert_eq!(link, "v=2&surface=late_traps");
    // The default surface's start, on another surface, is written out.
    let mut s = late.settings;
    [s.lab.x0, s.lab.y0] = [-1.95, 1.53];
    let link = encode(&s, &[]);
    assert_eq!(link, "v=2&surface=late_traps&x0=-1.95&y0=1.53");
    assert_eq!(decode(&link).settings, s);
    // A v1 link read a start left out as the default surface's, and still does.
    let v1 = decode("?v=1&surface=late_traps");
    assert!(v1.notices.is_empty(), "{:?}", v1.notices);
    assert_eq!([v1.settings.lab.x0, v1.settings.lab.y0], [-1.95, 1.53]);
    // A start off the surface moves onto it in the boxes and the link, and says so.
    let off = decode("?v=1&x0=6");
    assert_eq!([off.settings.lab.x0, off.settings.lab.y0], [4.0, 1.53]);
    assert_eq!(
        off.notices[0].reason,
        "The start (6, 1.53) is off the Sharp trap, wide valley (Anneal) surface: moved to (4, 1.53)."
    );
    assert_eq!(off.notices[0].key, "x0");
}

#[test]
fn every_lab_step_has_a_short_time_of_its_own() {
    for steps in [10, 1500, 3000, 7777, 20_000] {
        for step in 0..=steps {
            let t = anneal::share::lab_time(step, steps);
            assert_eq!(
                (t * steps as f64).round() as usize,
                step,
                "{step} of {steps}"
            );
            assert!(format!("{t}").len() <= 9, "{t}: {step} of {steps}");
        }
    }
    assert_eq!(anneal::share::lab_time(1, 20_000), 5e-5);
    assert_eq!(anneal::share::lab_time(500, 1500), 0.333);
    assert_eq!(anneal::share::lab_time(1500, 1500), 1.0);
}
