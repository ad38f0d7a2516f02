//! The key table: every key a link may carry, in link order, with its scope and control.

use super::key::{Edit, Key, Kind, Scope, Val};
use super::keys::*;
use super::lab::*;
use super::settings::Unit;
use super::table_macros::*;
use super::view::{ThemeChoice, CONTROLS, PARTS};
use crate::landscape::{Hyper, Rule, Surface};
use crate::schedule::frameworks::{Framework, FRAMEWORK_KEYS, FRAMEWORK_OPTIONS};
use crate::schedule::WarmupShape;
use crate::training::Counter;

/// Every key a link may carry besides `v`, in the order links write them.
pub const KEYS: [Key; 66] = [
    number!(Schedule, ETA_MAX, eta_max, "peak learning rate η_max: where the cosine starts; each warm restart jumps back to it (times γⁱ)"),
    number!(Schedule, ETA_MIN, eta_min, "floor η_min: the rate each cycle falls to at its end (absolute)", off: |s| s.eta_min_rel),
    flag!(
        Schedule,
        eta_min_rel,
        Some("give η_min as a fraction of η_max"),
        "read the floor as a fraction of η_max, so it moves with the peak"
    ),
    number!(
        Schedule,
        ETA_MIN_FRAC,
        eta_min_frac,
        "floor as a fraction of η_max: η_min = fraction × η_max",
        off: |s| !s.eta_min_rel
    ),
    number!(
        Schedule,
        T_MAX,
        t_max,
        "first cycle length T_max / T_0 (T_i of the first cycle), in the chosen unit; off while t_max_ratio sets it",
        off: |s| s.ratio_in_effect(s.t_max_ratio)
    ),
    flag!(
        Schedule,
        restarts,
        Some("warm restarts (SGDR)"),
        "warm restarts (SGDR): at each cycle's end η jumps back up to the (decayed) peak and the cosine starts again"
    ),
    number!(Schedule, T_MULT, t_mult, "cycle growth T_mult: each cycle lasts T_mult times as long as the one before", off: |s| !s.restarts),
    number!(Schedule, DECAY, decay, "peak decay γ per restart: cycle i (from 0) peaks at γⁱ × η_max", off: |s| !s.restarts),
    number!(
        Schedule,
        CYCLE_LIMIT,
        cycle_limit,
        "cycles before the floor holds: after this many, η stays at η_min (0 = no limit)",
        off: |s| !s.restarts
    ),
    number!(Schedule, K_DECAY, k_decay, "k-decay exponent k: the cosine runs on (T_cur / T_i)ᵏ, so k > 1 keeps η high for longer"),
    number!(
        Schedule,
        WARMUP,
        warmup,
        "warm-up length, in the chosen unit: η climbs from the start value to the peak first; off while warmup_ratio sets it",
        off: |s| s.ratio_in_effect(s.warmup_ratio)
    ),
    choice!(
        Schedule,
        "warmup_shape",
        warmup_shape,
        WarmupShape,
        Some("warm-up shape"),
        "warm-up curve: a straight line, a half cosine or a geometric curve (equal ratios per step)"
    ),
    number!(Schedule, WARMUP_START, warmup_start, "warm-up start value: η at step 0 when there is a warm-up"),
    flag!(
        Schedule,
        warmup_every,
        Some("warm up before every cycle"),
        "warm up again at the start of every cycle, not only the first"
    ),
    flag!(
        Schedule,
        warmup_overlap,
        Some("overlap the cosine (timm's default)"),
        "warm-up overlaps the cosine (timm's default): the cosine's clock starts at step 0, under the warm-up"
    ),
    number!(
        Schedule,
        HORIZON,
        horizon,
        "length the chart shows, in the chosen unit (0 = automatic)"
    ),
    choice!(
        Schedule,
        "unit",
        unit,
        Unit,
        Some("unit of the lengths (T_max, warm-up, horizon)"),
        "unit of the lengths: optimizer steps, or epochs of the training setup"
    ),
    number!(
        Schedule,
        STEPS_PER_EPOCH,
        steps_per_epoch,
        "batches per epoch on each device (len(train_dataloader)), when the dataset size is 0",
        off: |s| s.examples > 0.0
    ),
    number!(
        Schedule,
        GRAD_ACCUM,
        grad_accum,
        "batches per optimizer step (gradient accumulation)"
    ),
    number!(
        Schedule,
        EXAMPLES,
        examples,
        "examples in the training set (0 = steps_per_epoch is the loader's length)"
    ),
    number!(Schedule, BATCH, batch, "batch size per device", off: |s| s.examples == 0.0),
    number!(
        Schedule,
        DEVICES,
        devices,
        "data-parallel processes (world size)",
        off: |s| s.examples == 0.0
    ),
    flag!(
        Schedule,
        drop_last,
        Some("drop the last, short batch (drop_last)"),
        "the loader drops a short last batch"
    ),
    number!(
        Schedule,
        EPOCHS,
        epochs,
        "epochs of training, fractional allowed (0 = not given)"
    ),
    choice!(
        Schedule,
        "steps_rule",
        steps_rule,
        Counter,
        Some("steps counted as"),
        "who counts the optimizer steps: trainer, trainer_floor (transformers ≤ 4.51), lightning, loop"
    ),
    number!(
        Schedule,
        WARMUP_RATIO,
        warmup_ratio,
        "warm-up as a fraction of training: ⌈ratio × total steps⌉ (0 = use warmup)",
        off: |s| s.epochs == 0.0
    ),
    number!(
        Schedule,
        T_MAX_RATIO,
        t_max_ratio,
        "the first cosine ends at this fraction of training (0 = use t_max)",
        off: |s| s.epochs == 0.0
    ),
    flag!(
        Schedule,
        log_y,
        Some("logarithmic η axis"),
        "logarithmic η axis: equal ratios take equal heights, so small rates stay visible"
    ),
    Key {
        name: "phases",
        scope: Scope::Schedule,
        kind: Kind::Phases,
        label: Some("Phases"),
        options: &[],
        meaning: meaning!("the schedule as phases, `name(values)!start!name(values)…` in optimizer steps; `cos` is the cosine the keys above set (absent: that cosine alone)"),
        disabled: never,
        get: |s| Val::Text(s.phases.clone()),
        set: |s, v| s.phases = v.text(),
        edit: Edit::Set,
    },
    choice!(
        Lab,
        "surface",
        lab.surface,
        Surface,
        Some("surface"),
        "landscape surface: the 2-D loss the three runs descend",
        // A new surface moves the start to its own default, which a link's surface must not do.
        edit: Edit::Entry(|s, v| {
            let surface = Surface::from_name(v.name()).unwrap_or_default();
            s.lab = s.lab.clone().with_surface(surface);
        })
    ),
    choice!(Lab, "opt", lab.rule, Rule, Some("optimizer"), "optimizer: the update rule all three runs use"),
    number!(
        Lab,
        BETA,
        lab.beta,
        "momentum β: the share of the last step each step keeps (RMSProp's α: the averaging of squared gradients)",
        off: |s| !s.lab.rule.uses(Hyper::Beta)
    ),
    number!(Lab, BETA1, lab.beta1, "Adam's β₁: how long the average of gradients remembers (first moment)", off: |s| !s.lab.rule.uses(Hyper::Beta1)),
    number!(Lab, BETA2, lab.beta2, "Adam's β₂: how long the average of squared gradients remembers (second moment)", off: |s| !s.lab.rule.uses(Hyper::Beta2)),
    number!(Lab, EPS, lab.eps, "ε of RMSProp and Adam: added to the root of the squared-gradient average, so steps stay finite", off: |s| !s.lab.rule.uses(Hyper::Eps)),
    number!(Lab, CLIP, lab.clip, "gradient-norm clipping: a longer gradient is scaled down to this length (0 = off)"),
    number!(Lab, NOISE, lab.noise, "gradient noise σ: the spread of the random kick added to every gradient (0 = exact gradients)"),
    number!(Lab, SEED, lab.seed, "noise seed: the same seed gives every run the same noise"),
    number!(Lab, X0, lab.x0, "start point x: where every run starts (or drag the start on the surface); a link without it starts at the surface's own"),
    number!(Lab, Y0, lab.y0, "start point y: where every run starts (or drag the start on the surface); a link without it starts at the surface's own"),
    number!(Lab, LAB_LR, lab.lab_lr, "learning rate of the constant run, the baseline the two schedules are compared with"),
    number!(Lab, LAB_STEPS, lab.lab_steps, "steps per landscape run; a schedule whose first restart would come later is scaled onto them"),
    flag!(
        Lab,
        lab.run_const,
        Some("constant η"),
        "show the run at a constant learning rate"
    ),
    flag!(
        Lab,
        lab.run_cos,
        Some("one cosine"),
        "show the run with one cosine over all its steps"
    ),
    flag!(
        Lab,
        lab.run_sgdr,
        Some("cosine with warm restarts"),
        "show the run with the schedule's warm restarts (or the schedule of phases as it is)"
    ),
    number!(
        Lab,
        LAB_T,
        lab.lab_t,
        "playback position (0 = start, 1 = end)"
    ),
    flag!(
        Lab,
        lab.escape,
        Some("Run 100 seeds"),
        "show where each run ends over 100 noise seeds, computed when the page opens and after every change to the lab"
    ),
    flag!(
        Lab,
        lab.basin_map,
        Some("Map basins"),
        "show the basin-outcome map, computed when the page opens and after every change to the lab"
    ),
    flag!(
        View,
        view.compare,
        Some("Compare frameworks: PyTorch, timm, Hugging Face, optax, Keras"),
        "overlay the five frameworks' versions"
    ),
    flag!(
        View,
        view.momentum,
        Some("Momentum on a second axis (where the scheduler cycles it)"),
        "draw the optimizer momentum OneCycleLR and CyclicLR cycle, on a second axis"
    ),
    flag!(
        View,
        view.per_epoch,
        Some("Also draw it with scheduler.step() once per epoch"),
        "also draw the schedule as it runs when scheduler.step() is called once per epoch, not every optimizer step",
        off: |s| s.count().per_epoch < 2
    ),
    parts!(
        View,
        view.compare_hide,
        &crate::schedule::frameworks::FRAMEWORK_KEYS,
        None,
        "frameworks left out of the comparison, comma-separated"
    ),
    flag!(View, view.embed, None, "chrome-less view for an iframe"),
    parts!(
        View,
        view.hide,
        &PARTS,
        Some("Hide"),
        "parts of the page to hide, comma-separated"
    ),
    parts!(
        View,
        view.controls,
        &CONTROLS,
        None,
        "the explorer's controls shown, comma-separated (all when absent)"
    ),
    number!(
        View,
        RESUME_AT,
        resume.at,
        "resume preview: when the checkpoint was saved, in the chosen unit (0 = off)"
    ),
    Key {
        name: "resume_lib",
        scope: Scope::View,
        kind: Kind::Choice(&FRAMEWORK_KEYS),
        label: Some("resumed in"),
        options: &FRAMEWORK_OPTIONS,
        meaning: "resume preview: the library whose resume is drawn",
        disabled: |s| s.resume.at == 0.0,
        get: |s| Val::Name(s.resume.lib.key()),
        set: |s, v| {
            if let Val::Name(n) = v {
                let f = Framework::ALL.into_iter().find(|f| f.key() == n);
                s.resume.lib = f.unwrap_or(Framework::Torch);
            }
        },
        edit: Edit::Set,
    },
    number!(
        View,
        RESUME_T_MAX,
        resume.t_max,
        "resume preview: T_max / T_0 the resumed script is written with (0 = unchanged)",
        off: |s| s.resume.at == 0.0
    ),
    number!(
        View,
        RESUME_ETA_MAX,
        resume.eta_max,
        "resume preview: η_max the resumed script is written with (0 = unchanged)",
        off: |s| s.resume.at == 0.0
    ),
    choice!(
        View,
        "theme",
        view.theme,
        ThemeChoice,
        Some("theme"),
        "colour scheme (auto follows the system)"
    ),
    pin!(0, "pin1"),
    pin!(1, "pin2"),
    pin!(2, "pin3"),
    pin!(3, "pin4"),
    Key {
        name: "import",
        scope: Scope::Pin,
        kind: Kind::Call,
        label: None,
        options: &[],
        meaning: meaning!("the code a scheduler call was imported from (*Code* → *Import*): its curve as the library computes it, drawn over the schedule"),
        disabled: never,
        get: |s| Val::Text(s.imported.clone()),
        set: |s, v| s.imported = v.text(),
        edit: Edit::Set,
    },
    Key {
        name: "static",
        scope: Scope::View,
        kind: Kind::Flag,
        label: Some("static (print, slides)"),
        options: &[],
        meaning: meaning!("the end state without interaction (print, slides)"),
        disabled: never,
        get: |s| Val::Flag(s.view.still),
        set: |s, v| s.view.still = v.on(),
        edit: Edit::Set,
    },
];

/// The keys of `scope`, in link order.
pub fn keys_in(scope: Scope) -> impl Iterator<Item = &'static Key> {
    KEYS.iter().filter(move |k| k.scope == scope)
}

/// Where the key called `name` sits in [`KEYS`]; evaluated in a constant (as [`key!`] does), a
/// name missing from the table fails the build.
pub const fn position(name: &str) -> usize {
    let mut i = 0;
    while i < KEYS.len() {
        if same(KEYS[i].name.as_bytes(), name.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("no key of that name in KEYS");
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The [`KEYS`] entry called `name`, if there is one (a link's key, a control's name).
pub fn key_named(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|key| key.name == name)
}

/// The [`KEYS`] entry called `$name`, looked up while compiling.
macro_rules! key {
    ($name:literal) => {{
        const KEY: &$crate::share::Key = &$crate::share::KEYS[$crate::share::position($name)];
        KEY
    }};
}

pub(crate) use key;
