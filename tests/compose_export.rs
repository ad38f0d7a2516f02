//! Code export for schedules of phases: each library's nearest call for every family and for
//! the presets' compositions, read back by import to the curve drawn, exact where the library
//! has the shape, and a named reason where it has none.
#![cfg(not(target_arch = "wasm32"))]

mod drawn;

use anneal::export::{import, snippet, snippets};
use anneal::schedule::frameworks::compose::{composed, cosine_form};
use anneal::schedule::frameworks::Framework;
use anneal::schedule::FamilyKind;
use anneal::schedule::{Anneal, Schedule};
use anneal::share::{Settings, PRESETS};

fn whole_steps(n: f64) -> Vec<f64> {
    (0..=n as u64).map(|t| t as f64).collect()
}

/// (name, schedule, horizon) for every family alone and each preset.
fn cases() -> Vec<(String, Schedule, f64)> {
    let mut out: Vec<(String, Schedule, f64)> = FamilyKind::ALL
        .iter()
        .map(|k| {
            let s = Schedule::single(k.starter(0.1, 1000.0));
            (k.name().to_string(), s, 1200.0)
        })
        .collect();
    for p in PRESETS {
        let r = (p.settings)().resolve();
        out.push((format!("preset {}", p.key), r.phases, r.horizon_steps));
    }
    out
}

/// The whole steps a snippet prints for `e` over `horizon`.
fn printed(e: &anneal::schedule::frameworks::Equivalent, horizon: f64) -> Vec<f64> {
    whole_steps(e.mode.shown_end(horizon.min(3_000.0)))
}

#[test]
fn every_call_reads_back_to_the_curve_it_draws() {
    let mut read = 0;
    for (name, s, h) in cases() {
        for (i, f) in Framework::ALL.into_iter().enumerate() {
            let Ok(e) = composed(f, &s, h) else { continue };
            let sn = snippet(&s, h, i).expect("five");
            if is_closure(&sn.code) {
                assert!(
                    f == Framework::Torch && cosine_form(&s).is_some(),
                    "{name} {f}"
                );
                continue; // a LambdaLR over Anneal's formula, for an inexact cosine
            }
            // optax's sgdr call is summarised in the table and written out in full in the code.
            let summarised = e.call.starts_with("sgdr_schedule(");
            assert!(
                summarised || sn.code.contains(&e.call),
                "{name} {f}: the snippet holds the drawn call"
            );
            let back = import(&sn.code, &Settings::default())
                .unwrap_or_else(|err| panic!("{name} {f}: {err}\n{}", sn.code));
            let steps = printed(&e, h);
            let got = back.mode.eval(&steps).expect("evaluates");
            let want = e.mode.eval(&steps).expect("evaluates");
            assert!(
                drawn::same_curve(&got, &want),
                "{name} {f}: the pasted snippet computes the drawn curve\n{got:?}\n{want:?}"
            );
            read += 1;
        }
    }
    assert!(read >= 50, "{read} snippets read back");
}

/// Whether `f`'s call for `s` gives its rate at every whole step up to `h`.
fn exact(f: Framework, s: &Schedule, h: f64) -> bool {
    let i = Framework::ALL.iter().position(|g| *g == f).expect("listed");
    snippet(s, h, i).expect("five").exact
}

#[test]
fn each_library_writes_the_families_it_has_exactly() {
    let expected: &[(&str, &[&str])] = &[
        ("constant", &["torch", "timm", "hf", "optax", "keras"]),
        ("step", &["torch", "timm", "optax", "keras"]),
        ("multistep", &["torch", "timm", "optax", "keras"]),
        ("exp", &["torch", "optax", "keras"]),
        ("linear", &["torch", "timm", "hf", "optax", "keras"]),
        ("poly", &["torch", "timm", "hf", "optax", "keras"]),
        ("isqrt", &["hf"]),
        ("pconst", &["optax", "keras"]),
        ("cyclic", &["torch"]),
        ("onecycle", &["optax"]),
        ("wsd", &["hf", "optax"]),
    ];
    for (family, libraries) in expected {
        let kind = FamilyKind::from_name(family).expect("a family");
        let s = Schedule::single(kind.starter(0.1, 1000.0));
        for f in Framework::ALL {
            assert_eq!(
                exact(f, &s, 1200.0),
                libraries.contains(&f.key()),
                "{family} in {f}"
            );
        }
    }
}

