//! The CLI as a filter: a reader that stops early is not an error.
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
