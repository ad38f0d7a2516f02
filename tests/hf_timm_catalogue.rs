//! timm's and transformers' whole scheduler catalogues: reference values computed by the real
//! libraries (timm 1.0.31, transformers 5.24.0) for shapes the golden file does not hold
//! (cycles, warmup_prefix=False, t_in_epochs=False, every WSD warm-up × decay, get_scheduler
//! by name, the Trainer's arguments), and the import of each API from pasted text.

mod common;

use anneal::export::import;
use anneal::schedule::frameworks::transformers::{Cosine, Decay, WsdShape};
use anneal::schedule::frameworks::{timm, Mode};
use anneal::share::Settings;
use common::{assert_all_match, cases};

/// Made by the real libraries with the golden drivers (timm's `step(t)` or `step_update(t)`,
/// transformers' `LambdaLR` stepped once per value); TrainingArguments cases call 5.24's own
/// `get_warmup_steps` and `get_scheduler` as `Trainer.create_scheduler` does.
const EXTRA: &str = include_str!("fixtures/hf_timm_extra.json");

#[test]
fn every_extra_timm_reference_matches() {
    assert_all_match(&cases(EXTRA), 9, |c| c["framework"] == "timm");
}

#[test]
fn every_extra_transformers_reference_matches() {
    assert_all_match(&cases(EXTRA), 28, |c| c["framework"] == "transformers");
}