#[test]
fn compositions_are_the_librarys_own() {
    let preset = |key: &str| {
        let p = PRESETS.iter().find(|p| p.key == key).expect("a preset");
        let r = (p.settings)().resolve();
        (r.phases, r.horizon_steps)
    };
    let (bert, h) = preset("bert");
    for f in [Framework::Timm, Framework::Transformers, Framework::Optax] {
        assert!(exact(f, &bert, h), "BERT in {f}");
    }
    let hf = composed(Framework::Transformers, &bert, h).expect("a call");
    assert_eq!(
        hf.call,
        "get_linear_schedule_with_warmup(opt, num_warmup_steps=10000, num_training_steps=1000000)"
    );
    let optax = composed(Framework::Optax, &bert, h).expect("a call");
    assert!(
        optax
            .call
            .starts_with("join_schedules(schedules=[optax.linear_schedule("),
        "{}",
        optax.call
    );
    let torch = composed(Framework::Torch, &bert, h).expect("a call");
    assert!(
        torch
            .call
            .starts_with("SequentialLR(opt, schedulers=[LinearLR(opt, start_factor=1e-8"),
        "{}",
        torch.call
    );
    assert!(torch.notes.iter().any(|n| n.contains("start_factor > 0")));
    let (wsd, h) = preset("wsd");
    for f in [Framework::Transformers, Framework::Optax, Framework::Torch] {
        assert!(exact(f, &wsd, h), "MiniCPM's WSD in {f}");
    }
    let keras = composed(Framework::Keras, &bert, h).unwrap_err();
    assert!(
        keras.contains("Keras has no way to join schedules"),
        "{keras}"
    );
}

#[test]
fn a_hand_built_wsd_is_transformers_get_wsd_schedule() {
    let text = "linear(0,1e-3,1000)!1000!constant(1e-3)!80000!wsd(1e-3,0,0,20000,0,linear,1-sqrt)";
    let s = Schedule::parse(text, &Anneal::default()).expect("parses");
    let e = composed(Framework::Transformers, &s, 100_000.0).expect("a call");
    assert_eq!(
        e.call,
        "get_wsd_schedule(opt, num_warmup_steps=1000, num_decay_steps=20000, num_stable_steps=79000, warmup_type=\"linear\", decay_type=\"1-sqrt\", min_lr_ratio=0.0)"
    );
    assert!(exact(Framework::Transformers, &s, 100_000.0));
    // PyTorch and optax have no 1 − √ ramp: the reason names the phase.
    let torch = composed(Framework::Torch, &s, 100_000.0).unwrap_err();
    assert!(
        torch.starts_with("Phase 3 (Warmup-stable-decay)"),
        "{torch}"
    );
}

#[test]
fn a_schedule_no_library_has_says_so_per_library() {
    let s = Schedule::single(FamilyKind::Tanh.starter(0.1, 1000.0));
    for f in [
        Framework::Torch,
        Framework::Optax,
        Framework::Keras,
        Framework::Transformers,
    ] {
        let why = composed(f, &s, 1200.0).unwrap_err();
        assert!(!why.is_empty(), "{f}");
    }
    assert!(
        exact(Framework::Timm, &s, 1200.0),
        "timm has TanhLRScheduler"
    );
    assert!(composed(Framework::Torch, &s, 1200.0)
        .unwrap_err()
        .contains("PyTorch has no tanh scheduler"));
}

/// The Python lines of `code` from `def lr_at` to the end of that function.
fn lr_at(code: &str) -> &str {
    let start = code.find("def lr_at(step):").expect("defines lr_at");
    let len = code[start..].find("\n\n\n").expect("ends");
    &code[start..start + len]
}

