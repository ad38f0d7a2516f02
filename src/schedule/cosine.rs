//! The plain cosine-annealing curve (SGDR without restarts).

use std::f64::consts::PI;

/// η_t = η_min + ½(η_max − η_min)(1 + cos(π·t/T_max)) on [0, T_max]; η_min after T_max.
///
/// Anneal holds η_min past the end (like optax and Keras); t < 0 is treated as 0.
pub fn cosine_annealing(t: f64, eta_max: f64, eta_min: f64, t_max: f64) -> f64 {
    let t = t.clamp(0.0, t_max);
    eta_min + 0.5 * (eta_max - eta_min) * (1.0 + (PI * t / t_max).cos())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-15 * b.abs().max(1e-300)
    }

    #[test]
    fn starts_at_eta_max() {
        assert_eq!(cosine_annealing(0.0, 0.1, 0.001, 100.0), 0.1);
    }

    #[test]
    fn halfway_is_the_midpoint() {
        assert!(close(cosine_annealing(50.0, 0.1, 0.0, 100.0), 0.05));
        assert!(close(cosine_annealing(50.0, 0.3, 0.1, 100.0), 0.2));
    }

    #[test]
    fn reaches_eta_min_at_t_max_and_holds_it() {
        assert_eq!(cosine_annealing(100.0, 0.1, 0.001, 100.0), 0.001);
        assert_eq!(cosine_annealing(150.0, 0.1, 0.001, 100.0), 0.001);
        assert_eq!(cosine_annealing(1e9, 0.1, 0.001, 100.0), 0.001);
    }

    #[test]
    fn quarter_point_matches_the_closed_form() {
        // cos(π/4) = √2/2, so η = ½·0.1·(1 + √2/2).
        let want = 0.05 * (1.0 + std::f64::consts::FRAC_1_SQRT_2);
        assert!(close(cosine_annealing(25.0, 0.1, 0.0, 100.0), want));
    }

    #[test]
    fn equal_bounds_give_a_constant() {
        for t in [0.0, 0.5, 3.0, 10.0, 99.0] {
            assert_eq!(cosine_annealing(t, 0.02, 0.02, 10.0), 0.02);
        }
    }

    #[test]
    fn t_max_one_goes_from_max_to_min_in_one_step() {
        assert_eq!(cosine_annealing(0.0, 0.1, 0.0, 1.0), 0.1);
        assert!(close(cosine_annealing(0.5, 0.1, 0.0, 1.0), 0.05));
        assert_eq!(cosine_annealing(1.0, 0.1, 0.0, 1.0), 0.0);
        assert_eq!(cosine_annealing(2.0, 0.1, 0.0, 1.0), 0.0);
    }

    #[test]
    fn negative_time_is_the_start() {
        assert_eq!(cosine_annealing(-5.0, 0.1, 0.0, 10.0), 0.1);
    }
}
