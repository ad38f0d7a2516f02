//! Getting numbers out of Anneal: batch evaluation of golden-format documents.

mod batch;

pub use batch::{eval_document, MAX_POINTS};