fn read(text: &str) -> anneal::export::Imported {
    import(text, &Settings::default()).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn refused(text: &str) -> String {
    match import(text, &Settings::default()) {
        Ok(i) => panic!("{text}: read as {:?}", i.mode),
        Err(e) => e.message,
    }
}

#[test]
fn positional_transformers_calls_follow_each_signature() {
    let lin = read("get_linear_schedule_with_warmup(optimizer, 500, 10000)");
    let Mode::HfWarmupDecay(m) = lin.mode else {
        panic!("{:?}", lin.mode)
    };
    assert_eq!(m.num_warmup_steps, 500.0);
    assert_eq!(
        m.decay,
        Decay::Linear {
            num_training_steps: 10000.0
        }
    );
    assert!(lin.lr_assumed);
    let wsd = read("get_wsd_schedule(optimizer, 100, 400, 2000)");
    let Mode::HfWsd(w) = wsd.mode else {
        panic!("{:?}", wsd.mode)
    };
    assert_eq!((w.warmup, w.decay, w.stable), (100.0, 400.0, 1500.0));
    assert_eq!(
        (w.warmup_type, w.decay_type),
        (WsdShape::Linear, WsdShape::Cosine)
    );
    let poly = read(
        "AdamW(p, lr=1e-3)\nget_polynomial_decay_schedule_with_warmup(opt, 10, 100, 1e-5, 2.0)",
    );
    let Mode::HfWarmupDecay(p) = poly.mode else {
        panic!("{:?}", poly.mode)
    };
    assert_eq!(p.base, 1e-3);
    assert_eq!(
        p.decay,
        Decay::Polynomial {
            num_training_steps: 100.0,
            lr_end: 1e-5,
            power: 2.0
        }
    );
    let inv = read("get_inverse_sqrt_schedule(opt, 0)");
    let Mode::HfWarmupDecay(i) = inv.mode else {
        panic!("{:?}", inv.mode)
    };
    assert_eq!(
        i.decay,
        Decay::InverseSqrt {
            timescale: 10_000.0
        }
    );
    for text in [
        "get_constant_schedule(opt)",
        "get_constant_schedule_with_warmup(opt, 10)",
        "get_cosine_with_min_lr_schedule_with_warmup_lr_rate(opt, 10, 100, min_lr_rate=0.1)",
    ] {
        read(text);
    }
}

#[test]
fn get_scheduler_dispatches_on_the_name_as_transformers_does() {
    let cos = read("get_scheduler(\"cosine\", opt, num_warmup_steps=100, num_training_steps=1000)");
    let Mode::HfCosine(c) = cos.mode else {
        panic!("{:?}", cos.mode)
    };
    assert_eq!(c.kind, Cosine::WithWarmup);
    assert_eq!((c.num_warmup_steps, c.num_training_steps), (100.0, 1000.0));
    // `constant` passes nothing on; `constant_with_warmup` no scheduler_specific_kwargs.
    let k = read("get_scheduler('constant_with_warmup', opt, 5, 50, {'power': 2.0})");
    assert!(matches!(k.mode, Mode::HfWarmupDecay(m) if m.num_warmup_steps == 5.0));
    assert!(refused("get_scheduler('linear', opt, num_warmup_steps=10)")
        .contains("linear requires `num_training_steps`, please provide that argument."));
    assert!(refused("get_scheduler('cosine', opt)").contains("requires `num_warmup_steps`"));
    assert!(refused("get_scheduler('coisne', opt, 1, 2)")
        .contains("coisne is not a valid SchedulerType, please select one of ['linear', 'cosine'"));
    for name in ["reduce_lr_on_plateau", "greedy"] {
        let e = refused(&format!("get_scheduler('{name}', opt)"));
        assert!(e.contains("depends on the validation loss"), "{e}");
    }
    let twice = refused(
        "get_scheduler('polynomial', opt, 1, 9, scheduler_specific_kwargs={'num_warmup_steps': 2})",
    );
    assert!(twice.contains("got multiple values"), "{twice}");
}

#[test]
fn trainer_arguments_read_the_ratio_both_ways_and_ask_for_the_step_count() {
    let new = read(
        "args = TrainingArguments(output_dir='out', learning_rate=3e-4, lr_scheduler_type=\"cosine_with_min_lr\", \
         lr_scheduler_kwargs={\"min_lr_rate\": 0.1}, warmup_steps=0.03, max_steps=1000, bf16=True)",
    );
    let Mode::HfCosine(c) = new.mode else {
        panic!("{:?}", new.mode)
    };
    assert_eq!(c.base, 3e-4);
    assert_eq!(c.kind, Cosine::MinLr { min_lr_rate: 0.1 });
    // ceil(1000 · 0.03) warm-up steps, as 5.24's get_warmup_steps rounds a ratio.
    assert_eq!((c.num_warmup_steps, c.num_training_steps), (30.0, 1000.0));
    assert!(
        !new.lr_assumed,
        "the Trainer's optimizer takes learning_rate"
    );
    assert!(
        new.notes.iter().all(|n| !n.contains("optimizer's lr")),
        "{:?}",
        new.notes
    );
    // Releases before 5 took the ratio from warmup_ratio.
    let old = read(
        "TrainingArguments('out', lr_scheduler_type='cosine_with_min_lr', learning_rate=3e-4, \
         lr_scheduler_kwargs={'min_lr_rate': 0.1}, warmup_ratio=0.03, max_steps=1000)",
    );
    assert_eq!(old.mode, new.mode);
    // 5.24 raises TypeError on it, and the import says so.
    assert!(
        old.notes.contains(&"Check: transformers 5.24's TrainingArguments has no warmup_ratio (it raises TypeError); read as transformers ≤ 4.x reads it. In 5.24 write warmup_steps=0.03: a warmup_steps below 1 is the ratio".to_string()),
        "{:?}",
        old.notes
    );
    assert!(new.notes.iter().all(|n| !n.contains("warmup_ratio")));
    // A whole warmup_steps is truncated; the default schedule is linear at 5e-5.
    let lin = read("TrainingArguments(output_dir='o', max_steps=100, warmup_steps=7.9)");
    let Mode::HfWarmupDecay(l) = lin.mode else {
        panic!("{:?}", lin.mode)
    };
    assert_eq!((l.base, l.num_warmup_steps), (5e-5, 7.0));
    let e = refused("TrainingArguments(output_dir='o', num_train_epochs=3, warmup_steps=0.1)");
    assert!(
        e.contains("max_steps") && e.contains("num_train_epochs"),
        "{e}"
    );
    let e = refused(
        "TrainingArguments(output_dir='o', max_steps=10, lr_scheduler_type='reduce_lr_on_plateau')",
    );
    assert!(e.contains("depends on the validation loss"), "{e}");
    let e = refused("TrainingArguments(output_dir='o', max_steps=10, warmup_steps=-1)");
    assert!(e.contains("Expected value warmup_steps >= 0"), "{e}");
}

#[test]
fn timm_constructors_read_positionally_and_refuse_noise() {
    let poly = read("PolyLRScheduler(optimizer, 50, 2.0)");
    let Mode::TimmCycle(p) = poly.mode else {
        panic!("{:?}", poly.mode)
    };
    assert_eq!(p.t_initial, 50.0);
    assert_eq!(
        p.shape,
        timm::CycleShape::Poly {
            power: 2.0,
            k_decay: 1.0
        }
    );
    let step = read("StepLRScheduler(optimizer, 30, 0.1, t_in_epochs=False)");
    let Mode::TimmStep(s) = step.mode else {
        panic!("{:?}", step.mode)
    };
    assert_eq!(s.milestones, timm::Milestones::Every(30.0));
    assert!(
        s.warmup_prefix,
        "StepLRScheduler's warmup_prefix defaults to True"
    );
    let multi = read("MultiStepLRScheduler(opt, [30, 60], 0.1)");
    assert!(
        matches!(multi.mode, Mode::TimmStep(ref m) if m.milestones == timm::Milestones::At(vec![30.0, 60.0]))
    );
    let tanh = read("TanhLRScheduler(opt, 50, -6.0, 4.0)");
    assert!(
        matches!(tanh.mode, Mode::TimmCycle(m) if m.shape == timm::CycleShape::Tanh { lb: -6.0, ub: 4.0 })
    );
    assert!(refused("TanhLRScheduler(opt, 50, noise_range_t=10)").contains("noisy timm schedules"));
    assert!(refused("TanhLRScheduler(opt, 50, lb=3.0, ub=1.0)").contains("timm asserts lb < ub"));
    assert!(refused("PolyLRScheduler(opt, 0)").contains("timm asserts t_initial > 0"));
    assert!(refused("StepLRScheduler(opt, 0)").contains("division by zero"));
}

#[test]
fn the_calls_anneal_cannot_draw_are_named_with_their_reason() {
    assert_eq!(
        refused("PlateauLRScheduler(opt, decay_rate=0.1)"),
        "timm's PlateauLRScheduler depends on the validation metric passed to each step; Anneal cannot draw it"
    );
    assert_eq!(
        refused("get_reduce_on_plateau_schedule(opt, patience=3)"),
        "Hugging Face's get_reduce_on_plateau_schedule depends on the validation loss; Anneal cannot draw it"
    );
    assert!(
        refused("get_polynomial_decay_schedule_with_warmup(opt, 1, 10, lr_end=0.2)")
            .contains("must be smaller than initial lr")
    );
}

#[test]
fn imported_calls_give_the_libraries_values() {
    // get_wsd_schedule(opt, 10, 20, num_stable_steps=30, warmup_type="1-sqrt",
    // decay_type="cosine", min_lr_ratio=0.1) on SGD(lr=0.1), from transformers 5.24.
    let w = read("SGD(lr=0.1)\nget_wsd_schedule(opt, 10, 20, num_stable_steps=30, warmup_type='1-sqrt', decay_type='cosine', min_lr_ratio=0.1)");
    let got = w
        .mode
        .eval(&[0.0, 3.0, 10.0, 45.0, 59.0, 60.0])
        .expect("evaluates");
    let want = [
        0.010000000000000002,
        0.024700597611933203,
        0.1,
        0.08681980515339464,
        0.010554024673218807,
        0.010000000000000002,
    ];
    for (g, w) in got.iter().zip(want) {
        assert!(common::close64(*g, w), "{g} vs {w}");
    }
}
