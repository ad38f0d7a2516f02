//! The per-library modules seen from outside: the import reads every pasted API of every
//! framework's table, says when it assumed the optimizer's lr, and maps each mode back.

use anneal::export::import;
use anneal::schedule::frameworks::{apis, families, Framework, Mode};
use anneal::share::Settings;

#[test]
fn every_family_belongs_to_the_framework_whose_table_holds_it() {
    assert_eq!(families().count(), apis().count());
    assert!(families().any(|f| f == "torch.CosineAnnealingWarmRestarts.step_epoch"));
    for (framework, api) in apis() {
        assert!(Framework::ALL.contains(&framework), "{}", api.family);
    }
}

#[test]
fn the_not_found_message_names_every_pasted_api() {
    let e = import("NoSuchLR(opt, 30)", &Settings::default()).unwrap_err();
    for (_, api) in apis() {
        if let Some(p) = &api.pasted {
            assert!(e.message.contains(p.python), "{}: {e}", p.python);
        }
    }
}

#[test]
fn lr_assumed_is_set_only_when_a_scaled_call_lacks_the_lr() {
    let d = Settings::default();
    let without = import("CosineAnnealingLR(opt, 100)", &d).expect("reads");
    assert!(without.lr_assumed);
    let with = import("SGD(lr=0.3)\nCosineAnnealingLR(opt, 100)", &d).expect("reads");
    assert!(!with.lr_assumed);
    let optax = import("optax.cosine_decay_schedule(0.1, 100)", &d).expect("reads");
    assert!(!optax.lr_assumed, "optax does not scale an optimizer's lr");
    assert_eq!(optax.mode.framework(), Framework::Optax);
    // OneCycleLR and CyclicLR set the optimizer's lr themselves: nothing was assumed.
    for call in [
        "OneCycleLR(opt, max_lr=0.01, total_steps=1000)",
        "CyclicLR(opt, base_lr=0.001, max_lr=0.01)",
    ] {
        let own = import(call, &d).expect("reads");
        assert!(!own.lr_assumed, "{call}");
        assert!(
            !own.notes.iter().any(|n| n.contains("optimizer's lr")),
            "{call}: {:?}",
            own.notes
        );
    }
}

#[test]
fn nested_calls_are_read_in_order_and_anything_else_is_named() {
    let d = Settings::default();
    let ok = import(
        "SequentialLR(opt, [LinearLR(opt, 0.1, 1.0, 5), CosineAnnealingLR(opt, 95)], milestones=[5])",
        &d,
    )
    .expect("reads");
    let Mode::TorchSequential(m) = &ok.mode else {
        panic!("wrong mode");
    };
    assert_eq!(m.milestones, [5]);
    assert_eq!((ok.settings.warmup, ok.settings.t_max), (5.0, 95.0));
    // Any mix of PyTorch's schedulers now imports; an inner call that is not one is named.
    for text in [
        "SequentialLR(opt, [CosineAnnealingLR(opt, 95)], milestones=[])",
        "SequentialLR(opt, [LinearLR(opt), StepLR(opt, 9)], milestones=[5])",
    ] {
        assert!(import(text, &d).is_ok(), "{text}");
    }
    for (text, named) in [
        (
            "SequentialLR(opt, [LinearLR(opt), Adam(opt)], milestones=[5])",
            "Adam inside SequentialLR is not a PyTorch scheduler Anneal reads",
        ),
        (
            "SequentialLR(opt, [LinearLR(opt), ReduceLROnPlateau(opt)], milestones=[5])",
            "ReduceLROnPlateau inside SequentialLR is not a PyTorch scheduler Anneal reads",
        ),
    ] {
        assert_eq!(import(text, &d).unwrap_err().message, named, "{text}");
    }
    let e = import("SequentialLR(opt, milestones=[5])", &d).unwrap_err();
    assert_eq!(e.message, "SequentialLR needs its list of schedulers");
}

