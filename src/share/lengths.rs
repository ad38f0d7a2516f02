//! The schedule's lengths in whole optimizer steps: given in steps, in (fractional) epochs, or
//! as a fraction of the training run the setup counts — rounded only with a notice.

use super::keys::{T_MAX, WARMUP};
use super::number::NumberKey;
use super::settings::{Settings, Unit};
use crate::format::{format_value, quantity, round_significant};
use crate::schedule::T_LIMIT;
use crate::training::{warmup_steps, Count, Setup};

/// Why a length past [`T_LIMIT`] is cut: every curve is computed up to that step.
fn beyond() -> String {
    format!(
        "Anneal computes schedules up to step {}",
        format_value(T_LIMIT)
    )
}

/// `value` units of `key` in whole optimizer steps (at least `least`), with a notice when the
/// product is not whole or had to be raised.
pub(super) fn whole_steps(
    key: &NumberKey,
    value: f64,
    unit: Unit,
    spu: f64,
    least: f64,
    notices: &mut Vec<String>,
) -> f64 {
    let steps = value * spu;
    let whole = steps.round().max(least);
    if whole == steps && whole <= T_LIMIT {
        return whole;
    }
    let given = match unit {
        Unit::Steps => format!("{} steps", format_value(value)),
        Unit::Epochs => format!(
            "{} epochs = {} optimizer steps",
            format_value(value),
            format_value(round_significant(steps, 6))
        ),
    };
    let (whole, why) = if whole > T_LIMIT {
        (T_LIMIT, format!("{}; set to", beyond()))
    } else {
        (whole, "rounded to".into())
    };
    notices.push(format!(
        "{} {given}: {why} {}.",
        key.key,
        quantity(whole, "whole step")
    ));
    whole
}

impl Settings {
    /// The training setup the panel describes.
    pub fn setup(&self) -> Setup {
        Setup {
            examples: self.examples as u64,
            batches: self.steps_per_epoch as u64,
            batch: self.batch as u64,
            devices: self.devices as u64,
            accumulation: self.grad_accum as u64,
            epochs: self.epochs,
            drop_last: self.drop_last,
        }
    }

    /// The optimizer steps the chosen counter counts for the setup.
    pub fn count(&self) -> Count {
        self.setup().count(self.steps_rule)
    }

    /// Optimizer steps per epoch, as the chosen counter counts them (at least 1).
    pub fn epoch_steps(&self) -> f64 {
        (self.count().per_epoch as f64).max(1.0)
    }

    /// Whether a fraction of training (`warmup_ratio`, `t_max_ratio`) sets a length: it is
    /// non-zero and the run's steps are known. The length's own control is then unused.
    pub fn ratio_in_effect(&self, ratio: f64) -> bool {
        ratio > 0.0 && self.count().total.is_some_and(|t| t > 0)
    }

    /// The training run's optimizer steps, when the epochs are given (with the counter's note).
    pub(super) fn total_steps(&self, notices: &mut Vec<String>) -> Option<f64> {
        let count = self.count();
        notices.extend(count.note);
        let total = count.total.map(|t| t as f64).filter(|&t| t > 0.0)?;
        if total > T_LIMIT {
            notices.push(format!(
                "The training setup gives {}: {}, so the run is cut to {}.",
                quantity(total, "optimizer step"),
                beyond(),
                quantity(T_LIMIT, "step")
            ));
            return Some(T_LIMIT);
        }
        Some(total)
    }

    /// The warm-up in optimizer steps: transformers' ⌈ratio × total⌉, else the length given.
    pub(super) fn warmup_steps(
        &self,
        spu: f64,
        total: Option<f64>,
        notices: &mut Vec<String>,
    ) -> f64 {
        if self.warmup_ratio > 0.0 {
            if let Some(t) = total {
                return warmup_steps(self.warmup_ratio, t as u64) as f64;
            }
            notices.push(
                "A warm-up ratio needs the epochs of training (Training setup): using the warm-up length."
                    .into(),
            );
        }
        whole_steps(&WARMUP, self.warmup, self.unit, spu, 0.0, notices)
    }

