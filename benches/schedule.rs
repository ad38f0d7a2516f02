//! Sampling speed of the schedule core (native only: criterion does not run in wasm).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion, Throughput};

    use anneal::schedule::cosine_annealing;

    const STEPS: usize = 1_000_000;

    fn sample_cosine(c: &mut Criterion) {
        let mut group = c.benchmark_group("schedule");
        group.throughput(Throughput::Elements(STEPS as u64));
        group.bench_function("cosine_1m_steps", |b| {
            b.iter(|| {
                let mut sum = 0.0;
                for s in 0..STEPS {
                    sum += cosine_annealing(black_box(s as f64), 0.1, 1e-5, STEPS as f64);
                }
                sum
            })
        });
        group.finish();
    }

    criterion_group!(benches, sample_cosine);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