#[test]
fn schedulers_assigned_to_names_are_chained_and_any_other_call_is_named() {
    let d = Settings::default();
    let literal = import(
        "SequentialLR(opt, [LinearLR(opt, 0.1, 1.0, 5), CosineAnnealingLR(opt, 95)], milestones=[5])",
        &d,
    )
    .expect("reads");
    // The way scripts write it: each scheduler assigned, then chained by name.
    let named = import(
        "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n\
         warmup = LinearLR(optimizer, start_factor=0.1, total_iters=5)\n\
         cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=95)\n\
         scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[5])\n",
        &d,
    )
    .expect("reads");
    assert_eq!(named.function, "SequentialLR");
    assert_eq!(format!("{:?}", named.mode), format!("{:?}", literal.mode));
    assert!(
        !named.notes.iter().any(|n| n.contains("left out")),
        "{:?}",
        named.notes
    );
    let unknown = import(
        "warmup = LinearLR(opt, total_iters=5)\nSequentialLR(opt, [warmup, cosine], milestones=[5])",
        &d,
    )
    .unwrap_err();
    assert_eq!(
        unknown.message,
        "SequentialLR's schedulers: cosine is not assigned a scheduler call above it in the text"
    );
    // A variable where a value should be is named, not taken for a missing argument, and a
    // function passed by name is refused, not dropped.
    for (text, why) in [
        (
            "CosineAnnealingLR(opt, T_max=total_steps)",
            "T_max: Anneal cannot tell the value of total_steps from the pasted code: write its value",
        ),
        (
            "CyclicLR(opt, 0.001, 0.01, scale_fn=f)",
            "scale_fn: takes a Python function; Anneal cannot draw it",
        ),
    ] {
        assert_eq!(import(text, &d).unwrap_err().message, why, "{text}");
    }
    // Two schedulers that are not chained: the first is imported, the second named.
    let two = import(
        "CosineAnnealingLR(opt, T_max=100, eta_min=1e-5) ; StepLR(opt, 30)\nReduceLROnPlateau(opt)",
        &d,
    )
    .expect("reads");
    assert_eq!(two.function, "CosineAnnealingLR");
    assert!(
        two.notes.contains(
            &"StepLR(…) on line 1 is left out: the import reads one schedule, \
              CosineAnnealingLR(…) on line 1"
                .into()
        ),
        "{:?}",
        two.notes
    );
    // One line of statements, an annotated name, a name listed twice, a chain of chains.
    let same = |text: &str| {
        let got = import(text, &d).expect("reads");
        assert_eq!(
            format!("{:?}", got.mode),
            format!("{:?}", literal.mode),
            "{text}"
        );
        assert!(
            !got.notes.iter().any(|n| n.contains("left out")),
            "{text}: {:?}",
            got.notes
        );
    };
    same("w = LinearLR(opt, 0.1, 1.0, 5); c = CosineAnnealingLR(opt, 95); SequentialLR(opt, [w, c], milestones=[5])");
    same("w: LRScheduler = LinearLR(opt, 0.1, 1.0, 5)\nc = CosineAnnealingLR(opt, 95)\nSequentialLR(opt, [w, c], milestones=[5])");
    let twice = import(
        "w = LinearLR(opt, 0.1, 1.0, 5)\nc = CosineAnnealingLR(opt, 95)\nSequentialLR(opt, [w, c, w], milestones=[5, 100])",
        &d,
    )
    .expect("a name may be listed twice");
    let Mode::TorchSequential(m) = &twice.mode else {
        panic!("wrong mode");
    };
    assert_eq!(m.schedulers.len(), 3);
    // A chain of a named chain is read through, to PyTorch's own limit.
    let chained = import(
        "w = LinearLR(opt, 0.1, 1.0, 5)\nc = CosineAnnealingLR(opt, 95)\ninner = SequentialLR(opt, [w, c], milestones=[5])\n\
         SequentialLR(opt, [inner, ConstantLR(opt, 1.0, 1)], milestones=[100])",
        &d,
    )
    .unwrap_err();
    assert_eq!(
        chained.message,
        "schedulers: Anneal draws SequentialLR and ChainedScheduler over single schedulers, not over SequentialLR"
    );
    // A name standing for a call that cannot be imported says why.
    let refused = import(
        "w = LinearLR(opt, 0.1, 1.0, 5)\nc = CosineAnnealingLR(opt, T_max=95 eta_min=0)\nSequentialLR(opt, [w, c], milestones=[5])",
        &d,
    )
    .unwrap_err();
    assert!(
        refused
            .message
            .starts_with("c (line 2): CosineAnnealingLR(…) cannot be read: column "),
        "{}",
        refused.message
    );
    assert!(
        two.notes
            .iter()
            .any(|n| n.starts_with("line 2 is left out: PyTorch's ReduceLROnPlateau")),
        "{:?}",
        two.notes
    );
}

