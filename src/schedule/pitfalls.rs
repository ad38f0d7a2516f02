//! Things about a schedule that surprise people, found from its numbers.

use super::{Anneal, Family, Schedule, WarmupPlacement};
use crate::format::shown;

/// A surprise worth flagging on the curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Pitfall {
    /// Where on the curve (optimizer steps).
    pub at: f64,
    /// A short name.
    pub title: &'static str,
    /// What happens, with the numbers, and why.
    pub detail: String,
}

/// Differences below this share of the peak are not worth a flag.
const NOTICEABLE: f64 = 0.01;

/// The pitfalls of `s` shown over [0, horizon] steps: a cosine's own when it is the whole
/// schedule, and a jump where one phase hands over to the next at a different rate.
pub fn pitfalls(s: &Schedule, horizon: f64) -> Vec<Pitfall> {
    let mut out = Vec::new();
    // The peak needs every breakpoint of the shown range: only a schedule with a hand-over pays.
    let peak = if s.phases.len() > 1 {
        s.peak(horizon)
    } else {
        0.0
    };
    for (i, phase) in s.phases.iter().enumerate() {
        let start = s.start(i);
        if start >= horizon {
            // Phase lengths count steps: a shorter horizon or a smaller training setup leaves
            // them where they were, past the run's end, with nothing on the chart to say so.
            let after = match s.phases.len() - i - 1 {
                0 => String::new(),
                1 => ", nor the phase after it".into(),
                n => format!(", nor the {n} phases after it"),
            };
            out.push(Pitfall {
                at: horizon,
                title: "Phases past the run's end",
                detail: format!(
                    "Phase {} starts at step {} and the run ends at step {}: no step of the run reaches it{after}. \
                     Phase lengths count optimizer steps, so they do not follow the horizon or the training setup.",
                    i + 1,
                    shown(start),
                    shown(horizon)
                ),
            });
            break;
        }
        if let Some(previous) = i.checked_sub(1).map(|j| &s.phases[j]) {
            // Where the previous phase's own formula is at the boundary: its end, without noise.
            let before = previous.lr(start - s.start(i - 1));
            let after = s.lr(start);
            if (before - after).abs() > NOTICEABLE * peak {
                out.push(Pitfall {
                    at: start,
                    title: "Jump at a phase boundary",
                    detail: format!(
                        "At step {} phase {i} ends at {} and phase {} starts at {}: the rate jumps there. \
                         Set the next phase's starting rate to the previous one's end for a smooth hand-over.",
                        shown(start),
                        shown(before),
                        i + 1,
                        shown(after)
                    ),
                });
            }
        }
        // The cosine's own flags speak of its steps and of the horizon: they hold for a cosine
        // that is the whole schedule, not for one phase among others.
        if let (Family::Cosine(a), [_]) = (phase, s.phases.as_slice()) {
            out.extend(cosine_pitfalls(a, horizon));
        }
    }
    out
}

/// The pitfalls of the cosine `a` shown over [0, horizon] of its own steps.
fn cosine_pitfalls(a: &Anneal, horizon: f64) -> Vec<Pitfall> {
    let mut out = Vec::new();
    let (peak, floor) = a.bounds(0);
    let range = (peak - floor).max(f64::MIN_POSITIVE);
    let w = &a.warmup;
    let f = shown;
    if w.length > 0.0 && w.placement == WarmupPlacement::Overlap && w.length < horizon {
        let before = a.lr(w.length - (w.length * 1e-9).max(1e-9));
        let after = a.lr(w.length);
        if before - after > NOTICEABLE * peak {
            out.push(Pitfall {
                at: w.length,
                title: "Jump at the warm-up hand-off",
                detail: format!(
                    "η falls from {} to {} at step {}: the overlapping warm-up ends while the cosine has been running underneath it (timm's default, warmup_prefix=False).",
                    f(before), f(after), f(w.length)
                ),
            });
        }
    }
    let first_restart = a.restart_steps(f64::INFINITY, 1).first().copied();
    if let Some(r) = first_restart {
        let last = r - 1.0;
        let gap = a.lr(last) - floor;
        if last > 0.0 && last <= horizon && gap > NOTICEABLE * range {
            out.push(Pitfall {
                at: last,
                title: "η_min is never reached",
                // Above a floor of 0 the gap is η itself: said once.
                detail: format!(
                    "The last step of the first cycle (step {}) is at η = {}{}: step T_i is already the next restart. Longer cycles shrink the gap.",
                    f(last),
                    f(a.lr(last)),
                    if floor == 0.0 {
                        ", not η_min = 0".to_string()
                    } else {
                        format!(", {} above η_min", f(gap))
                    }
                ),
            });
        }
        if r > horizon {
            out.push(Pitfall {
                at: horizon,
                title: "No restart inside the horizon",
                detail: format!(
                    "Restarts are on, but the first one is at step {}, after the {} steps shown.",
                    f(r),
                    f(horizon)
                ),
            });
        }
    }
    let s = horizon - a.offset();
    let cycle = a.cycles().locate(s.max(0.0));
    let running = a.cycles_run().is_none_or(|limit| cycle.index < limit);
    let end = a.offset() + cycle.end(a.cycles().extra);
    let (_, cycle_floor) = a.bounds(cycle.index);
    let left = a.lr(horizon) - cycle_floor;
    // Stopping where a cycle starts ends the one before in full (within rounding: the run's
    // end is the warm-up plus the cycles, and less the warm-up again here).
    let inside = s - cycle.start > 1e-9 * s.max(1.0);
    if inside && running && end > horizon && left > NOTICEABLE * range {
        out.push(Pitfall {
            at: horizon,
            title: "A cycle is cut off by the horizon",
            detail: format!(
                "Training that stops at step {} ends {} at η = {}, before it anneals to {} at step {}.",
                f(horizon), cycle_name(cycle.index), f(a.lr(horizon)), f(cycle_floor), f(end)
            ),
        });
    }
    out
}

