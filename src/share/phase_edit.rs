//! The page's edits of the schedule's phases, applied to the settings' `phases` text: each is
//! checked by the core before it lands, and a refusal says why.

use super::settings::Settings;
use crate::format::{format_value, round_significant};
use crate::schedule::{Family, FamilyKind, ParamValue, Schedule};

/// One change made in the phases editor.
#[derive(Clone, Debug, PartialEq)]
pub enum PhaseEdit {
    /// Phase `i` becomes a `kind` scaled to the current peak and its span.
    Kind(usize, FamilyKind),
    /// Parameter `p` of phase `i` takes a value.
    Param(usize, usize, ParamValue),
    /// Phase `i` (from the second) starts at this step.
    Start(usize, f64),
    /// A new last phase: a linear decay from where the schedule ends to 0 over a fifth more.
    Append,
    /// Phase `i` goes.
    Remove(usize),
    /// Phase `i` swaps with the one before it.
    Earlier(usize),
}

/// Steps a re-typed phase is written for: up to the next phase, or the last to the run's end.
fn span_of(s: &Schedule, i: usize, run_end: f64) -> f64 {
    match s.boundaries.get(i) {
        Some(end) => end - s.start(i),
        None => (run_end - s.start(i)).max(1.0),
    }
}

impl Settings {
    /// Applies `edit` to the phases; `Err` says why the result is not a schedule (nothing
    /// changes then).
    pub fn edit_phases(&mut self, edit: PhaseEdit) -> Result<(), String> {
        let r = self.resolve();
        let (controls, mut s) = (r.schedule, r.phases);
        let n = s.phases.len();
        // Three digits, so a new phase reads 0.1, not the 0.0999999… a sampled peak can be.
        let peak = round_significant(s.peak(r.horizon_steps), 3).max(f64::MIN_POSITIVE);
        let phase = |i: usize| (i < n).then_some(i).ok_or("no such phase".to_string());
        match edit {
            PhaseEdit::Kind(i, kind) => {
                let i = phase(i)?;
                s.phases[i] = if kind == FamilyKind::Cosine {
                    Family::Cosine(controls.clone())
                } else {
                    kind.starter(peak, span_of(&s, i, r.run_steps))
                };
            }
            PhaseEdit::Param(i, p, value) => {
                let i = phase(i)?;
                let f = &s.phases[i];
                let mut values = f.values();
                *values.get_mut(p).ok_or("no such parameter")? = value;
                s.phases[i] = Family::from_values(f.kind(), &values).map_err(|e| e.to_string())?;
            }
            PhaseEdit::Start(i, at) => {
                let i = phase(i)?;
                *s.boundaries
                    .get_mut(i.wrapping_sub(1))
                    .ok_or("the first phase starts at 0")? = at;
            }
            PhaseEdit::Append => {
                let fixed = self.horizon > 0.0 || r.total_steps.is_some();
                let (at, span) = appended_at(&s, r.run_steps, fixed)?;
                let decay = Family::Linear(crate::schedule::Linear {
                    start: s.lr(at),
                    end: 0.0,
                    steps: span,
                });
                s.insert(n, decay, at.max(1.0) - s.start(n - 1))
                    .map_err(|e| e.to_string())?;
            }
            PhaseEdit::Remove(i) => {
                s.remove(phase(i)?).ok_or("a schedule keeps one phase")?;
            }
            PhaseEdit::Earlier(i) => {
                let i = phase(i)?;
                if i == 0 || !s.swap(i - 1, i) {
                    return Err("the first phase cannot move earlier".into());
                }
            }
        }
        s.validate().map_err(|e| e.to_string())?;
        let alone = matches!(s.phases.as_slice(), [Family::Cosine(a)] if *a == controls);
        self.phases = if alone {
            String::new()
        } else {
            s.to_text(&controls)
        };
        Ok(())
    }
}

