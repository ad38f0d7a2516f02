//! One numeric key: its valid range, slider mapping and text parsing.

use crate::format::{format_value, round_significant};

/// How a key's range maps onto a slider's travel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// Equal slider travel for equal differences.
    Linear,
    /// Equal slider travel for equal ratios (learning rates, step counts).
    Log,
    /// Logarithmic from `smallest` to max, with the slider's left end meaning exactly 0.
    LogWithZero {
        /// The smallest non-zero value the slider reaches.
        smallest: f64,
    },
}

/// A numeric key: URL name, label, valid range, default and slider scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberKey {
    /// Name in links and the `name` attribute of its controls.
    pub key: &'static str,
    /// Human label shown beside the control.
    pub label: &'static str,
    /// Smallest valid value.
    pub min: f64,
    /// Largest valid value.
    pub max: f64,
    /// Value when nothing else is given.
    pub default: f64,
    /// Slider mapping.
    pub scale: Scale,
    /// Whether values are whole numbers.
    pub integer: bool,
    /// A length in the chosen unit: the slider moves in whole numbers, but typed text keeps
    /// its fraction (2.5 epochs), and the schedule rounds it to whole steps, saying so.
    pub length: bool,
}

/// A value brought into range, with the message to show when it had to move.
#[derive(Clone, Debug, PartialEq)]
pub struct Clamped {
    /// The value to use.
    pub value: f64,
    /// Why the value differs from what was given, if it does.
    pub message: Option<String>,
    /// Whether it only moved to the nearest whole number, inside the range.
    pub rounded: bool,
}

/// Slider positions run over this many whole steps, so the range input has a fine grain.
pub const SLIDER_STEPS: f64 = 1000.0;

impl NumberKey {
    /// Brings `value` into range (rounded if integer), saying so when it moved.
    pub fn clamp(&self, value: f64) -> Clamped {
        if !value.is_finite() {
            return Clamped {
                value: self.default,
                message: Some(format!(
                    "{} must be a finite number; using the default {}",
                    self.label,
                    format_value(self.default)
                )),
                rounded: false,
            };
        }
        let rounded = if self.integer && !self.length {
            value.round()
        } else {
            value
        };
        let inside = rounded.clamp(self.min, self.max);
        let message = if inside != rounded {
            Some(format!(
                "{} must be between {} and {}; set to {}",
                self.label,
                format_value(self.min),
                format_value(self.max),
                format_value(inside)
            ))
        } else {
            (rounded != value).then(|| {
                format!(
                    "{} counts whole numbers; set to {}",
                    self.label,
                    format_value(inside)
                )
            })
        };
        Clamped {
            value: inside,
            message,
            rounded: inside == rounded && rounded != value,
        }
    }

    /// Parses typed text; garbage falls back to the default with a message.
    pub fn parse(&self, text: &str) -> Clamped {
        match text.trim().parse::<f64>() {
            Ok(v) => self.clamp(v),
            Err(_) => Clamped {
                value: self.default,
                message: Some(format!(
                    "{} needs a number, not \"{}\"; using the default {}",
                    self.label,
                    text.trim(),
                    format_value(self.default)
                )),
                rounded: false,
            },
        }
    }

    /// Where `value` sits on the slider, as a whole step in 0..=SLIDER_STEPS.
    pub fn to_position(&self, value: f64) -> f64 {
        let v = value.clamp(self.min, self.max);
        let frac = match self.scale {
            Scale::Linear => (v - self.min) / (self.max - self.min),
            Scale::Log => (v / self.min).ln() / (self.max / self.min).ln(),
            Scale::LogWithZero { smallest } => {
                if v < smallest {
                    0.0
                } else {
                    let span = (self.max / smallest).ln();
                    (1.0 + (v / smallest).ln() / span * (SLIDER_STEPS - 1.0)) / SLIDER_STEPS
                }
            }
        };
        (frac * SLIDER_STEPS).round().clamp(0.0, SLIDER_STEPS)
    }

    /// The value at slider step `position`, rounded to a readable number.
    pub fn from_position(&self, position: f64) -> f64 {
        let p = if position.is_finite() {
            position.clamp(0.0, SLIDER_STEPS)
        } else {
            0.0
        };
        let frac = p / SLIDER_STEPS;
        let raw = match self.scale {
            Scale::Linear => self.min + frac * (self.max - self.min),
            Scale::Log => self.min * (self.max / self.min).powf(frac),
            Scale::LogWithZero { smallest } => {
                if p < 1.0 {
                    return 0.0;
                }
                smallest * (self.max / smallest).powf((p - 1.0) / (SLIDER_STEPS - 1.0))
            }
        };
        let readable = if self.integer {
            raw.round()
        } else {
            round_significant(raw, 3)
        };
        readable.clamp(self.min, self.max)
    }