/// A cycle as the chart marks it (by the restart it starts at) and the formula counts it (i).
fn cycle_name(i: u64) -> String {
    if i == 0 {
        "the first cycle (i = 0)".into()
    } else {
        format!("the cycle from restart {i} (i = {i})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Warmup;

    fn titles(a: &Anneal, horizon: f64) -> Vec<&'static str> {
        let s = Schedule::single(Family::Cosine(a.clone()));
        pitfalls(&s, horizon).into_iter().map(|p| p.title).collect()
    }

    #[test]
    fn a_plain_cosine_shown_in_full_has_none() {
        assert!(titles(&Anneal::default(), 120.0).is_empty());
    }

    #[test]
    fn a_run_that_stops_where_a_cycle_starts_cuts_nothing_off() {
        let sgdr = Anneal {
            restarts: true,
            t_mult: 2.0,
            ..Anneal::default()
        };
        // Cycles of 100, 200, 400 … steps: 700 ends the third, 701 is inside the fourth.
        assert!(titles(&sgdr, 700.0).is_empty());
        assert_eq!(titles(&sgdr, 1000.0), ["A cycle is cut off by the horizon"]);
    }

    #[test]
    fn a_gap_above_a_floor_of_zero_is_said_once() {
        let sgdr = |eta_min: f64| Anneal {
            restarts: true,
            t_0: 10.0,
            eta_min,
            ..Anneal::default()
        };
        let detail = |a: &Anneal| {
            let s = Schedule::single(Family::Cosine(a.clone()));
            pitfalls(&s, 150.0)
                .into_iter()
                .find(|p| p.title == "η_min is never reached")
                .map(|p| p.detail)
                .unwrap_or_default()
        };
        assert!(detail(&sgdr(0.0)).starts_with(
            "The last step of the first cycle (step 9) is at η = 0.00244717, not η_min = 0: "
        ));
        assert!(detail(&sgdr(0.01)).contains(", 0.00220246 above η_min: "));
    }

    #[test]
    fn phases_the_run_never_reaches_are_flagged_at_its_end() {
        let s = Schedule::parse(
            "linear(0.1,0.01,600)!600!constant(0.01)!900!linear(0.01,0,100)",
            &Anneal::default(),
        )
        .expect("phases");
        assert!(pitfalls(&s, 1000.0).is_empty());
        assert_eq!(
            pitfalls(&s, 500.0),
            [Pitfall {
                at: 500.0,
                title: "Phases past the run's end",
                detail: "Phase 2 starts at step 600 and the run ends at step 500: no step of the run reaches it, nor the phase after it. \
                         Phase lengths count optimizer steps, so they do not follow the horizon or the training setup."
                    .into(),
            }]
        );
    }

    #[test]
    fn each_pitfall_is_found() {
        let overlap = Anneal {
            warmup: Warmup {
                length: 10.0,
                placement: WarmupPlacement::Overlap,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        assert_eq!(
            titles(&overlap, 120.0),
            vec!["Jump at the warm-up hand-off"]
        );
        // Its numbers read as a person writes them, not 0.0999999999 to 0.09755282581475769.
        let s = Schedule::single(Family::Cosine(overlap.clone()));
        assert!(pitfalls(&s, 120.0)[0]
            .detail
            .starts_with("η falls from 0.1 to 0.0975528 at step 10:"));
        let short = Anneal {
            t_0: 5.0,
            restarts: true,
            ..Anneal::default()
        };
        assert!(titles(&short, 100.0).contains(&"η_min is never reached"));
        let late = Anneal {
            t_0: 1000.0,
            restarts: true,
            ..Anneal::default()
        };
        assert!(titles(&late, 500.0).contains(&"No restart inside the horizon"));
        assert!(titles(&late, 500.0).contains(&"A cycle is cut off by the horizon"));
    }

    fn phases(text: &str) -> Schedule {
        Schedule::parse(text, &Anneal::default()).expect("parses")
    }

    #[test]
    fn phases_are_checked_each_over_the_steps_it_runs() {
        // A smooth warm-up into a cosine, and a WSD: nothing to flag.
        let smooth = phases("linear(0,0.1,200)!200!cos");
        assert!(pitfalls(&smooth, 360.0).is_empty());
        assert!(pitfalls(&phases("wsd(0.01,2e3,88000,1e4,0.1)"), 100_000.0).is_empty());
        // A warm-up to 0.05 handing over to a cosine at 0.1 jumps, at the boundary.
        let jump = pitfalls(&phases("linear(0,0.05,200)!200!cos"), 360.0);
        assert_eq!(jump.len(), 1, "{jump:?}");
        assert_eq!(
            (jump[0].title, jump[0].at),
            ("Jump at a phase boundary", 200.0)
        );
        assert!(jump[0]
            .detail
            .contains("phase 1 ends at 0.05 and phase 2 starts at 0.1"));
        // A cosine among other phases gets no flag written for a cosine alone ("cut off by the
        // horizon" at its own step 50, when the next phase cut it).
        assert!(pitfalls(&phases("constant(0.1)!100!cos"), 150.0).is_empty());
        assert!(pitfalls(&phases("cos!50!constant(0.05)"), 1000.0).is_empty());
    }
}
