//! What an import takes from a pasted call's values beyond its curve: a rate times a factor as
//! a person writes it, and a `TrainingArguments` without `max_steps` counted from the Training
//! setup as transformers' Trainer counts it.

use anneal::export::import;
use anneal::share::Settings;

#[test]
fn a_warm_up_from_a_factor_of_the_rate_reads_as_a_person_writes_it() {
    let script = "optimizer = torch.optim.AdamW(model.parameters(), lr=3e-5)
warmup = LinearLR(optimizer, start_factor=0.01, end_factor=1.0, total_iters=113)
cosine = CosineAnnealingLR(optimizer, T_max=1763, eta_min=0)
scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[113])";
    let found = import(script, &Settings::default()).expect("imports");
    // 3e-5 × 0.01 is 3.0000000000000004e-7 in float64: the box and the link say 3e-7.
    assert_eq!(found.settings.warmup_start, 3e-7);
    let link = anneal::share::codec::encode(&found.settings, &[]);
    assert!(link.contains("warmup_start=3e-7"), "{link}");
    let phases = import(
        "SGD(p, lr=3e-5)\nLinearLR(opt, start_factor=0.01, end_factor=0.3, total_iters=50)",
        &Settings::default(),
    )
    .expect("imports")
    .settings;
    assert!(
        phases.phases.starts_with("linear(3e-7,9e-6,"),
        "{}",
        phases.phases
    );
}

#[test]
fn training_arguments_without_max_steps_are_counted_from_the_training_setup() {
    let setup = Settings {
        examples: 120_000.0,
        devices: 4.0,
        ..Settings::default()
    };
    let args = "TrainingArguments(output_dir=\"out\", learning_rate=3e-5, num_train_epochs=2, per_device_train_batch_size=16, gradient_accumulation_steps=2, warmup_ratio=0.06, lr_scheduler_type=\"cosine\")";
    let found = import(args, &setup).expect("counted from the setup");
    // transformers 5.24: 1875 batches per device, 1875 // 2 + 1 = 938 a epoch, 2 epochs.
    let s = &found.settings;
    assert_eq!(
        (s.batch, s.grad_accum, s.epochs, s.examples, s.devices),
        (16.0, 2.0, 2.0, 120_000.0, 4.0)
    );
    let r = s.resolve();
    assert_eq!(
        (r.total_steps, r.schedule.warmup.length),
        (Some(1876.0), 113.0)
    );
    assert_eq!(found.mode.length(), 1876.0);
    assert!(
        found.notes.iter().any(|n| n.starts_with("max_steps is not in the call: counted as the Trainer does for the Training setup's dataset with batch 16, accumulation 2, epochs 2: 1876 (")),
        "{:?}",
        found.notes
    );
    let bare = import(args, &Settings::default()).unwrap_err();
    assert_eq!(bare.message, "max_steps: not given: the Trainer counts it from the dataset's size (num_train_epochs × its optimizer steps per epoch), which the call does not say; enter the dataset in the Training setup, or add max_steps=<total optimizer steps>");
    // A max_steps in the call is the call's, even as a name.
    let given = import(&args.replace(")", ", max_steps=500)"), &setup).expect("imports");
    assert_eq!(given.mode.length(), 500.0);
    let named = import(&args.replace(")", ", max_steps=total_steps)"), &setup).unwrap_err();
    assert!(
        named.message.starts_with("max_steps: "),
        "{}",
        named.message
    );
    // A field the count needs is a number it can take, or the import says why.
    let epochs = import(
        &args.replace("num_train_epochs=2", "num_train_epochs=args.epochs"),
        &setup,
    );
    assert!(epochs
        .unwrap_err()
        .message
        .starts_with("num_train_epochs: write its value"));
    let batch = import(
        &args.replace(
            "per_device_train_batch_size=16",
            "per_device_train_batch_size=2.5",
        ),
        &setup,
    );
    assert_eq!(
        batch.unwrap_err().message,
        "per_device_train_batch_size: expected a whole number from 1, got 2.5"
    );
    // The Trainer's defaults are named as such; transformers ≤ 4.51's rule stays when chosen.
    let older = Settings {
        steps_rule: anneal::training::Counter::TrainerFloor,
        ..setup.clone()
    };
    let defaults = import(
        "TrainingArguments(output_dir=\"out\", lr_scheduler_type=\"cosine\")",
        &older,
    )
    .expect("imports");
    assert_eq!(
        defaults.settings.steps_rule,
        anneal::training::Counter::TrainerFloor
    );
    assert!(
        defaults.notes.iter().any(|n| n.contains("batch 8 (the Trainer's default), accumulation 1 (the Trainer's default), epochs 3 (the Trainer's default)")),
        "{:?}",
        defaults.notes
    );
}

