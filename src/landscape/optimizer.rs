//! Optimizers as small state machines stepping with the schedule's η_t (PyTorch's update rules).

use serde::{Deserialize, Serialize};

use super::surface::Point;
use crate::named::named;

/// Which update rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Plain gradient descent: p ← p − η g.
    #[default]
    Sgd,
    /// Heavy ball: v ← β v + g, p ← p − η v.
    Momentum,
    /// Nesterov: v ← β v + g, p ← p − η (g + β v).
    Nesterov,
    /// RMSProp: s ← α s + (1 − α) g², p ← p − η g / (√s + ε), with α = `beta`.
    #[serde(rename = "rmsprop")]
    RmsProp,
    /// Adam with bias correction.
    Adam,
}

named!(Rule {
    Sgd => "sgd", "SGD";
    Momentum => "momentum", "SGD + momentum";
    Nesterov => "nesterov", "Nesterov";
    RmsProp => "rmsprop", "RMSProp";
    Adam => "adam", "Adam";
});

/// A hyperparameter some update rules read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hyper {
    /// Momentum β (momentum, Nesterov) or smoothing α (RMSProp).
    Beta,
    /// Adam's β₁.
    Beta1,
    /// Adam's β₂.
    Beta2,
    /// The denominator's ε (RMSProp, Adam).
    Eps,
}

impl Rule {
    /// Whether this rule's update reads `param` (the page disables the others' controls).
    pub const fn uses(self, param: Hyper) -> bool {
        matches!(
            (self, param),
            (Rule::Momentum | Rule::Nesterov | Rule::RmsProp, Hyper::Beta)
                | (Rule::Adam, Hyper::Beta1 | Hyper::Beta2)
                | (Rule::RmsProp | Rule::Adam, Hyper::Eps)
        )
    }
}

/// An optimizer's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Optimizer {
    /// Update rule.
    pub rule: Rule,
    /// Momentum β (momentum, Nesterov) or smoothing α (RMSProp).
    pub beta: f64,
    /// Adam's β₁.
    pub beta1: f64,
    /// Adam's β₂.
    pub beta2: f64,
    /// Added to the denominator (RMSProp, Adam).
    pub eps: f64,
}

impl Default for Optimizer {
    fn default() -> Self {
        Self {
            rule: Rule::Sgd,
            beta: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        }
    }
}

/// The optimizer's running state.
#[derive(Clone, Debug, Default)]
pub struct State {
    first: Point,
    second: Point,
    /// Steps taken so far.
    steps: i32,
    /// β₁ᵗ and β₂ᵗ, kept as running products (no `powi` per step).
    power1: f64,
    power2: f64,
}

impl Optimizer {
    /// The largest learning rate at which this rule can rest in a minimum of curvature `lambda`
    /// (above it the iterate is thrown out): 2/λ for gradient descent, 2(1+β)/λ for heavy-ball
    /// momentum, 2(1+β)/((1+2β)λ) for Nesterov's. `None` for RMSProp and Adam, whose steps are
    /// divided by the gradient's running scale, so no such threshold holds.
    pub fn rest_limit(&self, lambda: f64) -> Option<f64> {
        let b = self.beta;
        match self.rule {
            Rule::Sgd => Some(2.0 / lambda),
            Rule::Momentum => Some(2.0 * (1.0 + b) / lambda),
            Rule::Nesterov => Some(2.0 * (1.0 + b) / ((1.0 + 2.0 * b) * lambda)),
            Rule::RmsProp | Rule::Adam => None,
        }
    }

    /// A fresh state for this optimizer.
    pub fn start(&self) -> State {
        State {
            power1: 1.0,
            power2: 1.0,
            ..State::default()
        }
    }

