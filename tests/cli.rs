//! The `anneal eval` command, driven as scripts and notebooks drive it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run_eval(input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anneal"))
        .arg("eval")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("anneal runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    child.wait_with_output().expect("anneal finishes")
}

#[test]
fn eval_reproduces_the_golden_values_from_the_stripped_document() {
    let golden: Value =
        serde_json::from_str(include_str!("fixtures/golden_public.json")).expect("fixture");
    let mut doc = golden.clone();
    for case in doc["cases"].as_array_mut().expect("cases") {
        let case = case.as_object_mut().expect("case");
        let n = case["values"].as_array().map(Vec::len).unwrap_or(0);
        case.remove("values");
        if !case.contains_key("t") {
            case.insert("n".into(), n.into());
        }
    }
    let out = run_eval(&doc.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).expect("output is JSON");
    let got = got["cases"].as_array().expect("cases out");
    let want = golden["cases"].as_array().expect("cases in");
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g["id"], w["id"]);
        let f32_case = w["dtype"].as_str().unwrap_or("").contains("float32");
        let values = g["values"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: {}", g["id"], g["error"]));
        for (a, b) in values.iter().zip(w["values"].as_array().expect("values")) {
            let (a, b) = (a.as_f64().expect("number"), b.as_f64().expect("number"));
            if f32_case {
                assert!(
                    (a - b).abs() <= 1e-4 * b.abs() + 1e-9,
                    "{}: {a} vs {b}",
                    g["id"]
                );
            } else {
                assert_eq!(a, b, "{}: printed floats must round-trip exactly", g["id"]);
            }
        }
    }
}

#[test]
fn a_bad_case_gets_an_error_and_the_rest_still_evaluate() {
    let out = run_eval(
        r#"{"cases": [
            {"id": "a", "family": "torch.OneCycleLR", "params": {"max_lr": 0.1, "total_steps": 10, "optimizer_lr": 0.1}, "t": [11]},
            {"id": "b", "family": "keras.CosineDecay", "dtype": "float32", "params": {"initial_learning_rate": 0.1, "decay_steps": 10}, "n": 2}
        ]}"#,
    );
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(doc["cases"][0]["error"]
        .as_str()
        .unwrap_or("")
        .contains("total_steps"));
    assert_eq!(
        doc["cases"][1]["values"][0], 0.10000000149011612,
        "float32 0.1 widened exactly"
    );
}

#[test]
fn input_that_is_not_json_fails_with_a_message() {
    let out = run_eval("{not json");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not JSON"));
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_anneal"))
        .args(args)
        .output()
        .expect("anneal runs")
}

