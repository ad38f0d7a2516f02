//! sin, cos, exp, log and sqrt that give the same bits natively and in wasm.
//!
//! Natively these are the `libm` crate (the platform's libm differs in last bits). In wasm,
//! std's float methods already are that same libm code (compiled into compiler-builtins), so
//! calling them there keeps one copy of the transcendentals in the download instead of two.
//! `tests/landscape.rs` checks seeded paths bit for bit in both.

#[cfg(not(target_arch = "wasm32"))]
pub use libm::{cos, exp, log, sin, sqrt};

/// cos(x).
#[cfg(target_arch = "wasm32")]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

/// sin(x).
#[cfg(target_arch = "wasm32")]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// eˣ.
#[cfg(target_arch = "wasm32")]
pub fn exp(x: f64) -> f64 {
    x.exp()
}

/// The natural logarithm.
#[cfg(target_arch = "wasm32")]
pub fn log(x: f64) -> f64 {
    x.ln()
}

/// The square root (one wasm instruction, correctly rounded everywhere).
#[cfg(target_arch = "wasm32")]
pub fn sqrt(x: f64) -> f64 {
    x.sqrt()
}
