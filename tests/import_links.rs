//! An imported call's code in share links: written, read back with the link's own settings,
//! left out when too long, refused with the import's reason.
#![cfg(not(target_arch = "wasm32"))]

use anneal::share::codec::{decode, encode};
use anneal::share::Settings;

#[test]
fn an_imported_call_s_code_is_in_the_link_unless_it_is_too_long_or_unreadable() {
    let code = "sched = CosineAnnealingLR(opt, T_max=100)  # 100 steps";
    let s = Settings {
        imported: code.into(),
        ..Settings::default()
    };
    let link = encode(&s, &[]);
    assert_eq!(
        link,
        "v=2&import=sched%20%3D%20CosineAnnealingLR(opt,%20T_max%3D100)%20%20%23%20100%20steps"
    );
    assert_eq!(decode(&link).settings.imported, code);
    // A whole training script is too long for a link: the page keeps it, the link does not.
    let long = Settings {
        imported: format!("{code}\n{}", "# notes\n".repeat(300)),
        ..Settings::default()
    };
    assert_eq!(encode(&long, &[]), "v=2");
    // Code that imports nothing is refused with the import's own reason.
    let d = decode("?t_max=50&import=print(1)");
    assert_eq!(d.settings.imported, "");
    assert_eq!(d.settings.t_max, 50.0);
    assert_eq!(d.notices.len(), 1);
    assert_eq!(d.notices[0].key, "import");
    assert_eq!(
        d.notices[0].reason,
        "the imported call cannot be read (no scheduler call found); left out"
    );
    // TrainingArguments counts its steps from the link's own training setup.
    let trainer = "TrainingArguments(output_dir='out', learning_rate=5e-5, per_device_train_batch_size=32, num_train_epochs=3, lr_scheduler_type='cosine')";
    let setup = Settings {
        examples: 50_000.0,
        imported: trainer.into(),
        ..Settings::default()
    };
    let d = decode(&encode(&setup, &[]));
    assert_eq!(
        (d.settings.imported.as_str(), d.notices.len()),
        (trainer, 0),
        "{:?}",
        d.notices
    );
}
