//! Getting numbers out of Anneal: batch evaluation of golden-format documents, and each
//! framework's nearest equivalent of a schedule.

mod batch;
mod equivalents;

pub use batch::{eval_document, MAX_POINTS};
pub use equivalents::{equivalents, Equivalent};
