//! A small reader for Python call syntax, enough for pasted scheduler calls:
//! `CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=1e-5)`, nested calls, lists,
//! dicts, strings, numbers, True/False/None, dotted names and arithmetic (`pyexpr`). Anything
//! else is an error that says where (a column, counted in characters).

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

struct Reader<'a> {
    chars: &'a [char],
    pos: usize,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Reader<'_> {
    fn fail<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            column: self.pos + 1,
            message: message.into(),
        })
    }

    fn skip_space(&mut self) {
        while let Some(&c) = self.chars.get(self.pos) {
            if c.is_whitespace() || c == '\\' {
                self.pos += 1;
            } else if c == '#' {
                while self.chars.get(self.pos).is_some_and(|&c| c != '\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.chars.get(self.pos).copied()
    }

    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            let found = self
                .peek()
                .map_or("the end".to_string(), |f| format!("'{f}'"));
            self.fail(format!("expected '{c}' but found {found}"))
        }
    }

    fn name(&mut self) -> Option<String> {
        self.skip_space();
        let start = self.pos;
        while let Some(&c) = self.chars.get(self.pos) {
            let dot = c == '.' && self.pos > start;
            if (is_name_char(c) && !(self.pos == start && c.is_ascii_digit())) || dot {
                self.pos += 1;
            } else {
                break;
            }
        }
        (self.pos > start).then(|| self.chars[start..self.pos].iter().collect())
    }

    /// Moves to the `,` or closing bracket that ends the current item, past nested brackets.
    /// Strings and comments are passed over whole: a `,` or `)` in them ends nothing.
    fn skip_to_item_end(&mut self) {
        let mut depth = 0usize;
        while let Some(&c) = self.chars.get(self.pos) {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => return,
                '#' | '"' | '\'' => {
                    let end = if c == '#' { '\n' } else { c };
                    self.pos += 1;
                    while self.chars.get(self.pos).is_some_and(|&d| d != end) {
                        self.pos += 1;
                    }
                    // Never closed: the text ends here.
                    if self.pos >= self.chars.len() {
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// The text from `start` to here without its comments, for reading as an expression.
    fn code_since(&self, start: usize) -> String {
        let mut out = String::new();
        let mut quote = None;
        let mut comment = false;
        for &c in &self.chars[start..self.pos] {
            match (quote, c) {
                _ if comment => comment = c != '\n',
                (None, '#') => comment = true,
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                _ => {}
            }
            if !comment {
                out.push(c);
            }
        }
        out
    }

    fn number(&mut self) -> Result<Py, ParseError> {
        let start = self.pos;
        while let Some(&c) = self.chars.get(self.pos) {
            let sign_after_e = (c == '-' || c == '+')
                && self.pos > start
                && matches!(self.chars[self.pos - 1], 'e' | 'E');
            let leading_sign = (c == '-' || c == '+') && self.pos == start;
            if c.is_ascii_digit()
                || matches!(c, '.' | 'e' | 'E' | '_')
                || sign_after_e
                || leading_sign
            {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text: String = self.chars[start..self.pos]
            .iter()
            .filter(|c| **c != '_')
            .collect();
        // Python's own split: no point and no exponent is an int.
        if !text.contains(['.', 'e', 'E']) {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Py::Int(i));
            }
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Py::Num(v)),
            _ => {
                self.pos = start;
                self.fail(format!("'{text}' is not a number"))
            }
        }
    }

    fn string(&mut self, quote: char) -> Result<Py, ParseError> {
        self.pos += 1;
        let start = self.pos;
        while let Some(&c) = self.chars.get(self.pos) {
            if c == quote {
                let s = self.chars[start..self.pos].iter().collect();
                self.pos += 1;
                return Ok(Py::Str(s));
            }
            self.pos += 1;
        }
        self.pos = start - 1;
        self.fail("this string is never closed")
    }

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
                    // A negation has no value Anneal can tell: kept as written, for the note.
                    "not" => {
                        self.skip_to_item_end();
                        Ok(Py::Name(self.code_since(start).trim().to_string()))
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
