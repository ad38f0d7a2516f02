//! Where a time falls among warm-restart cycles of geometrically growing length.
//!
//! Cycle i lasts `extra + T_0·T_multⁱ` steps. The cycle index comes from the closed form
//! log_m(1 + s(m−1)/T_0) and is then corrected against the exact cycle starts, so a
//! rounding error in `log` can never put a restart one step late (PyTorch's and timm's
//! `math.log(243, 3) = 4.999…` glitch).

/// The cycle structure: first length, growth factor and a fixed addition per cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cycles {
    /// Length of the first cosine, T_0 > 0.
    pub t_0: f64,
    /// Growth factor T_mult ≥ 1.
    pub t_mult: f64,
    /// Steps added to every cycle (an every-cycle warm-up placed before its cosine).
    pub extra: f64,
}

/// One cycle: its index, where it starts and how long it lasts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cycle {
    /// 0 for the first cycle.
    pub index: u64,
    /// First step of the cycle.
    pub start: f64,
    /// Length of its cosine, T_0·T_multⁱ (without `extra`).
    pub cosine_len: f64,
}

impl Cycle {
    /// The step where the next cycle starts.
    pub fn end(&self, extra: f64) -> f64 {
        self.start + extra + self.cosine_len
    }
}

/// Cycle indices stop here; with T_0 ≥ 1e-3 and t ≤ 1e15 no cycle index comes close.
const MAX_INDEX: u64 = 1 << 62;

/// m to the power i, for cycle indices of any size (1 stays 1, overflow becomes ∞).
fn grow(m: f64, i: u64) -> f64 {
    if m == 1.0 {
        1.0
    } else {
        m.powf(i as f64)
    }
}

impl Cycles {
    /// The cosine length of cycle `i`.
    pub fn cosine_len(&self, i: u64) -> f64 {
        self.t_0 * grow(self.t_mult, i)
    }

    /// The first step of cycle `i`.
    pub fn start(&self, i: u64) -> f64 {
        let n = i as f64;
        let geometric = if self.t_mult == 1.0 {
            self.t_0 * n
        } else {
            self.t_0 * (grow(self.t_mult, i) - 1.0) / (self.t_mult - 1.0)
        };
        geometric + self.extra * n
    }

    /// The cycle containing step `s ≥ 0`.
    pub fn locate(&self, s: f64) -> Cycle {
        let s = s.max(0.0);
        let m = self.t_mult;
        let estimate = if m == 1.0 {
            s / (self.t_0 + self.extra)
        } else {
            // Ignores `extra`, so it can only overshoot; the loops below bring it back.
            (1.0 + s * (m - 1.0) / self.t_0).ln() / m.ln()
        };
        let mut i = if estimate.is_finite() {
            estimate.floor().clamp(0.0, MAX_INDEX as f64) as u64
        } else {
            MAX_INDEX
        };
        if self.start(i) > s {
            // Overshot (rounding, or a large `extra`): binary search keeping start(lo) ≤ s < start(hi).
            let (mut lo, mut hi) = (0, i);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if self.start(mid) <= s {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            i = lo;
        }
        // Undershoot only comes from rounding in `ln`: a step or two at most.
        while i < MAX_INDEX && self.start(i + 1) <= s {
            i += 1;
        }
        Cycle {
            index: i,
            start: self.start(i),
            cosine_len: self.cosine_len(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SGDR: Cycles = Cycles {
        t_0: 10.0,
        t_mult: 2.0,
        extra: 0.0,
    };

    #[test]
    fn sgdr_restarts_at_10_30_70() {
        assert_eq!(SGDR.locate(0.0).index, 0);
        assert_eq!(SGDR.locate(9.999).index, 0);
        assert_eq!(SGDR.locate(10.0).index, 1);
        assert_eq!(SGDR.locate(29.5).index, 1);
        let third = SGDR.locate(30.0);
        assert_eq!(
            (third.index, third.start, third.cosine_len),
            (2, 30.0, 40.0)
        );
        assert_eq!(SGDR.locate(70.0).index, 3);
    }

    #[test]
    fn the_log_glitch_at_t_mult_3_does_not_happen() {
        // math.log(243, 3) = 4.999999999999999 in float64; the restart at 121 must still be cycle 5.
        let c = Cycles {
            t_0: 1.0,
            t_mult: 3.0,
            extra: 0.0,
        };
        let at = c.locate(121.0);
        assert_eq!((at.index, at.start, at.cosine_len), (5, 121.0, 243.0));
        let big = c.locate(29524.0); // start of cycle 10 = (3^10 − 1)/2
        assert_eq!(big.index, 10);
        assert_eq!(c.locate(29523.999).index, 9);
    }

    #[test]
    fn equal_cycles_with_an_extra_warmup_each() {
        let c = Cycles {
            t_0: 10.0,
            t_mult: 1.0,
            extra: 5.0,
        };
        assert_eq!(c.locate(14.9).index, 0);
        assert_eq!(c.locate(15.0).index, 1);
        assert_eq!(c.locate(45.0).start, 45.0);
    }

    #[test]
    fn growing_cycles_with_an_extra_warmup_each() {
        let c = Cycles {
            t_0: 1.0,
            t_mult: 2.0,
            extra: 100.0,
        };
        // starts: 0, 101, 203, 307 (2^i − 1 + 100·i)
        assert_eq!(c.locate(100.5).index, 0);
        assert_eq!(c.locate(101.0).index, 1);
        assert_eq!(c.locate(306.9).index, 2);
        assert_eq!(c.locate(307.0).index, 3);
    }

    #[test]
    fn a_huge_extra_far_from_the_estimate_is_found_exactly() {
        let c = Cycles {
            t_0: 1.0,
            t_mult: 1.0001,
            extra: 1e6,
        };
        let at = c.locate(1e9);
        assert!(at.start <= 1e9 && at.end(c.extra) > 1e9);
        assert_eq!(at.index, 999);
    }

    #[test]
    fn huge_times_stay_finite() {
        let c = Cycles {
            t_0: 1.0,
            t_mult: 10.0,
            extra: 0.0,
        };
        let at = c.locate(1e300);
        assert!(at.start.is_finite() && at.start <= 1e300);
    }
}
