//! optax code: the schedule called at each step (sgdr spelled out one dict per cycle).

use crate::schedule::frameworks::closure::ClosureInput;
use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{closure_header, eager_loop, header, Mode, SnippetInput};

/// optax's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    let e = s.equivalent;
    let call = match &e.mode {
        Mode::OptaxSgdr(m) => {
            let dicts: Vec<String> = m
                .cycles
                .iter()
                .map(|c| {
                    format!(
                        "    dict(init_value={}, peak_value={}, warmup_steps={}, decay_steps={}, end_value={}),",
                        py_float(c.init_value),
                        py_float(c.peak_value),
                        c.warmup_steps,
                        c.decay_steps,
                        py_float(c.end_value)
                    )
                })
                .collect();
            format!("sgdr_schedule([\n{}\n])", dicts.join("\n"))
        }
        _ => e.call.clone(),
    };
    format!(
        "{}import jax\nimport optax\n\n# float64, as Anneal draws optax: jax computes in float32 unless told.\njax.config.update(\"jax_enable_x64\", True)\n\nschedule = optax.{call}\n\n{}",
        header(s),
        eager_loop(s.steps)
    )
}

/// optax's closure: `lr_at` tabulated, since optax calls a schedule inside `jit`, where a
/// Python branch on the step cannot run.
pub(super) fn closure(c: &ClosureInput) -> String {
    let n = c.steps;
    format!(
        "{}{}\nimport jax\nimport jax.numpy as jnp\n\njax.config.update(\"jax_enable_x64\", True)\n\n\n{}\n\n# optax calls the schedule inside jit, where Python cannot branch on the step: its values\n# are tabulated for the {n} steps shown, and the last one holds after them.\nLRS = jnp.array([lr_at(s) for s in range({n})])\n\n\ndef schedule(count):\n    return LRS[jnp.minimum(count, {})]\n\n\n{}",
        closure_header("optax", c, ""),
        c.imports,
        c.function,
        n.saturating_sub(1),
        eager_loop(n)
    )
}
