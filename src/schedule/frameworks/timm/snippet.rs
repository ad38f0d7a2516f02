//! timm code: `CosineLRScheduler` stepped with the step it should set.

use crate::schedule::frameworks::{header, torch_optimizer, SnippetInput};

/// timm's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    format!(
        "{}import torch\nfrom timm.scheduler import CosineLRScheduler\n\n{}for step in range({}):\n    scheduler.step(step)  # timm sets the lr for `step` directly\n    print(step, opt.param_groups[0][\"lr\"])\n",
        header(s),
        torch_optimizer(s.anneal.eta_max, &s.equivalent.call),
        s.steps
    )
}
