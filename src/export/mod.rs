//! Getting numbers out of Anneal: batch evaluation of golden-format documents, each
//! framework's nearest equivalent of a schedule, and the series and state as files.

mod batch;
mod equivalents;
mod table;

pub use batch::{eval_document, MAX_POINTS};
pub use equivalents::{equivalents, Equivalent};
pub use table::{csv_steps, series_csv, state_json, whole_steps, Column, MAX_ROWS};
