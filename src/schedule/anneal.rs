//! The general Anneal schedule: cosine annealing with warm restarts, peak decay, k-decay,
//! an exponent, a cycle limit and warm-up — the curve the explorer's sliders drive.

use serde::{Deserialize, Serialize};

use super::cycles::{Cycle, Cycles};
use super::error::{check_range, ScheduleError};
use super::terms::Terms;
use super::warmup::{Warmup, WarmupPlacement, WarmupScope, WarmupShape};

/// Largest learning rate the core accepts; far above anything trainable.
pub const LR_LIMIT: f64 = 1e6;

/// Times beyond this read as this: every schedule has long settled or keeps its period.
pub const T_LIMIT: f64 = 1e15;

/// A cosine-family schedule, evaluated as `lr(t)` for any real t ≥ 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Anneal {
    /// Peak learning rate of the first cycle.
    pub eta_max: f64,
    /// Floor learning rate: absolute, or a fraction of η_max when `eta_min_relative`.
    pub eta_min: f64,
    /// Read `eta_min` as a fraction of `eta_max`.
    pub eta_min_relative: bool,
    /// Length of the first cosine (T_max without restarts, T_0 with them).
    pub t_0: f64,
    /// Restart after each cycle (SGDR); without restarts the floor holds after T_0.
    pub restarts: bool,
    /// Each cycle is T_mult times longer than the one before (≥ 1).
    pub t_mult: f64,
    /// Stop restarting after this many cycles and hold the floor; `None` restarts forever.
    pub cycle_limit: Option<u32>,
    /// Peak decay γ ∈ (0, 1]: cycle i peaks at η_max·γⁱ.
    pub decay: f64,
    /// Decay the floor by γⁱ too.
    pub decay_min: bool,
    /// k-decay: the cosine runs on t_curᵏ/T_iᵏ (k = 1 is plain cosine).
    pub k_decay: f64,
    /// Power applied to the cosine factor ½(1 + cos …), as optax's `exponent`.
    pub exponent: f64,
    /// Warm-up before or over the cosine.
    pub warmup: Warmup,
}

impl Default for Anneal {
    fn default() -> Self {
        Self {
            eta_max: 0.1,
            eta_min: 0.0,
            eta_min_relative: false,
            t_0: 100.0,
            restarts: false,
            t_mult: 1.0,
            cycle_limit: None,
            decay: 1.0,
            decay_min: false,
            k_decay: 1.0,
            exponent: 1.0,
            warmup: Warmup::default(),
        }
    }
}

/// The cycle last evaluated, so sampling in increasing t skips the search and the powers.
#[derive(Clone, Copy, Debug, Default)]
pub struct CycleCache {
    cycle: Option<CachedCycle>,
}

#[derive(Clone, Copy, Debug)]
struct CachedCycle {
    cycle: Cycle,
    end: f64,
    peak: f64,
    floor: f64,
    /// Past the cycle limit: the floor holds.
    held: bool,
}

