//! The float32 power of Keras's decays on the jax backend (`ExponentialDecay`'s rate, a
//! polynomial's and a restart's factors): XLA:CPU calls the C library's `powf`, and glibc's (2.28
//! on, built from Arm's optimized-routines) is log2 from a 16-entry table and a polynomial, then
//! exp2 from a 32-entry table, in float64, off the nearest float now and then (0.50075 ** 1.4 is
//! 0.37972516, the nearest float 0.37972513). Rust's `f32::powf` is that function natively but
//! another in wasm, so the page computes it here, with the multiply-adds x86-64 glibc's FMA
//! build fuses.

/// 1/c and log2(c) for the sixteen subintervals of the mantissa's range.
const LOG2_TABLE: [(f64, f64); 16] = [
    (
        f64::from_bits(0x3FF6_61EC_79F8_F3BE),
        f64::from_bits(0xBFDE_FEC6_5B96_3019),
    ),
    (
        f64::from_bits(0x3FF5_71ED_4AAF_883D),
        f64::from_bits(0xBFDB_0B68_32D4_FCA4),
    ),
    (
        f64::from_bits(0x3FF4_9539_F0F0_10B0),
        f64::from_bits(0xBFD7_418B_0A1F_B77B),
    ),
    (
        f64::from_bits(0x3FF3_C995_B0B8_0385),
        f64::from_bits(0xBFD3_9DE9_1A6D_CF7B),
    ),
    (
        f64::from_bits(0x3FF3_0D19_0C88_64A5),
        f64::from_bits(0xBFD0_1D9B_F3F2_B631),
    ),
    (
        f64::from_bits(0x3FF2_5E22_7B0B_8EA0),
        f64::from_bits(0xBFC9_7C1D_1B3B_7AF0),
    ),
    (
        f64::from_bits(0x3FF1_BB4A_4A1A_343F),
        f64::from_bits(0xBFC2_F9E3_93AF_3C9F),
    ),
    (
        f64::from_bits(0x3FF1_2358_F08A_E5BA),
        f64::from_bits(0xBFB9_60CB_BF78_8D5C),
    ),
    (
        f64::from_bits(0x3FF0_953F_4199_00A7),
        f64::from_bits(0xBFAA_6F9D_B647_5FCE),
    ),
    (1.0, 0.0),
    (
        f64::from_bits(0x3FEE_608C_FD9A_47AC),
        f64::from_bits(0x3FB3_38CA_9F24_F53D),
    ),
    (
        f64::from_bits(0x3FEC_A4B3_1F02_6AA0),
        f64::from_bits(0x3FC4_76A9_5438_91BA),
    ),
    (
        f64::from_bits(0x3FEB_2036_576A_FCE6),
        f64::from_bits(0x3FCE_840B_4AC4_E4D2),
    ),
    (
        f64::from_bits(0x3FE9_C2D1_63A1_AA2D),
        f64::from_bits(0x3FD4_0645_F0C6_651C),
    ),
    (
        f64::from_bits(0x3FE8_86E6_0378_41ED),
        f64::from_bits(0x3FD8_8E9C_2C1B_9FF8),
    ),
    (
        f64::from_bits(0x3FE7_67DC_F553_4862),
        f64::from_bits(0x3FDC_E0A4_4EB1_7BCC),
    ),
];
/// log1p(r)/ln 2 ≈ A0·r⁵ + A1·r⁴ + A2·r³ + A3·r² + A4·r.
const LOG2_POLY: [f64; 5] = [
    f64::from_bits(0x3FD2_7616_C949_6E0B),
    f64::from_bits(0xBFD7_1969_A075_C67A),
    f64::from_bits(0x3FDE_C70A_6CA7_BADD),
    f64::from_bits(0xBFE7_1547_48BE_F6C8),
    f64::from_bits(0x3FF7_1547_652A_B82B),
];
/// 2^(i/32) with i·2⁴⁷ taken off its bits, so adding k·2⁴⁷ scales it by 2^(k div 32).
const EXP2_TABLE: [u64; 32] = [
    0x3FF0_0000_0000_0000,
    0x3FEF_D9B0_D315_8574,
    0x3FEF_B558_6CF9_890F,
    0x3FEF_9301_D012_5B51,
    0x3FEF_72B8_3C7D_517B,
    0x3FEF_5487_3168_B9AA,
    0x3FEF_387A_6E75_6238,
    0x3FEF_1E9D_F51F_DEE1,
    0x3FEF_06FE_0A31_B715,
    0x3FEE_F1A7_373A_A9CB,
    0x3FEE_DEA6_4C12_3422,
    0x3FEE_CE08_6061_892D,
    0x3FEE_BFDA_D536_2A27,
    0x3FEE_B42B_569D_4F82,
    0x3FEE_AB07_DD48_5429,
    0x3FEE_A47E_B03A_5585,
    0x3FEE_A09E_667F_3BCD,
    0x3FEE_9F75_E8EC_5F74,
    0x3FEE_A114_73EB_0187,
    0x3FEE_A589_994C_CE13,
    0x3FEE_ACE5_422A_A0DB,
    0x3FEE_B737_B0CD_C5E5,
    0x3FEE_C491_82A3_F090,
    0x3FEE_D503_B23E_255D,
    0x3FEE_E89F_995A_D3AD,
    0x3FEE_FF76_F2FB_5E47,
    0x3FEF_199B_DD85_529C,
    0x3FEF_3720_DCEF_9069,
    0x3FEF_5818_DCFB_A487,
    0x3FEF_7C97_337B_9B5F,
    0x3FEF_A4AF_A2A4_90DA,
    0x3FEF_D076_5B6E_4540,
];
/// 2^r ≈ C0·r³ + C1·r² + C2·r + 1 on [−1/64, 1/64].
const EXP2_POLY: [f64; 3] = [
    f64::from_bits(0x3FAC_6AF8_4B91_2394),
    f64::from_bits(0x3FCE_BFCE_50FA_C4F3),
    f64::from_bits(0x3FE6_2E42_FF0C_52D6),
];
/// 1.5·2⁵² / 32: adding it rounds to a multiple of 1/32 and leaves k in the low bits.
const SHIFT: f64 = f64::from_bits(0x42E8_0000_0000_0000);
/// The sign bit of the result, added to k before it is shifted into the exponent.
const SIGN_BIAS: u64 = 1 << 16;