#[test]
fn a_one_cycle_is_a_phase_and_a_product_of_schedulers_has_no_nearest_schedule() {
    let one = Mode::from_golden(
        "torch.OneCycleLR",
        &serde_json::json!({"max_lr": 0.1, "total_steps": 10, "optimizer_lr": 0.1}),
        "float64",
    )
    .expect("valid");
    let phases = one.nearest().schedule.expect("phases");
    assert!(
        matches!(phases.phases.as_slice(), [anneal::schedule::Family::OneCycle(o)] if o.total == 10.0)
    );
    let chained = Mode::from_golden(
        "torch.ChainedScheduler",
        &serde_json::json!({"optimizer_lr": 0.1, "schedulers": [
            {"class": "ConstantLR", "factor": 0.5, "total_iters": 5},
            {"class": "ExponentialLR", "gamma": 0.9}]}),
        "float64",
    )
    .expect("valid");
    let n = chained.nearest();
    assert_eq!(n.schedule, None);
    assert_eq!(
        n.notes,
        ["Anneal's phases cannot draw this call: shown as an overlay only"]
    );
}

#[test]
fn every_golden_case_has_a_finite_length_of_its_own() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/golden_public.json")).expect("JSON");
    for case in doc["cases"].as_array().expect("cases") {
        let dtype = case["dtype"].as_str().unwrap_or("float64");
        let family = case["family"].as_str().expect("family");
        let mode = Mode::from_golden(family, &case["params"], dtype).expect("valid");
        let n = mode.length();
        assert!(n.is_finite() && n > 0.0, "{}: {n}", case["id"]);
    }
}

#[test]
fn a_number_written_as_float_of_a_literal_is_read_and_a_bad_one_quoted() {
    let d = Settings::default();
    let ok = import(
        "CosineAnnealingLR(opt, T_max=float(100), eta_min=float('1e-3'))",
        &d,
    );
    let ok = ok.expect("float() of a literal is a number");
    assert_eq!((ok.settings.t_max, ok.settings.eta_min), (100.0, 1e-3));
    for (text, said) in [("float(\"nan\")", "got NaN"), ("float(\"inf\")", "got inf")] {
        let e = import(&format!("CosineAnnealingLR(opt, T_max={text})"), &d).unwrap_err();
        assert!(e.message.ends_with(said), "{text}: {}", e.message);
        assert!(!e.message.contains("{}"), "{}", e.message);
    }
}

