//! Keras code: the schedule object called at each step.

use crate::schedule::frameworks::closure::ClosureInput;
use crate::schedule::frameworks::{closure_header, eager_loop, header, SnippetInput};

/// Keras's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    format!(
        "{}import keras\n\nschedule = keras.optimizers.schedules.{}\n\n{}",
        header(s),
        s.equivalent.call,
        eager_loop(s.steps)
    )
}

/// Keras's closure: `lr_at` tabulated in a `LearningRateSchedule`, since Keras traces the
/// schedule, where a Python branch on the step cannot run.
pub(super) fn closure(c: &ClosureInput) -> String {
    let n = c.steps;
    format!(
        "{}{}\nimport keras\n\n\n{}\n\nclass AnnealSchedule(keras.optimizers.schedules.LearningRateSchedule):\n    \"\"\"lr_at tabulated for the first `steps` steps (Keras traces a schedule, where Python\n    cannot branch on the step); the last value holds after them.\"\"\"\n\n    def __init__(self, steps):\n        self.steps = steps\n        self.table = keras.ops.convert_to_tensor([lr_at(s) for s in range(steps)], dtype=\"float32\")\n\n    def __call__(self, step):\n        return keras.ops.take(self.table, keras.ops.minimum(step, self.steps - 1))\n\n    def get_config(self):\n        return {{\"steps\": self.steps}}\n\n\nschedule = AnnealSchedule({n})\n\n{}",
        closure_header("Keras", c, " (to float32 rounding)"),
        c.imports,
        c.function,
        eager_loop(n)
    )
}
