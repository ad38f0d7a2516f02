//! The CLI as a filter: a reader that stops early is not an error, and `--steps` defaults to the
//! schedule's own length.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn values_ends_quietly_when_the_reader_closes_the_pipe() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anneal"))
        .args([
            "values",
            "CosineAnnealingLR(opt, T_max=1000000)",
            "--lr",
            "0.1",
            "--steps",
            "1000000",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 64];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("some output");
    assert!(first.starts_with(b"step,lr\n0,0.1\n"));
    drop(stdout);
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0), "closed pipe: exit 0");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "closed pipe: nothing on stderr"
    );
}

#[test]
fn values_without_steps_prints_the_schedules_own_length() {
    let out = Command::new(env!("CARGO_BIN_EXE_anneal"))
        .args(["values", "CosineAnnealingLR(opt, T_max=10)", "--lr", "0.1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 1 + 11, "header and steps 0..=T_max");
    assert_eq!(rows[1], "0,0.1");
    assert!(rows[11].starts_with("10,"), "{}", rows[11]);
    let restarts = Command::new(env!("CARGO_BIN_EXE_anneal"))
        .args(["values", "optax.sgdr_schedule([dict(init_value=0.0, peak_value=0.1, warmup_steps=2, decay_steps=10), dict(init_value=0.0, peak_value=0.05, warmup_steps=2, decay_steps=20)])"])
        .output()
        .expect("runs");
    let n = String::from_utf8_lossy(&restarts.stdout).lines().count();
    assert_eq!(n, 1 + 31, "every cycle's decay_steps, end included");
}
