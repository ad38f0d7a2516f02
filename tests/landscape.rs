//! The landscape lab's core: gradients, minima, optimizers' runs and the restart demonstration.

use anneal::landscape::*;
use anneal::share::Settings;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The app's default runs: the explorer's default schedule and the lab's default settings.
fn default_runs() -> (RunSpec, [Contender; 3]) {
    let settings = Settings::default();
    let (spec, notice) = settings.lab.spec();
    assert_eq!(notice, None);
    let r = settings.resolve();
    let contenders = contenders(
        &r.schedule,
        &r.phases,
        r.run_steps,
        settings.lab.steps(),
        settings.lab.lab_lr,
    );
    (spec, contenders)
}

#[test]
fn gradients_match_central_differences_on_every_surface() {
    for surface in Surface::ALL {
        let ([x0, x1], [y0, y1]) = surface.domain();
        for i in 0..=12 {
            for j in 0..=12 {
                let p = [
                    x0 + (x1 - x0) * (i as f64 + 0.37) / 13.0,
                    y0 + (y1 - y0) * (j as f64 + 0.61) / 13.0,
                ];
                let g = surface.eval(p).1;
                let h = 1e-6;
                for (k, gk) in g.iter().enumerate() {
                    let (mut a, mut b) = (p, p);
                    a[k] += h;
                    b[k] -= h;
                    let fd = (surface.value(a) - surface.value(b)) / (2.0 * h);
                    let tol = 1e-5 * (1.0 + gk.abs());
                    assert!(
                        (fd - gk).abs() <= tol,
                        "{surface:?} at {p:?}: ∂{k} analytic {gk}, differences {fd}"
                    );
                }
            }
        }
    }
}

#[test]
fn minima_read_as_their_published_values() {
    // Himmelblau's four minima are 0: their numerical trace (≈ 1e-31) must not reach the page.
    for m in Surface::Himmelblau.minima() {
        assert_eq!(m.shown().0, "0");
    }
    let (value, curvature) = Surface::Valley.minima()[0].shown();
    assert!(
        value.len() <= 6 && curvature.len() <= 6,
        "{value} {curvature}"
    );
}

#[test]
fn known_minima_are_minima_with_the_published_values() {
    for surface in Surface::ALL {
        let minima = surface.minima();
        assert!(
            minima.iter().any(|m| m.global),
            "{surface:?} has a global minimum"
        );
        for m in minima {
            let g = surface.eval(m.at).1;
            assert!(
                g[0].abs() < 1e-8 && g[1].abs() < 1e-8,
                "{surface:?} {m:?}: ∇ = {g:?}"
            );
            assert!(
                surface.curvatures(m.at)[0] > 0.0,
                "{surface:?} {m:?} is a minimum"
            );
            if m.global {
                assert!(m.value - surface.lowest() < 1e-12, "{surface:?} {m:?}");
            }
        }
    }
    let st = Surface::StyblinskiTang.minima();
    let close = |a: f64, b: f64| (a - b).abs() < 5e-4;
    assert!(close(st[0].value, -78.332) && close(st[0].at[0], -2.9035));
    assert!(close(st[1].value, -64.196) && close(st[3].value, -50.059));
    assert!(close(Surface::SixHumpCamel.lowest(), -1.0316));
    assert!(Surface::Himmelblau
        .minima()
        .iter()
        .all(|m| m.value.abs() < 1e-20));
    assert_eq!(Surface::Rosenbrock.minima()[0].at, [1.0, 1.0]);
}

#[test]
fn descent_settles_each_minimum_into_itself() {
    for surface in Surface::ALL {
        for (i, m) in surface.minima().iter().enumerate() {
            let near = [m.at[0] + 0.01, m.at[1] - 0.01];
            assert_eq!(settle(surface, near), Some(i), "{surface:?} {m:?}");
        }
    }
}

#[test]
fn lattice_cells_are_descents_from_their_centres_and_off_the_lattice_is_none() {
    for surface in [Surface::Valley, Surface::Rastrigin, Surface::StyblinskiTang] {
        let basins = Basins::new(surface);
        let ([x0, x1], [y0, y1]) = surface.domain();
        for (i, j) in [(0, 0), (5, 60), (31, 32), (63, 63), (17, 44)] {
            let centre = [
                x0 + (i as f64 + 0.5) * (x1 - x0) / 64.0,
                y0 + (j as f64 + 0.5) * (y1 - y0) / 64.0,
            ];
            assert_eq!(
                basins.lookup(centre),
                settle(surface, centre),
                "{surface:?} {i},{j}"
            );
            assert!(basins.lookup(centre).is_some());
        }
        assert_eq!(basins.lookup([x1 + 0.1 * (x1 - x0), y0]), None);
    }
}