impl Anneal {
    /// Rejects parameters that would give a meaningless or non-finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_range("eta_max", self.eta_max, 0.0, LR_LIMIT)?;
        if self.eta_min_relative {
            check_range("eta_min", self.eta_min, 0.0, 1.0)?;
        } else {
            check_range("eta_min", self.eta_min, 0.0, LR_LIMIT)?;
            if self.eta_min > self.eta_max {
                return Err(ScheduleError::new(
                    "eta_min",
                    format!(
                        "must not exceed eta_max ({}), got {}",
                        self.eta_max, self.eta_min
                    ),
                ));
            }
        }
        check_range("t_0", self.t_0, 1e-3, 1e12)?;
        check_range("t_mult", self.t_mult, 1.0, 1e3)?;
        if self.cycle_limit == Some(0) {
            return Err(ScheduleError::new("cycle_limit", "must be at least 1"));
        }
        check_range("decay", self.decay, f64::MIN_POSITIVE, 1.0)?;
        check_range("k_decay", self.k_decay, 1e-3, 1e3)?;
        check_range("exponent", self.exponent, 1e-3, 1e3)?;
        let w = &self.warmup;
        check_range("warmup", w.length, 0.0, 1e12)?;
        check_range("warmup_start", w.start, 0.0, LR_LIMIT)?;
        if w.shape == WarmupShape::Exponential && w.length > 0.0 && w.start <= 0.0 {
            return Err(ScheduleError::new(
                "warmup_start",
                "an exponential warm-up needs a start value above 0",
            ));
        }
        if w.scope == WarmupScope::EveryCycle
            && w.placement == WarmupPlacement::Overlap
            && w.length > self.t_0
        {
            return Err(ScheduleError::new(
                "warmup",
                format!(
                    "an overlapping warm-up on every cycle must fit in T_0 ({})",
                    self.t_0
                ),
            ));
        }
        Ok(())
    }

    /// Floor learning rate of the first cycle, as an absolute value.
    pub fn floor(&self) -> f64 {
        if self.eta_min_relative {
            self.eta_min * self.eta_max
        } else {
            self.eta_min
        }
    }

    /// The cycle geometry after any first-cycle warm-up.
    pub fn cycles(&self) -> Cycles {
        let w = &self.warmup;
        let every_prefix =
            w.scope == WarmupScope::EveryCycle && w.placement == WarmupPlacement::Prefix;
        Cycles {
            t_0: self.t_0,
            t_mult: if self.restarts { self.t_mult } else { 1.0 },
            extra: if every_prefix { w.length } else { 0.0 },
        }
    }

    /// How many cycles run before the floor holds; `None` for unlimited restarts.
    pub fn cycles_run(&self) -> Option<u64> {
        if self.restarts {
            self.cycle_limit.map(u64::from)
        } else {
            Some(1)
        }
    }

    /// Where the cycles begin: after the warm-up when it is a first-cycle prefix.
    pub fn offset(&self) -> f64 {
        let w = &self.warmup;
        if w.scope == WarmupScope::FirstCycle && w.placement == WarmupPlacement::Prefix {
            w.length
        } else {
            0.0
        }
    }

    /// Peak and floor of cycle `i`; a decayed peak never sinks below its floor.
    pub fn bounds(&self, i: u64) -> (f64, f64) {
        let g = if self.decay == 1.0 {
            1.0
        } else {
            self.decay.powf(i as f64)
        };
        let floor = if self.decay_min {
            self.floor() * g
        } else {
            self.floor()
        };
        ((self.eta_max * g).max(floor), floor)
    }

    /// The learning rate at time `t` (steps; fractional allowed, negative read as 0).
    pub fn lr(&self, t: f64) -> f64 {
        self.lr_cached(t, &mut CycleCache::default())
    }

    /// `lr(t)` reusing the cycle found by the previous call, for fast in-order sampling.
    pub fn lr_cached(&self, t: f64, cache: &mut CycleCache) -> f64 {
        self.value(&self.terms_cached(t, cache))
    }

    /// [`Anneal::terms`] reusing the cycle found by the previous call.
    pub fn terms_cached(&self, t: f64, cache: &mut CycleCache) -> Terms {
        let t = if t > 0.0 { t.min(T_LIMIT) } else { 0.0 };
        let w = &self.warmup;
        let first_only = w.scope == WarmupScope::FirstCycle;
        if first_only && t < w.length {
            return Terms::Warmup {
                t,
                cycle: 0,
                peak: self.eta_max,
            };
        }
        let s = t - self.offset();
        let cycles = self.cycles();
        let cached = match cache.cycle {
            Some(c) if c.cycle.start <= s && s < c.end => c,
            _ => {
                let cycle = cycles.locate(s);
                let limit = self.cycles_run().unwrap_or(u64::MAX);
                let held = cycle.index >= limit;
                let (peak, floor) = if held {
                    let floor = self.bounds(limit - 1).1;
                    (floor, floor)
                } else {
                    self.bounds(cycle.index)
                };
                let c = CachedCycle {
                    cycle,
                    // Where `locate` puts the next cycle, so cached and fresh lookups agree.
                    end: cycles.start(cycle.index + 1),
                    peak,
                    floor,
                    held,
                };
                cache.cycle = Some(c);
                c
            }
        };
        let (cycle, peak, floor) = (cached.cycle, cached.peak, cached.floor);
        if cached.held {
            return Terms::Held { floor };
        }
        let u = s - cycle.start;
        if !first_only && u < w.length {
            return Terms::Warmup {
                t: u,
                cycle: cycle.index,
                peak,
            };
        }
        Terms::Cosine {
            cycle: cycle.index,
            start: self.offset() + cycle.start + cycles.extra,
            t_cur: u - cycles.extra,
            t_i: cycle.cosine_len,
            peak,
            floor,
        }
    }

    /// `n` evenly spaced samples (t, η) from `t_start` to `t_end` inclusive.
    pub fn sample(&self, t_start: f64, t_end: f64, n: usize) -> Vec<(f64, f64)> {
        let mut cache = CycleCache::default();
        let step = (t_end - t_start) / n.saturating_sub(1).max(1) as f64;
        (0..n)
            .map(|k| {
                let t = t_start + step * k as f64;
                (t, self.lr_cached(t, &mut cache))
            })
            .collect()
    }

    /// Up to `cap` times in (a, b] where the curve may jump or turn: cycle starts, warm-up ends,
    /// the end of the last cycle. Between them it is monotone, which makes per-pixel min/max exact.
    pub fn breakpoints(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        let mut out = Vec::new();
        let w = &self.warmup;
        let inside = |t: f64| t > a && t <= b;
        if w.scope == WarmupScope::FirstCycle && w.length > 0.0 && inside(w.length) {
            out.push(w.length);
        }
        let (offset, cycles) = (self.offset(), self.cycles());
        let limit = self.cycles_run().unwrap_or(u64::MAX);
        let mut i = cycles.locate((a - offset).max(0.0)).index;
        while out.len() < cap && i <= limit {
            let start = offset + cycles.start(i);
            if start > b {
                break;
            }
            // A prefix warm-up ends where the first cycle starts: one breakpoint, not two.
            if inside(start) && out.last() != Some(&start) {
                out.push(start);
            }
            let warm_end = start + w.length;
            if w.scope == WarmupScope::EveryCycle && w.length > 0.0 && i < limit && inside(warm_end)
            {
                out.push(warm_end);
            }
            i += 1;
        }
        out.truncate(cap);
        out
    }

    /// The first `cap` steps at which a new cycle (a restart) begins, up to `t_end`.
    pub fn restart_steps(&self, t_end: f64, cap: usize) -> Vec<f64> {
        let cycles = self.cycles();
        let limit = self.cycles_run().unwrap_or(u64::MAX);
        (1..limit)
            .map(|i| self.offset() + cycles.start(i))
            .take_while(|&t| t <= t_end)
            .take(cap)
            .collect()
    }
}

#[cfg(test)]
mod plain_cosine_tests {
    use super::*;

    /// The skeleton's curve: one cosine from η_max to η_min over T_max, then the floor.
    fn cosine_annealing(t: f64, eta_max: f64, eta_min: f64, t_max: f64) -> f64 {
        let plain = Anneal {
            eta_max,
            eta_min,
            t_0: t_max,
            ..Anneal::default()
        };
        assert_eq!(plain.validate(), Ok(()));
        plain.lr(t)
    }

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
