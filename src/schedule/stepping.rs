//! The stepping pitfall: where `scheduler.step()` is called decides what a schedule does. A
//! schedule written in optimizer steps but stepped once per epoch barely moves; one written in
//! epochs but stepped every batch is over after as many optimizer steps as it has epochs.

use super::{Family, Pitfall, Schedule, ScheduleCache};
use crate::format::{quantity, shown};

/// Points drawn at most (two per epoch); longer runs show every k-th epoch, each exact.
const MAX_POINTS: usize = 8_000;

/// The times the loop has stepped a scheduler by optimizer step `step`, when it steps it once
/// every `every` optimizer steps (1, or an epoch's): through epoch e, e times.
pub fn scheduler_step(step: f64, every: f64) -> f64 {
    (step / every).floor()
}

/// (step, η) of `s` with its scheduler stepped once every `per_epoch` optimizer steps, over
/// [0, end]: through epoch e training sees the schedule's value at count e. Up to
/// [`MAX_POINTS`] / 2 epochs it is the staircase training sees (two points an epoch, `true`);
/// longer runs give every k-th epoch's value at its first step, to draw (`false`: between those
/// points the value is not the one shown). Empty when an epoch is a single step (nothing
/// differs) or the figures are not usable.
pub fn stepped_per_epoch(s: &Schedule, per_epoch: f64, end: f64) -> (Vec<(f64, f64)>, bool) {
    if !(per_epoch >= 2.0 && per_epoch.is_finite() && end.is_finite() && end > 0.0) {
        return (Vec::new(), false);
    }
    let epochs = (end / per_epoch).ceil();
    let stride = (2.0 * epochs / MAX_POINTS as f64).ceil().max(1.0);
    let staircase = stride == 1.0;
    let mut cache = ScheduleCache::default();
    let mut firsts = Vec::with_capacity(MAX_POINTS / 2 + 2);
    let mut e = 0.0;
    while e * per_epoch <= end {
        firsts.push((e * per_epoch, s.lr_cached(e, &mut cache)));
        e += stride;
    }
    if staircase {
        (held(firsts, per_epoch, end), true)
    } else {
        (firsts, false)
    }
}

/// `firsts`, each epoch's rate at its first optimizer step, each held to the next epoch's first
/// step and the last to `end`: the staircase training sees of a scheduler stepped once every
/// `every` optimizer steps.
pub fn held(firsts: Vec<(f64, f64)>, every: f64, end: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(2 * firsts.len());
    for (from, v) in firsts {
        out.push((from, v));
        let to = (from + every).min(end);
        if to > from {
            out.push((to, v));
        }
    }
    out
}

