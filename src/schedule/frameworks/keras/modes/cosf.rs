//! The float32 cosine of Keras's cosine schedules on the jax backend. XLA:CPU calls the C
//! library's `cosf`; glibc's (2.28 on, built from Arm's optimized-routines) reduces the angle and
//! evaluates a polynomial in float64, then rounds, which lands a float32 ulp off the nearest
//! value in about one case in two hundred (cos 1.031754 is 0.5133143, the nearest float
//! 0.51331437). Rust's `f32::cos` is that function natively but musl's in wasm, so the page
//! computes it here, with the multiply-adds x86-64 glibc's FMA build fuses.

/// 2/π · 2²⁴: the quadrant lands in bits 24 and up of the scaled angle.
const HPI_INV: f64 = f64::from_bits(0x4164_5F30_6DC9_C883);
/// π/2.
const HPI: f64 = f64::from_bits(0x3FF9_21FB_5444_2D18);
/// The cosine polynomial in x²: c0 + c1·x² + c2·x⁴ + c3·x⁶ + c4·x⁸.
const COS: [f64; 5] = [
    1.0,
    f64::from_bits(0xBFDF_FFFF_FD0C_621C),
    f64::from_bits(0x3FA5_5553_E106_8F19),
    f64::from_bits(0xBF56_C087_E89A_359D),
    f64::from_bits(0x3EF9_9343_027B_F8C3),
];
/// The sine polynomial: x + x³·(s1 + s2·x² + s3·x⁴).
const SIN: [f64; 3] = [
    f64::from_bits(0xBFC5_5554_5995_A603),
    f64::from_bits(0x3F81_1076_0523_0BC4),
    f64::from_bits(0xBF29_94EB_3774_CF24),
];

/// The top bits glibc compares magnitudes by: exponent and three mantissa bits.
fn top12(x: f32) -> u32 {
    (x.to_bits() >> 20) & 0x7ff
}

/// The polynomial for quadrant `n` at the reduced angle `x`: the sine's for even `n`, the
/// cosine's for odd, negated when `negate`.
fn poly(x: f64, x2: f64, n: i32, negate: bool) -> f32 {
    if n & 1 == 0 {
        let x3 = x * x2;
        let s1 = x2.mul_add(SIN[2], SIN[1]);
        let x7 = x3 * x2;
        let s = x3.mul_add(SIN[0], x);
        return x7.mul_add(s1, s) as f32;
    }
    let sign = if negate { -1.0 } else { 1.0 };
    let c = COS.map(|k| k * sign);
    let x4 = x2 * x2;
    let c2 = x2.mul_add(c[4], c[3]);
    let c1 = x2.mul_add(c[1], c[0]);
    let x6 = x4 * x2;
    let c0 = x4.mul_add(c[2], c1);
    x6.mul_add(c2, c0) as f32
}

/// cos `y` as glibc's `cosf` computes it, for |y| < 120 (Keras's angles lie in [0, π]); beyond,
/// the float64 cosine rounded.
pub fn cos(y: f32) -> f32 {
    let x = f64::from(y);
    if top12(y) < top12(std::f32::consts::FRAC_PI_4) {
        if top12(y) < top12(1.0 / 4096.0) {
            return 1.0;
        }
        return poly(x, x * x, 1, false);
    }
    if top12(y) >= top12(120.0) {
        return x.cos() as f32;
    }
    let n = ((x * HPI_INV) as i32).wrapping_add(0x80_0000) >> 24;
    let r = (-f64::from(n)).mul_add(HPI, x);
    let sign = if n & 1 == 0 { 1.0 } else { -1.0 };
    let sign = if n & 2 == 0 { sign } else { -sign };
    poly(r * sign, r * r, n ^ 1, n & 2 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_glibcs_cosf_to_the_bit() {
        // Where the nearest float is not glibc's, and where only the fused multiply-subtract
        // of the reduction gives glibc's (every float of ±120 was compared once: all equal).
        assert_eq!(cos(1.031_754), 0.513_314_3);
        assert_ne!(cos(1.031_754), 1.031_754f64.cos() as f32);
        assert_eq!(cos(17.278_738), -2.157_289_4e-5);
        if !super::super::libm_is_glibc_fma() {
            return;
        }
        // f32::cos is the C library's cosf: every 997th float of [0, 120), negatives too.
        let mut bits = 0u32;
        while f32::from_bits(bits) < 120.0 {
            let y = f32::from_bits(bits);
            for y in [y, -y] {
                assert_eq!(cos(y).to_bits(), y.cos().to_bits(), "cos {y:e}");
            }
            bits += 997;
        }
    }
}
