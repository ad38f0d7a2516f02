//! What XLA:CPU computes for the float32 operations Keras's jax backend puts inside `ops.cond`.
//!
//! A branch of `ops.cond` is compiled as one fused kernel, unlike the eager operations around it:
//! LLVM contracts a multiply whose one use is an add into a fused multiply-add, XLA's algebraic
//! simplifier turns `a / pow(b, c)` into `a * pow(b, -c)`, and `log` is XLA's own polynomial (a
//! Cephes one) instead of the C library's. Read from XLA's dumped HLO and LLVM IR of Keras 3.15.1's
//! `CosineDecay` and `CosineDecayRestarts` on jax 0.10.2; every step agrees to the bit.

/// XLA:CPU's float32 `log`, with the fused multiply-adds LLVM makes of it.
pub fn log(x: f32) -> f32 {
    let k = f32::from_bits;
    // The mantissa in [0.5, 1) and the exponent; subnormals and non-positives go through the
    // smallest normal and are patched at the end.
    let normal = if x.is_nan() || x <= f32::MIN_POSITIVE {
        f32::MIN_POSITIVE
    } else {
        x
    };
    let bits = normal.to_bits();
    let exponent = 1.0 + ((bits >> 23) as i32 - 127) as f32;
    let m = f32::from_bits((bits & 0x807F_FFFF) | 0x3F00_0000);
    let low = m < k(0x3F35_04F3);
    let e = exponent - if low { 1.0 } else { 0.0 };
    let r = (m - 1.0) + if low { m } else { 0.0 };
    let r2 = r * r;
    let r3 = r2 * r;
    let y1 = r
        .mul_add(k(0x3D90_21BB), k(0xBDEB_D1B8))
        .mul_add(r, k(0x3DEF_251A));
    let y2 = r
        .mul_add(k(0xBDFE_5D4F), k(0x3E11_E9BF))
        .mul_add(r, k(0xBE2A_AE50));
    let y3 = r
        .mul_add(k(0x3E4C_CEAC), k(0xBE7F_FFFC))
        .mul_add(r, k(0x3EAA_AAAA));
    let y = y1.mul_add(r3, y2).mul_add(r3, y3);
    let y = y.mul_add(r3, k(0xB95E_8083) * e);
    let out = k(0x3F31_8000).mul_add(e, (r - 0.5 * r2) + y);
    // XLA runs with denormals read as zero.
    if x == 0.0 || x.is_subnormal() {
        f32::NEG_INFINITY
    } else if x == f32::INFINITY {
        f32::INFINITY
    } else if x.is_nan() || x < 0.0 {
        f32::NAN
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::log;

    /// `jnp.log(jnp.float32(x))` on jax 0.10.2's XLA:CPU, as bits: the first twelve where it
    /// differs from glibc's `logf`, then powers a restart's boundary lands on.
    const JAX: [(u32, u32); 22] = [
        (0x40493AF1, 0x3F92A1EE),
        (0x4078EFEE, 0x3FADDD5A),
        (0x3FA7E2A8, 0x3E8AE16F),
        (0x409F4989, 0x3FCD6FC4),
        (0x3F8ED1D1, 0x3DE05CCD),
        (0x40209C08, 0x3F6B8B34),
        (0x3F508878, 0xBE52006E),
        (0x404DDCC6, 0x3F958BAC),
        (0x3F4BE0EA, 0xBE691DD5),
        (0x3F8EA066, 0x3DDD97AE),
        (0x3F452079, 0xBE85CD0C),
        (0x3E32EAFB, 0xBFDF4D3E),
        (0x3FC00000, 0x3ECF991F),
        (0x40100000, 0x3F4F991F),
        (0x40580000, 0x3F9BB2D8),
        (0x40800000, 0x3FB17218),
        (0x41100000, 0x400C9F54),
        (0x41D80000, 0x4052EEFE),
        (0x3F800000, 0x00000000),
        (0x3F000000, 0xBF317218),
        (0x3A83126F, 0xC0DD0C55),
        (0x47F12000, 0x413B9408),
    ];

    #[test]
    fn log_equals_xla_to_the_bit() {
        for (x, want) in JAX {
            let x = f32::from_bits(x);
            assert_eq!(log(x).to_bits(), want, "log({x})");
        }
    }

    #[test]
    fn log_of_zero_subnormals_negatives_and_infinity() {
        assert_eq!(log(0.0), f32::NEG_INFINITY);
        assert_eq!(log(1e-40), f32::NEG_INFINITY, "XLA reads denormals as zero");
        assert!(log(-1.0).is_nan() && log(f32::NAN).is_nan());
        assert_eq!(log(f32::INFINITY), f32::INFINITY);
    }
}
