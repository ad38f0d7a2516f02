//! What the page's controls take from the key table: which widget, and what a change does.
#![cfg(not(target_arch = "wasm32"))]

use anneal::landscape::Surface;
use anneal::share::{position, Control, Edit, Key, Kind, Scope, Settings, Val, KEYS};

fn key(name: &str) -> &'static Key {
    &KEYS[position(name)]
}

#[test]
fn position_finds_every_key_at_its_place() {
    for (i, k) in KEYS.iter().enumerate() {
        assert_eq!(position(k.name), i, "{}", k.name);
    }
}

#[test]
#[should_panic(expected = "no key of that name")]
fn position_refuses_a_missing_name() {
    position("eta_maximum");
}

#[test]
fn every_schedule_and_lab_key_has_the_widget_of_its_kind() {
    for k in KEYS.iter() {
        let shown = matches!(k.scope, Scope::Schedule | Scope::Lab);
        match (k.control(), k.kind) {
            (Some(Control::Number(spec)), Kind::Number(own)) => assert_eq!(*spec, own),
            (Some(Control::Flag(label)), Kind::Flag) => assert_eq!(Some(label), k.label),
            (Some(Control::Choice(label, options)), Kind::Choice(_)) => {
                assert_eq!(Some(label), k.label);
                assert_eq!(options, k.options);
            }
            // The phases have their own editor, built from each family's parameter table.
            (None, Kind::Phases) => {}
            (None, _) => assert!(!shown, "{} has no control", k.name),
            (control, _) => panic!("{}: {control:?} for {:?}", k.name, k.kind),
        }
    }
    for name in ["embed", "hide", "pin1", "pin4"] {
        assert_eq!(key(name).control(), None, "{name}");
    }
    assert_eq!(
        key("unit").control(),
        Some(Control::Choice(
            "unit of the lengths (T_max, warm-up, horizon)",
            &[("steps", "steps"), ("epochs", "epochs")]
        ))
    );
}

#[test]
fn only_a_new_surface_is_its_own_history_entry() {
    let entries: Vec<&str> = KEYS
        .iter()
        .filter(|k| matches!(k.edit, Edit::Entry(_)))
        .map(|k| k.name)
        .collect();
    assert_eq!(entries, ["surface"]);
}

#[test]
fn a_new_surface_from_its_control_moves_the_start_but_a_link_does_not() {
    let surface = key("surface");
    let Edit::Entry(apply) = surface.edit else {
        panic!("surface is set plainly");
    };
    for s in Surface::ALL {
        let mut edited = Settings::default();
        edited.lab.x0 = 0.25;
        edited.lab.lab_lr = 0.5;
        let mut linked = edited.clone();
        apply(&mut edited, Val::Name(s.name()));
        assert_eq!(edited.lab.surface, s);
        assert_eq!([edited.lab.x0, edited.lab.y0], s.default_start());
        assert_eq!(edited.lab.lab_lr, 0.5, "other lab keys stay");

        (surface.set)(&mut linked, Val::Name(s.name()));
        assert_eq!((linked.lab.surface, linked.lab.x0), (s, 0.25));
    }
}

#[test]
fn values_read_as_the_widgets_need_them() {
    assert_eq!(Val::Num(0.5).num(), 0.5);
    assert!(Val::Flag(false).num().is_nan());
    assert!(Val::Flag(true).on());
    assert!(!Val::Flag(false).on() && !Val::Num(1.0).on());
    assert_eq!(Val::Name("cosine").name(), "cosine");
    assert_eq!(Val::Num(1.0).name(), "");
}

#[test]
fn a_control_reads_and_writes_its_key_through_the_table() {
    let mut s = Settings::default();
    for k in KEYS.iter() {
        let v = (k.get)(&s);
        (k.set)(&mut s, v.clone());
        assert_eq!((k.get)(&s), v, "{}", k.name);
    }
    (key("beta").set)(&mut s, Val::Num(0.5));
    (key("log_y").set)(&mut s, Val::Flag(true));
    (key("opt").set)(&mut s, Val::Name("adam"));
    assert_eq!((s.lab.beta, s.log_y), (0.5, true));
    assert_eq!((key("opt").get)(&s).name(), "adam");
}

#[test]
fn a_length_set_by_its_fraction_of_training_has_its_own_control_off() {
    let mut s = Settings {
        t_max_ratio: 0.5,
        warmup_ratio: 0.1,
        ..Settings::default()
    };
    // No epochs: the ratios cannot apply, and the lengths are used (the page says so).
    assert!(!(key("t_max").disabled)(&s) && !(key("warmup").disabled)(&s));
    s.epochs = 90.0;
    s.steps_per_epoch = 500.0;
    assert!((key("t_max").disabled)(&s) && (key("warmup").disabled)(&s));
    s.t_max_ratio = 0.0;
    assert!(!(key("t_max").disabled)(&s), "0 = use t_max");
}
