//! Getting numbers out of Anneal: batch evaluation of golden-format documents, each
//! framework's nearest equivalent of a schedule, and the series and state as files.

mod batch;
mod code;
mod departure;
mod import;
pub mod pycall;
mod pyexpr;
mod table;

pub use crate::schedule::frameworks::{equivalents, Equivalent};
pub use batch::{eval_document, MAX_POINTS};
pub use code::{snippet, snippets, Snippet};
pub use departure::{call_rates, departure, CallRates};
pub use import::{import, ImportError, Imported, MAX_IMPORT_CHARS};
pub use table::{
    csv_steps, series_csv, state_json, visible_csv, whole_steps, Column, ModeColumn, MAX_ROWS,
};
