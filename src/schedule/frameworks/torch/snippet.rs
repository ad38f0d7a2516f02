//! PyTorch code: the built-in call when it is exact, else a `LambdaLR` over Anneal's own
//! formula in Python.

use crate::schedule::frameworks::closure::{function, ClosureInput};
use crate::schedule::frameworks::{
    called_names, header, torch_lambda, torch_loop, torch_loop_printing, torch_optimizer,
    SnippetInput,
};
use crate::schedule::{Family, Schedule};

/// PyTorch's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    match s.anneal {
        // A cosine is the one shape PyTorch's own schedulers come close to without matching:
        // its formula is the code, with the nearest call named.
        Some(a) if !s.exact() => {
            let e = s.equivalent;
            let nearest = e.call.split('(').next().unwrap_or_default();
            let why = format!("the nearest, {nearest}, differs: {}", e.notes.join("; "));
            let cosine = Schedule::single(Family::Cosine(a.clone()));
            let (imports, function) = function(&cosine);
            closure(&ClosureInput {
                imports: &imports,
                function: &function,
                steps: s.steps,
                why: &why,
                nearest: Some(&e.call),
                peak: cosine.peak(s.horizon),
            })
        }
        _ => format!(
            "{}import torch\nfrom torch.optim.lr_scheduler import {}\n\n{}{}",
            header(s),
            called_names(&s.equivalent.call).join(", "),
            torch_optimizer(s.equivalent.base, &s.equivalent.call),
            if s.equivalent.mode.momentum(0.0).is_some() {
                momentum_loop(s.steps)
            } else {
                torch_loop(s.steps)
            }
        ),
    }
}

/// PyTorch's loop for a scheduler that cycles the momentum: the momentum printed beside the lr.
fn momentum_loop(steps: u64) -> String {
    format!(
        "# The scheduler cycles SGD's momentum inversely to the lr (cycle_momentum=True).\n{}",
        torch_loop_printing(steps, ", opt.param_groups[0][\"momentum\"]")
    )
}

/// PyTorch's closure: a `LambdaLR`.
pub(super) fn closure(c: &ClosureInput) -> String {
    torch_lambda("PyTorch", c)
}
