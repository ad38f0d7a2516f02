//! timm code: the scheduler, its lengths in optimizer steps, updated once per step.

use crate::schedule::frameworks::closure::ClosureInput;
use crate::schedule::frameworks::{
    called_names, header, torch_lambda, torch_optimizer, SnippetInput,
};

/// timm's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    format!(
        "{}import torch\nfrom timm.scheduler import {}\n\n{}for step in range({}):\n    scheduler.step_update(step)  # the lr for optimizer step `step`\n    print(step, opt.param_groups[0][\"lr\"])\n    opt.step()\n",
        header(s),
        called_names(&s.equivalent.call).join(", "),
        torch_optimizer(s.equivalent.base, &s.equivalent.call),
        s.steps
    )
}

/// timm's closure: timm has no function scheduler, so a torch `LambdaLR` on the same optimizer.
pub(super) fn closure(c: &ClosureInput) -> String {
    torch_lambda("timm", c)
}
