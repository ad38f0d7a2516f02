//! What the libraries' nearest calls (each library's module builds its own [`Equivalent`]) say
//! alike about what they cannot express.
//!
//! [`Equivalent`]: super::Equivalent

use crate::schedule::{Anneal, WarmupPlacement, WarmupScope, WarmupShape};

/// The note for k-decay, which only timm follows.
pub(super) fn common_notes(a: &Anneal, notes: &mut Vec<String>, timm: bool) {
    if a.k_decay != 1.0 && !timm {
        notes.push("no k-decay: plain cosine".into());
    }
}

/// What a library's call keeping a linear warm-up cannot follow of Anneal's: its shape, an
/// overlap with the cosine (unless `overlap`), a warm-up before every cycle (unless
/// `every_cycle`). A call that drops the warm-up says so instead.
pub(super) fn warmup_notes(a: &Anneal, notes: &mut Vec<String>, overlap: bool, every_cycle: bool) {
    let w = &a.warmup;
    if w.length <= 0.0 {
        return;
    }
    if w.shape != WarmupShape::Linear {
        notes.push("warm-up is linear only".into());
    }
    if w.placement == WarmupPlacement::Overlap && !overlap {
        notes.push(format!(
            "the cosine starts after the warm-up (no overlap), so it ends {} steps later",
            crate::format::format_value(w.length)
        ));
    }
    if a.restarts && w.scope == WarmupScope::EveryCycle && !every_cycle {
        notes.push("one warm-up, before the first cycle".into());
    }
}
