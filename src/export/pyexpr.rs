//! Arithmetic in a pasted argument, as Python evaluates it: `T_max=1876 - 113`,
//! `num_warmup_steps=int(0.06 * 1876)`. Numbers only; an expression that names anything
//! (`len(train_loader) * epochs`) has no value here and stays a name, which the parameter then
//! asks to be written as its value.

use super::pycall::Py;
use crate::schedule::frameworks::python::floordiv;

/// A Python number: int or float.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn float(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(v) => v,
        }
    }
}

/// `text` evaluated when it is arithmetic on numbers, else `Py::Name` of it.
pub fn expression(text: &str) -> Py {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut e = Eval { chars, pos: 0 };
    match e.sum() {
        Some(n) if e.pos == e.chars.len() => match n {
            Num::Int(i) => Py::Int(i),
            Num::Float(v) if v.is_finite() => Py::Num(v),
            Num::Float(_) => Py::Name(text.trim().into()),
        },
        _ => Py::Name(text.trim().into()),
    }
}

struct Eval {
    chars: Vec<char>,
    pos: usize,
}

impl Eval {
    fn eat(&mut self, s: &str) -> bool {
        let end = self.pos + s.chars().count();
        let found = self
            .chars
            .get(self.pos..end)
            .is_some_and(|w| w.iter().copied().eq(s.chars()));
        if found {
            self.pos = end;
        }
        found
    }

    /// Terms joined by `+` and `-`.
    fn sum(&mut self) -> Option<Num> {
        let mut acc = self.product()?;
        loop {
            acc = if self.eat("+") {
                arith(acc, self.product()?, i64::checked_add, |a, b| a + b)?
            } else if self.eat("-") {
                arith(acc, self.product()?, i64::checked_sub, |a, b| a - b)?
            } else {
                return Some(acc);
            };
        }
    }

    /// Factors joined by `*`, `/`, `//` and `%`.
    fn product(&mut self) -> Option<Num> {
        let mut acc = self.unary()?;
        loop {
            acc = if self.eat("//") {
                let b = self.unary()?;
                match (acc, b) {
                    (_, Num::Int(0)) => return None,
                    (Num::Int(a), Num::Int(b)) => {
                        Num::Int(a.div_euclid(b) - i64::from(b < 0 && a.rem_euclid(b) != 0))
                    }
                    _ if b.float() == 0.0 => return None,
                    _ => Num::Float(floordiv(acc.float(), b.float())),
                }
            } else if self.eat("*") {
                arith(acc, self.unary()?, i64::checked_mul, |a, b| a * b)?
            } else if self.eat("/") {
                let b = self.unary()?.float();
                (b != 0.0).then(|| Num::Float(acc.float() / b))?
            } else if self.eat("%") {
                let b = self.unary()?;
                match (acc, b) {
                    (_, Num::Int(0)) => return None,
                    (Num::Int(a), Num::Int(b)) => Num::Int(
                        a - b * (a.div_euclid(b) - i64::from(b < 0 && a.rem_euclid(b) != 0)),
                    ),
                    _ if b.float() == 0.0 => return None,
                    // CPython's float_rem: fmod, moved to the divisor's sign.
                    _ => {
                        let (a, b) = (acc.float(), b.float());
                        let m = a % b;
                        Num::Float(if m != 0.0 && (b < 0.0) != (m < 0.0) {
                            m + b
                        } else {
                            m
                        })
                    }
                }
            } else {
                return Some(acc);
            };
        }
    }

    /// A signed power.
    fn unary(&mut self) -> Option<Num> {
        if self.eat("-") {
            return match self.unary()? {
                Num::Int(i) => i.checked_neg().map(Num::Int),
                Num::Float(v) => Some(Num::Float(-v)),
            };
        }
        if self.eat("+") {
            return self.unary();
        }
        self.power()
    }

    /// An atom, raised by `**` (right to left, binding tighter than a sign on its left).
    fn power(&mut self) -> Option<Num> {
        let base = self.atom()?;
        if !self.eat("**") {
            return Some(base);
        }
        match (base, self.unary()?) {
            (Num::Int(b), Num::Int(e)) if e >= 0 => {
                b.checked_pow(u32::try_from(e).ok()?).map(Num::Int)
            }
            (b, e) => Some(Num::Float(b.float().powf(e.float()))),
        }
    }