/// log2 of the float with bits `ix` (a subnormal's normalized to a negative exponent).
fn log2(ix: u32) -> f64 {
    let tmp = ix.wrapping_sub(0x3F33_0000);
    let (inv_c, log_c) = LOG2_TABLE[((tmp >> 19) % 16) as usize];
    let top = tmp & 0xFF80_0000;
    let z = f64::from(f32::from_bits(ix.wrapping_sub(top)));
    let k = f64::from((top as i32) >> 23);
    let r = z.mul_add(inv_c, -1.0);
    let y0 = log_c + k;
    let r2 = r * r;
    let y = LOG2_POLY[0].mul_add(r, LOG2_POLY[1]);
    let p = LOG2_POLY[2].mul_add(r, LOG2_POLY[3]);
    let r4 = r2 * r2;
    let q = LOG2_POLY[4].mul_add(r, y0);
    let q = p.mul_add(r2, q);
    y.mul_add(r4, q)
}

/// 2^`xd` with the sign `sign_bias` gives, rounded to float32.
fn exp2(xd: f64, sign_bias: u64) -> f32 {
    let kd = xd + SHIFT;
    let ki = kd.to_bits();
    let r = xd - (kd - SHIFT);
    let s = f64::from_bits(
        EXP2_TABLE[(ki % 32) as usize].wrapping_add(ki.wrapping_add(sign_bias) << 47),
    );
    let z = EXP2_POLY[0].mul_add(r, EXP2_POLY[1]);
    let r2 = r * r;
    let y = EXP2_POLY[2].mul_add(r, 1.0);
    (z.mul_add(r2, y) * s) as f32
}