#[test]
fn where_no_call_reproduces_a_schedule_each_library_runs_anneals_formula() {
    let text = "tanh(0.1,0.001,500)!600!cyclic(0.01,0.1,50,50)!900!exp(0.05,0.99,10,staircase)";
    let s = Schedule::parse(text, &Anneal::default()).expect("parses");
    let wrappers = [
        // The optimizer at the peak, as a script has it: lr_at's rates over it.
        (
            "torch",
            "scheduler = LambdaLR(opt, lr_lambda=lambda step: lr_at(step) / 0.1)",
        ),
        (
            "timm",
            "scheduler = LambdaLR(opt, lr_lambda=lambda step: lr_at(step) / 0.1)",
        ),
        (
            "hf",
            "scheduler = LambdaLR(opt, lr_lambda=lambda step: lr_at(step) / 0.1)",
        ),
        ("optax", "LRS = jnp.array([lr_at(s) for s in range(1200)])"),
        ("keras", "schedule = AnnealSchedule(1200)"),
    ];
    let mut function = None;
    for (sn, (key, wrapper)) in snippets(&s, 1200.0).iter().zip(wrappers) {
        assert_eq!(sn.key, key);
        assert!(
            is_closure(&sn.code) && !sn.exact,
            "{key}: no library has tanh then cyclic"
        );
        assert!(sn.code.contains(wrapper), "{key}:\n{}", sn.code);
        assert!(sn.code.contains("\n#   - "), "{key}: says why");
        // optax and Keras, called once a step by jax, print one step in 6 of a long run, and
        // its last.
        let printed = match key {
            "optax" | "keras" => "for step in range(0, 1200, 6):\n    print(step, float(schedule(step)))\nstep = 1199  # the last step\nprint(step, float(schedule(step)))\n",
            _ => "for step in range(1200):",
        };
        assert!(sn.code.contains(printed), "{key}: prints the run");
        // One formula for every library, with the phases at their boundaries.
        let f = lr_at(&sn.code);
        assert_eq!(*function.get_or_insert(f), f, "{key}");
        for line in [
            "    if step < 600.0:",
            "    if step < 900.0:",
            "    t = step - 900.0",
        ] {
            assert!(f.contains(line), "{key}: {line}\n{f}");
        }
        assert!(
            f.contains("return 0.05 * 0.99 ** math.floor(t / 10.0)"),
            "{f}"
        );
        assert!(f.contains("math.tanh(x)"), "{f}");
        assert!(
            import(&sn.code, &Settings::default()).is_err(),
            "nothing built-in to read"
        );
    }
}

#[test]
fn a_closure_writes_only_the_branches_its_numbers_can_take() {
    let text = "linear(0,1e-3,1000)!1000!constant(1e-3)!80000!wsd(1e-3,0,0,20000,0,linear,1-sqrt)";
    let s = Schedule::parse(text, &Anneal::default()).expect("parses");
    let torch = snippet(&s, 100_000.0, 0).expect("five");
    assert_eq!(
        lr_at(&torch.code).lines().skip(2).collect::<Vec<_>>(),
        [
            "    step = float(step)",
            "    if step < 1000.0:",
            "        t = step",
            "        return 0.001 * (t / 1000.0)",
            "    if step < 80000.0:",
            "        return 0.001",
            "    t = step - 80000.0",
            "    if t < 20000.0:",
            "        return 0.001 * max((1.0 - math.sqrt((t / 20000.0))), 0.0)",
            "    return 0.0",
        ]
    );
}

#[test]
fn the_trainer_arguments_in_each_hugging_face_snippet_give_its_schedule() {
    let mut read = 0;
    for (name, s, h) in cases() {
        let sn = snippet(&s, h, 2).expect("five");
        if is_closure(&sn.code) {
            continue;
        }
        let line = sn
            .code
            .lines()
            .find_map(|l| l.strip_prefix("# TrainingArguments("))
            .unwrap_or_else(|| panic!("{name}: a Trainer form\n{}", sn.code));
        let args = format!("TrainingArguments({line}");
        let e = composed(Framework::Transformers, &s, h).expect("a call");
        let back = import(&args, &Settings::default())
            .unwrap_or_else(|err| panic!("{name}: {err}\n{args}"));
        let steps = printed(&e, h);
        assert_eq!(
            back.mode.eval(&steps).expect("evaluates"),
            e.mode.eval(&steps).expect("evaluates"),
            "{name}: {args} is {}",
            e.call
        );
        read += 1;
    }
    assert!(read >= 8, "{read} Trainer forms read back");
}

