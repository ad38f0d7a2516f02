//! Anneal's cosine family as a phase: its parameters as a table, its maths where it lives.

use super::params::{spec, ParamKind, ParamSpec, ParamValue, Reader, UNIT_FACTOR};
use super::Shape;
use crate::schedule::error::ScheduleError;
use crate::schedule::{Anneal, CycleCache, Warmup, WarmupPlacement, WarmupScope, WarmupShape};

/// Cycles drawn of endless restarts, as many as the explorer's automatic horizon shows.
const SHOWN_CYCLES: u64 = 4;

const POWER: ParamKind = ParamKind::Real {
    min: 1e-3,
    max: 1e3,
};

impl Shape for Anneal {
    const PARAMS: &'static [ParamSpec] = &[
        spec(
            "eta_max",
            "η_max",
            "Peak rate of the first cycle",
            ParamKind::Rate,
            0.1,
        ),
        spec(
            "eta_min",
            "η_min",
            "Floor rate, absolute or as a fraction of η_max",
            ParamKind::Rate,
            0.0,
        ),
        spec(
            "eta_min_relative",
            "η_min is",
            "Read η_min as a rate or as a fraction of η_max",
            ParamKind::Choice(&[("abs", "A rate"), ("rel", "A fraction of η_max")]),
            0.0,
        ),
        spec(
            "t_0",
            "T_0",
            "Length of the first cosine",
            ParamKind::Steps,
            100.0,
        ),
        spec(
            "restarts",
            "Restarts",
            "Restart after each cycle (SGDR)",
            ParamKind::Choice(&[("off", "Off"), ("on", "On")]),
            0.0,
        ),
        spec(
            "t_mult",
            "T_mult",
            "Each cycle this many times longer than the one before",
            ParamKind::Real { min: 1.0, max: 1e3 },
            1.0,
        ),
        spec(
            "cycle_limit",
            "Cycle limit",
            "Cycles before the floor holds (whole; 0 restarts forever)",
            ParamKind::Real {
                min: 0.0,
                max: u32::MAX as f64,
            },
            0.0,
        ),
        spec(
            "decay",
            "Decay γ",
            "Cycle i peaks at η_max·γⁱ",
            UNIT_FACTOR,
            1.0,
        ),
        spec(
            "decay_min",
            "Decay floor",
            "Decay the floor by γⁱ too",
            ParamKind::Choice(&[("off", "Off"), ("on", "On")]),
            0.0,
        ),
        spec(
            "k_decay",
            "k",
            "k-decay: the cosine runs on tᵏ/Tᵏ",
            POWER,
            1.0,
        ),
        spec(
            "exponent",
            "Exponent",
            "Power of the cosine factor (optax)",
            POWER,
            1.0,
        ),
        spec("warmup", "Warm-up", "Warm-up steps", ParamKind::Steps, 0.0),
        spec(
            "warmup_shape",
            "Warm-up shape",
            "Curve of the warm-up",
            ParamKind::Choice(&WarmupShape::OPTIONS),
            0.0,
        ),
        spec(
            "warmup_start",
            "Warm-up start",
            "Rate at the first warm-up step",
            ParamKind::Rate,
            0.0,
        ),
        spec(
            "warmup_placement",
            "Warm-up placement",
            "Before the cosine, or over its first steps",
            ParamKind::Choice(&[("prefix", "Before"), ("overlap", "Over")]),
            0.0,
        ),
        spec(
            "warmup_scope",
            "Warm-up scope",
            "Warm up before the first cycle only, or every cycle",
            ParamKind::Choice(&[("first", "First cycle"), ("every", "Every cycle")]),
            0.0,
        ),
    ];
    fn at(&self, t: f64) -> f64 {
        Anneal::lr(self, t)
    }
    fn at_cached(&self, t: f64, cache: &mut CycleCache) -> f64 {
        self.lr_cached(t, cache)
    }
    fn check(&self) -> Result<(), ScheduleError> {
        self.validate()
    }
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        self.breakpoints(a, b, cap)
    }
    fn length(&self) -> f64 {
        let n = self.cycles_run().unwrap_or(SHOWN_CYCLES);
        (self.offset() + self.cycles().start(n)).min(super::STEP_LIMIT)
    }
    fn rates(&self) -> (f64, f64) {
        let floor = if self.decay_min && self.decay < 1.0 {
            0.0
        } else {
            self.floor()
        };
        let w = &self.warmup;
        if w.length > 0.0 {
            (floor.min(w.start), self.eta_max.max(w.start))
        } else {
            (floor, self.eta_max)
        }
    }
    fn values(&self) -> Vec<ParamValue> {
        let (n, c) = (ParamValue::Num, ParamValue::Choice);
        let w = &self.warmup;
        vec![
            n(self.eta_max),
            n(self.eta_min),
            c(usize::from(self.eta_min_relative)),
            n(self.t_0),
            c(usize::from(self.restarts)),
            n(self.t_mult),
            n(self.cycle_limit.map_or(0.0, f64::from)),
            n(self.decay),
            c(usize::from(self.decay_min)),
            n(self.k_decay),
            n(self.exponent),
            n(w.length),
            c(w.shape as usize),
            n(w.start),
            c(usize::from(w.placement == WarmupPlacement::Overlap)),
            c(usize::from(w.scope == WarmupScope::EveryCycle)),
        ]
    }
    fn read(r: &Reader) -> Self {
        let limit = r.num(6).round();
        Self {
            eta_max: r.num(0),
            eta_min: r.num(1),
            eta_min_relative: r.flag(2),
            t_0: r.num(3),
            restarts: r.flag(4),
            t_mult: r.num(5),
            cycle_limit: (limit >= 1.0).then_some(limit as u32),
            decay: r.num(7),
            decay_min: r.flag(8),
            k_decay: r.num(9),
            exponent: r.num(10),
            warmup: Warmup {
                length: r.num(11),
                shape: WarmupShape::ALL[r.choice(12)],
                start: r.num(13),
                placement: if r.flag(14) {
                    WarmupPlacement::Overlap
                } else {
                    WarmupPlacement::Prefix
                },
                scope: if r.flag(15) {
                    WarmupScope::EveryCycle
                } else {
                    WarmupScope::FirstCycle
                },
            },
        }
    }
    fn starter(peak: f64, length: f64) -> Self {
        Self {
            eta_max: peak,
            t_0: length.max(1.0),
            ..Anneal::default()
        }
    }
}
