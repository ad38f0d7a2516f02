//! What the `anneal values` and `anneal export` commands print, as plain functions.

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use anneal::charts::{draw_explorer, Look, Theme};
use anneal::export::{import, snippet, visible_csv, ModeColumn};
use anneal::schedule::frameworks::compose::composed;
use anneal::schedule::frameworks::{Framework, Mode};
use anneal::schedule::number;
use anneal::share::codec::{decode, encode};
use anneal::share::{Settings, ThemeChoice, PRESETS};

/// Output format of `anneal values`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `step,lr` rows.
    Csv,
    /// `{"function": …, "steps": n, "values": […]}`.
    Json,
}

/// Most steps `anneal values` evaluates.
pub const MAX_VALUE_STEPS: u64 = 10_000_000;

/// The learning rate at steps 0…steps−1 of a pasted framework call, as the library computes it;
/// without `steps`, up to and including the end of the schedule's own length (four cycles of
/// endless restarts). `lr` is the optimizer's learning rate for calls that scale it (PyTorch,
/// timm, Hugging Face). With notes for stderr: the library's dtype, and that a per-epoch call's
/// rows count epochs.
pub fn values(
    call: &str,
    lr: Option<f64>,
    steps: Option<u64>,
    format: Format,
) -> Result<(String, Vec<String>), String> {
    if steps.is_some_and(|n| n == 0 || n > MAX_VALUE_STEPS) {
        return Err(format!("--steps must be between 1 and {MAX_VALUE_STEPS}"));
    }
    let current = Settings {
        eta_max: lr.unwrap_or(1.0),
        ..Settings::default()
    };
    let found = import(call, &current).map_err(|e| e.to_string())?;
    if lr.is_none() && found.lr_assumed {
        return Err(format!(
            "{} scales the optimizer's learning rate: pass --lr (or write lr=… in the text)",
            found.function
        ));
    }
    let own = found.mode.length().ceil() + 1.0;
    let steps = steps.unwrap_or(if own.is_finite() {
        (own as u64).clamp(1, MAX_VALUE_STEPS)
    } else {
        MAX_VALUE_STEPS
    });
    let points: Vec<f64> = (0..steps).map(|t| t as f64).collect();
    let values = found.mode.eval(&points).map_err(|e| e.to_string())?;
    // The momentum the scheduler writes beside each lr, for the schedulers that cycle it.
    let momentum: Vec<f64> = points
        .iter()
        .map_while(|&t| found.mode.momentum(t))
        .collect();
    let cycled = momentum.len() == values.len();
    let text = match format {
        Format::Csv => {
            let mut out = String::from(if cycled {
                "step,lr,momentum\n"
            } else {
                "step,lr\n"
            });
            for (t, v) in values.iter().enumerate() {
                // The shorter exact form, as the page's CSV writes it: 1e-5, not 0.00001.
                out += &match momentum.get(t).filter(|_| cycled) {
                    Some(m) => format!("{t},{},{}\n", number(*v), number(*m)),
                    None => format!("{t},{}\n", number(*v)),
                };
            }
            out
        }
        Format::Json => {
            let list = |xs: &[f64]| xs.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>();
            let momentum = if cycled {
                format!(", \"momentum\": [{}]", list(&momentum).join(", "))
            } else {
                String::new()
            };
            format!(
                "{{\"function\": \"{}\", \"steps\": {steps}, \"values\": [{}]{momentum}}}\n",
                found.function,
                list(&values).join(", ")
            )
        }
    };
    let mut notes: Vec<String> = found
        .mode
        .dtype_note()
        .into_iter()
        .map(Into::into)
        .collect();
    // The t a per-epoch call is stepped with counts epochs: each row is one.
    if found.step_every > 1.0 {
        notes.push(format!(
            "{} counts epochs (t_in_epochs=True): each row is the rate step(epoch) sets for that epoch",
            found.function
        ));
    }
    Ok((text, notes))
}

/// Each preset's key and its share link, one per line, for `anneal presets`.
pub fn preset_links() -> String {
    PRESETS
        .iter()
        .map(|p| format!("{}\t?{}\n", p.key, encode(&(p.settings)(), &[])))
        .collect()
}

/// What `anneal export` can write: each framework's code by its key, the CSV series, the chart.
pub fn export_targets() -> Vec<&'static str> {
    let frameworks = Framework::ALL.iter().map(|f| f.key());
    frameworks.chain(["csv", "svg"]).collect()
}

/// The state of a share link as framework code, the CSV series, or the chart as SVG; with
/// the link's notices (values it could not use), for stderr.
pub fn export_link(link: &str, to: &str) -> Result<(String, Vec<String>), String> {
    let query = link.split_once('?').map_or(link, |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    let d = decode(query);
    let mut notices: Vec<String> = d
        .shown_notices()
        .iter()
        .map(|n| format!("{}: {}", n.key, n.reason))
        .collect();
    let r = d.settings.resolve();
    let out = match to {
        "csv" => {
            // What the page's CSV holds for the link: its pins, the libraries it compares and
            // its imported call (the link's decoding has read its code once already).
            let imported = (!d.settings.imported.is_empty())
                .then(|| import(&d.settings.imported, &d.settings).ok())
                .flatten()
                .map(|found| (found.label(), found.mode, found.step_every));
            let compared: Vec<(String, Mode, f64)> = Framework::ALL
                .iter()
                .filter(|f| d.settings.view.compare && d.settings.view.compares(**f))
                .filter_map(|&f| {
                    let e = composed(f, &r.phases, r.horizon_steps).ok()?;
                    Some((f.name().to_string(), e.mode, 1.0))
                })
                .chain(imported)
                .collect();
            let modes: Vec<ModeColumn> = compared
                .iter()
                .map(|(name, mode, every)| ModeColumn {
                    name: name.clone(),
                    mode,
                    every: *every,
                })
                .collect();
            visible_csv(&r, &d.settings.pins, &modes, d.settings.view.momentum)
        }
        "svg" => {
            if d.settings.view.compare
                || d.settings.pins.iter().any(Option::is_some)
                || !d.settings.imported.is_empty()
            {
                notices.push(
                    "svg: the command line draws the schedule alone; the page's SVG also draws the pins, the compared libraries and an imported call".into(),
                );
            }
            let theme = if d.settings.view.theme == ThemeChoice::Dark {
                Theme::DARK
            } else {
                Theme::LIGHT
            };
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (960, 480)).into_drawing_area();
                let look = Look {
                    log_y: d.settings.log_y,
                    unit: d.settings.unit,
                    titled: true,
                    grows: false,
                };
                draw_explorer(&area, &r, &[], look, 960, 1.0, &theme)
                    .map_err(|e| format!("drawing failed: {e}"))?;
            }
            svg
        }
        key => {
            let framework = Framework::from_key(key)
                .ok_or_else(|| format!("--to must be one of {}", export_targets().join(", ")))?;
            let index = Framework::ALL.iter().position(|f| *f == framework);
            match index.and_then(|i| snippet(&r.phases, r.horizon_steps, i)) {
                Some(s) => s.code,
                None => return Err(format!("no {framework} snippet")),
            }
        }
    };
    Ok((out, notices))
}