#[test]
fn values_prints_what_the_library_computes_for_a_pasted_call() {
    let out = run(&[
        "values",
        "CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=1e-5)",
        "--lr",
        "0.1",
        "--steps",
        "31",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "step,lr");
    assert_eq!(rows.len(), 32);
    assert_eq!(rows[1], "0,0.1");
    assert_eq!(rows[11], "10,0.1", "the restart after T_0 = 10");
    assert_eq!(rows[31], "30,0.1", "and after the 20-step second cycle");
    let json = run(&[
        "values",
        "optax.cosine_decay_schedule(init_value=0.1, decay_steps=4)",
        "--steps",
        "5",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(doc["function"], "cosine_decay_schedule");
    assert_eq!(doc["values"][2], 0.05);
    assert_eq!(doc["values"][4], 0.0);
}

#[test]
fn values_steps_pytorchs_whole_catalogue() {
    let out = run(&[
        "values",
        "StepLR(opt, step_size=3, gamma=0.5)",
        "--lr",
        "0.1",
        "--steps",
        "4",
    ]);
    assert_eq!(out.stdout, b"step,lr\n0,0.1\n1,0.1\n2,0.1\n3,0.05\n");
    // Small rates in the shorter exact form, as the page's CSV writes them.
    let small = run(&[
        "values",
        "StepLR(opt, step_size=1, gamma=0.1)",
        "--lr",
        "1e-4",
        "--steps",
        "3",
    ]);
    assert_eq!(
        small.stdout,
        b"step,lr\n0,1e-4\n1,1e-5\n2,1.0000000000000002e-6\n"
    );
}

#[test]
fn values_lists_the_momentum_a_one_cycle_writes_beside_its_rate() {
    let call = "OneCycleLR(opt, max_lr=0.1, total_steps=10)";
    let csv = run(&["values", call, "--lr", "0.1", "--steps", "3"]);
    let text = String::from_utf8_lossy(&csv.stdout);
    assert_eq!(text.lines().next(), Some("step,lr,momentum"));
    assert!(
        text.lines().nth(1).is_some_and(|l| l.ends_with(",0.95")),
        "{text}"
    );
    let json = run(&[
        "values", call, "--lr", "0.1", "--steps", "3", "--format", "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(doc["momentum"][0], 0.95);
    assert_eq!(doc["momentum"][2], 0.85);
}

#[test]
fn values_and_export_explain_bad_input() {
    let no_lr = run(&["values", "CosineAnnealingLR(opt, T_max=10)", "--steps", "3"]);
    assert_eq!(no_lr.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_lr.stderr).contains("pass --lr"));
    let broken = run(&[
        "values",
        "CosineAnnealingLR(opt, T_max=10 eta_min=0)",
        "--lr",
        "0.1",
        "--steps",
        "3",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&broken.stderr).trim(),
        "anneal values: column 33: expected ',' or ')'"
    );
    let bad_target = run(&["export", "--url", "?t_max=10", "--to", "matlab"]);
    assert_eq!(bad_target.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_target.stderr)
        .contains("--to must be one of torch, timm, hf, optax, keras, csv, svg"));
}

#[test]
fn export_turns_a_share_link_into_code_csv_or_svg() {
    let link =
        "https://example.org/ml/anneal/?v=1&eta_max=0.05&t_max=10&restarts=1&eta_max=9&bogus=1";
    let torch = run(&["export", "--url", link, "--to", "torch"]);
    assert!(torch.status.success());
    let code = String::from_utf8(torch.stdout).expect("utf-8");
    assert!(
        code.contains("CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=0.0)"),
        "{code}"
    );
    assert!(code.contains("lr=0.05"));
    assert!(String::from_utf8_lossy(&torch.stderr).contains("eta_max: given more than once"));
    let csv =
        String::from_utf8(run(&["export", "--url", link, "--to", "csv"]).stdout).expect("utf-8");
    assert_eq!(csv.lines().next(), Some("step,lr"));
    assert_eq!(csv.lines().nth(11), Some("10,0.05"));
    // Steps stay whole numbers a script reads with int(): 1000, not 1e3.
    let long = String::from_utf8(
        run(&[
            "export",
            "--url",
            "?v=1&t_max=1000&horizon=1001",
            "--to",
            "csv",
        ])
        .stdout,
    )
    .expect("utf-8");
    assert!(
        long.lines()
            .nth(1001)
            .is_some_and(|l| l.starts_with("1000,")),
        "{:?}",
        long.lines().nth(1001)
    );
    // A link that compares: the libraries' columns, as the page's CSV has them.
    let compared = String::from_utf8(
        run(&[
            "export",
            "--url",
            "?v=1&t_max=10&compare=1&compare_hide=keras",
            "--to",
            "csv",
        ])
        .stdout,
    )
    .expect("utf-8");
    assert_eq!(
        compared.lines().next(),
        Some("step,lr,\"PyTorch\",\"timm\",\"Hugging Face\",\"optax\"")
    );
    // A link with an imported call: its column, as the library computes it (PyTorch climbs
    // back past T_max where the explorer's cosine holds its floor).
    let imported = String::from_utf8(
        run(&[
            "export",
            "--url",
            "?v=2&eta_min=0.01&t_max=80&horizon=82&import=CosineAnnealingLR(opt,%20T_max%3D80,%20eta_min%3D0.01)",
            "--to",
            "csv",
        ])
        .stdout,
    )
    .expect("utf-8");
    let rows: Vec<&str> = imported.lines().collect();
    assert_eq!(rows[0], "step,lr,\"imported CosineAnnealingLR\"");
    assert_eq!(rows[81], "80,0.01,0.01");
    assert_eq!(rows[82], "81,0.01,0.01003469336916747");
    // A timm call stepped per epoch (t_in_epochs left True): each epoch's rate held for the
    // setup's 4 steps, epoch e's the rate `anneal values` gives at t = e.
    let per_epoch = String::from_utf8(
        run(&[
            "export",
            "--url",
            "?v=2&unit=epochs&steps_per_epoch=4&t_max=3&horizon=3&import=lr%20%3D%200.1%0ACosineLRScheduler(opt,%20t_initial%3D3)",
            "--to",
            "csv",
        ])
        .stdout,
    )
    .expect("utf-8");
    let column: Vec<&str> = per_epoch
        .lines()
        .skip(1)
        .map(|row| row.rsplit(',').next().expect("column"))
        .collect();
    let by_epoch = run(&[
        "values",
        "lr = 0.1\nCosineLRScheduler(opt, t_initial=3)",
        "--steps",
        "4",
    ]);
    let epochs: Vec<String> = String::from_utf8(by_epoch.stdout)
        .expect("utf-8")
        .lines()
        .skip(1)
        .map(|row| row.split(',').nth(1).expect("lr").to_string())
        .collect();
    let held: Vec<&str> = (0..13).map(|step| epochs[step / 4].as_str()).collect();
    assert_eq!(column, held);
    assert!(String::from_utf8_lossy(&by_epoch.stderr)
        .contains("CosineLRScheduler counts epochs (t_in_epochs=True): each row is the rate step(epoch) sets for that epoch"));
    let svg =
        String::from_utf8(run(&["export", "--url", link, "--to", "svg"]).stdout).expect("utf-8");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("stroke=\"#2563EB\""), "the curve is drawn");
}