    /// The value one step above (`up`) or below `value`: what ↑ and ↓ do in the number box and
    /// on the slider. A whole number on a linear scale moves by 1 (seed 0 → 1, not 10); a log
    /// scale moves on a grid of round numbers (1, 1.02, … 2, 2.05, … 5, 5.1, … 9.9 in each
    /// decade), 1–2.5 % a step, so 0.1, 3e-4 and 5e-4 are all reachable; any other by a
    /// slider step.
    pub fn nudge(&self, value: f64, up: bool) -> f64 {
        if !value.is_finite() {
            return self.default;
        }
        let next = match self.scale {
            // To the next whole number: a length can hold a fraction (2.7 epochs ↑ is 3).
            Scale::Linear if self.integer && up => value.floor() + 1.0,
            Scale::Linear if self.integer => value.ceil() - 1.0,
            Scale::Linear => return self.position_step(value, up),
            Scale::LogWithZero { smallest } if value < smallest || (!up && value <= smallest) => {
                if up {
                    smallest
                } else {
                    0.0
                }
            }
            Scale::Log | Scale::LogWithZero { .. } => {
                let grid = crate::format::next_round(value, up);
                if !self.integer {
                    grid
                } else if up {
                    grid.round().max(value.floor() + 1.0)
                } else {
                    grid.round().min(value.ceil() - 1.0)
                }
            }
        };
        next.clamp(self.min, self.max)
    }