    /// The first cycle in optimizer steps: ending at the given fraction of training (after a
    /// warm-up that precedes it), else the length given.
    pub(super) fn t_0(
        &self,
        spu: f64,
        total: Option<f64>,
        warmup: f64,
        notices: &mut Vec<String>,
    ) -> f64 {
        if self.t_max_ratio > 0.0 {
            if let Some(t) = total {
                let end = self.t_max_ratio * t;
                let before = if self.warmup_overlap { 0.0 } else { warmup };
                let cycle = end.round() - before;
                let steps = |n: f64| {
                    format!(
                        "{} step{}",
                        format_value(n),
                        if n == 1.0 { "" } else { "s" }
                    )
                };
                let product = format!(
                    "t_max_ratio × {} = {}",
                    steps(t),
                    format_value(round_significant(end, 6))
                );
                if cycle >= 1.0 {
                    if end.round() != end {
                        let at = format_value(end.round());
                        notices.push(format!("{product}: the cosine ends at step {at}."));
                    }
                    return cycle;
                }
                notices.push(if before > 0.0 {
                    format!(
                        "{product}, within the warm-up ({}): T_max is 1 step.",
                        steps(before)
                    )
                } else {
                    format!("{product}, less than a step: T_max is 1 step.")
                });
                return 1.0;
            }
            notices.push(
                "t_max_ratio needs the epochs of training (Training setup): using T_max.".into(),
            );
        }
        whole_steps(&T_MAX, self.t_max, self.unit, spu, 1.0, notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::Counter;

    /// The fine-tuning run of issue 15: 50,000 examples, batch 8, 2 GPUs, accumulation 4,
    /// 3 epochs, warm-up ratio 0.03, cosine to the end at 10 % of the peak.
    fn fine_tuning() -> Settings {
        Settings {
            eta_max: 2e-4,
            eta_min_rel: true,
            eta_min_frac: 0.1,
            examples: 50_000.0,
            batch: 8.0,
            devices: 2.0,
            grad_accum: 4.0,
            epochs: 3.0,
            warmup_ratio: 0.03,
            t_max_ratio: 1.0,
            ..Settings::default()
        }
    }

    #[test]
    fn the_setup_binds_warm_up_cosine_and_run() {
        let r = fine_tuning().resolve();
        assert_eq!(r.total_steps, Some(2346.0));
        assert_eq!(r.schedule.warmup.length, 71.0);
        assert_eq!(r.schedule.t_0, 2275.0, "the cosine ends with training");
        assert_eq!((r.run_steps, r.horizon_steps), (2346.0, 2346.0));
        assert!(r.notices.is_empty(), "{:?}", r.notices);
        let older = Settings {
            steps_rule: Counter::TrainerFloor,
            ..fine_tuning()
        }
        .resolve();
        assert_eq!(older.total_steps, Some(2343.0));
        let bigger = Settings {
            batch: 16.0,
            ..fine_tuning()
        }
        .resolve();
        assert_eq!(bigger.total_steps, Some(1173.0), "⌈3 × (1563 // 4 + 1)⌉");
        assert_eq!(bigger.schedule.warmup.length, 36.0, "⌈35.19⌉");
    }

    #[test]
    fn fractional_epochs_are_kept_or_rounded_with_a_notice() {
        let s = Settings {
            unit: Unit::Epochs,
            t_max: 2.5,
            warmup: 0.09,
            ..fine_tuning()
        };
        let s = Settings {
            warmup_ratio: 0.0,
            t_max_ratio: 0.0,
            ..s
        };
        let r = s.resolve();
        assert_eq!(r.schedule.t_0, 1955.0, "2.5 × 782 is whole");
        assert_eq!(r.schedule.warmup.length, 70.0);
        assert_eq!(
            r.notices,
            ["warmup 0.09 epochs = 70.38 optimizer steps: rounded to 70 whole steps."]
        );
    }

    #[test]
    fn ratios_without_epochs_say_what_they_fall_back_to() {
        let r = Settings {
            epochs: 0.0,
            ..fine_tuning()
        }
        .resolve();
        assert_eq!(r.total_steps, None);
        assert_eq!(r.schedule.t_0, 100.0);
        assert_eq!(r.notices.len(), 2, "{:?}", r.notices);
    }
}
