//! Named starting points with their sources, each a full [`Settings`]: the cosine ones set the
//! controls, the others are real phase schedules the user can edit, some with a cosine pinned
//! beside them to compare against.

use super::settings::{Settings, Unit};
use crate::schedule::{Anneal, Family, Interp, Isqrt, Linear, OneCycle, Ramp, Schedule, Step, Wsd};

/// A schedule a preset pins beside its own: the pin's name and its settings.
pub type Comparison = (&'static str, fn() -> Settings);

/// A preset: a short key, a name for the menu, where the numbers come from, and the settings.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Identifier (for the menu and the CLI).
    pub key: &'static str,
    /// Menu text.
    pub name: &'static str,
    /// The source of the numbers.
    pub source: &'static str,
    /// The settings it applies.
    pub settings: fn() -> Settings,
    /// A schedule it pins beside its own to compare against: (pin name, its settings).
    pub pin: Option<Comparison>,
}

/// Settings whose schedule is `phases` (with `boundaries`), shown over `horizon` steps.
fn phased(phases: Vec<Family>, boundaries: Vec<f64>, horizon: f64) -> Settings {
    let text = Schedule { phases, boundaries }.to_text(&Anneal::default());
    Settings {
        phases: text,
        horizon,
        ..Settings::default()
    }
}

fn sgdr() -> Settings {
    Settings {
        eta_max: 0.05,
        eta_min: 0.0,
        t_max: 10.0,
        restarts: true,
        t_mult: 2.0,
        horizon: 200.0,
        unit: Unit::Epochs,
        steps_per_epoch: 391.0,
        ..Settings::default()
    }
}

fn vit_timm() -> Settings {
    Settings {
        eta_max: 5e-4,
        eta_min: 1e-5,
        t_max: 300.0,
        warmup: 5.0,
        warmup_start: 1e-6,
        warmup_overlap: true,
        horizon: 300.0,
        unit: Unit::Epochs,
        steps_per_epoch: 2502.0,
        ..Settings::default()
    }
}

fn llm() -> Settings {
    Settings {
        eta_max: 3e-4,
        eta_min_rel: true,
        eta_min_frac: 0.1,
        t_max: 498_000.0,
        warmup: 2000.0,
        horizon: 600_000.0,
        ..Settings::default()
    }
}

fn one_cycle() -> Settings {
    phased(
        vec![Family::OneCycle(OneCycle {
            max_lr: 0.1,
            total: 1000.0,
            pct_start: 0.3,
            div_factor: 25.0,
            final_div_factor: 1e4,
            anneal: Interp::Cosine,
            three_phase: false,
        })],
        Vec::new(),
        1000.0,
    )
}

/// ImageNet at batch 256: 1,281,167 images → 5,005 optimizer steps per epoch.
const IMAGENET_STEPS: f64 = 5005.0;

fn in_imagenet_epochs(s: Settings) -> Settings {
    Settings {
        unit: Unit::Epochs,
        steps_per_epoch: IMAGENET_STEPS,
        horizon: 90.0,
        ..s
    }
}

fn resnet_steps() -> Settings {
    let step = Family::Step(Step {
        lr: 0.1,
        step_size: 30.0 * IMAGENET_STEPS,
        gamma: 0.1,
    });
    in_imagenet_epochs(phased(vec![step], Vec::new(), 0.0))
}

fn resnet_cosine() -> Settings {
    in_imagenet_epochs(Settings {
        eta_max: 0.1,
        t_max: 90.0,
        ..Settings::default()
    })
}

fn wsd() -> Settings {
    phased(
        vec![Family::Wsd(Wsd {
            lr: 0.01,
            warmup: 2_000.0,
            stable: 88_000.0,
            decay: 10_000.0,
            min_ratio: 0.1,
            warmup_shape: Ramp::Linear,
            decay_shape: Ramp::Cosine,
        })],
        Vec::new(),
        100_000.0,
    )
}

fn wsd_cosine() -> Settings {
    Settings {
        eta_max: 0.01,
        eta_min_rel: true,
        eta_min_frac: 0.1,
        t_max: 98_000.0,
        warmup: 2_000.0,
        horizon: 100_000.0,
        ..Settings::default()
    }
}

fn bert() -> Settings {
    let line = |start, end, steps| Family::Linear(Linear { start, end, steps });
    phased(
        vec![line(0.0, 1e-4, 10_000.0), line(1e-4, 0.0, 990_000.0)],
        vec![10_000.0],
        1_000_000.0,
    )
}

fn inverse_sqrt() -> Settings {
    // d_model^-0.5 · warmup^-0.5 for d_model 512 and 4,000 warm-up steps.
    let peak = 1.0 / (512.0f64 * 4000.0).sqrt();
    phased(
        vec![Family::Isqrt(Isqrt {
            lr: peak,
            warmup: 4000.0,
            timescale: 4000.0,
        })],
        Vec::new(),
        100_000.0,
    )
}

