//! Arithmetic in a pasted argument, as Python evaluates it: `T_max=1876 - 113`,
//! `num_warmup_steps=int(0.06 * 1876)`. Numbers only; an expression that names anything
//! (`len(train_loader) * epochs`) has no value here and stays a name, which the parameter then
//! asks to be written as its value.

use super::pycall::Py;
use crate::schedule::frameworks::python::floordiv;

/// A Python number: its value, and whether it is an int (exact while below 2⁵³, where step
/// counts are; past that it is read as the float it rounds to).
#[derive(Clone, Copy)]
struct Num {
    v: f64,
    int: bool,
}

/// `v` as a Python float (what `/` and `float()` give).
fn float(v: f64) -> Num {
    Num { v, int: false }
}

/// `text` evaluated when it is arithmetic on numbers, else `Py::Name` of it.
pub fn expression(text: &str) -> Py {
    let mut e = Eval {
        s: text.as_bytes(),
        pos: 0,
    };
    let n = e.sum();
    e.skip_space();
    match n {
        Some(n) if e.pos == text.len() && n.v.is_finite() => {
            if n.int && n.v.abs() < 9.007e15 {
                Py::Int(n.v as i64)
            } else {
                Py::Num(n.v)
            }
        }
        _ => Py::Name(text.trim().into()),
    }
}

struct Eval<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Eval<'_> {
    /// Spaces separate tokens (`5 6` is two numbers, not 56).
    fn skip_space(&mut self) {
        while self.s.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        let found = self.s[self.pos..].starts_with(token.as_bytes());
        if found {
            self.pos += token.len();
        }
        found
    }

    /// Terms joined by `+` and `-`.
    fn sum(&mut self) -> Option<Num> {
        let mut a = self.product()?;
        loop {
            let sign = if self.eat("+") {
                1.0
            } else if self.eat("-") {
                -1.0
            } else {
                return Some(a);
            };
            let b = self.product()?;
            a = Num {
                v: a.v + sign * b.v,
                int: a.int && b.int,
            };
        }
    }

    /// Factors joined by `*`, `/`, `//` and `%`.
    fn product(&mut self) -> Option<Num> {
        let mut a = self.unary()?;
        loop {
            let op = ["//", "*", "/", "%"].into_iter().find(|op| self.eat(op));
            let Some(op) = op else {
                return Some(a);
            };
            let b = self.unary()?;
            let int = a.int && b.int;
            if op != "*" && b.v == 0.0 {
                return None;
            }
            a = match op {
                "*" => Num { v: a.v * b.v, int },
                "/" => float(a.v / b.v),
                "//" => Num {
                    v: floordiv(a.v, b.v),
                    int,
                },
                // CPython's remainder: fmod, moved to the divisor's sign.
                _ => {
                    let m = a.v % b.v;
                    let v = if m != 0.0 && (b.v < 0.0) != (m < 0.0) {
                        m + b.v
                    } else {
                        m
                    };
                    Num { v, int }
                }
            };
        }
    }

    /// A signed power: `-2 ** 2` is −4.
    fn unary(&mut self) -> Option<Num> {
        if self.eat("-") {
            return self.unary().map(|n| Num { v: -n.v, ..n });
        }
        if self.eat("+") {
            return self.unary();
        }
        let base = self.atom()?;
        if !self.eat("**") {
            return Some(base);
        }
        let e = self.unary()?;
        Some(Num {
            v: base.v.powf(e.v),
            int: base.int && e.int && e.v >= 0.0,
        })
    }

    /// A number, a bracketed sum, or one of [`FUNCTIONS`] of one.
    fn atom(&mut self) -> Option<Num> {
        let function = FUNCTIONS.iter().position(|f| self.eat(f));
        if function.is_some() || self.eat("(") {
            let n = self.sum()?;
            if !self.eat(")") {
                return None;
            }
            let whole = |v: f64| Num { v, int: true };
            return Some(match function {
                None => n,
                Some(1) => float(n.v),
                Some(3) => Num { v: n.v.abs(), ..n },
                Some(_) if n.int => n,
                Some(0) => whole(n.v.trunc()),
                // Python rounds halves to even.
                Some(2) => whole(n.v.round_ties_even()),
                Some(4) => whole(n.v.floor()),
                _ => whole(n.v.ceil()),
            });
        }
        self.skip_space();
        let start = self.pos;
        while let Some(&c) = self.s.get(self.pos) {
            let sign = matches!(c, b'-' | b'+')
                && self.pos > start
                && matches!(self.s[self.pos - 1], b'e' | b'E');
            if !(c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'e' | b'E') || sign) {
                break;
            }
            self.pos += 1;
        }
        let text: String = self.s[start..self.pos]
            .iter()
            .filter(|&&c| c != b'_')
            .map(|&c| char::from(c))
            .collect();
        let v = text.parse().ok()?;
        Some(Num {
            v,
            int: !text.contains(['.', 'e', 'E']),
        })
    }
}

/// The functions of one number an argument is often written with (their order is `atom`'s).
const FUNCTIONS: [&str; 6] = [
    "int(",
    "float(",
    "round(",
    "abs(",
    "math.floor(",
    "math.ceil(",
];

/// Whether a call named `name` is one of the functions an expression may hold.
pub fn is_arithmetic(name: &str) -> bool {
    FUNCTIONS.iter().any(|f| f.strip_suffix('(') == Some(name))
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
        assert_eq!(expression("float(3) / 2"), Py::Num(1.5));
        assert_eq!(expression("abs(-100) * 2"), Py::Int(200));
        assert_eq!(expression("abs(-2.5)"), Py::Num(2.5));
        assert_eq!(expression("2 ** 3 ** 2"), Py::Int(512));
        assert_eq!(expression(" ( 1876 - 113 ) "), Py::Int(1763));
    }

    #[test]
    fn an_expression_without_a_number_for_its_value_stays_text() {
        // Names, Python's errors (ZeroDivisionError, OverflowError, SyntaxError) and ints past
        // a float.
        for text in [
            "len(train_loader) * epochs // accum",
            "int(0.06 * total)",
            "1 / 0",
            "10 ** 400",
            "10 + 5 6",
            "2 * * 3",
            "1 +",
        ] {
            assert_eq!(expression(text), Py::Name(text.into()), "{text}");
        }
    }
}
