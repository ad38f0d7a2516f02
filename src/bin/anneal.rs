//! `anneal`: Anneal's schedule core on the command line.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: anneal eval < cases.json > values.json

  eval   read a golden-format document ({\"cases\": [...]}, each case with id, family,
         params, dtype and t or n) from stdin; write {\"cases\": [{\"id\", \"values\"}]}
         with floats printed round-trip exact. A case that cannot be evaluated gets
         {\"id\", \"error\"}; the exit code is 0 unless the input is not JSON.";

fn eval() -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("anneal eval: cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    match anneal::export::eval_document(&input) {
        Ok(doc) => {
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{doc}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("anneal eval: cannot write stdout: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(e) => {
            eprintln!("anneal eval: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["eval"] => eval(),
        ["-h"] | ["--help"] | ["help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