#[test]
fn each_name_read_is_said_once_with_the_parameter_it_fed() {
    // The tester's SequentialLR: each value was listed twice, once under `schedulers`.
    let script = "lr = 5e-4
warmup_steps = 500
total_steps = 10000
epochs = 10
optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
warmup = LinearLR(optimizer, start_factor=0.01, total_iters=warmup_steps)
cosine = CosineAnnealingLR(optimizer, total_steps - warmup_steps, eta_min=lr / 100)
scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[warmup_steps])";
    let found = import(script, &Settings::default()).expect("imports");
    assert!(
        found.notes.iter().any(|n| n
            == "read from the numbers assigned in the pasted code: total_iters = warmup_steps = 500, eta_min = lr / 100 = 5e-6, milestones = warmup_steps = 500, T_max = total_steps - warmup_steps = 9500"),
        "{:?}",
        found.notes
    );
    // A parameter named as its variable is said once: `epochs = 10`.
    let hf = "num_training_steps = 4689
sched = get_cosine_schedule_with_warmup(opt, 100, num_training_steps=num_training_steps)";
    let found = import(hf, &Settings::default()).expect("imports");
    assert!(
        found
            .notes
            .iter()
            .any(|n| n
                == "read from the numbers assigned in the pasted code: num_training_steps = 4689"),
        "{:?}",
        found.notes
    );
}

#[test]
fn numbers_the_pasted_code_assigns_by_name_are_read_and_said() {
    let script = "lr = 3e-4
epochs = 3
steps_per_epoch: int = 100
optimizer = torch.optim.AdamW(
    model.parameters(),
    lr=lr,
)
scheduler = CosineAnnealingLR(optimizer, T_max=epochs * steps_per_epoch - 10, eta_min=lr / 100)";
    let found = import(script, &Settings::default()).expect("imports");
    // torch 2.15 over AdamW(lr=3e-4), stepped 290 times.
    let values = found.mode.eval(&[0.0, 1.0, 145.0, 290.0]).unwrap();
    assert_eq!(
        values,
        [
            3e-4,
            0.0002999912864332923,
            0.00015150000000000019,
            2.9999999999999997e-06
        ]
    );
    // The box and the link read 3e-6; the mode keeps Python's 2.9999999999999997e-6.
    assert_eq!(found.settings.eta_min, 3e-6);
    // The optimizer's lr=lr is the 3e-4 assigned above.
    assert!(!found.lr_assumed);
    assert!(
        found.notes.iter().any(|n| n
            == "read from the numbers assigned in the pasted code: T_max = epochs * steps_per_epoch - 10 = 290, eta_min = lr / 100 ≈ 3e-6"),
        "{:?}",
        found.notes
    );
    // transformers' enum member and an int() of a name, as Python reads them.
    let hf = "warmup = int(0.06 * 1876)
optimizer = AdamW(model.parameters(), lr=3e-5)
scheduler = get_scheduler(SchedulerType.COSINE, optimizer, num_warmup_steps=warmup, num_training_steps=1876)";
    let found = import(hf, &Settings::default()).expect("imports");
    let values = found
        .mode
        .eval(&[0.0, 1.0, 112.0, 113.0, 1000.0, 1875.0])
        .unwrap();
    let real = [
        0.0,
        2.6785714285714284e-07,
        3e-05,
        2.9999976211682168e-05,
        1.4839717710849403e-05,
        2.3788317832229568e-11,
    ];
    for (v, r) in values.iter().zip(real) {
        assert!((v - r).abs() <= 1e-12 * r, "{v} vs {r}");
    }
}