    /// The value one slider position past `value` in the direction `up`.
    fn position_step(&self, value: f64, up: bool) -> f64 {
        let dir = if up { 1.0 } else { -1.0 };
        // From the nearest position itself: a typed value between two positions goes to the
        // first one past it in that direction.
        let mut p = self.to_position(value) - dir;
        while (0.0..=SLIDER_STEPS).contains(&(p + dir)) {
            p += dir;
            let next = self.from_position(p);
            if (next - value) * dir > 0.0 {
                return next;
            }
        }
        value.clamp(self.min, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{ETA_MAX, ETA_MIN, T_MAX};

    #[test]
    fn defaults_sit_inside_their_ranges() {
        for k in [ETA_MAX, ETA_MIN, T_MAX] {
            assert_eq!(k.clamp(k.default).message, None, "{}", k.key);
        }
    }

    #[test]
    fn arrow_keys_move_a_whole_number_key_to_the_next_whole_number() {
        use crate::share::keys::{CYCLE_LIMIT, WARMUP};
        assert_eq!(WARMUP.nudge(0.0, true), 1.0);
        assert_eq!(WARMUP.nudge(1.0, true), 2.0);
        assert_eq!(WARMUP.nudge(10.0, true), 11.0);
        assert_eq!(WARMUP.nudge(10.0, false), 9.0);
        assert_eq!(WARMUP.nudge(1.0, false), 0.0);
        assert_eq!(CYCLE_LIMIT.nudge(0.0, true), 1.0);
        let big = WARMUP.nudge(100_000.0, true);
        assert!(big > 100_000.0 && big.fract() == 0.0, "{big}");
    }

    #[test]
    fn arrow_keys_reach_round_numbers_and_come_back_to_them() {
        let walk = |k: &NumberKey, from: f64, ups: usize| {
            let mut v = from;
            let mut seen = vec![v];
            for _ in 0..ups {
                v = k.nudge(v, true);
                seen.push(v);
            }
            (seen, v)
        };
        let (seen, _) = walk(&ETA_MAX, 0.1, 3);
        assert_eq!(seen, [0.1, 0.102, 0.104, 0.106]);
        assert_eq!(ETA_MAX.nudge(0.102, false), 0.1);
        assert_eq!(ETA_MAX.nudge(0.1, false), 0.099);
        let (seen, _) = walk(&ETA_MAX, 2.9e-4, 3);
        assert_eq!(seen, [2.9e-4, 2.95e-4, 3e-4, 3.05e-4]);
        let (seen, _) = walk(&ETA_MAX, 4.9e-4, 3);
        assert_eq!(seen, [4.9e-4, 4.95e-4, 5e-4, 5.1e-4]);
        assert_eq!(ETA_MAX.nudge(5e-4, false), 4.95e-4);
        // A length holding a fraction goes to the next whole number, not past it.
        assert_eq!(T_MAX.nudge(2.7, true), 3.0);
        assert_eq!(T_MAX.nudge(2.3, false), 2.0);
        // A seed moves by one, not by a slider step of ten.
        assert_eq!(crate::share::SEED.nudge(0.0, true), 1.0);
        assert_eq!(crate::share::SEED.nudge(9.0, false), 8.0);
        assert_eq!(crate::share::SEED.nudge(0.0, false), 0.0);
    }

    #[test]
    fn arrow_keys_step_in_proportion_to_the_value() {
        let up = ETA_MAX.nudge(0.1, true);
        assert!(up > 0.1 && up <= 0.1025, "{up}");
        let down = ETA_MAX.nudge(0.1, false);
        assert!((0.0975..0.1).contains(&down), "{down}");
        assert_eq!(ETA_MAX.nudge(1.07e-6, false), 1.06e-6);
        assert_eq!(ETA_MAX.nudge(1e-6, false), 1e-6, "no step past the start");
        assert_eq!(ETA_MAX.nudge(10.0, true), 10.0, "no step past the end");
        assert_eq!(
            ETA_MAX.nudge(9.95, true),
            10.0,
            "between the last step and the end"
        );
        assert_eq!(
            ETA_MIN.nudge(5e-8, false),
            0.0,
            "below the first step: to 0"
        );
        assert!(T_MAX.nudge(100.0, true) > 100.0 && T_MAX.nudge(100.0, true) <= 102.0);
        assert_eq!(T_MAX.nudge(1.0, false), 1.0);
        assert_eq!(
            ETA_MIN.nudge(0.0, true),
            ETA_MIN.from_position(1.0),
            "0 to the first step"
        );
        assert_eq!(ETA_MIN.nudge(ETA_MIN.from_position(1.0), false), 0.0);
        // From every position, up goes up and down goes down, but not past the ends.
        for k in [ETA_MAX, ETA_MIN, T_MAX] {
            for p in 1..SLIDER_STEPS as usize {
                let v = k.from_position(p as f64);
                let (a, b) = (k.nudge(v, true), k.nudge(v, false));
                let ends = (v == k.min || b < v) && (v == k.max || v < a);
                assert!(ends, "{} at {v}: {b} {a}", k.key);
            }
        }
    }

    #[test]
    fn a_whole_number_key_says_when_it_rounds() {
        let c = crate::share::LAB_STEPS.clamp(15.5);
        assert_eq!(c.value, 16.0);
        assert_eq!(
            c.message.as_deref(),
            Some("steps per run counts whole numbers; set to 16")
        );
        assert_eq!(crate::share::LAB_STEPS.clamp(16.0).message, None);
    }

    #[test]
    fn out_of_range_values_are_clamped_with_a_message() {
        let c = ETA_MAX.clamp(50.0);
        assert_eq!(c.value, 10.0);
        assert_eq!(
            c.message.as_deref(),
            Some("η_max (peak learning rate) must be between 1e-6 and 10; set to 10")
        );
        let low = T_MAX.clamp(0.0);
        assert_eq!(low.value, 1.0);
        assert!(low
            .message
            .unwrap()
            .contains("T_max / T_0 (cycle length) must be between 1 and"));
    }

    #[test]
    fn garbage_and_non_finite_fall_back_to_the_default() {
        for text in ["abc", "", "NaN", "inf", "<script>"] {
            let c = ETA_MAX.parse(text);
            assert_eq!(c.value, 0.1, "{text}");
            assert!(c.message.is_some(), "{text}");
        }
    }

    #[test]
    fn integer_keys_round_but_lengths_keep_their_fraction() {
        assert_eq!(crate::share::CYCLE_LIMIT.parse("2.6").value, 3.0);
        assert_eq!(T_MAX.parse("2.5").value, 2.5);
        assert_eq!(T_MAX.from_position(500.0).fract(), 0.0);
    }

    #[test]
    fn log_slider_ends_hit_the_range_ends() {
        assert_eq!(ETA_MAX.from_position(0.0), 1e-6);
        assert_eq!(ETA_MAX.from_position(SLIDER_STEPS), 10.0);
        assert_eq!(T_MAX.from_position(SLIDER_STEPS), 1_000_000.0);
    }

    #[test]
    fn zero_sits_at_the_left_end_of_eta_min() {
        assert_eq!(ETA_MIN.to_position(0.0), 0.0);
        assert_eq!(ETA_MIN.from_position(0.0), 0.0);
        assert!(ETA_MIN.from_position(1.0) > 0.0);
    }

    #[test]
    fn positions_round_trip_within_one_slider_step() {
        for k in [ETA_MAX, ETA_MIN] {
            for p in (0..=1000).step_by(7) {
                let v = k.from_position(p as f64);
                let back = k.to_position(v);
                assert!(
                    (back - p as f64).abs() <= 1.0,
                    "{} p={p} v={v} back={back}",
                    k.key
                );
            }
        }
    }

    #[test]
    fn slider_values_never_decrease_along_the_travel() {
        for k in [ETA_MAX, ETA_MIN, T_MAX] {
            let vals: Vec<f64> = (0..=1000).map(|p| k.from_position(p as f64)).collect();
            assert!(vals.windows(2).all(|w| w[0] <= w[1]), "{}", k.key);
        }
    }
}