#[test]
fn a_call_with_fractional_lengths_has_no_trainer_form() {
    let s = Schedule::parse("linear(0,0.1,10.5)", &Anneal::default()).expect("parses");
    let hf = snippet(&s, 20.0, 2).expect("five");
    assert!(hf.code.contains("get_linear_schedule_with_warmup") || hf.code.contains("def lr_at"));
    assert!(!hf.code.contains("TrainingArguments("), "{}", hf.code);
}

/// Whether a snippet is Anneal's formula in Python rather than a built-in call.
fn is_closure(code: &str) -> bool {
    code.contains("\ndef lr_at(step):")
}

#[test]
fn pytorchs_last_phase_holds_its_rate_past_the_horizon() {
    // ConstantLR gives the optimizer's lr back at total_iters: as the last scheduler it would
    // jump 1000× at the horizon. The call holds the rate however long training runs.
    for (text, held) in [
        ("multistep(0.1,391_782)!1000!constant(1e-4)", 1e-4),
        ("constant(0.1)!100!cosine(0.1,1e-3,abs,200)", 1e-3),
    ] {
        let s = Schedule::parse(text, &Anneal::default()).expect("parses");
        let e = composed(Framework::Torch, &s, 1200.0).expect("a call");
        let got = e
            .mode
            .eval(&[1199.0, 1200.0, 1201.0, 5000.0, 50_000.0])
            .expect("evaluates");
        for (t, v) in [1199, 1200, 1201, 5000, 50_000].iter().zip(&got) {
            assert!(
                ((v - held) / held).abs() < 1e-12,
                "{text}: step {t} is {v}, not {held}\n{}",
                e.call
            );
        }
    }
}

#[test]
fn an_inexact_snippet_always_says_where_it_differs() {
    for (name, s, h) in cases() {
        for i in 0..Framework::ALL.len() {
            let sn = snippet(&s, h, i).expect("five");
            let Some(at) = sn.code.find("It differs from Anneal's curve:\n") else {
                continue;
            };
            let next = sn.code[at..].lines().nth(1).unwrap_or("");
            assert!(next.starts_with("#   - "), "{name} {}: {next:?}", sn.key);
        }
    }
    // Found by a user: optax's call for an imported one-cycle listed no difference.
    let text = "scheduler = OneCycleLR(opt, max_lr=0.01, total_steps=4689)";
    let r = import(text, &Settings::default())
        .expect("imports")
        .settings
        .resolve();
    let optax = snippets(&r.phases, r.horizon_steps)
        .into_iter()
        .find(|sn| sn.key == "optax")
        .expect("optax");
    assert!(
        optax
            .code
            .contains("It differs from Anneal's curve:\n#   - up to 0.0775 % apart, at step 494: 0.00303902 where Anneal's curve is at 0.00303667\n"),
        "{}",
        optax.code
    );
}

#[test]
fn a_cosine_warm_up_is_named_as_what_a_library_lacks() {
    let s = Schedule::parse("wsd(1e-3,100,800,100,0,cosine,cosine)", &Anneal::default())
        .expect("parses");
    let torch = composed(Framework::Torch, &s, 1000.0).unwrap_err();
    assert!(
        torch.ends_with("PyTorch's LinearLR warms up in a straight line, not along a cosine curve"),
        "{torch}"
    );
    let optax = composed(Framework::Optax, &s, 1000.0).unwrap_err();
    assert!(
        optax.ends_with("optax has no cosine warm-up schedule"),
        "{optax}"
    );
    assert!(!format!("{torch}{optax}").contains('√'));
}

#[test]
fn a_rounded_length_is_noted_as_the_number_written() {
    let s =
        Schedule::parse("linear(0,0.1,0.4)!0.4!constant(0.1)", &Anneal::default()).expect("parses");
    let e = composed(Framework::Torch, &s, 100.0).expect("a call");
    assert!(e.call.contains("total_iters=1"), "{}", e.call);
    assert!(
        e.notes.contains(
            &"LinearLR's total_iters must be a whole number of steps: 0.4 → 1".to_string()
        ),
        "{:?}",
        e.notes
    );
}
