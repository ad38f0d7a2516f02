//! A small reader for Python call syntax, enough for pasted scheduler calls:
//! `CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=1e-5)`, nested calls, lists,
//! dicts, strings, numbers, True/False/None, dotted names and arithmetic (`pyexpr`). Anything
//! else is an error that says where (a column, counted in characters).

mod tokens;

use super::pyexpr::{expression, is_arithmetic, Names};

/// A Python value as far as scheduler arguments go.
#[derive(Clone, Debug, PartialEq)]
pub enum Py {
    /// An int literal (Keras's dtype follows it).
    Int(i64),
    /// A float literal.
    Num(f64),
    /// A string literal.
    Str(String),
    /// True or False.
    Bool(bool),
    /// None.
    None,
    /// `[a, b]` or `(a, b)`.
    List(Vec<Py>),
    /// `{"key": value}` or `dict(key=value)`.
    Dict(Vec<(String, Py)>),
    /// A call.
    Call(Call),
    /// A bare (possibly dotted) name such as `opt` or `model.parameters`.
    Name(String),
}

/// A call: dotted name, positional and keyword arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// The name as written, e.g. `torch.optim.lr_scheduler.CosineAnnealingLR`.
    pub name: String,
    /// Positional arguments.
    pub args: Vec<Py>,
    /// Keyword arguments, in order.
    pub kwargs: Vec<(String, Py)>,
}

impl Call {
    /// The argument at position `index` (when given) or else named `name`.
    pub fn arg(&self, index: Option<usize>, name: &str) -> Option<&Py> {
        match index.and_then(|i| self.args.get(i)) {
            Some(v) => Some(v),
            None => self.kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        }
    }

    /// [`Call::arg`], to change.
    pub fn arg_mut(&mut self, index: Option<usize>, name: &str) -> Option<&mut Py> {
        match index.filter(|&i| i < self.args.len()) {
            Some(i) => self.args.get_mut(i),
            None => self
                .kwargs
                .iter_mut()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v),
        }
    }
}

/// Why text is not a call this reader understands, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Character column (1-based) of the problem.
    pub column: usize,
    /// What was expected.
    pub message: String,
}

/// Nesting deeper than this is refused (no stack overflow on hostile input).
const MAX_DEPTH: usize = 24;

