//! `anneal`: Anneal's schedule core on the command line.

mod commands;

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: anneal eval < cases.json > values.json
       anneal values '<framework call>' [--lr X] [--steps N] [--format csv|json]
       anneal export --url '<share link>' --to torch|timm|hf|optax|keras|csv|svg
       anneal presets

  eval   read a golden-format document ({\"cases\": [...]}, each case with id, family,
         params, dtype and t or n) from stdin; write {\"cases\": [{\"id\", \"values\"}]}
         with floats printed round-trip exact. A case that cannot be evaluated gets
         {\"id\", \"error\"}; the exit code is 0 unless the input is not JSON.

  values the learning rate at steps 0..N-1 of a pasted scheduler call, as the library
         computes it (e.g. 'CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2)');
         --lr is the optimizer's learning rate for PyTorch, timm and Hugging Face calls;
         without --steps, up to the end of the schedule's own length (T_max,
         num_training_steps, decay_steps, …; four cycles of endless restarts).

  export a share link's state as framework code, the CSV series, or the chart as SVG;
         values the link could not use are listed on stderr.

  presets each preset's key and share link, tab-separated, one per line.";

fn eval() -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("anneal eval: cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    match anneal::export::eval_document(&input) {
        Ok(doc) => {
            let mut out = std::io::stdout().lock();
            written("eval", writeln!(out, "{doc}"))
        }
        Err(e) => {
            eprintln!("anneal eval: {e}");
            ExitCode::from(1)
        }
    }
}

/// The exit code after writing stdout. A reader that stopped early (`anneal values … | head`)
/// closed the pipe on purpose: that ends the command quietly, like any Unix filter.
fn written(command: &str, result: std::io::Result<()>) -> ExitCode {
    match result.and_then(|()| std::io::stdout().flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("anneal {command}: cannot write stdout: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints `result` (or its error, with exit code 1).
fn emit(command: &str, result: Result<String, String>) -> ExitCode {
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            written(command, out.write_all(text.as_bytes()))
        }
        Err(e) => {
            eprintln!("anneal {command}: {e}");
            ExitCode::from(1)
        }
    }
}

/// The value after `flag` in `args`, if given.
fn option<'a>(args: &'a [&'a str], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| *a == flag)
        .and_then(|i| args.get(i + 1).copied())
}

fn values(args: &[&str]) -> ExitCode {
    let Some(call) = args.first().filter(|a| !a.starts_with("--")) else {
        return emit(
            "values",
            Err("give the framework call as the first argument".into()),
        );
    };
    let lr = match option(args, "--lr").map(str::parse::<f64>) {
        None => None,
        Some(Ok(v)) if v.is_finite() && v > 0.0 => Some(v),
        Some(_) => return emit("values", Err("--lr must be a positive number".into())),
    };
    let steps = match option(args, "--steps").map(str::parse::<u64>) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => return emit("values", Err("--steps N must be a whole number".into())),
    };
    let format = match option(args, "--format").unwrap_or("csv") {
        "csv" => commands::Format::Csv,
        "json" => commands::Format::Json,
        other => {
            return emit(
                "values",
                Err(format!("--format must be csv or json, not {other}")),
            )
        }
    };
    let result = commands::values(call, lr, steps, format).map(|(text, notes)| {
        for n in notes {
            eprintln!("anneal values: note: {n}");
        }
        text
    });
    emit("values", result)
}

fn export(args: &[&str]) -> ExitCode {
    let (Some(url), Some(to)) = (option(args, "--url"), option(args, "--to")) else {
        return emit("export", Err("both --url and --to are required".into()));
    };
    let result = commands::export_link(url, to).map(|(text, notices)| {
        for n in notices {
            eprintln!("anneal export: {n}");
        }
        text
    });
    emit("export", result)
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
        ["values", rest @ ..] => values(rest),
        ["export", rest @ ..] => export(rest),
        ["presets"] => {
            print!("{}", commands::preset_links());
            ExitCode::SUCCESS
        }
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_usage_lists_every_export_target() {
        let targets = super::commands::export_targets().join("|");
        assert!(
            super::USAGE.contains(&format!("--to {targets}\n")),
            "{targets}"
        );
    }
}
