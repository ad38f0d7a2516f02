//! Keras code: the schedule object called at each step.

use crate::schedule::frameworks::{header, SnippetInput};

/// Keras's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    format!(
        "{}import keras\n\nschedule = keras.optimizers.schedules.{}\n\nfor step in range({}):\n    print(step, float(schedule(step)))\n",
        header(s),
        s.equivalent.call,
        s.steps
    )
}
