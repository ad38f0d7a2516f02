//! A long race spread over frames must be the race run at once: a run taken a piece at a time,
//! and its outcome judged a piece at a time, equal the one-shot run and verdict exactly.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use anneal::landscape::*;
use anneal::share::Settings;
use proptest::prelude::*;

/// The lab's three schedules over `steps` steps (restarts on, so the third has cycle ends).
fn lanes(steps: usize, constant: f64) -> Vec<Contender> {
    let settings = Settings {
        restarts: true,
        t_max: 50.0,
        ..Settings::default()
    };
    let r = settings.resolve();
    contenders(&r.schedule, &r.phases, r.run_steps, steps, constant).to_vec()
}

fn spec(surface: Surface, rule: Rule, noise: f64) -> RunSpec {
    RunSpec {
        surface,
        optimizer: Optimizer {
            rule,
            ..Optimizer::default()
        },
        start: surface.default_start(),
        noise,
        seed: 7,
        clip: 0.0,
    }
}

/// The verdict as defined: every point looked up, a snapshot at each cycle end before the last
/// point, the last point's basin when the run completed.
fn reference_outcome(run: &Run, surface: Surface, basins: &Basins, ends: &[usize]) -> Outcome {
    let mut changes = 0;
    let mut last = None;
    for &p in &run.path {
        let b = basins.lookup(p);
        if last.is_some() && b.is_some() && b != last {
            changes += 1;
        }
        last = b.or(last);
    }
    let end = run.path.len().saturating_sub(1);
    let snap = |step: usize| Snapshot {
        step,
        at: run.path[step],
        basin: settle(surface, run.path[step]),
    };
    let mut snapshots: Vec<Snapshot> = ends
        .iter()
        .copied()
        .filter(|&s| s < end)
        .map(snap)
        .collect();
    let completed = run.stop == Stop::Completed && !run.path.is_empty();
    if completed {
        snapshots.push(snap(end));
    }
    Outcome {
        basin: completed.then(|| settle(surface, run.path[end])).flatten(),
        final_loss: run.loss.last().copied().unwrap_or(f64::NAN),
        changes,
        snapshots,
    }
}

/// Float fields compared by bits, so a NaN loss (a run that never started) compares equal.
fn same_outcome(a: &Outcome, b: &Outcome) -> bool {
    a.basin == b.basin
        && a.final_loss.to_bits() == b.final_loss.to_bits()
        && a.changes == b.changes
        && a.snapshots == b.snapshots
}

#[test]
fn a_race_run_in_pieces_is_the_race_run_at_once() {
    let cases = [
        (spec(Surface::Valley, Rule::Sgd, 0.0), 300, 0.05),
        (spec(Surface::Rastrigin, Rule::Momentum, 2.0), 5_000, 0.01),
        // The constant rate throws the iterate out: a lane that stops early.
        (spec(Surface::Rosenbrock, Rule::Sgd, 0.0), 2_000, 0.1),
        (spec(Surface::LateTraps, Rule::Adam, 0.5), 4_000, 0.05),
    ];
    for (spec, steps, constant) in cases {
        let lanes = lanes(steps, constant);
        assert!(lanes[2].cycle_ends.len() > 1, "restarts give cycle ends");
        let noise = Noise::of(&spec, steps);
        let basins = Arc::new(Basins::new(spec.surface));
        let mut race = Race::new(spec, lanes.clone(), noise.clone(), basins.clone());
        let mut pieces = 1;
        let mut fractions = vec![race.fraction()];
        while !race.step() {
            pieces += 1;
            fractions.push(race.fraction());
        }
        // Long lanes that run to the end take many pieces; every lane takes at least one.
        let long = steps >= 4_000;
        assert!(
            pieces >= lanes.len() && (!long || pieces > 10),
            "{steps} steps: {pieces} pieces"
        );
        assert!(fractions.windows(2).all(|w| w[0] <= w[1]) && fractions[0] == 0.0);
        let done = race.finish();
        assert_eq!(done.len(), lanes.len());
        for ((run, outcome), lane) in done.iter().zip(&lanes) {
            let once = run_with(&spec, &lane.lrs, &noise);
            assert_eq!(run, &once);
            let reference = reference_outcome(&once, spec.surface, &basins, &lane.cycle_ends);
            assert!(
                same_outcome(outcome, &reference),
                "{outcome:?} vs {reference:?}"
            );
            assert!(same_outcome(
                &outcome_of(&once, &basins, &lane.cycle_ends),
                &reference
            ));
        }
        if spec.surface == Surface::Rosenbrock {
            assert!(
                matches!(done[0].0.stop, Stop::LeftBox(_)),
                "{:?}",
                done[0].0.stop
            );
        }
    }
}

fn outcome_of(run: &Run, basins: &Basins, ends: &[usize]) -> Outcome {
    outcome(run, basins, ends)
}

#[test]
fn a_start_that_is_not_a_number_ends_every_lane_at_step_0() {
    let spec = RunSpec {
        start: [f64::NAN, 0.0],
        ..spec(Surface::Valley, Rule::Sgd, 0.0)
    };
    let lanes = lanes(100, 0.05);
    let basins = Arc::new(Basins::new(spec.surface));
    let mut race = Race::new(spec, lanes, Noise::of(&spec, 100), basins);
    while !race.step() {}
    let done = race.finish();
    assert!(done.iter().all(|(r, o)| r.stop == Stop::Diverged(0)
        && r.path.is_empty()
        && o.basin.is_none()
        && o.snapshots.is_empty()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_run_taken_in_any_pieces_is_the_run_taken_at_once(
        surface in prop::sample::select(Surface::ALL.to_vec()),
        rule in prop::sample::select(Rule::ALL.to_vec()),
        lr in 1e-4f64..0.5,
        noise in prop::sample::select(vec![0.0, 0.3, 3.0]),
        pieces in prop::collection::vec(0usize..400, 1..12),
        unsorted in any::<bool>(),
    ) {
        let spec = spec(surface, rule, noise);
        let steps = 600;
        let lrs: Vec<f64> = (0..steps).map(|t| lr * (1.0 + (t as f64 / 50.0).cos()) / 2.0).collect();
        let noise = Noise::of(&spec, steps);
        let mut runner = Runner::new(&spec, steps);
        let mut judge = Judge::default();
        let mut ends: Vec<usize> = vec![100, 250, 420, 599];
        if unsorted {
            ends.reverse();
        }
        let basins = Basins::new(surface);
        for &n in pieces.iter().cycle().take(400) {
            let over = runner.advance(&spec, &lrs, &noise, n);
            let judged = judge.observe(runner.path(), &basins, &ends, n);
            if over && judged {
                break;
            }
        }
        while !runner.advance(&spec, &lrs, &noise, 1) {}
        while !judge.observe(runner.path(), &basins, &ends, 1) {}
        let run = runner.finish();
        let once = run_with(&spec, &lrs, &noise);
        prop_assert_eq!(&run, &once);
        let verdict = judge.finish(&run, &basins, &ends);
        let reference = reference_outcome(&once, surface, &basins, &ends);
        prop_assert!(same_outcome(&verdict, &reference), "{:?} vs {:?}", verdict, reference);
    }
}
