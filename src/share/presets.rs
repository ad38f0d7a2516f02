//! Named starting points with their sources, each a full [`Settings`].

use super::settings::{Settings, Unit};
use crate::schedule::{Family, Ramp, Step, WarmupShape, Wsd};

/// A non-cosine schedule a preset draws beside its cosine, in optimizer steps.
#[derive(Clone, Copy, Debug)]
pub struct Contrast {
    /// Legend text.
    pub label: &'static str,
    /// The schedule.
    pub family: fn() -> Family,
}

/// A preset: a short key, a name for the menu, where the numbers come from, and the settings.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Identifier (for the menu and, later, links).
    pub key: &'static str,
    /// Menu text.
    pub name: &'static str,
    /// The source of the numbers.
    pub source: &'static str,
    /// The settings it applies.
    pub settings: fn() -> Settings,
    /// A shape to overlay for contrast, if the preset is about one.
    pub contrast: Option<Contrast>,
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
    Settings {
        eta_max: 0.1,
        eta_min: 0.1 / 25.0 / 1e4,
        t_max: 700.0,
        warmup: 300.0,
        warmup_shape: WarmupShape::Cosine,
        warmup_start: 0.1 / 25.0,
        horizon: 1000.0,
        ..Settings::default()
    }
}

/// ImageNet at batch 256: 1,281,167 images → 5,005 optimizer steps per epoch.
const IMAGENET_STEPS: f64 = 5005.0;

fn resnet_cosine() -> Settings {
    Settings {
        eta_max: 0.1,
        t_max: 90.0,
        horizon: 90.0,
        unit: Unit::Epochs,
        steps_per_epoch: IMAGENET_STEPS,
        ..Settings::default()
    }
}

fn resnet_steps() -> Family {
    Family::Step(Step {
        lr: 0.1,
        step_size: 30.0 * IMAGENET_STEPS,
        gamma: 0.1,
    })
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

fn wsd() -> Family {
    Family::Wsd(Wsd {
        lr: 0.01,
        warmup: 2_000.0,
        stable: 88_000.0,
        decay: 10_000.0,
        min_ratio: 0.1,
        warmup_shape: Ramp::Linear,
        decay_shape: Ramp::Cosine,
    })
}

/// Every preset, in menu order.
pub const PRESETS: [Preset; 7] = [
    Preset {
        key: "default",
        name: "Plain cosine (T_max = 100)",
        source: "PyTorch CosineAnnealingLR with its usual settings",
        settings: Settings::default,
        contrast: None,
    },
    Preset {
        key: "sgdr",
        name: "SGDR: T_0 = 10, T_mult = 2",
        source: "Loshchilov & Hutter, SGDR (ICLR 2017): WRN-28-10 on CIFAR-10, η_max 0.05, η_min 0, batch 128, 200 epochs",
        settings: sgdr,
        contrast: None,
    },
    Preset {
        key: "vit",
        name: "Cosine with warm-up (ViT/DeiT, timm)",
        source: "Touvron et al., DeiT (2021) via timm: lr 5e-4 at batch 512, 5 warm-up epochs from 1e-6, min 1e-5, 300 epochs",
        settings: vit_timm,
        contrast: None,
    },
    Preset {
        key: "llm",
        name: "LLM: warm-up, cosine to 10 %, long tail",
        source: "Touvron et al., Llama 2 (2023): peak 3e-4, 2,000 warm-up steps, cosine to 10 % of peak; ~500k steps",
        settings: llm,
        contrast: None,
    },
    Preset {
        key: "one_cycle",
        name: "One-cycle (as a cosine warm-up + cosine)",
        source: "Smith & Topin, Super-Convergence (2018); PyTorch OneCycleLR defaults: pct_start 0.3, div 25, final div 1e4",
        settings: one_cycle,
        contrast: None,
    },
    Preset {
        key: "wsd",
        name: "Warmup-stable-decay (WSD) against cosine",
        source: "Hu et al., MiniCPM (2024): warm-up, a long stable phase at the peak, then a decay over the last ~10 % (drawn as transformers' get_wsd_schedule: cosine decay to 10 %), beside a cosine with the same warm-up, peak and floor",
        settings: wsd_cosine,
        contrast: Some(Contrast {
            label: "WSD",
            family: wsd,
        }),
    },
    Preset {
        key: "step",
        name: "Step decay against cosine (ResNet on ImageNet)",
        source: "He et al., ResNet (2016); Goyal et al. (2017): lr 0.1 at batch 256, ×0.1 at epochs 30 and 60, 90 epochs; beside a cosine over the same 90 epochs",
        settings: resnet_cosine,
        contrast: Some(Contrast {
            label: "step decay ×0.1 every 30 epochs",
            family: resnet_steps,
        }),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{Kind, Scope, Val, KEYS};

    #[test]
    fn every_preset_is_valid_and_inside_every_control_range() {
        for p in PRESETS {
            let s = (p.settings)();
            let r = s.resolve();
            assert_eq!(r.schedule.validate(), Ok(()), "{}", p.key);
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
    fn contrasts_are_valid_and_share_the_cosines_peak() {
        for p in PRESETS {
            if let Some(c) = p.contrast {
                let family = (c.family)();
                assert_eq!(family.validate(), Ok(()), "{}", p.key);
                let cosine = (p.settings)().resolve().schedule;
                let peak = cosine.eta_max;
                let t = cosine.warmup.length;
                assert!(
                    (family.lr(t) - peak).abs() < 1e-15,
                    "{} starts its plateau at the cosine's peak",
                    p.key
                );
            }
        }
        let step = (PRESETS[6].contrast.expect("step preset").family)();
        assert!((step.lr(60.0 * IMAGENET_STEPS) - 0.001).abs() < 1e-15);
    }

    #[test]
    fn the_llm_tail_holds_at_ten_percent() {
        let r = (PRESETS[3].settings)().resolve();
        assert!((r.schedule.lr(550_000.0) - 3e-5).abs() < 1e-18);
    }
}