    /// A number, a bracketed sum, or int(), float(), round(), abs(), math.floor(), math.ceil().
    fn atom(&mut self) -> Option<Num> {
        if self.eat("(") {
            let v = self.sum()?;
            return self.eat(")").then_some(v);
        }
        for (name, f) in FUNCTIONS {
            if self.eat(name) {
                let v = self.sum()?;
                return if self.eat(")") { f(v) } else { None };
            }
        }
        let start = self.pos;
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | 'e' | 'E'))
            || (self.pos > start
                && matches!(self.chars.get(self.pos), Some('-' | '+'))
                && matches!(self.chars[self.pos - 1], 'e' | 'E'))
        {
            self.pos += 1;
        }
        let text: String = self.chars[start..self.pos]
            .iter()
            .filter(|c| **c != '_')
            .collect();
        if !text.contains(['.', 'e', 'E']) {
            return text.parse().ok().map(Num::Int);
        }
        text.parse().ok().map(Num::Float)
    }
}

/// A function of one number.
type Function = fn(Num) -> Option<Num>;

/// The functions of one number an argument is often written with, as Python computes them.
const FUNCTIONS: [(&str, Function); 6] = [
    ("int(", |v| match v {
        Num::Int(_) => Some(v),
        Num::Float(x) => whole(x.trunc()),
    }),
    ("float(", |v| Some(Num::Float(v.float()))),
    // Python rounds halves to even.
    ("round(", |v| match v {
        Num::Int(_) => Some(v),
        Num::Float(x) => whole(x.round_ties_even()),
    }),
    ("abs(", |v| match v {
        Num::Int(i) => i.checked_abs().map(Num::Int),
        Num::Float(x) => Some(Num::Float(x.abs())),
    }),
    ("math.floor(", |v| whole(v.float().floor())),
    ("math.ceil(", |v| whole(v.float().ceil())),
];

/// Whether a call named `name` is one of the functions an expression may hold.
pub fn is_arithmetic(name: &str) -> bool {
    FUNCTIONS
        .iter()
        .any(|(f, _)| f.strip_suffix('(') == Some(name))
}

/// A whole float as a Python int, when it fits.
fn whole(x: f64) -> Option<Num> {
    (x.is_finite() && x.abs() < 9.2e18).then_some(Num::Int(x as i64))
}

/// `a op b`: in ints when both are (None on overflow, which Python would carry on past), else
/// in floats.
fn arith(
    a: Num,
    b: Num,
    int: fn(i64, i64) -> Option<i64>,
    float: fn(f64, f64) -> f64,
) -> Option<Num> {
    match (a, b) {
        (Num::Int(a), Num::Int(b)) => int(a, b).map(Num::Int),
        _ => Some(Num::Float(float(a.float(), b.float()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_on_numbers_is_pythons() {
        assert_eq!(expression("1876 - 113"), Py::Int(1763));
        assert_eq!(expression("int(0.06 * 1876)"), Py::Int(112));
        assert_eq!(expression("3e-4 * 0.5"), Py::Num(1.5e-4));
        assert_eq!(expression("7 / 2"), Py::Num(3.5));
        assert_eq!(expression("-7 // 2"), Py::Int(-4));
        assert_eq!(expression("-7 % 3"), Py::Int(2));
        assert_eq!(expression("7.5 // 2"), Py::Num(3.0));
        assert_eq!(expression("-2 ** 2"), Py::Int(-4));
        assert_eq!(expression("2 ** -1"), Py::Num(0.5));
        assert_eq!(expression("round(2.5) + round(3.5)"), Py::Int(6));
        assert_eq!(expression("math.ceil(1563 / 4) * 3"), Py::Int(1173));
        assert_eq!(expression("(10 + 5) * 2"), Py::Int(30));
        assert_eq!(expression("1_000 * 3"), Py::Int(3000));
        assert_eq!(expression("-7.5 % 2"), Py::Num(0.5));
    }

    #[test]
    fn an_expression_that_names_anything_stays_a_name() {
        for text in [
            "len(train_loader) * epochs // accum",
            "int(0.06 * total)",
            "1 / 0",
            "2 ** 10000",
        ] {
            assert_eq!(expression(text), Py::Name(text.into()), "{text}");
        }
    }
}