fn cooldown() -> Settings {
    phased(
        vec![Family::Wsd(Wsd {
            lr: 1e-3,
            warmup: 1_000.0,
            stable: 79_000.0,
            decay: 20_000.0,
            min_ratio: 0.0,
            warmup_shape: Ramp::Linear,
            decay_shape: Ramp::OneMinusSqrt,
        })],
        Vec::new(),
        100_000.0,
    )
}

/// Every preset, in menu order.
pub const PRESETS: [Preset; 10] = [
    Preset {
        key: "default",
        name: "Plain cosine (T_max = 100)",
        source: "PyTorch CosineAnnealingLR with its usual settings",
        settings: Settings::default,
        pin: None,
    },
    Preset {
        key: "sgdr",
        name: "SGDR: T_0 = 10, T_mult = 2",
        source: "Loshchilov & Hutter, SGDR (ICLR 2017): WRN-28-10 on CIFAR-10, η_max 0.05, η_min 0, batch 128, 200 epochs",
        settings: sgdr,
        pin: None,
    },
    Preset {
        key: "vit",
        name: "Cosine with warm-up (ViT/DeiT, timm)",
        source: "Touvron et al., DeiT (2021) via timm: lr 5e-4 at batch 512, 5 warm-up epochs from 1e-6, min 1e-5, 300 epochs",
        settings: vit_timm,
        pin: None,
    },
    Preset {
        key: "llm",
        name: "LLM: warm-up, cosine to 10 %, long tail",
        source: "Touvron et al., Llama 2 (2023): peak 3e-4, 2,000 warm-up steps, cosine to 10 % of peak; ~500k steps",
        settings: llm,
        pin: None,
    },
    Preset {
        key: "one_cycle",
        name: "One-cycle (fast.ai, PyTorch OneCycleLR)",
        source: "Smith & Topin, Super-Convergence (2018); PyTorch OneCycleLR defaults: pct_start 0.3, div 25, final div 1e4, cosine annealing",
        settings: one_cycle,
        pin: None,
    },
    Preset {
        key: "wsd",
        name: "Warmup-stable-decay (MiniCPM) against cosine",
        source: "Hu et al., MiniCPM (2024): warm-up, a long stable phase at the peak, then a decay over the last 10 % (as transformers' get_wsd_schedule: cosine decay to 10 %); a cosine with the same warm-up, peak and floor is pinned beside it",
        settings: wsd,
        pin: Some(("cosine, same peak and floor", wsd_cosine)),
    },
    Preset {
        key: "step",
        name: "Step decay against cosine (ResNet on ImageNet)",
        source: "He et al., ResNet (2016); Goyal et al. (2017): lr 0.1 at batch 256, ×0.1 every 30 epochs, 90 epochs; a cosine over the same 90 epochs is pinned beside it",
        settings: resnet_steps,
        pin: Some(("cosine over 90 epochs", resnet_cosine)),
    },
    Preset {
        key: "bert",
        name: "BERT: linear warm-up, linear decay",
        source: "Devlin et al., BERT (2019): peak 1e-4, 10,000 warm-up steps, linear decay to 0 at 1M steps (transformers' get_linear_schedule_with_warmup)",
        settings: bert,
        pin: None,
    },
    Preset {
        key: "isqrt",
        name: "Inverse square root (Attention is all you need)",
        source: "Vaswani et al. (2017): d_model^-0.5 · min(step^-0.5, step · 4000^-1.5) for d_model 512, 4,000 warm-up steps (transformers' get_inverse_sqrt_schedule)",
        settings: inverse_sqrt,
        pin: None,
    },
    Preset {
        key: "cooldown",
        name: "Constant with a 1-sqrt cool-down",
        source: "Hägele et al., Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations (2024): warm-up, constant, then a 1-sqrt cool-down over the last 20 %",
        settings: cooldown,
        pin: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::Pin;
    use crate::share::{Kind, Scope, Val, KEYS};

    #[test]
    fn every_preset_is_valid_and_inside_every_control_range() {
        for p in PRESETS {
            let s = (p.settings)();
            let r = s.resolve();
            assert_eq!(r.schedule.validate(), Ok(()), "{}", p.key);
            assert_eq!(r.phases.validate(), Ok(()), "{}", p.key);
            assert!(r.notices.is_empty(), "{}: {:?}", p.key, r.notices);
            for key in KEYS {
                if let (Kind::Number(spec), Val::Num(v)) = (key.kind, (key.get)(&s)) {
                    assert_eq!(
                        spec.clamp(v).message,
                        None,
                        "{} sets {} = {v}",
                        p.key,
                        key.name
                    );
                }
            }
        }
    }

    #[test]
    fn a_state_names_its_preset_until_its_schedule_is_edited() {
        assert_eq!(Settings::default().preset().map(|p| p.key), Some("default"));
        for p in PRESETS {
            let mut s = Settings::default();
            s.apply_preset(&p);
            assert_eq!(s.preset().map(|q| q.key), Some(p.key));
            s.eta_max *= 0.5;
            assert!(s.preset().is_none(), "{} edited", p.key);
        }
    }

    #[test]
    fn presets_set_only_schedule_keys() {
        let defaults = Settings::default();
        for p in PRESETS {
            let s = (p.settings)();
            for key in KEYS.iter().filter(|k| k.scope != Scope::Schedule) {
                assert_eq!(
                    (key.get)(&s),
                    (key.get)(&defaults),
                    "{} sets {}",
                    p.key,
                    key.name
                );
            }
        }
    }

    #[test]
    fn sgdr_restarts_where_the_paper_does() {
        let r = (PRESETS[1].settings)().resolve();
        let per_epoch = r.steps_per_unit;
        let restarts: Vec<f64> = r
            .schedule
            .restart_steps(r.horizon_steps, 10)
            .into_iter()
            .map(|s| s / per_epoch)
            .collect();
        assert_eq!(restarts, vec![10.0, 30.0, 70.0, 150.0]);
    }

    #[test]
    fn the_schedules_follow_their_sources() {
        let at = |key: &str, t: f64| {
            let p = PRESETS.iter().find(|p| p.key == key).expect("preset");
            (p.settings)().resolve().phases.lr(t)
        };
        assert!((at("step", 60.0 * IMAGENET_STEPS) - 0.001).abs() < 1e-15);
        assert_eq!(at("bert", 10_000.0), 1e-4);
        assert_eq!(at("bert", 1_000_000.0), 0.0);
        assert!((at("isqrt", 16_000.0) - 1.0 / (512.0f64 * 16_000.0).sqrt()).abs() < 1e-15);
        assert_eq!(at("wsd", 50_000.0), 0.01);
        assert!((at("wsd", 100_000.0) - 1e-3).abs() < 1e-15);
        assert_eq!(at("cooldown", 100_000.0), 0.0);
        assert!((at("one_cycle", 300.0) - 0.1).abs() < 1e-12);
    }

    #[test]
    fn a_pinned_comparison_shares_the_schedules_peak() {
        for p in PRESETS {
            if let Some((_, pinned)) = p.pin {
                let own = (p.settings)().resolve();
                let other = pinned().resolve();
                let h = own.horizon_steps;
                assert_eq!(own.phases.peak(h), other.phases.peak(h), "{}", p.key);
                assert_eq!(own.horizon_steps, other.horizon_steps, "{}", p.key);
            }
        }
    }

    #[test]
    fn a_preset_keeps_the_pins_and_the_imported_call_and_adds_its_comparison() {
        let mut s = Settings::default();
        s.pins[0] = Some(Pin::of(&Settings::default(), "mine".into(), 1));
        s.imported = "CosineAnnealingLR(opt, T_max=9)".into();
        let wsd = PRESETS.iter().find(|p| p.key == "wsd").expect("wsd");
        s.apply_preset(wsd);
        assert_eq!(
            s.preset().map(|p| p.key),
            Some("wsd"),
            "named with an import"
        );
        assert_eq!(s.imported, "CosineAnnealingLR(opt, T_max=9)");
        assert_eq!(s.pins[0].as_ref().map(|p| p.name.as_str()), Some("mine"));
        let added = s.pins[1].as_ref().expect("the cosine is pinned");
        assert_eq!(added.name, "cosine, same peak and floor");
        assert_eq!(added.id, 2);
        assert!(s.phases.starts_with("wsd("), "{}", s.phases);
    }

    #[test]
    fn the_next_preset_replaces_the_last_ones_comparison_and_keeps_a_renamed_one() {
        let preset = |key| PRESETS.iter().find(|p| p.key == key).expect(key);
        let names = |s: &Settings| -> Vec<String> {
            s.pins.iter().flatten().map(|p| p.name.clone()).collect()
        };
        let mut s = Settings::default();
        s.apply_preset(preset("wsd"));
        s.apply_preset(preset("step"));
        assert_eq!(
            names(&s),
            ["cosine over 90 epochs"],
            "no WSD cosine beside the step"
        );
        s.apply_preset(preset("bert"));
        assert_eq!(names(&s), Vec::<String>::new());
        s.apply_preset(preset("wsd"));
        s.pins
            .iter_mut()
            .flatten()
            .for_each(|p| p.name = "my cosine".into());
        s.apply_preset(preset("step"));
        assert_eq!(names(&s), ["my cosine", "cosine over 90 epochs"]);
    }

    #[test]
    fn the_llm_tail_holds_at_ten_percent() {
        let r = (PRESETS[3].settings)().resolve();
        assert!((r.schedule.lr(550_000.0) - 3e-5).abs() < 1e-18);
    }
}
