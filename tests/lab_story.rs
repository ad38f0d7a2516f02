//! The lab's story: where restarts win, each rule's rest limit, a schedule fitted to the lab's
//! run, and the escape table's shares.

use anneal::landscape::*;
use anneal::schedule::Anneal;
use anneal::share::Settings;

/// The late-traps runs with the app's default schedule and lab settings.
fn late_traps() -> (RunSpec, [Contender; 3]) {
    let settings = Settings::default();
    let s = Surface::LateTraps;
    let lab = settings.lab.clone().with_surface(s);
    let (spec, notice) = lab.spec();
    assert_eq!(notice, None);
    let r = settings.resolve();
    let c = contenders(&r.schedule, &r.phases, r.run_steps, lab.steps(), lab.lab_lr);
    (spec, c)
}

/// The share of 100 seeds for each contender, from real runs.
fn shares(spec: RunSpec, contenders: &[Contender; 3]) -> [Tally; 3] {
    let mut e = Experiment::new(
        spec,
        contenders.to_vec(),
        std::sync::Arc::new(Basins::new(spec.surface)),
        100,
    );
    assert!(e.advance(100));
    [e.tallies[0], e.tallies[1], e.tallies[2]]
}

/// The late-traps surface from its default start, with the default schedule and lab: the
/// figures the README quotes. Restarts must leave the traps clearly more often than one cosine
/// with the same peak and steps (at least 20 points).
#[test]
fn late_traps_are_left_by_restarts_and_hold_one_cosine() {
    let (spec, c) = late_traps();
    let s = spec.surface;
    let [constant, cosine, sgdr] = shares(spec, &c);
    println!("late traps:\nconstant: {constant:?}\ncosine:   {cosine:?}\nsgdr:     {sgdr:?}");
    assert!(
        sgdr.global >= cosine.global + 20,
        "restarts reach the global basin more often: {sgdr:?} vs {cosine:?}"
    );
    assert!(
        cosine.stayed >= sgdr.stayed + 20,
        "one cosine stays in the first trap more often: {cosine:?} vs {sgdr:?}"
    );
    assert_eq!(cosine.stopped + sgdr.stopped, 0);
    // The traps are sharp and the global basin wide: the default peak is above 2/λ of every
    // trap and below the global basin's.
    let eta_max = Settings::default().eta_max;
    for m in s.minima() {
        let limit = 2.0 / s.curvatures(m.at)[1];
        assert_eq!(eta_max < limit, m.global, "{m:?}: 2/λ = {limit}");
    }
}

/// Each rule's rest limit is where it stops holding a quadratic minimum: just below, the
/// iterate settles; just above, it is thrown out.
#[test]
fn rest_limits_split_settling_from_being_thrown_out() {
    for rule in [Rule::Sgd, Rule::Momentum, Rule::Nesterov] {
        for beta in [0.0, 0.5, 0.9] {
            let opt = Optimizer {
                rule,
                beta,
                ..Optimizer::default()
            };
            let lambda = 37.0;
            let limit = opt.rest_limit(lambda).expect("a limit");
            let end = |lr: f64| {
                let mut state = opt.start();
                let mut p = [0.1, 0.0];
                for _ in 0..3000 {
                    let d = opt.step(&mut state, [lambda * p[0], 0.0], lr);
                    p[0] += d[0];
                }
                p[0].abs()
            };
            assert!(end(0.99 * limit) < 1e-3, "{rule:?} β {beta} below {limit}");
            assert!(end(1.01 * limit) > 1.0, "{rule:?} β {beta} above {limit}");
        }
    }
    assert_eq!(
        Optimizer {
            rule: Rule::Adam,
            ..Optimizer::default()
        }
        .rest_limit(10.0),
        None
    );
}

/// Every seed is counted once: global, stayed, another local minimum or diverged.
#[test]
fn escape_shares_add_up_to_every_seed() {
    let (spec, c) = late_traps();
    for t in shares(spec, &c) {
        assert_eq!(t.global + t.stayed + t.other + t.stopped, 100, "{t:?}");
    }
    // From the global basin nothing counts as "stayed": it is a global ending.
    let global = spec
        .surface
        .minima()
        .iter()
        .find(|m| m.global)
        .expect("a global");
    let at_global = RunSpec {
        start: global.at,
        ..spec
    };
    for t in shares(at_global, &c) {
        assert_eq!((t.global, t.stayed), (100, 0), "{t:?}");
    }
}

/// The SGDR preset's T_0 of 3,910 steps never restarts in the lab's 1,500: its run of 78,200
/// steps is scaled onto them, so T_0 is 75 there. A T_0 that fits is left alone.
#[test]
fn a_schedule_without_a_restart_in_the_lab_is_fitted_to_its_run() {
    let sgdr = Anneal {
        eta_max: 0.05,
        t_0: 3910.0,
        restarts: true,
        t_mult: 2.0,
        ..Anneal::default()
    };
    let fitted = fit_to_run(&sgdr, 78_200.0, 1500).expect("fitted");
    assert!((fitted.t_0 - 75.0).abs() < 1e-9, "{}", fitted.t_0);
    assert_eq!((fitted.eta_max, fitted.t_mult), (0.05, 2.0));
    // The explorer's own schedule goes in; the lab races it fitted, under its own name.
    let phases = anneal::schedule::Schedule {
        phases: vec![anneal::schedule::Family::Cosine(sgdr.clone())],
        boundaries: vec![],
    };
    let [_, _, restarts] = contenders(&sgdr, &phases, 78_200.0, 1500, 0.03);
    assert_eq!(restarts.label, "cosine + warm restarts");
    assert_eq!(restarts.cycle_ends[..3], [75, 225, 525]);
    assert_eq!(restarts.lrs[75], 0.05, "restarted at its peak");
    let short = Anneal { t_0: 100.0, ..sgdr };
    assert_eq!(fit_to_run(&short, 78_200.0, 1500), None);
    // A run no longer than the lab's is not stretched.
    assert_eq!(
        fit_to_run(
            &Anneal {
                t_0: 3910.0,
                ..short
            },
            1000.0,
            1500
        ),
        None
    );
}