    /// The displacement for gradient `g` at learning rate `lr` (add it to the point).
    pub fn step(&self, state: &mut State, g: Point, lr: f64) -> Point {
        state.steps += 1;
        let mut d = [0.0; 2];
        for i in 0..2 {
            d[i] = match self.rule {
                Rule::Sgd => -lr * g[i],
                Rule::Momentum => {
                    state.first[i] = if state.steps == 1 {
                        g[i]
                    } else {
                        self.beta * state.first[i] + g[i]
                    };
                    -lr * state.first[i]
                }
                Rule::Nesterov => {
                    state.first[i] = if state.steps == 1 {
                        g[i]
                    } else {
                        self.beta * state.first[i] + g[i]
                    };
                    -lr * (g[i] + self.beta * state.first[i])
                }
                Rule::RmsProp => {
                    state.second[i] = self.beta * state.second[i] + (1.0 - self.beta) * g[i] * g[i];
                    -lr * g[i] / (state.second[i].sqrt() + self.eps)
                }
                Rule::Adam => {
                    if i == 0 {
                        state.power1 *= self.beta1;
                        state.power2 *= self.beta2;
                    }
                    state.first[i] = self.beta1 * state.first[i] + (1.0 - self.beta1) * g[i];
                    state.second[i] =
                        self.beta2 * state.second[i] + (1.0 - self.beta2) * g[i] * g[i];
                    let m = state.first[i] / (1.0 - state.power1);
                    let v = state.second[i] / (1.0 - state.power2);
                    -lr * m / (v.sqrt() + self.eps)
                }
            };
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(rule: Rule, grads: &[Point], lr: f64) -> Vec<Point> {
        let opt = Optimizer {
            rule,
            ..Optimizer::default()
        };
        let mut s = opt.start();
        grads.iter().map(|g| opt.step(&mut s, *g, lr)).collect()
    }

    const G: [Point; 2] = [[1.0, -2.0], [0.5, 4.0]];

    #[test]
    fn a_rule_uses_exactly_the_hyperparameters_its_update_reads() {
        let nudged = |param| {
            let mut o = Optimizer::default();
            match param {
                Hyper::Beta => o.beta = 0.5,
                Hyper::Beta1 => o.beta1 = 0.5,
                Hyper::Beta2 => o.beta2 = 0.5,
                Hyper::Eps => o.eps = 0.5,
            }
            o
        };
        for rule in Rule::ALL {
            for param in [Hyper::Beta, Hyper::Beta1, Hyper::Beta2, Hyper::Eps] {
                let run = |o: Optimizer| {
                    let o = Optimizer { rule, ..o };
                    let mut s = o.start();
                    G.map(|g| o.step(&mut s, g, 0.1))
                };
                let reads = run(Optimizer::default()) != run(nudged(param));
                assert_eq!(rule.uses(param), reads, "{rule:?} {param:?}");
            }
        }
    }

    #[test]
    fn sgd_is_minus_lr_times_gradient() {
        assert_eq!(steps(Rule::Sgd, &G, 0.1), vec![[-0.1, 0.2], [-0.05, -0.4]]);
    }

    #[test]
    fn momentum_accumulates_the_gradient() {
        // v1 = g1; v2 = 0.9·v1 + g2 = (1.4, 2.2).
        let d = steps(Rule::Momentum, &G, 0.1);
        assert_eq!(d[0], [-0.1, 0.2]);
        assert!((d[1][0] + 0.14).abs() < 1e-15 && (d[1][1] + 0.22).abs() < 1e-15);
    }

    #[test]
    fn nesterov_looks_ahead() {
        // Step 1: g + β·g = 1.9·g1. Step 2: v2 = (1.4, 2.2); g2 + 0.9·v2 = (1.76, 5.98).
        let d = steps(Rule::Nesterov, &G, 0.1);
        assert!((d[0][0] + 0.19).abs() < 1e-15 && (d[0][1] - 0.38).abs() < 1e-15);
        assert!((d[1][0] + 0.176).abs() < 1e-15 && (d[1][1] + 0.598).abs() < 1e-15);
    }

    #[test]
    fn rmsprop_divides_by_the_root_mean_square() {
        // s1 = 0.1·g²: step = −η·g/√(0.1 g²) = −η·sign(g)/√0.1 (ε negligible).
        let d = steps(Rule::RmsProp, &G[..1], 0.1);
        let want = 0.1 / 0.1f64.sqrt();
        assert!((d[0][0] + want).abs() < 1e-7 && (d[0][1] - want).abs() < 1e-7);
    }

    #[test]
    fn adam_first_step_is_lr_times_sign() {
        // Bias correction makes m̂ = g and v̂ = g² at t = 1: step = −η·g/(|g| + ε).
        let d = steps(Rule::Adam, &G, 0.01);
        assert!((d[0][0] + 0.01).abs() < 1e-9 && (d[0][1] - 0.01).abs() < 1e-9);
        // t = 2: m = 0.09·g1 + 0.1·g2 … hand-computed for x: m̂ = (0.09 + 0.05)/0.19,
        // v̂ = (0.000999 + 0.00025)/(1 − 0.999²).
        let m = (0.09 * 1.0 + 0.1 * 0.5) / (1.0 - 0.81);
        let v = (0.999 * 0.001 * 1.0 + 0.001 * 0.25) / (1.0 - 0.999f64 * 0.999);
        assert!((d[1][0] + 0.01 * m / (v.sqrt() + 1e-8)).abs() < 1e-15);
    }
}