/// The text being read and the reader's place in it (its tokens are in `tokens`).
struct Reader<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Reader<'_> {
    /// Items up to `close`, each read by `item`, separated by commas (a trailing one allowed).
    fn items<T>(
        &mut self,
        close: char,
        depth: usize,
        mut item: impl FnMut(&mut Self, usize) -> Result<T, ParseError>,
    ) -> Result<Vec<T>, ParseError> {
        let mut out = Vec::new();
        loop {
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(out);
            }
            out.push(item(self, depth + 1)?);
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(c) if c == close => {}
                _ => return self.fail(format!("expected ',' or '{close}'")),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Py, ParseError> {
        self.skip_space();
        let start = self.pos;
        // A sign not right before a digit (-total, -(3), - 1) starts an expression.
        let signed = matches!(self.chars.get(start), Some('-' | '+'))
            && !self
                .chars
                .get(start + 1)
                .is_some_and(|c| c.is_ascii_digit() || *c == '.');
        let value = if signed {
            Py::None
        } else {
            self.operand(depth)?
        };
        if signed || matches!(self.peek(), Some('+' | '-' | '*' | '/' | '%')) {
            self.skip_to_item_end();
            return Ok(expression(&self.code_since(start), &Names::default()));
        }
        // int(…), round(…) of numbers is their value, of names an expression the import may
        // know; float('1e-3') stays a call, read later.
        if let Py::Call(c) = &value {
            if is_arithmetic(&c.name) && !c.args.iter().any(|a| matches!(a, Py::Str(_))) {
                return Ok(expression(&self.code_since(start), &Names::default()));
            }
        }
        Ok(value)
    }

    /// A value without the arithmetic that may follow it.
    fn operand(&mut self, depth: usize) -> Result<Py, ParseError> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        match self.peek() {
            None => self.fail("expected a value but the text ended"),
            Some(c) if c.is_ascii_digit() || matches!(c, '.' | '-' | '+') => self.number(),
            Some(q @ ('"' | '\'')) => self.string(q),
            Some('[') => {
                self.pos += 1;
                Ok(Py::List(self.items(']', depth, |r, d| r.value(d))?))
            }
            Some('(') => {
                self.pos += 1;
                let mut items = self.items(')', depth, |r, d| r.value(d))?;
                // Brackets around one value without a comma are the value, not a tuple.
                let before_close = self.chars[..self.pos - 1]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace());
                if items.len() == 1 && before_close != Some(&',') {
                    return Ok(items.remove(0));
                }
                Ok(Py::List(items))
            }
            Some('{') => {
                self.pos += 1;
                let pairs = self.items('}', depth, |r, d| {
                    // Number keys ({30: 0.1}) are written as the golden format writes them.
                    let key = match r.value(d)? {
                        Py::Str(s) => s,
                        Py::Int(i) => i.to_string(),
                        Py::Num(v) => format!("{v:?}"),
                        _ => return r.fail("dict keys must be strings or numbers"),
                    };
                    r.expect(':')?;
                    Ok((key, r.value(d)?))
                })?;
                Ok(Py::Dict(pairs))
            }
            Some(_) => {
                let start = self.pos;
                let Some(name) = self.name() else {
                    let c = self.peek().unwrap_or(' ');
                    return self.fail(format!("unexpected '{c}'"));
                };
                match name.as_str() {
                    "True" => Ok(Py::Bool(true)),
                    "False" => Ok(Py::Bool(false)),
                    "None" => Ok(Py::None),
                    // A function has no value to read: kept whole as a name, so the parameter
                    // that takes it says why it cannot be drawn (scale_fn, lr_lambda).
                    "lambda" => {
                        self.skip_to_item_end();
                        Ok(Py::Name(name))
                    }
                    // Of literals a value (`not True`); of a name, kept as written for the
                    // import to read with the numbers the code assigns.
                    "not" => {
                        self.skip_to_item_end();
                        Ok(expression(&self.code_since(start), &Names::default()))
                    }
                    _ if self.peek() == Some('(') => {
                        let call = self.call_body(name, depth)?;
                        if call.name == "dict" && call.args.is_empty() {
                            Ok(Py::Dict(call.kwargs))
                        } else {
                            Ok(Py::Call(call))
                        }
                    }
                    _ => Ok(Py::Name(name)),
                }
            }
        }
    }

    /// The argument list of a call whose name was just read.
    fn call_body(&mut self, name: String, depth: usize) -> Result<Call, ParseError> {
        self.expect('(')?;
        let mut call = Call {
            name,
            args: Vec::new(),
            kwargs: Vec::new(),
        };
        let mut keyword_seen = false;
        let args = self.items(')', depth, |r, d| {
            let save = r.pos;
            if let Some(key) = r.name() {
                if r.peek() == Some('=') && r.chars.get(r.pos + 1) != Some(&'=') {
                    r.pos += 1;
                    return Ok((Some(key), r.value(d)?));
                }
            }
            r.pos = save;
            Ok((None, r.value(d)?))
        })?;
        for (key, value) in args {
            match key {
                Some(k) => {
                    if call.kwargs.iter().any(|(q, _)| *q == k) {
                        return self.fail(format!("keyword argument '{k}' repeated"));
                    }
                    keyword_seen = true;
                    call.kwargs.push((k, value));
                }
                None if keyword_seen => {
                    return self.fail("positional argument after a keyword argument")
                }
                None => call.args.push(value),
            }
        }
        Ok(call)
    }
}

/// Reads the call that starts at character `start` of `text` (a name followed by `(`), and
/// where it ends (the character after its closing parenthesis).
pub fn parse_call_at(text: &[char], start: usize) -> Result<(Call, usize), ParseError> {
    let mut r = Reader {
        chars: text,
        pos: start,
    };
    let Some(name) = r.name() else {
        return r.fail("expected a function name");
    };
    let call = r.call_body(name, 0)?;
    Ok((call, r.pos))
}

/// Reads the argument value that starts at character `start` of `text` (after `lr=`), and
/// where it ends.
pub fn parse_value_at(text: &[char], start: usize) -> Result<(Py, usize), ParseError> {
    let mut r = Reader {
        chars: text,
        pos: start,
    };
    let value = r.value(0)?;
    Ok((value, r.pos))
}