#[test]
fn a_name_the_pasted_code_does_not_assign_a_number_is_asked_for() {
    let cases = [
        ("total = len(loader) * 3\nCosineAnnealingLR(opt, T_max=total)", "T_max: Anneal cannot tell the value of total from the pasted code: write its value"),
        ("get_cosine_schedule_with_warmup(opt, 10, num_training_steps=len(loader) * 3)", "num_training_steps: Anneal cannot tell the value of len(loader) * 3 from the pasted code: write its value"),
        ("get_scheduler(SchedulerType.cosine, opt)", "name: SchedulerType has no attribute cosine (Python raises AttributeError): its members are the names in capitals, e.g. SchedulerType.COSINE"),
    ];
    for (text, message) in cases {
        let e = import(text, &Settings::default()).unwrap_err();
        assert_eq!(e.to_string(), message, "{text}");
    }
}

#[test]
fn keras_restarts_with_a_floor_say_how_m_mul_scales_each_cycle() {
    let found = import(
        "keras.optimizers.schedules.CosineDecayRestarts(5e-4, first_decay_steps=100, t_mul=2.0, m_mul=0.5, alpha=0.002)",
        &Settings::default(),
    )
    .expect("imports");
    // Keras 3.15: the floor stays at alpha × 5e-4 = 1e-6; cycle 1 peaks at (0.002 + 0.998 × 0.5).
    let at = found.mode.eval(&[100.0, 299.0]).unwrap();
    assert!((at[0] / 5e-4 - 0.501).abs() < 1e-6, "{at:?}");
    assert!((at[1] - 1.0154e-6).abs() < 1e-9, "{at:?}");
    assert!(
        found.notes.iter().any(|n| n
            == "Keras scales only the cosine above the alpha floor by m_mul: cycle i peaks at alpha + (1 − alpha)·m_mulⁱ of the rate, the explorer's at m_mulⁱ"),
        "{:?}",
        found.notes
    );
}

#[test]
fn the_optimizers_lr_is_read_as_python_computes_it_or_named_as_unread() {
    let read = |code: &str| import(code, &Settings::default()).expect("imports");
    let scaled = read("optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4 * 1024 / 512)\nscheduler = CosineLRScheduler(optimizer, t_initial=100, lr_min=1e-6, t_in_epochs=False)");
    assert_eq!(scaled.settings.eta_max, 1e-3);
    assert!(!scaled.lr_assumed);
    let named = read(
        "base_lr = 5e-4\nopt = AdamW(params, lr=base_lr * 2)\nCosineAnnealingLR(opt, T_max=10)",
    );
    assert_eq!(named.settings.eta_max, 1e-3);
    assert!(
        named.notes.contains(
            &"read from the numbers assigned in the pasted code: lr = base_lr * 2 = 0.001".into()
        ),
        "{:?}",
        named.notes
    );
    // Brackets inside the value, and an lr= inside a string that is not the optimizer's.
    for code in [
        "base = 5e-4\nopt = SGD(p, lr=(base * 2))\nCosineAnnealingLR(opt, T_max=10)",
        "base = 1e-3\nprint(f\"lr={base:.2e}\")\nopt = SGD(p, lr=float(base))\nCosineAnnealingLR(opt, T_max=10)",
    ] {
        assert_eq!(read(code).settings.eta_max, 1e-3, "{code}");
    }
    // A name takes the value it has at the call: a later assignment does not count.
    let logged = read("lr = 3e-4\nopt = AdamW(p, lr=lr)\nsched = CosineAnnealingLR(opt, T_max=1000, eta_min=lr / 100)\nfor step in range(1000):\n    lr = sched.get_last_lr()[0]");
    assert_eq!(logged.settings.eta_min, 3e-6);
    let pasted = "opt = AdamW(params, lr=args.lr)\nStepLR(opt, step_size=10, gamma=2.0)";
    let unread = read(pasted);
    assert!(unread.lr_assumed);
    assert!(
        unread.notes.iter().any(|n| n
            == "the optimizer's lr=args.lr has no value Anneal can tell from the pasted code: using η_max = 0.1, written as lr = 0.1 at the top of the imported code"),
        "{:?}",
        unread.notes
    );
    // The code kept (in the link) reads the same curve again whatever η_max is by then: a
    // StepLR's peak is not its lr, so η_max (now the peak) must not stand in again.
    assert_eq!(
        unread.code,
        format!("lr = 0.1  # the optimizer's lr: η_max when imported\n{pasted}")
    );
    let again = import(&unread.code, &unread.settings).expect("imports");
    assert!(!again.lr_assumed);
    let steps = [0.0, 10.0, 35.0];
    assert_eq!(again.mode.eval(&steps), unread.mode.eval(&steps));
}

