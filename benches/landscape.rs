//! What a surface change costs in the lab (native only: criterion does not run in wasm):
//! a fresh basin lattice, the three default runs and their outcomes.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};

    use anneal::landscape::{contenders, outcome, run, Basins, Surface};
    use anneal::share::Settings;

    fn surface_change(c: &mut Criterion) {
        let mut group = c.benchmark_group("landscape");
        for surface in [Surface::Valley, Surface::Rastrigin] {
            let mut settings = Settings::default();
            settings.lab.surface = surface;
            let (spec, _) = settings.lab.spec();
            let r = settings.resolve();
            let runs = contenders(
                &r.schedule,
                &r.phases,
                r.run_steps,
                settings.lab.steps(),
                settings.lab.lab_lr,
            );
            let _ = surface.minima();
            group.bench_function(format!("surface_change_{}", surface.name()), |b| {
                b.iter(|| {
                    let basins = Basins::new(black_box(surface));
                    runs.iter()
                        .map(|c| outcome(&run(&spec, &c.lrs), &basins, &c.cycle_ends))
                        .collect::<Vec<_>>()
                })
            });
        }
        group.finish();
    }

    criterion_group!(benches, surface_change);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
