//! What the libraries' nearest calls (each library's module builds its own [`Equivalent`]) say
//! alike about what they cannot express.
//!
//! [`Equivalent`]: super::Equivalent

use crate::schedule::{Anneal, WarmupShape};

/// The notes every framework without k-decay or warm-up shapes shares.
pub(super) fn common_notes(a: &Anneal, notes: &mut Vec<String>, has_k_decay: bool) {
    if a.k_decay != 1.0 && !has_k_decay {
        notes.push("no k-decay: plain cosine".into());
    }
    if a.warmup.length > 0.0 && a.warmup.shape != WarmupShape::Linear {
        notes.push("warm-up is linear only".into());
    }
}
