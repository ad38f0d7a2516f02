//! timm code: the scheduler stepped with the step it should set.

use crate::schedule::frameworks::{called_names, header, torch_optimizer, SnippetInput};

/// timm's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    format!(
        "{}import torch\nfrom timm.scheduler import {}\n\n{}for step in range({}):\n    scheduler.step(step)  # timm sets the lr for `step` directly\n    print(step, opt.param_groups[0][\"lr\"])\n",
        header(s),
        called_names(&s.equivalent.call).join(", "),
        torch_optimizer(s.equivalent.base, &s.equivalent.call),
        s.steps
    )
}
