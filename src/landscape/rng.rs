//! A small seeded generator of Gaussian noise, identical bit for bit natively and in wasm.
//!
//! SplitMix64 for the bits and Box–Muller through [`crate::fmath`] (not the platform's libm),
//! so the same seed gives the same path in the browser and in a native test.

use crate::fmath;

/// Seeded standard-normal samples.
#[derive(Clone, Debug)]
pub struct Gaussian {
    state: u64,
    spare: Option<f64>,
}

impl Gaussian {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed,
            spare: None,
        }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1]: never 0, so the logarithm below is finite.
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// The next standard-normal sample.
    pub fn sample(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let r = fmath::sqrt(-2.0 * fmath::log(self.uniform()));
        let theta = std::f64::consts::TAU * self.uniform();
        self.spare = Some(r * fmath::sin(theta));
        r * fmath::cos(theta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_other_seed_other_sequence() {
        let a: Vec<f64> = (0..100)
            .map({
                let mut g = Gaussian::new(7);
                move |_| g.sample()
            })
            .collect();
        let b: Vec<f64> = (0..100)
            .map({
                let mut g = Gaussian::new(7);
                move |_| g.sample()
            })
            .collect();
        let c = Gaussian::new(8).sample();
        assert_eq!(a, b);
        assert_ne!(a[0], c);
    }

    #[test]
    fn moments_are_those_of_a_standard_normal() {
        let mut g = Gaussian::new(1);
        let n = 200_000;
        let xs: Vec<f64> = (0..n).map(|_| g.sample()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!((var - 1.0).abs() < 0.01, "variance {var}");
        assert!(xs.iter().all(|x| x.is_finite()));
    }
}
