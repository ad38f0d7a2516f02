//! A framework call's argument value: what both the golden JSON and a pasted Python call hold.
//!
//! The page builds modes from pasted calls without a JSON library (it cost ≈ 10 KiB of gzip
//! wasm); only the native golden and `anneal eval` paths convert from `serde_json::Value`.

use std::fmt;

/// One argument value, JSON-shaped; ints and floats stay apart as in Python and JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `None` / `null`.
    Null,
    /// `True` / `true`.
    Bool(bool),
    /// A whole-number literal.
    Int(i64),
    /// Any other number.
    Num(f64),
    /// A string.
    Str(String),
    /// A name or expression from pasted code whose value Anneal does not know (`total`,
    /// `len(loader) * epochs`), as written.
    Name(String),
    /// A list or tuple.
    List(Vec<Arg>),
    /// Keyword arguments or a dict, in the order written (a repeated key: the last wins).
    Dict(Vec<(String, Arg)>),
}

impl Arg {
    /// The value as a float, for ints and floats.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Arg::Int(i) => Some(i as f64),
            Arg::Num(x) => Some(x),
            _ => None,
        }
    }

    /// The value as a whole number ≥ 0, for ints only.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Arg::Int(i) => u64::try_from(i).ok(),
            _ => None,
        }
    }

    /// The value of a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Arg::Bool(b) => Some(b),
            // What a name assigned `False` reads as; Python takes 0 and 1 for False and True.
            Arg::Int(i @ (0 | 1)) => Some(i == 1),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Arg::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of a list.
    pub fn as_list(&self) -> Option<&[Arg]> {
        match self {
            Arg::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entries of a dict.
    pub fn as_dict(&self) -> Option<&[(String, Arg)]> {
        match self {
            Arg::Dict(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// The value of `key` in a dict (the last one written), if any.
    pub fn get(&self, key: &str) -> Option<&Arg> {
        let pairs = self.as_dict()?;
        pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// JSON-like, as error messages quote the offending value.
impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Null => f.write_str("null"),
            Arg::Bool(b) => write!(f, "{b}"),
            Arg::Int(i) => write!(f, "{i}"),
            Arg::Num(x) => write!(f, "{x:?}"),
            Arg::Str(s) => f.write_str(&super::python::py_str(s)),
            Arg::Name(n) => f.write_str(n),
            Arg::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Arg::Dict(pairs) => {
                f.write_str("{")?;
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}:{v}", super::python::py_str(k))?;
                }
                f.write_str("}")
            }
        }
    }
}

impl From<&serde_json::Value> for Arg {
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Arg::Null,
            Value::Bool(b) => Arg::Bool(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Arg::Int(i),
                None => Arg::Num(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Arg::Str(s.clone()),
            Value::Array(items) => Arg::List(items.iter().map(Arg::from).collect()),
            Value::Object(map) => {
                Arg::Dict(map.iter().map(|(k, v)| (k.clone(), Arg::from(v))).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_ints_and_floats_stay_apart() {
        let a = Arg::from(&json!({"T_0": 10, "eta_min": 1e-5, "x": 5.0, "big": u64::MAX}));
        assert_eq!(a.get("T_0").and_then(Arg::as_u64), Some(10));
        assert_eq!(a.get("x").and_then(Arg::as_u64), None);
        assert_eq!(a.get("x").and_then(Arg::as_f64), Some(5.0));
        assert_eq!(a.get("eta_min").and_then(Arg::as_f64), Some(1e-5));
        assert_eq!(a.get("big").and_then(Arg::as_u64), None);
        assert_eq!(Arg::Int(-1).as_u64(), None);
    }

    #[test]
    fn the_last_repeated_key_wins() {
        let a = Arg::Dict(vec![("k".into(), Arg::Int(1)), ("k".into(), Arg::Int(2))]);
        assert_eq!(a.get("k"), Some(&Arg::Int(2)));
        assert_eq!(a.get("missing"), None);
    }

    #[test]
    fn displays_like_json() {
        let a = Arg::Dict(vec![
            (
                "a".into(),
                Arg::List(vec![Arg::Null, Arg::Bool(true), Arg::Num(0.5)]),
            ),
            ("b".into(), Arg::Str("x\"y".into())),
        ]);
        assert_eq!(a.to_string(), r#"{"a":[null,true,0.5],"b":"x\"y"}"#);
    }
}