#[test]
fn rastrigin_minima_settle_into_themselves_from_off_centre() {
    // Descent stops when the value stops falling (most Rastrigin minima sit where the
    // gradient test never passes); stopping early must not change the basin.
    let s = Surface::Rastrigin;
    for (i, m) in s.minima().iter().enumerate() {
        assert_eq!(settle(s, [m.at[0] + 0.2, m.at[1] - 0.2]), Some(i), "{m:?}");
    }
}

#[test]
fn the_valley_is_built_as_promised() {
    let s = Surface::Valley;
    let [trap, medium, wide] = [s.minima()[0], s.minima()[1], s.minima()[2]];
    let sharp = |m: Minimum| s.curvatures(m.at)[1];
    // Shallow trap, medium well, deep wide basin.
    assert!(trap.value > medium.value && medium.value > wide.value && wide.global);
    // The default η_max (0.1) is above 2/λ of the trap and the medium well, below the wide one's.
    let eta_max = Settings::default().eta_max;
    assert!(eta_max > 2.0 / sharp(trap) && eta_max > 2.0 / sharp(medium));
    assert!(eta_max < 2.0 / sharp(wide));
    // The constant run's rate is one the trap tolerates.
    assert!(Settings::default().lab.lab_lr < 2.0 / sharp(trap));
    // The default start sits in the trap's basin.
    assert_eq!(settle(s, s.default_start()), Some(0));
}

#[test]
fn seeded_runs_repeat_exactly_and_seeds_differ() {
    let (spec, c) = default_runs();
    let a = run(&spec, &c[2].lrs);
    let b = run(&spec, &c[2].lrs);
    assert_eq!(a, b);
    let other = run(&RunSpec { seed: 1, ..spec }, &c[2].lrs);
    assert_ne!(a.path, other.path);
    assert_eq!(a.path.len(), 1501);
    assert_eq!(a.stop, Stop::Completed);
}

/// One draw of the noise serves runs of any length up to it: the three schedules, every start
/// of a basin map and every drag share it, and get the paths they would get alone.
#[test]
fn shared_noise_gives_each_run_its_own_path() {
    let (spec, c) = default_runs();
    let long = Noise::of(&spec, 4000);
    for c in &c {
        assert_eq!(run_with(&spec, &c.lrs, &long), run(&spec, &c.lrs));
        let short = &c.lrs[..700];
        assert_eq!(run_with(&spec, short, &long), run(&spec, short));
    }
    let moved = RunSpec {
        start: [spec.start[0] + 0.3, spec.start[1] - 0.2],
        ..spec
    };
    assert_eq!(run_with(&moved, &c[1].lrs, &long), run(&moved, &c[1].lrs));
    assert_ne!(
        run_with(&spec, &c[0].lrs, &Noise::default()),
        run(&spec, &c[0].lrs)
    );
    assert_eq!(Noise::new(3, 0.0, 10), Noise::default());
    assert_eq!(Noise::new(3, f64::NAN, 10), Noise::default());
    assert_ne!(Noise::new(3, 0.5, 10), Noise::new(4, 0.5, 10));
}

