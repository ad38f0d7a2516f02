//! Warm-up: how the learning rate climbs to its peak before (or while) the cosine starts.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

use crate::named::named;

/// The curve the warm-up follows from its start value to the peak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarmupShape {
    /// Straight line (PyTorch LinearLR, timm, Hugging Face, optax).
    #[default]
    Linear,
    /// Half cosine, flat at both ends (Hugging Face WSD "cosine").
    Cosine,
    /// Geometric: equal ratios per step; needs a start value above zero.
    Exponential,
}

named!(WarmupShape {
    Linear => "linear";
    Cosine => "cosine";
    Exponential => "exponential";
});

/// Where the warm-up sits relative to the cosine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarmupPlacement {
    /// The cosine starts after the warm-up (timm `warmup_prefix=True`, SequentialLR).
    #[default]
    Prefix,
    /// The warm-up replaces the cosine's first steps, which keeps running (timm's default).
    Overlap,
}

/// Which cycles get a warm-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarmupScope {
    /// Only before the first cycle.
    #[default]
    FirstCycle,
    /// Before every cycle, as optax's `sgdr_schedule` does.
    EveryCycle,
}

/// A warm-up of `length` steps from `start` to the cycle's peak.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Warmup {
    /// Length in steps; 0 means no warm-up.
    pub length: f64,
    /// Curve shape.
    pub shape: WarmupShape,
    /// Learning rate at the first warm-up step.
    pub start: f64,
    /// Before or overlapping the cosine.
    pub placement: WarmupPlacement,
    /// First cycle only, or every cycle.
    pub scope: WarmupScope,
}

impl Default for Warmup {
    fn default() -> Self {
        Self {
            length: 0.0,
            shape: WarmupShape::Linear,
            start: 0.0,
            placement: WarmupPlacement::Prefix,
            scope: WarmupScope::FirstCycle,
        }
    }
}

/// The warm-up value at fraction `p` ∈ [0, 1) of the way from `start` to `peak`.
pub fn ramp(shape: WarmupShape, start: f64, peak: f64, p: f64) -> f64 {
    match shape {
        WarmupShape::Linear => start + (peak - start) * p,
        WarmupShape::Cosine => start + (peak - start) * 0.5 * (1.0 - (PI * p).cos()),
        WarmupShape::Exponential => start * (peak / start).powf(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_starts_at_start_and_heads_for_peak() {
        for shape in [
            WarmupShape::Linear,
            WarmupShape::Cosine,
            WarmupShape::Exponential,
        ] {
            assert_eq!(ramp(shape, 0.001, 0.1, 0.0), 0.001, "{shape:?}");
            assert!(
                (ramp(shape, 0.001, 0.1, 1.0) - 0.1).abs() < 1e-15,
                "{shape:?}"
            );
            let mid = ramp(shape, 0.001, 0.1, 0.5);
            assert!(mid > 0.001 && mid < 0.1, "{shape:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for shape in WarmupShape::ALL {
            assert_eq!(WarmupShape::from_name(shape.name()), Some(shape));
        }
        assert_eq!(WarmupShape::from_name("sigmoid"), None);
    }

    #[test]
    fn shapes_differ_in_the_middle() {
        assert!((ramp(WarmupShape::Linear, 0.0, 1.0, 0.25) - 0.25).abs() < 1e-15);
        // Cosine lags a line early on; exponential lags further (equal ratios, not differences).
        assert!(ramp(WarmupShape::Cosine, 0.0, 1.0, 0.25) < 0.25);
        let geometric = ramp(WarmupShape::Exponential, 0.01, 1.0, 0.5);
        assert!((geometric - 0.1).abs() < 1e-15);
    }
}
