//! optax code: the schedule called at each step (sgdr spelled out one dict per cycle).

use crate::schedule::frameworks::python::py_float;
use crate::schedule::frameworks::{header, Mode, SnippetInput};

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
        "{}import jax\nimport optax\n\n# float64, as Anneal draws optax: jax computes in float32 unless told.\njax.config.update(\"jax_enable_x64\", True)\n\nschedule = optax.{call}\n\nfor step in range({}):\n    print(step, float(schedule(step)))\n",
        header(s),
        s.steps
    )
}
