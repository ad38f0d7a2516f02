//! The chart in words, for screen readers: what is drawn, in the chosen unit.

use super::settings::{Resolved, Unit};
use crate::format::{article, quantity, shown};
use crate::landscape::is_composed;

/// Breakpoints named at most.
const MAX_LISTED: usize = 8;

impl Resolved {
    /// One sentence describing the curve drawn: the sliders' cosine, or the phases as they are.
    pub fn summary(&self, unit: Unit) -> String {
        let u = if unit == Unit::Epochs {
            "epoch"
        } else {
            "step"
        };
        let n = |steps: f64| steps / self.steps_per_unit;
        let listed = |at: &[f64]| {
            let list: Vec<String> = at.iter().take(MAX_LISTED).map(|&t| shown(n(t))).collect();
            list.join(", ")
        };
        let (a, p) = (&self.schedule, &self.phases);
        let mut s;
        if is_composed(a, p) {
            // Its start, not its peak: the peak walks every breakpoint, and this runs per input.
            s = format!(
                "{} schedule, starting at η = {}",
                p.kinds_text(),
                shown(p.lr(0.0))
            );
            // Each phase's end and each turn inside one, with the rate there: a warm-up's peak
            // and a plateau are told too.
            let at: Vec<String> = p
                .breakpoints(0.0, self.run_steps, MAX_LISTED)
                .into_iter()
                .filter(|&t| t < self.run_steps)
                .map(|t| format!("{} (η = {})", shown(n(t)), shown(p.lr(t))))
                .collect();
            if !at.is_empty() {
                s += &format!("; it changes course at {u} {}", at.join(", "));
            }
            s += &format!(
                "; η = {} after {}",
                shown(p.lr(self.run_steps)),
                quantity(n(self.run_steps), u)
            );
        } else {
            s = format!(
                "Cosine schedule from η = {} down to {} over {}",
                shown(a.eta_max),
                shown(a.floor()),
                quantity(n(a.t_0), u)
            );
            if a.warmup.length > 0.0 {
                let w = shown(n(a.warmup.length));
                s += &format!(
                    ", after {} {w}-{u} warm-up from {}",
                    article(&w),
                    shown(a.warmup.start)
                );
            }
            let restarts = a.restart_steps(self.horizon_steps, MAX_LISTED);
            if !restarts.is_empty() {
                s += &format!("; restarts at {}", listed(&restarts));
            }
        }
        s + &format!(". The chart shows {}.", quantity(n(self.horizon_steps), u))
    }
}

#[cfg(test)]
mod tests {
    use crate::share::{Settings, Unit, PRESETS};

    #[test]
    fn the_cosine_is_told_with_its_warm_up_and_restarts() {
        let s = Settings {
            restarts: true,
            warmup: 5.0,
            ..Settings::default()
        };
        assert_eq!(
            s.resolve().summary(Unit::Steps),
            "Cosine schedule from η = 0.1 down to 0 over 100 steps, after a 5-step warm-up \
             from 0; restarts at 105, 305, 705, 1505. The chart shows 1806 steps."
        );
    }

    #[test]
    fn phases_are_told_as_they_are_drawn() {
        let one_cycle = PRESETS
            .iter()
            .find(|p| p.key == "one_cycle")
            .expect("listed");
        let text = (one_cycle.settings)().resolve().summary(Unit::Steps);
        assert!(
            text.starts_with("One-cycle schedule, starting at η = "),
            "{text}"
        );
        assert!(!text.contains("Cosine schedule"), "{text}");
        let wsd = PRESETS.iter().find(|p| p.key == "wsd").expect("listed");
        let text = (wsd.settings)().resolve().summary(Unit::Steps);
        assert!(
            text.contains("(η = 0.01)"),
            "the plateau's rate is told: {text}"
        );
        let bert = PRESETS.iter().find(|p| p.key == "bert").expect("listed");
        assert_eq!(
            (bert.settings)().resolve().summary(Unit::Steps),
            "Linear → Linear schedule, starting at η = 0; it changes course at step 10000 (η = 0.0001); \
             η = 0 after 1000000 steps. The chart shows 1000000 steps."
        );
    }
}
