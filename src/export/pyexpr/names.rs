//! Names the pasted code assigns numbers to, so an argument written with them has its value.

use super::{Eval, Num};

/// Numbers the pasted code assigns by name (`total = 1876`, `warmup = int(0.06 * total)`),
/// the last assignment of each; a name assigned anything else has no value.
#[derive(Default)]
pub struct Names(Vec<(String, Option<Num>)>);

impl Names {
    /// The names assigned by the statements of `code` (`name = …`, `name: int = …`; a line
    /// inside brackets continues the one before), each evaluated with the names assigned above
    /// it; `quoted` marks the characters inside strings.
    pub fn assigned(code: &[char], quoted: &[bool]) -> Self {
        let mut names = Names::default();
        let mut depth = 0usize;
        let mut line = String::new();
        for (i, &c) in code.iter().enumerate() {
            if c == '\n' && depth == 0 {
                names.assign(&line);
                line.clear();
                continue;
            }
            line.push(c);
            if !quoted[i] {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
        }
        names.assign(&line);
        names
    }

    /// Reads `line` if it assigns names: `name = …` and `name: int = …` evaluated, `name += …`
    /// (and the other operators) applied to its value, and the targets of `a, b = …` and
    /// `for a in …:` left without one.
    fn assign(&mut self, line: &str) {
        let line = line.trim();
        if let Some((targets, _)) = line.strip_prefix("for ").and_then(|r| r.split_once(" in ")) {
            for t in targets.split(',') {
                self.set(t.trim(), None);
            }
            return;
        }
        let end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let (name, rest) = line.split_at(end);
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return;
        }
        let rest = rest.trim_start();
        if rest.starts_with(',') {
            if let Some((targets, _)) = line.split_once('=') {
                for t in targets.split(',') {
                    self.set(t.trim(), None);
                }
            }
            return;
        }
        for op in ["**", "//", "+", "-", "*", "/", "%"] {
            if let Some(value) = rest.strip_prefix(op).and_then(|r| r.strip_prefix('=')) {
                let n = Eval::new(&format!("{name} {op} ({value})"), self).whole();
                self.set(name, n);
                return;
            }
        }
        // An annotation (`total: int = 1876`) is passed over.
        let rest = match rest.strip_prefix(':') {
            Some(r) => r.find('=').map_or("", |i| &r[i..]),
            None => rest,
        };
        if let Some(value) = rest.strip_prefix('=').filter(|v| !v.starts_with('=')) {
            let n = Eval::new(value, self).whole();
            self.set(name, n);
        }
    }

    /// `name`'s value from now on (none: unknown).
    fn set(&mut self, name: &str, n: Option<Num>) {
        self.0.retain(|(k, _)| k != name);
        self.0.push((name.to_string(), n));
    }

    pub(super) fn get(&self, name: &[u8]) -> Option<Num> {
        self.0
            .iter()
            .find(|(k, _)| k.as_bytes() == name)
            .and_then(|(_, n)| *n)
    }
}
