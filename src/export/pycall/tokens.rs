//! The reader's tokens: space and comments, names, numbers, strings, and the skip to an
//! argument's end that lets an expression, a lambda or a `not …` be taken as its whole text.

use super::{ParseError, Py, Reader};

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Reader<'_> {
    pub(super) fn fail<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            column: self.pos + 1,
            message: message.into(),
        })
    }

    pub(super) fn skip_space(&mut self) {
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

    pub(super) fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.chars.get(self.pos).copied()
    }

    pub(super) fn expect(&mut self, c: char) -> Result<(), ParseError> {
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

    pub(super) fn name(&mut self) -> Option<String> {
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
    pub(super) fn skip_to_item_end(&mut self) {
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
    pub(super) fn code_since(&self, start: usize) -> String {
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

    pub(super) fn number(&mut self) -> Result<Py, ParseError> {
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

    pub(super) fn string(&mut self, quote: char) -> Result<Py, ParseError> {
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
}
