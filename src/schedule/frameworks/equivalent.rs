//! "The same settings" as a framework would run them: its nearest built-in call, as an exact
//! mode, with what it cannot express said in words. Each library's module builds its own.

use super::framework::Framework;
use super::Mode;
use crate::schedule::{Anneal, WarmupShape};

/// One framework's rendering of an Anneal schedule.
#[derive(Clone, Debug)]
pub struct Equivalent {
    /// The framework.
    pub framework: Framework,
    /// The call, in the framework's own spelling.
    pub call: String,
    /// The exact mode that computes it.
    pub mode: Mode,
    /// Where it differs from the Anneal schedule, and why.
    pub notes: Vec<String>,
}

/// The notes every framework without k-decay or warm-up shapes shares.
pub(super) fn common_notes(a: &Anneal, notes: &mut Vec<String>, has_k_decay: bool) {
    if a.k_decay != 1.0 && !has_k_decay {
        notes.push("no k-decay: plain cosine".into());
    }
    if a.warmup.length > 0.0 && a.warmup.shape != WarmupShape::Linear {
        notes.push("warm-up is linear only".into());
    }
}

/// The five frameworks' nearest calls for `a`, shown over `horizon` steps.
pub fn equivalents(a: &Anneal, horizon: f64) -> Vec<Equivalent> {
    Framework::ALL
        .iter()
        .map(|f| (f.library().equivalent)(a, horizon))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Warmup, WarmupPlacement};

    fn max_diff(a: &Anneal, e: &Equivalent, n: usize) -> f64 {
        let ts: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let got = e.mode.eval(&ts).expect("evaluates");
        ts.iter()
            .zip(got)
            .map(|(&t, v)| (a.lr(t) - v).abs())
            .fold(0.0, f64::max)
    }

    fn of(eq: &[Equivalent], f: Framework) -> &Equivalent {
        eq.iter().find(|e| e.framework == f).expect("present")
    }

    #[test]
    fn one_per_framework_in_order_each_computed_by_its_own_modes() {
        let eq = equivalents(&Anneal::default(), 100.0);
        let order: Vec<_> = eq.iter().map(|e| e.framework).collect();
        assert_eq!(order, Framework::ALL);
        for e in &eq {
            assert_eq!(e.mode.framework(), e.framework);
        }
    }

    #[test]
    fn plain_cosine_is_the_same_in_every_framework_inside_t_max() {
        let a = Anneal {
            eta_min: 1e-3,
            ..Anneal::default()
        };
        for e in equivalents(&a, 100.0) {
            assert_eq!(e.mode.validate(), Ok(()), "{}", e.framework);
            let tol = if e.framework.float_bits() == 32 {
                1e-7
            } else {
                1e-15
            };
            assert!(
                max_diff(&a, &e, 101) <= tol,
                "{}: {}",
                e.framework,
                max_diff(&a, &e, 101)
            );
        }
    }

    #[test]
    fn sgdr_with_warmup_and_decay_is_exact_in_optax_and_timm() {
        let a = Anneal {
            t_0: 10.0,
            restarts: true,
            t_mult: 2.0,
            decay: 0.5,
            warmup: Warmup {
                length: 3.0,
                start: 0.01,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let eq = equivalents(&a, 200.0);
        for f in [Framework::Optax, Framework::Timm] {
            let e = of(&eq, f);
            assert!(
                max_diff(&a, e, 200) < 1e-15,
                "{f}: {}",
                max_diff(&a, e, 200)
            );
        }
        let torch = of(&eq, Framework::Torch);
        assert!(torch.notes.iter().any(|n| n.contains("no peak decay")));
        let keras = of(&eq, Framework::Keras);
        assert!(keras.notes.iter().any(|n| n.contains("m_mul")));
    }

    #[test]
    fn overlap_warmup_reports_timms_hand_off_jump() {
        let a = Anneal {
            warmup: Warmup {
                length: 10.0,
                placement: WarmupPlacement::Overlap,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let eq = equivalents(&a, 120.0);
        let timm = of(&eq, Framework::Timm);
        assert!(
            timm.notes.iter().any(|n| n.contains("hands off mid-curve")),
            "{:?}",
            timm.notes
        );
    }
}
