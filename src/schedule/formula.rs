//! The cosine schedule's formula at a step, written out as HTML with that step's numbers: what
//! the page's formula panel shows.

use super::terms::{locate, Terms};
use super::{Schedule, WarmupShape};
use crate::format::{format_value, shown};

/// η_min and this cycle's peak η_max⁽ⁱ⁾, as the page writes them.
const MIN: &str = "η<sub>min</sub>";
const PEAK: &str = "η<sub>max</sub><sup>(i)</sup>";

/// `text` as a term of the formula the page can highlight (`data-term`).
fn term(id: &str, text: &str) -> String {
    ["<span data-term=\"", id, "\">", text, "</span>"].concat()
}

/// The formula of `s` at step `t` as HTML, a paragraph a line: the formula, the same with the
/// numbers at `t`, and where `t` is (cycle, T_cur, T_i, the decayed peak). Terms are marked
/// "peak", "floor", "tcur", "ti", "k" and "warmup", for the page to highlight what a control
/// changes. Every text is Anneal's own (numbers, fixed words, sub- and superscript tags):
/// nothing needs escaping. With `per_epoch` (a chart in epochs: its steps per epoch) each
/// count in steps is also given in epochs.
pub fn formula_html(s: &Schedule, t: f64, per_epoch: Option<f64>) -> String {
    let lr = shown(s.lr(t));
    let epochs = |steps: f64| per_epoch.map(|e| shown(steps / e));
    let at = match epochs(t) {
        Some(e) => ["<p>At step ", &format_value(t), " (epoch ", &e, "): "].concat(),
        None => ["<p>At step ", &format_value(t), ": "].concat(),
    };
    let (i, cosine) = locate(s, t);
    let Some((a, terms)) = cosine else {
        let kind = s.phases[i].kind().label();
        let n = (i + 1).to_string();
        return [
            &at,
            "phase ",
            &n,
            " (",
            kind,
            "), η = ",
            &lr,
            ". The cosine's formula shows on a cosine phase.</p>",
        ]
        .concat();
    };
    match terms {
        Terms::Cosine {
            cycle,
            t_cur,
            t_i,
            peak,
            floor,
            ..
        } => {
            let k = if a.k_decay == 1.0 {
                String::new()
            } else {
                ["<sup>", &shown(a.k_decay), "</sup>"].concat()
            };
            let k = term("k", &k);
            let i = cycle.to_string();
            let decayed = if a.decay == 1.0 {
                "η<sub>max</sub>".to_string()
            } else {
                [
                    "γ<sup>",
                    &i,
                    "</sup>·η<sub>max</sub> = ",
                    &shown(a.decay),
                    "<sup>",
                    &i,
                    "</sup>·",
                    &shown(a.eta_max),
                ]
                .concat()
            };
            // A decayed peak below the floor is held at the floor (`Anneal::bounds`).
            let clamped = peak > a.eta_max * a.decay.powf(cycle as f64);
            let decayed = if clamped {
                [&decayed, ", below ", MIN, ", so ", MIN].concat()
            } else {
                decayed
            };
            // optax's exponent p raises the cosine factor: (peak − floor)·[½(1 + cos …)]ᵖ.
            let p = (a.exponent != 1.0).then(|| shown(a.exponent));
            let (open, mid, close) = match &p {
                None => (" + ½(", ")(1 + cos(π·", "))".to_string()),
                Some(p) => (
                    " + (",
                    ")·[½(1 + cos(π·",
                    ["))]<sup>", p, "</sup>"].concat(),
                ),
            };
            let (fl, tc, ti) = (term("floor", &shown(floor)), shown(t_cur), shown(t_i));
            [
                "<p>η = ",
                &term("floor", MIN),
                open,
                &term("peak", PEAK),
                " − ",
                &term("floor", MIN),
                mid,
                &term("tcur", "T<sub>cur</sub>"),
                &k,
                "/",
                &term("ti", "T<sub>i</sub>"),
                &k,
                &close,
                "</p><p>= ",
                &fl,
                open,
                &term("peak", &shown(peak)),
                " − ",
                &fl,
                mid,
                &term("tcur", &tc),
                &k,
                "/",
                &term("ti", &ti),
                &k,
                &close,
                " = ",
                &lr,
                "</p>",
                &at,
                "cycle i = ",
                &i,
                " (from 0), T<sub>cur</sub> = ",
                &tc,
                " of T<sub>i</sub> = ",
                &ti,
                " steps (T<sub>0</sub>·T<sub>mult</sub><sup>i</sup>",
                &epochs(t_cur)
                    .zip(epochs(t_i))
                    .map_or(String::new(), |(c, i)| {
                        ["; ", &c, " of ", &i, " epochs"].concat()
                    }),
                "), ",
                PEAK,
                " = ",
                &decayed,
                ".</p>",
            ]
            .concat()
        }
        Terms::Warmup { t: u, peak, .. } => {
            let formula = match a.warmup.shape {
                WarmupShape::Linear => "η<sub>start</sub> + (η<sub>max</sub><sup>(i)</sup> − η<sub>start</sub>)·t/W",
                WarmupShape::Cosine => "η<sub>start</sub> + (η<sub>max</sub><sup>(i)</sup> − η<sub>start</sub>)·½(1 − cos(π·t/W))",
                WarmupShape::Exponential => "η<sub>start</sub>·(η<sub>max</sub><sup>(i)</sup>/η<sub>start</sub>)<sup>t/W</sup>",
            };
            let w = [
                "t = ",
                &shown(u),
                " of W = ",
                &shown(a.warmup.length),
                " warm-up steps",
            ]
            .concat();
            [
                "<p>η = ",
                formula,
                "</p>",
                &at,
                &term("warmup", &w),
                ", from ",
                &shown(a.warmup.start),
                " to ",
                &term("peak", &shown(peak)),
                ": η = ",
                &lr,
                ".</p>",
            ]
            .concat()
        }
        Terms::Held { floor } => {
            let f = [MIN, " = ", &shown(floor)].concat();
            [
                &at,
                "the last cycle has ended: η = ",
                &term("floor", &f),
                ".</p>",
            ]
            .concat()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::f64::consts::PI;

    use super::*;
    use crate::schedule::terms::tests::sgdr;
    use crate::schedule::{Anneal, Family};

    /// The page's text of the HTML: tags dropped, a line a paragraph.
    fn text(html: &str) -> Vec<String> {
        html.split("</p>")
            .filter(|p| !p.is_empty())
            .map(|p| {
                let mut out = String::new();
                let mut tag = false;
                for c in p.chars() {
                    match c {
                        '<' => tag = true,
                        '>' => tag = false,
                        c if !tag => out.push(c),
                        _ => {}
                    }
                }
                out
            })
            .collect()
    }

    #[test]
    fn a_chart_in_epochs_gives_the_counts_in_epochs_too() {
        let s = Schedule::single(Family::Cosine(sgdr()));
        let lines = text(&formula_html(&s, 17.0, Some(5.0)));
        assert_eq!(
            lines[2],
            "At step 17 (epoch 3.4): cycle i = 1 (from 0), Tcur = 5 of Ti = 20 steps (T0·Tmulti; 1 of 4 epochs), ηmax(i) = γ1·ηmax = 0.51·0.1."
        );
    }

    #[test]
    fn the_formula_is_written_with_the_cursors_numbers() {
        let s = Schedule::single(Family::Cosine(sgdr()));
        let html = formula_html(&s, 17.0, None);
        assert_eq!(
            text(&html),
            [
                "η = ηmin + ½(ηmax(i) − ηmin)(1 + cos(π·Tcur/Ti))",
                &format!("= 0 + ½(0.05 − 0)(1 + cos(π·5/20)) = {}", shown(s.lr(17.0))),
                "At step 17: cycle i = 1 (from 0), Tcur = 5 of Ti = 20 steps (T0·Tmulti), ηmax(i) = γ1·ηmax = 0.51·0.1.",
            ]
        );
        // The numbers carry their terms, for the page to highlight.
        assert!(html.contains("/<span data-term=\"ti\">20</span>"));
        assert!(html.starts_with("<p>η = <span data-term=\"floor\">η<sub>min</sub></span> + ½("));
        let k = Schedule::single(Family::Cosine(Anneal {
            k_decay: 2.0,
            ..sgdr()
        }));
        assert!(formula_html(&k, 17.0, None).contains(
            "<span data-term=\"tcur\">T<sub>cur</sub></span><span data-term=\"k\"><sup>2</sup></span>/"
        ));
        assert_eq!(
            text(&formula_html(&s, 1.0, None))[1],
            "At step 1: t = 1 of W = 2 warm-up steps, from 0 to 0.1: η = 0.05."
        );
        assert_eq!(
            text(&formula_html(&s, 1e4, None)),
            ["At step 10000: the last cycle has ended: η = ηmin = 0."]
        );
    }

    #[test]
    fn an_exponent_and_a_peak_held_at_the_floor_are_written_as_computed() {
        // exponent 2 at T_cur = 25 of 100: 0.1·[½(1 + cos(π/4))]² = 0.0728553.
        let p = Schedule::single(Family::Cosine(Anneal {
            exponent: 2.0,
            ..Anneal::default()
        }));
        let lines = text(&formula_html(&p, 25.0, None));
        assert_eq!(
            lines[1],
            "= 0 + (0.1 − 0)·[½(1 + cos(π·25/100))]2 = 0.0728553"
        );
        let want = 0.1 * (0.5 * (1.0 + (PI / 4.0).cos())).powi(2);
        assert_eq!(shown(want), "0.0728553");
        // γ = 0.1 with η_min = 0.01: cycle 2's peak 0.001 is held at the floor.
        let held = Schedule::single(Family::Cosine(Anneal {
            eta_min: 0.01,
            decay: 0.1,
            ..sgdr()
        }));
        let lines = text(&formula_html(&held, 37.0, None));
        assert!(
            lines[2].ends_with("γ2·ηmax = 0.12·0.1, below ηmin, so ηmin."),
            "{}",
            lines[2]
        );
        assert!(
            lines[1].starts_with("= 0.01 + ½(0.01 − 0.01)"),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn the_formula_written_out_is_the_rate() {
        // ½·0.1·(1 + cos(π·25/100)) at T_cur = 25 of T_i = 100, k = 1.
        let a = Anneal::default();
        let want = 0.5 * 0.1 * (1.0 + (PI * 0.25).cos());
        assert!((a.value(&a.terms(25.0)) - want).abs() <= 1e-17);
        // k-decay 2: π·T_cur²/T_i².
        let k = Anneal { k_decay: 2.0, ..a };
        let want = 0.5 * 0.1 * (1.0 + (PI * 0.0625).cos());
        assert!((k.value(&k.terms(25.0)) - want).abs() <= 1e-17);
    }
}
