//! Hugging Face code: the schedule function over a torch optimizer, stepped like PyTorch.

use crate::schedule::frameworks::closure::ClosureInput;
use crate::schedule::frameworks::{
    header, torch_lambda, torch_loop, torch_optimizer, SnippetInput,
};

/// Hugging Face's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    let call = &s.equivalent.call;
    let function = call.split('(').next().unwrap_or_default();
    format!(
        "{}import torch\nfrom transformers import {function}\n\n{}{}",
        header(s),
        torch_optimizer(s.equivalent.base, call),
        torch_loop(s.steps)
    )
}

/// Hugging Face's closure: a torch `LambdaLR`, which is what its schedule functions return.
pub(super) fn closure(c: &ClosureInput) -> String {
    torch_lambda("Hugging Face", c)
}
