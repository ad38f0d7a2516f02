//! What the libraries' nearest calls (each library's module builds its own [`Equivalent`]) say
//! alike about what they cannot express.
//!
//! [`Equivalent`]: super::Equivalent

use crate::schedule::{Anneal, WarmupPlacement, WarmupShape};

/// The notes every framework without k-decay, warm-up shapes or an overlapping warm-up shares
/// (`timm` has the first and the last).
pub(super) fn common_notes(a: &Anneal, notes: &mut Vec<String>, timm: bool) {
    if a.k_decay != 1.0 && !timm {
        notes.push("no k-decay: plain cosine".into());
    }
    if a.warmup.length > 0.0 && a.warmup.shape != WarmupShape::Linear {
        notes.push("warm-up is linear only".into());
    }
    if a.warmup.length > 0.0 && a.warmup.placement == WarmupPlacement::Overlap && !timm {
        notes.push(format!(
            "the cosine starts after the warm-up (no overlap), so it ends {} steps later",
            crate::format::format_value(a.warmup.length)
        ));
    }
}