#[test]
fn hard_restarts_are_the_users_own_call_when_hugging_face_can_draw_it() {
    use anneal::schedule::frameworks::equivalents;
    use anneal::schedule::{Anneal, Warmup};
    // Three equal cycles of 6,500 steps after a 500-step warm-up, ending at 20,000.
    let limited = Anneal {
        eta_max: 2e-4,
        t_0: 6500.0,
        restarts: true,
        t_mult: 1.0,
        cycle_limit: Some(3),
        warmup: Warmup {
            length: 500.0,
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    let unlimited = Anneal {
        cycle_limit: None,
        ..limited.clone()
    };
    for (a, horizon) in [(limited, 30_000.0), (unlimited, 20_000.0)] {
        let hf = equivalents(&a, horizon)
            .into_iter()
            .find(|e| e.framework == Framework::Transformers)
            .expect("present");
        assert!(
            hf.call.contains("num_training_steps=20000, num_cycles=3"),
            "{}",
            hf.call
        );
        assert_eq!(hf.notes, Vec::<String>::new());
        let steps: Vec<f64> = (0..horizon as usize).map(|t| t as f64).collect();
        let got = hf.mode.eval(&steps).expect("evaluates");
        let worst = steps
            .iter()
            .zip(got)
            .map(|(&t, v)| (a.lr(t) - v).abs())
            .fold(0.0, f64::max);
        assert!(worst <= 1e-15 * a.eta_max, "{worst}");
    }
}

#[test]
fn hugging_face_s_floor_rate_is_written_as_a_person_writes_it() {
    use anneal::schedule::frameworks::equivalents;
    use anneal::schedule::Anneal;
    // 0.01 / 0.1 is 0.09999999999999999 in floats: the compare table showed that in the call.
    let a = Anneal {
        eta_max: 0.1,
        eta_min: 0.01,
        t_0: 80.0,
        ..Anneal::default()
    };
    let hf = equivalents(&a, 80.0)
        .into_iter()
        .find(|e| e.framework == Framework::Transformers)
        .expect("present");
    assert!(hf.call.ends_with("min_lr_rate=0.1)"), "{}", hf.call);
    // The mode computes with the 0.1 written, as transformers will: within an ulp of the floor.
    let end = hf.mode.eval(&[80.0]).expect("evaluates")[0];
    assert_eq!(end, 0.1 * 0.1);
    assert!((end - 0.01).abs() <= 2e-18, "{end}");
}

#[test]
fn arithmetic_in_an_argument_is_evaluated_and_names_in_it_are_asked_for_by_value() {
    let d = Settings::default();
    let cosine = import(
        "CosineAnnealingLR(optimizer, T_max=1876 - 113, eta_min=0)",
        &d,
    )
    .expect("imports");
    assert_eq!(cosine.settings.t_max, 1763.0);
    let hf = import(
        "get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=int(0.06 * 1876), num_training_steps=1876)",
        &d,
    )
    .expect("imports");
    assert_eq!(hf.settings.warmup, 112.0);
    // Brackets, a comment (with a comma) after the expression, abs of an int.
    let bracketed = import(
        "CosineAnnealingLR(\n    optimizer,\n    T_max=(1876 - 113),  # total, minus the warm-up\n    eta_min=abs(-0),\n)",
        &d,
    )
    .expect("imports");
    assert_eq!(bracketed.settings.t_max, 1763.0);
    let signed = import("CosineAnnealingLR(optimizer, T_max=-total)", &d).unwrap_err();
    assert!(signed.message.starts_with("T_max: "), "{}", signed.message);
    assert!(signed.message.contains("-total"), "{}", signed.message);
    let named = import(
        "optimizer = AdamW(model.parameters(), lr=3e-5)\n\
         scheduler = get_cosine_schedule_with_warmup(\n    optimizer,\n    num_warmup_steps=100,\n    num_training_steps=len(train_loader) * epochs // accum,\n)",
        &d,
    )
    .unwrap_err();
    assert_eq!(
        named.to_string(),
        "num_training_steps: Anneal cannot tell the value of len(train_loader) * epochs // accum from the pasted code: write its value"
    );
    // A syntax error deep in a paste says its line.
    let broken = import(
        "optimizer = AdamW(p, lr=3e-5)\n\nCosineAnnealingLR(optimizer, T_max=10 eta_min=0)",
        &d,
    )
    .unwrap_err();
    assert_eq!(broken.to_string(), "line 3, column 39: expected ',' or ')'");
}
