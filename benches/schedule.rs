//! Sampling speed of the schedule core (native only: criterion does not run in wasm).
//! Target: ≤ 10 ns per step for SGDR with warm-up and peak decay.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion, Throughput};

    use anneal::schedule::frameworks::torch::CosineAnnealing;
    use anneal::schedule::{Anneal, Warmup};

    const STEPS: usize = 1_000_000;

    fn sgdr_with_warmup_and_decay() -> Anneal {
        Anneal {
            eta_max: 0.1,
            eta_min: 1e-5,
            t_0: 10_000.0,
            restarts: true,
            t_mult: 2.0,
            decay: 0.8,
            warmup: Warmup {
                length: 2_000.0,
                start: 1e-4,
                ..Warmup::default()
            },
            ..Anneal::default()
        }
    }

    fn sample_sgdr(c: &mut Criterion) {
        let schedule = sgdr_with_warmup_and_decay();
        assert!(schedule.validate().is_ok());
        let mut group = c.benchmark_group("schedule");
        group.throughput(Throughput::Elements(STEPS as u64));
        group.bench_function("sgdr_warmup_decay_1m_steps", |b| {
            b.iter(|| black_box(&schedule).sample(0.0, (STEPS - 1) as f64, STEPS))
        });
        group.bench_function("sgdr_warmup_decay_1m_pointwise", |b| {
            b.iter(|| {
                let s = black_box(&schedule);
                (0..STEPS).map(|t| s.lr(t as f64)).sum::<f64>()
            })
        });
        // What the page's framework curves do for T_max = 10⁶: PyTorch's recursive
        // CosineAnnealingLR stepped one step at a time.
        let torch = CosineAnnealing {
            base: 0.1,
            t_max: 1e6,
            eta_min: 1e-5,
        };
        group.bench_function("torch_cosine_annealing_lr_1m_steps", |b| {
            b.iter(|| black_box(torch).steps().take(STEPS).sum::<f64>())
        });
        group.finish();
    }

    criterion_group!(benches, sample_sgdr);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