/// Where an appended phase starts and its steps: after the schedule's end (in a `run` of `fixed`
/// length, a horizon or epochs set, ending with it at the latest), or, when the schedule already
/// fills such a run, over the run's last fifth, so the new phase is inside the run and on the
/// chart.
fn appended_at(s: &Schedule, run: f64, fixed: bool) -> Result<(f64, f64), String> {
    let end = s.length();
    // Whole steps, as a person would type them (1173 · 0.2 is 234.6000…02).
    let fifth = |of: f64| (of * 0.2).round().max(1.0);
    if !fixed {
        return Ok((end, fifth(end)));
    }
    // Room left after the schedule's end: the new phase ends with the run at the latest.
    if end < run {
        return Ok((end, fifth(end).min(run - end)));
    }
    let last = s.start(s.phases.len() - 1);
    let at = (run - fifth(run)).max(((last + run) / 2.0).round());
    if at <= last || at >= run {
        return Err(format!(
            "the last phase leaves no room in the run's {} steps for another: lengthen the run or the horizon first",
            format_value(run)
        ));
    }
    Ok((at, run - at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phases(s: &Settings) -> Schedule {
        s.resolve().phases
    }

    #[test]
    fn appending_then_retyping_gives_a_composed_schedule_in_the_link() {
        let mut s = Settings::default();
        s.edit_phases(PhaseEdit::Append).expect("appends");
        let two = phases(&s);
        assert_eq!(two.phases.len(), 2);
        assert_eq!(two.boundaries, vec![100.0]);
        assert!(s.phases.starts_with("cos!100!linear("), "{}", s.phases);
        // The appended decay starts where the cosine ended: no jump.
        assert!((two.lr(100.0) - two.lr(99.999)).abs() < 1e-6);
        s.edit_phases(PhaseEdit::Kind(1, FamilyKind::Constant))
            .expect("retypes");
        assert_eq!(phases(&s).phases[1].kind(), FamilyKind::Constant);
        s.edit_phases(PhaseEdit::Remove(1)).expect("removes");
        assert_eq!(s.phases, "", "the cosine alone needs no phases key");
    }

    #[test]
    fn a_phase_added_to_a_run_the_schedule_fills_takes_the_runs_last_fifth() {
        // The cosine runs to the horizon: a phase after it would be past the chart's end.
        let mut s = Settings {
            horizon: 100.0,
            ..Settings::default()
        };
        s.edit_phases(PhaseEdit::Append).expect("appends");
        let two = phases(&s);
        assert_eq!(two.boundaries, vec![80.0]);
        assert!((two.lr(80.0) - two.lr(79.999)).abs() < 1e-6, "no jump");
        assert_eq!(two.lr(100.0), 0.0, "it decays to 0 at the run's end");
        // Again: half of what the last phase has left, then no room at all.
        s.edit_phases(PhaseEdit::Append).expect("appends");
        assert_eq!(phases(&s).boundaries, vec![80.0, 90.0]);
        for _ in 0..3 {
            s.edit_phases(PhaseEdit::Append).expect("appends");
        }
        assert_eq!(phases(&s).boundaries, vec![80.0, 90.0, 95.0, 98.0, 99.0]);
        let full = s.edit_phases(PhaseEdit::Append).expect_err("no room");
        assert_eq!(full, "the last phase leaves no room in the run's 100 steps for another: lengthen the run or the horizon first");
        // A schedule ending before a fixed run's end: the new phase ends with the run at most.
        let mut short = Settings {
            horizon: 100.0,
            t_max: 90.0,
            ..Settings::default()
        };
        short.edit_phases(PhaseEdit::Append).expect("appends");
        let p = phases(&short);
        assert_eq!(p.boundaries, vec![90.0]);
        assert_eq!(p.length(), 100.0);
        // The automatic horizon grows to show a phase added after the schedule's end.
        let mut auto = Settings::default();
        auto.edit_phases(PhaseEdit::Append).expect("appends");
        assert_eq!(phases(&auto).boundaries, vec![100.0]);
    }

    #[test]
    fn a_bad_edit_is_refused_with_its_reason_and_changes_nothing() {
        let mut s = Settings::default();
        s.edit_phases(PhaseEdit::Kind(0, FamilyKind::Step))
            .expect("retypes");
        let before = s.phases.clone();
        let err = s
            .edit_phases(PhaseEdit::Param(0, 0, ParamValue::Num(-1.0)))
            .unwrap_err();
        assert!(err.contains("lr"), "{err}");
        assert_eq!(s.phases, before);
        assert!(s.edit_phases(PhaseEdit::Start(0, 5.0)).is_err());
        assert!(s.edit_phases(PhaseEdit::Remove(0)).is_err());
        assert!(s.edit_phases(PhaseEdit::Earlier(0)).is_err());
        assert!(s.edit_phases(PhaseEdit::Kind(7, FamilyKind::Step)).is_err());
    }

    #[test]
    fn the_cosine_controls_count_only_while_a_phase_is_theirs() {
        let mut s = Settings::default();
        assert!(s.uses_cosine_controls());
        s.edit_phases(PhaseEdit::Append).expect("appends");
        assert!(s.uses_cosine_controls());
        s.edit_phases(PhaseEdit::Kind(0, FamilyKind::Constant))
            .expect("retypes");
        assert!(!s.uses_cosine_controls(), "{}", s.phases);
    }

    #[test]
    fn every_family_can_follow_every_other_with_round_numbers() {
        let mut s = Settings {
            phases: "linear(0.1,0.001,100)".into(),
            ..Settings::default()
        };
        for _ in 0..2 {
            for kind in FamilyKind::ALL {
                s.edit_phases(PhaseEdit::Kind(0, kind))
                    .unwrap_or_else(|e| panic!("{kind:?} after {}: {e}", s.phases));
                assert!(!s.phases.contains("99999"), "{}", s.phases);
            }
        }
    }

    #[test]
    fn moving_a_phase_earlier_keeps_both_spans() {
        let mut s = Settings::default();
        s.edit_phases(PhaseEdit::Append).expect("appends");
        s.edit_phases(PhaseEdit::Earlier(1)).expect("moves");
        let p = phases(&s);
        assert_eq!(p.phases[0].kind(), FamilyKind::Linear);
        assert_eq!(p.phases[1].kind(), FamilyKind::Cosine);
    }
}
