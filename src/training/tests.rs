//! Step counts computed by hand from the libraries' source (cited in `mod.rs`).

use super::*;

fn setup(examples: u64, batch: u64, devices: u64, accumulation: u64, epochs: f64) -> Setup {
    Setup {
        examples,
        batches: 1,
        batch,
        devices,
        accumulation,
        epochs,
        drop_last: false,
    }
}

fn totals(s: &Setup) -> [(u64, u64, Option<u64>); 4] {
    Counter::ALL.map(|c| {
        let n = s.count(c);
        (n.loader, n.per_epoch, n.total)
    })
}

#[test]
fn the_fine_tuning_run_of_the_issue() {
    // 50,000 examples, batch 8 on 2 GPUs: 6,250 batches, 3,125 per process; accumulation 4.
    let s = setup(50_000, 8, 2, 4, 3.0);
    assert_eq!(
        totals(&s),
        [
            (3125, 782, Some(2346)),
            (3125, 781, Some(2343)),
            (3125, 782, Some(2346)),
            (3125, 781, Some(2343)),
        ]
    );
    assert_eq!(
        s.count(Counter::Trainer).formula,
        "len(loader) = ⌈⌈50000 / 8⌉ / 2⌉ = 3125; per epoch 3125 // 4 + int(3125 % 4 > 0) = 782; \
         in all ⌈3 × 782⌉ = 2346"
    );
    assert_eq!(warmup_steps(0.03, 2346), 71, "⌈70.38⌉");
}

#[test]
fn uneven_shards_pad_or_drop() {
    // 91 examples, batch 10, 2 processes, accumulation 2 (transformers issue #36297's setup).
    let s = setup(91, 10, 2, 2, 10.0);
    // Accelerate: ⌈⌈91/10⌉/2⌉ = 5; DistributedSampler: ⌈⌈91/2⌉/10⌉ = ⌈46/10⌉ = 5.
    assert_eq!(
        totals(&s),
        [
            (5, 3, Some(30)),
            (5, 2, Some(20)),
            (5, 3, Some(30)),
            (5, 2, Some(20)),
        ]
    );
    let dropped = Setup {
        drop_last: true,
        ..s
    };
    // ⌊⌊91/10⌋/2⌋ = 4; ⌊46/10⌋ = 4.
    assert_eq!(
        totals(&dropped),
        [
            (4, 2, Some(20)),
            (4, 2, Some(20)),
            (4, 2, Some(20)),
            (4, 2, Some(20)),
        ]
    );
    // 100 examples in 10 batches over 3 processes: accelerate gives ⌈10/3⌉ = 4 (or ⌊…⌋ = 3);
    // DistributedSampler pads to 34 per replica: ⌈3.4⌉ = 4 (or ⌊…⌋ = 3).
    let three = setup(100, 10, 3, 1, 1.0);
    assert_eq!(three.count(Counter::Trainer).loader, 4);
    assert_eq!(three.count(Counter::Lightning).loader, 4);
    let three_dropped = Setup {
        drop_last: true,
        ..three
    };
    assert_eq!(three_dropped.count(Counter::Trainer).loader, 3);
    assert_eq!(three_dropped.count(Counter::Loop).loader, 3);
}

#[test]
fn fractional_epochs_follow_each_rule() {
    let s = setup(50_000, 8, 2, 4, 2.5);
    assert_eq!(s.count(Counter::Trainer).total, Some(1955), "⌈2.5 × 782⌉");
    assert_eq!(s.count(Counter::Loop).total, Some(1952), "int(2.5 × 781)");
    let lightning = s.count(Counter::Lightning);
    assert_eq!(lightning.total, Some(2346), "max_epochs = 3");
    assert_eq!(
        lightning.note.as_deref(),
        Some("max_epochs is a whole number in Lightning: counted for 3")
    );
    let tiny = Setup { epochs: 0.09, ..s };
    assert_eq!(tiny.count(Counter::Trainer).total, Some(71), "⌈70.38⌉");
}

#[test]
fn a_known_loader_length_stands_in_for_the_dataset() {
    let s = Setup {
        examples: 0,
        batches: 3125,
        ..setup(0, 8, 2, 4, 0.0)
    };
    let c = s.count(Counter::Trainer);
    assert_eq!((c.loader, c.per_epoch, c.total), (3125, 782, None));
    assert_eq!(
        c.formula,
        "len(loader) = 3125; per epoch 3125 // 4 + int(3125 % 4 > 0) = 782"
    );
}

#[test]
fn too_few_batches_for_one_accumulation() {
    let s = setup(30, 10, 1, 4, 2.0);
    assert_eq!(s.count(Counter::Trainer).per_epoch, 1, "max(…, 1)");
    assert_eq!(
        s.count(Counter::TrainerFloor).per_epoch,
        1,
        "max(3 // 4, 1)"
    );
    assert_eq!(s.count(Counter::Lightning).per_epoch, 1, "⌈3 / 4⌉");
    let plain = s.count(Counter::Loop);
    assert_eq!((plain.per_epoch, plain.total), (0, Some(0)));
    assert!(plain.note.unwrap().contains("never steps"));
}
