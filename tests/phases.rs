//! Composed schedules and every family: properties, the text form, and values the real libraries
//! computed.
#![cfg(not(target_arch = "wasm32"))]

use anneal::schedule::{Anneal, Family, FamilyKind, Schedule};

#[test]
fn smoke() {
    let controls = Anneal::default();
    for kind in FamilyKind::ALL {
        let f = kind.starter(0.1, 1000.0);
        assert_eq!(f.validate(), Ok(()), "{kind:?}");
        let s = Schedule {
            phases: vec![
                kind.starter(0.1, 100.0),
                f.clone(),
                Family::Cosine(controls.clone()),
            ],
            boundaries: vec![100.0, 1100.0],
        };
        let text = s.to_text(&controls);
        println!("{text}");
        assert_eq!(Schedule::parse(&text, &controls), Ok(s));
        println!("{}", serde_json::to_string(&f).unwrap());
        let back: Family = serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap();
        assert_eq!(back, f);
    }
}