#[test]
fn runs_stop_at_the_first_bad_iterate_and_say_why() {
    // Rosenbrock's walls are steep: η = 0.1 throws the iterate out at once.
    let spec = RunSpec {
        surface: Surface::Rosenbrock,
        optimizer: Optimizer::default(),
        start: Surface::Rosenbrock.default_start(),
        noise: 0.0,
        seed: 0,
        clip: 0.0,
    };
    let r = run(&spec, &[0.1; 500]);
    let Stop::LeftBox(t) = r.stop else {
        panic!("expected the run to leave the box, got {:?}", r.stop)
    };
    assert_eq!(r.path.len(), t);
    assert!(r.path.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    assert_eq!(
        r.stop.message(),
        Some(format!("left the surface at step {t}"))
    );
    // Clipping the gradient norm tames it.
    let clipped = run(&RunSpec { clip: 1.0, ..spec }, &[0.001; 500]);
    assert_eq!(clipped.stop, Stop::Completed);
    // An infinite learning rate makes the first iterate non-finite.
    let inf = run(&spec, &[f64::INFINITY; 3]);
    assert_eq!(inf.stop, Stop::Diverged(1));
    assert_eq!(inf.stop.message().as_deref(), Some("diverged at step 1"));
}

/// The share of 100 seeds for each contender, from real runs.
fn shares(spec: RunSpec, contenders: &[Contender; 3]) -> Vec<Tally> {
    let mut e = Experiment::new(
        spec,
        contenders.to_vec(),
        std::sync::Arc::new(Basins::new(spec.surface)),
        100,
    );
    assert!(e.advance(100));
    e.tallies
}

#[test]
fn warm_restarts_escape_the_sharp_trap_that_holds_a_constant_rate() {
    let (spec, c) = default_runs();
    let [constant, cosine, sgdr] = shares(spec, &c)[..] else {
        unreachable!()
    };
    println!("constant: {constant:?}\ncosine:   {cosine:?}\nsgdr:     {sgdr:?}");
    assert!(
        constant.stayed >= 90,
        "constant stays in the trap: {constant:?}"
    );
    assert!(sgdr.global >= 70, "SGDR reaches the wide basin: {sgdr:?}");
    assert!(
        sgdr.diverse_snapshots >= 50,
        "snapshots in ≥ 2 minima: {sgdr:?}"
    );
    // Measured, not required: a single long cosine with the same peak escapes too.
    assert_eq!(cosine.stopped, 0);
    // The default run itself shows the snapshot-ensemble picture.
    let r = run(&spec, &c[2].lrs);
    let o = outcome(&r, &Basins::new(spec.surface), &c[2].cycle_ends);
    assert!(o.distinct_snapshot_minima() >= 2, "{:?}", o.snapshots);
    assert!(o.changes >= 2);
}

#[test]
fn styblinski_tang_from_its_default_start_is_measured() {
    let (_, c) = default_runs();
    let s = Surface::StyblinskiTang;
    let spec = RunSpec {
        start: s.default_start(),
        surface: s,
        ..default_runs().0
    };
    let tallies = shares(spec, &c);
    println!("Styblinski–Tang: {tallies:?}");
    assert_eq!(tallies.len(), 3);
}

/// Final points of the three default runs (1,500 noisy steps each), as bits.
const DEFAULT_ENDS: [[u64; 2]; 3] = [
    [0xbfffc8960651a61a, 0x3ff800619fccd3e1],
    [0x3ffcaaf1fd2387f6, 0x3fe2f7710d0572c3],
    [0x3ffc68af4abf7f38, 0x3fe30d5b0f708383],
];

fn assert_default_ends() {
    let (spec, c) = default_runs();
    for (c, want) in c.iter().zip(DEFAULT_ENDS) {
        let p = *run(&spec, &c.lrs).path.last().expect("a path");
        assert_eq!([p[0].to_bits(), p[1].to_bits()], want, "{}: {p:?}", c.label);
    }
}

/// The same seed gives the same path natively…
#[test]
fn seeded_paths_are_fixed_bit_for_bit() {
    assert_default_ends();
}

/// …and in the browser, where the platform's libm differs but the `libm` crate does not.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn seeded_paths_are_the_same_bits_in_the_browser() {
    assert_default_ends();
}

#[test]
fn a_schedule_of_phases_is_raced_as_it_is_in_place_of_the_restarts() {
    let text = "linear(0,0.1,100)!100!constant(0.1)!600!linear(0.1,0.001,300)";
    let phases = anneal::schedule::Schedule::parse(text, &Default::default()).expect("parses");
    let cosine = Settings {
        eta_max: 0.5,
        ..Settings::default()
    }
    .resolve();
    let [constant, one, yours] =
        contenders(&cosine.schedule, &phases, cosine.run_steps, 1500, 0.05);
    assert_eq!(constant.lrs, vec![0.05; 1500]);
    assert_eq!(one.label, "cosine");
    assert_eq!(
        one.lrs[0], 0.1,
        "one cosine from the phases' peak, not the sliders'"
    );
    assert!(one.lrs[1499] < 1e-6);
    assert_eq!(yours.label, YOUR_SCHEDULE);
    assert_eq!(
        (yours.lrs[0], yours.lrs[100], yours.lrs[550]),
        (0.0, 0.1, 0.1)
    );
    assert!((0..1500).all(|t| yours.lrs[t] == phases.lr(t as f64)));
    assert_eq!(
        yours.cycle_ends,
        vec![100, 600],
        "a snapshot where each phase ends"
    );
    // The sliders' cosine alone is still raced with its restarts; a lone cosine phase of its own
    // numbers is raced as it is.
    let [_, _, sgdr] = contenders(
        &cosine.schedule,
        &cosine.phases,
        cosine.run_steps,
        1500,
        0.05,
    );
    assert_eq!(sgdr.label, "cosine + warm restarts");
    let own = anneal::schedule::Schedule::parse("cosine(0.5,0,abs,50)", &Default::default())
        .expect("parses");
    let [_, _, lone] = contenders(&cosine.schedule, &own, cosine.run_steps, 1500, 0.05);
    assert_eq!((lone.label, lone.lrs[0]), (YOUR_SCHEDULE, 0.5));
}
