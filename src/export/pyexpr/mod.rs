//! Arithmetic in a pasted argument, as Python evaluates it: `T_max=1876 - 113`,
//! `num_warmup_steps=int(0.06 * 1876)`. Numbers only; an expression that names anything
//! (`len(train_loader) * epochs`) has no value here and stays a name, which the parameter then
//! asks to be written as its value.

mod names;

pub use names::Names;

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

/// `text` evaluated when it is arithmetic on numbers and `names`, else `Py::Name` of it.
pub fn expression(text: &str, names: &Names) -> Py {
    match Eval::new(text, names).whole() {
        Some(n) if n.int && n.v.abs() < 9.007e15 => Py::Int(n.v as i64),
        Some(n) => Py::Num(n.v),
        None => Py::Name(text.trim().into()),
    }
}

struct Eval<'a> {
    s: &'a [u8],
    pos: usize,
    names: &'a Names,
    /// Nesting so far: a pasted text of thousands of `(` or `-` would overflow the stack.
    depth: usize,
}

/// Brackets and signs nested deeper than this are not read (no one writes them).
const MAX_DEPTH: usize = 64;

impl<'a> Eval<'a> {
    fn new(text: &'a str, names: &'a Names) -> Self {
        Eval {
            s: text.as_bytes(),
            pos: 0,
            names,
            depth: 0,
        }
    }

    /// The whole text's finite value, if it is one expression.
    fn whole(&mut self) -> Option<Num> {
        let n = self.negation()?;
        self.skip_space();
        (self.pos == self.s.len() && n.v.is_finite()).then_some(n)
    }

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

    /// `not x`, below arithmetic as in Python (`not 1 - 1` is True): 1 when `x` is 0, else 0.
    fn negation(&mut self) -> Option<Num> {
        self.skip_space();
        // The keyword, not a name that starts with it (`nothing`).
        let keyword = self.s[self.pos..]
            .strip_prefix(b"not")
            .and_then(|rest| rest.first())
            .is_some_and(|c| !c.is_ascii_alphanumeric() && *c != b'_');
        if !keyword {
            return self.sum();
        }
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.pos += 3;
        self.depth += 1;
        let n = self.negation();
        self.depth -= 1;
        n.map(|n| Num {
            v: f64::from(u8::from(n.v == 0.0)),
            int: true,
        })
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
        self.depth += 1;
        let n = self.signed();
        self.depth -= 1;
        n
    }

    fn signed(&mut self) -> Option<Num> {
        if self.depth > MAX_DEPTH {
            return None;
        }
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
            let n = self.negation()?;
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
        if self
            .s
            .get(start)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        {
            while self
                .s
                .get(self.pos)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'))
            {
                self.pos += 1;
            }
            // Python's bools are the ints 1 and 0 (`flag = False` assigns 0).
            return match &self.s[start..self.pos] {
                b"True" => Some(Num { v: 1.0, int: true }),
                b"False" => Some(Num { v: 0.0, int: true }),
                name => self.names.get(name),
            };
        }
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

    fn eval(text: &str) -> Py {
        expression(text, &Names::default())
    }

    #[test]
    fn arithmetic_on_numbers_is_pythons() {
        assert_eq!(eval("1876 - 113"), Py::Int(1763));
        assert_eq!(eval("int(0.06 * 1876)"), Py::Int(112));
        assert_eq!(eval("3e-4 * 0.5"), Py::Num(1.5e-4));
        assert_eq!(eval("7 / 2"), Py::Num(3.5));
        assert_eq!(eval("-7 // 2"), Py::Int(-4));
        assert_eq!(eval("-7 % 3"), Py::Int(2));
        assert_eq!(eval("7.5 // 2"), Py::Num(3.0));
        assert_eq!(eval("-2 ** 2"), Py::Int(-4));
        assert_eq!(eval("2 ** -1"), Py::Num(0.5));
        assert_eq!(eval("round(2.5) + round(3.5)"), Py::Int(6));
        assert_eq!(eval("math.ceil(1563 / 4) * 3"), Py::Int(1173));
        assert_eq!(eval("(10 + 5) * 2"), Py::Int(30));
        assert_eq!(eval("1_000 * 3"), Py::Int(3000));
        assert_eq!(eval("-7.5 % 2"), Py::Num(0.5));
        assert_eq!(eval("float(3) / 2"), Py::Num(1.5));
        assert_eq!(eval("abs(-100) * 2"), Py::Int(200));
        assert_eq!(eval("abs(-2.5)"), Py::Num(2.5));
        assert_eq!(eval("2 ** 3 ** 2"), Py::Int(512));
        assert_eq!(eval(" ( 1876 - 113 ) "), Py::Int(1763));
    }

    #[test]
    fn not_is_pythons_truth_below_arithmetic() {
        assert_eq!(eval("not True"), Py::Int(0));
        assert_eq!(eval("not False"), Py::Int(1));
        assert_eq!(eval("not not 7"), Py::Int(1));
        assert_eq!(eval("not 1 - 1"), Py::Int(1));
        assert_eq!(eval("(not 0) * 5"), Py::Int(5));
        assert_eq!(eval("not(0.5)"), Py::Int(0));
        let code: Vec<char> = "on_updates = True".chars().collect();
        let names = Names::assigned(&code, &vec![false; code.len()]);
        assert_eq!(expression("not on_updates", &names), Py::Int(0));
        assert_eq!(eval("not on_updates"), Py::Name("not on_updates".into()));
        // A name that starts with the keyword is a name.
        assert_eq!(eval("nothing"), Py::Name("nothing".into()));
    }

    #[test]
    fn nesting_past_any_written_code_is_refused_not_a_stack_overflow() {
        assert_eq!(
            eval(&format!("{}1{}", "(".repeat(40), ")".repeat(40))),
            Py::Int(1)
        );
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(matches!(eval(&deep), Py::Name(_)));
        assert!(matches!(
            eval(&format!("{}1", "-".repeat(10_000))),
            Py::Name(_)
        ));
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
            assert_eq!(eval(text), Py::Name(text.into()), "{text}");
        }
    }

    #[test]
    fn names_the_code_assigns_have_their_values() {
        let code: Vec<char> =
            "epochs = 2\nsteps_per_epoch: int = 938\ntotal = epochs * steps_per_epoch\n\
            warmup = int(0.06 * total)\nopt = AdamW(params,\n    lr=lr,\n)\nlr = args.lr\n\
            spread = (1 +\n    2)\n\
            if total == 3:\n    cut = total // 2\n"
                .chars()
                .collect();
        let names = Names::assigned(&code, &vec![false; code.len()]);
        let read = |text| expression(text, &names);
        assert_eq!(read("total - warmup"), Py::Int(1876 - 112));
        assert_eq!(read("cut"), Py::Int(938));
        assert_eq!(read("spread"), Py::Int(3));
        // Operators applied, tuple and loop targets unknown.
        let code: Vec<char> =
            "total = 1000\ntotal += 50\ntotal //= 2\nepochs = 3\nepochs, steps = 5, 100\n\
            k = 1\nfor k in range(3):\n    pass\n"
                .chars()
                .collect();
        let names = Names::assigned(&code, &vec![false; code.len()]);
        assert_eq!(expression("total", &names), Py::Int(525));
        for text in ["epochs", "steps", "k"] {
            assert_eq!(expression(text, &names), Py::Name(text.into()), "{text}");
        }
        // Reassigned to something without a value, inside a call's brackets, or never assigned.
        for text in ["lr", "opt", "params", "args.lr", "len(total)"] {
            assert_eq!(read(text), Py::Name(text.into()), "{text}");
        }
    }
}