/// 0 when the float with bits `iy` is not a whole number, 1 when odd, 2 when even.
fn whole(iy: u32) -> u8 {
    let e = (iy >> 23) & 0xFF;
    if e < 0x7F {
        return 0;
    }
    if e > 0x7F + 23 {
        return 2;
    }
    let unit = 1u32 << (0x7F + 23 - e);
    if iy & (unit - 1) != 0 {
        0
    } else if iy & unit != 0 {
        1
    } else {
        2
    }
}

/// Whether the float with bits `i` is ±0, ±infinity or NaN.
fn zero_inf_nan(i: u32) -> bool {
    (i << 1).wrapping_sub(1) >= 0xFF00_0000 - 1
}

/// `x` ** `y` as glibc's `powf` computes it.
pub fn pow(x: f32, y: f32) -> f32 {
    let (mut ix, iy) = (x.to_bits(), y.to_bits());
    let mut sign_bias = 0;
    if ix.wrapping_sub(0x0080_0000) >= 0x7F80_0000 - 0x0080_0000 || zero_inf_nan(iy) {
        if zero_inf_nan(iy) {
            if iy << 1 == 0 || ix == 0x3F80_0000 {
                return 1.0;
            }
            if ix << 1 > 0xFF00_0000 || iy << 1 > 0xFF00_0000 {
                return x + y;
            }
            if ix << 1 == 0x7F00_0000 {
                return 1.0;
            }
            if (ix << 1 < 0x7F00_0000) == (iy & 0x8000_0000 == 0) {
                return 0.0;
            }
            return y * y;
        }
        if zero_inf_nan(ix) {
            let x2 = if ix & 0x8000_0000 != 0 && whole(iy) == 1 {
                -(x * x)
            } else {
                x * x
            };
            return if iy & 0x8000_0000 != 0 { 1.0 / x2 } else { x2 };
        }
        if ix & 0x8000_0000 != 0 {
            match whole(iy) {
                0 => return f32::NAN,
                1 => sign_bias = SIGN_BIAS,
                _ => {}
            }
            ix &= 0x7FFF_FFFF;
        }
        if ix < 0x0080_0000 {
            // Normalized, with an exponent below the biased range (it wraps, as in C).
            ix =
                ((f32::from_bits(ix) * 8_388_608.0).to_bits() & 0x7FFF_FFFF).wrapping_sub(23 << 23);
        }
    }
    let ylogx = f64::from(y) * log2(ix);
    let sign = if sign_bias == 0 { 1.0 } else { -1.0 };
    if (ylogx.to_bits() >> 47 & 0xFFFF) >= 126f64.to_bits() >> 47 {
        if ylogx > f64::from_bits(0x405F_FFFF_FFD1_D571) {
            return sign * f32::INFINITY;
        }
        if ylogx <= -150.0 {
            return sign * 0.0;
        }
    }
    exp2(ylogx, sign_bias)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_glibcs_powf_to_the_bit() {
        // Where the nearest float is not glibc's.
        assert_eq!(pow(0.500_75, 1.4), 0.379_725_16);
        assert_ne!(
            pow(0.500_75, 1.4),
            0.500_75f64.powf(f64::from(1.4f32)) as f32
        );
        assert_eq!(pow(-2.0, 3.0), -8.0);
        assert!(pow(-2.0, 0.5).is_nan());
        if !super::super::libm_is_glibc_fma() {
            return;
        }
        // f32::powf is the C library's powf: bases and exponents across their ranges, signs,
        // zeros, subnormals, infinities and NaN.
        let mut specials = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            -2.0,
            0.5,
            3.0,
            1e-45,
            f32::MIN_POSITIVE,
        ];
        specials.extend([
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            126.0,
            -150.0,
            127.9,
        ]);
        let mut bits = 1u32;
        let mut xs = specials.clone();
        while bits < 0x7F80_0000 {
            xs.push(f32::from_bits(bits));
            xs.push(-f32::from_bits(bits));
            bits += 0x3_1337;
        }
        for &x in &xs {
            for &y in specials.iter().chain(&xs[..xs.len().min(800)]) {
                let (got, want) = (pow(x, y), x.powf(y));
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{x:e} ** {y:e}: {got:e}, glibc {want:e}"
                );
            }
        }
    }
}