#[test]
fn values_torch_refuses_get_torchs_message() {
    for (text, message) in [
        (
            "CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=1.5)",
            "T_mult: Expected integer T_mult >= 1, but got 1.5",
        ),
        (
            "CosineAnnealingWarmRestarts(opt, T_0=0)",
            "T_0: Expected positive integer T_0, but got 0",
        ),
    ] {
        let e = import(text, &Settings::default()).unwrap_err();
        assert_eq!(e.to_string(), message, "{text}");
    }
}

#[test]
fn a_cycle_that_is_not_whole_is_drawn_whole_and_said_to_drift() {
    let found = import(
        "optimizer = AdamW(model.parameters(), lr=5e-4)\nget_cosine_with_hard_restarts_schedule_with_warmup(optimizer, num_warmup_steps=5, num_training_steps=705, num_cycles=3)",
        &Settings::default(),
    )
    .expect("imports");
    assert_eq!(found.settings.t_max, 233.0);
    let link = anneal::share::codec::encode(&found.settings, &[]);
    assert!(link.contains("&t_max=233&"), "{link}");
    assert!(
        found.notes.iter().any(|n| n
            == "T_0 = 233.333 steps is not whole: the explorer's cycles are 233 steps, so its restarts drift from the call's, whose own curve is drawn exactly"),
        "{:?}",
        found.notes
    );
}

#[test]
fn a_mistyped_keyword_is_named_beside_the_one_it_leaves_missing() {
    for (call, said) in [
        (
            "StepLR(optimizer, step_sise=10000, gamma=0.5)",
            "step_size: is required (step_sise is not a parameter of this schedule: a typo for step_size?)",
        ),
        (
            "optax.linear_schedule(init_value=0.0, end_value=3e-4, transition_step=2000)",
            "transition_steps: is required (transition_step is not a parameter of this schedule: a typo for transition_steps?)",
        ),
        (
            "MultiStepLRScheduler(optimizer, decay_ts=[30, 60])",
            "decay_t: is required (decay_ts is not a parameter of this schedule: a typo for decay_t?)",
        ),
    ] {
        let e = import(call, &Settings::default()).expect_err(call).to_string();
        assert!(e.contains(said), "{call}: {e}");
    }
    // Far from any parameter: only the missing one is said.
    let e = import("StepLR(optimizer, gamma=0.5)", &Settings::default())
        .expect_err("refused")
        .to_string();
    assert!(
        e.contains("step_size: is required") && !e.contains("typo"),
        "{e}"
    );
}