/// A schedule that ends within as many optimizer steps as the run has epochs looks written for
/// per-epoch stepping (`T_max = epochs`) while it is stepped every batch: flag where it ends.
/// Only a schedule that does end: not one that holds a constant or cycles on without end.
/// `per_epoch` and `total` are the run's optimizer steps per epoch and in all.
pub fn stepping_pitfall(s: &Schedule, per_epoch: f64, total: f64) -> Option<Pitfall> {
    let ends = match s.phases.last() {
        Some(Family::Constant(_) | Family::Cyclic(_)) | None => false,
        Some(Family::Cosine(a)) => a.cycles_run().is_some(),
        Some(_) => true,
    };
    let len = s.length();
    let epochs = total / per_epoch;
    if !(ends && per_epoch >= 2.0 && len > 0.0 && len <= epochs.ceil() && len < total) {
        return None;
    }
    let n = shown(len);
    Some(Pitfall {
        at: len,
        title: "A length in epochs, stepped every batch?",
        detail: format!(
            "The schedule ends at step {n}, yet training runs {} of {} ({} optimizer steps). \
             A scheduler written for one step per epoch (T_max = {n}) runs out after {} when \
             scheduler.step() is called every batch, as drawn. Give its lengths in optimizer \
             steps ({} here), or step it once per epoch: the 'scheduler.step() once per epoch' \
             view draws that.",
            quantity(epochs, "epoch"),
            quantity(per_epoch, "step"),
            shown(total),
            quantity(len, "optimizer step"),
            shown(len * per_epoch),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Anneal, Family};

    fn cosine(t_max: f64) -> Schedule {
        Schedule::single(Family::Cosine(Anneal {
            t_0: t_max,
            restarts: false,
            ..Anneal::default()
        }))
    }

    #[test]
    fn stepped_per_epoch_holds_the_count_of_whole_epochs() {
        // 2346 steps at 782 an epoch: the scheduler sees counts 0, 1, 2 (and 3 at the very end).
        let s = cosine(2346.0);
        let (pts, staircase) = stepped_per_epoch(&s, 782.0, 2346.0);
        assert!(staircase);
        assert_eq!(pts[0], (0.0, s.lr(0.0)));
        assert_eq!(pts[1], (782.0, s.lr(0.0)));
        assert_eq!(pts[2], (782.0, s.lr(1.0)));
        assert_eq!(pts[5], (2346.0, s.lr(2.0)));
        assert_eq!(pts.last(), Some(&(2346.0, s.lr(3.0))));
        // It never gets far from the peak: the run's whole cosine is drawn out over 3 counts.
        assert!(pts.iter().all(|p| p.1 > 0.0999));
        // Every value is the schedule's at a whole count, staircase-wise.
        for w in pts.windows(2) {
            assert!(w[0].0 <= w[1].0);
        }
    }

    #[test]
    fn long_runs_are_strided_and_trivial_epochs_draw_nothing() {
        let s = cosine(1e6);
        let (pts, staircase) = stepped_per_epoch(&s, 2.0, 1e6);
        assert!(!staircase, "strided: not held between points");
        assert!(pts.len() <= MAX_POINTS + 2, "{}", pts.len());
        assert!(pts.iter().all(|p| p.1 == s.lr(p.0 / 2.0)));
        assert!(stepped_per_epoch(&s, 1.0, 100.0).0.is_empty());
        assert!(stepped_per_epoch(&s, f64::NAN, 100.0).0.is_empty());
    }

    #[test]
    fn a_length_equal_to_the_epochs_is_flagged_where_it_ends() {
        let f = stepping_pitfall(&cosine(3.0), 782.0, 2346.0).expect("flagged");
        assert_eq!(f.at, 3.0);
        assert!(f
            .detail
            .contains("training runs 3 epochs of 782 steps (2346 optimizer steps)"));
        assert!(f.detail.contains("runs out after 3 optimizer steps"));
        assert!(f.detail.contains("(2346 here)"));
        // A length in optimizer steps is the normal case: no flag.
        assert_eq!(stepping_pitfall(&cosine(2346.0), 782.0, 2346.0), None);
        assert_eq!(stepping_pitfall(&cosine(3.0), 1.0, 3.0), None);
        // A warm-up into a constant, or restarts without end, does not end: no flag.
        let held = Schedule::parse("linear(0,0.1,100)!100!constant(0.1)", &Anneal::default())
            .expect("phases");
        assert_eq!(stepping_pitfall(&held, 500.0, 100_000.0), None);
        let forever = Schedule::single(Family::Cosine(Anneal {
            t_0: 10.0,
            restarts: true,
            ..Anneal::default()
        }));
        assert_eq!(stepping_pitfall(&forever, 500.0, 50_000.0), None);
        // Lengths with float noise read cleanly.
        let noisy = Schedule::single(Family::Cosine(Anneal {
            t_0: 10.0,
            restarts: true,
            t_mult: 1.1,
            cycle_limit: Some(3),
            ..Anneal::default()
        }));
        let f = stepping_pitfall(&noisy, 500.0, 25_000.0).expect("flagged");
        assert!(f.detail.contains("ends at step 33.1,"), "{}", f.detail);
        assert!(f.detail.contains("(16550 here)"), "{}", f.detail);
    }
}
