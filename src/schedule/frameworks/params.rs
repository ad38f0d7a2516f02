//! Reads a framework call's keyword arguments, naming any bad or unknown key.

use std::cell::RefCell;

use super::arg::Arg;
use crate::schedule::error::ScheduleError;

/// Keyword arguments with the keys read so far, so leftovers can be reported.
pub struct Params<'a> {
    map: &'a Arg,
    keys: &'a [(String, Arg)],
    read: RefCell<Vec<&'a str>>,
}

/// Whether `a` is `b` mistyped: one or two letters added, dropped or changed.
fn typo(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b || b.len() < 4 || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= 2
}

fn bad(key: &str, want: &str, got: &Arg) -> ScheduleError {
    let message = match got {
        Arg::Name(n) => {
            format!("Anneal cannot tell the value of {n} from the pasted code: write its value")
        }
        _ => format!("expected {want}, got {got}"),
    };
    ScheduleError::new(key, message)
}

impl<'a> Params<'a> {
    /// Wraps a dict of keyword arguments.
    pub fn new(value: &'a Arg) -> Result<Self, ScheduleError> {
        let keys = value
            .as_dict()
            .ok_or_else(|| bad("params", "an object of keyword arguments", value))?;
        Ok(Self {
            map: value,
            keys,
            read: RefCell::new(Vec::new()),
        })
    }

    fn get(&self, key: &'a str) -> Option<&'a Arg> {
        self.read.borrow_mut().push(key);
        self.map.get(key).filter(|v| **v != Arg::Null)
    }

    /// That `key` is missing, naming a key written that looks mistyped for it (`step_sise`) and
    /// was not read as a parameter of its own.
    pub fn required(&self, key: &str) -> ScheduleError {
        let read = self.read.borrow();
        match self
            .keys
            .iter()
            .find(|(k, _)| !read.contains(&k.as_str()) && typo(k, key))
        {
            Some((k, _)) => ScheduleError::new(
                key,
                format!("is required ({k} is not a parameter of this schedule: a typo for {key}?)"),
            ),
            None => ScheduleError::new(key, "is required"),
        }
    }

    /// A required number.
    pub fn num(&self, key: &'a str) -> Result<f64, ScheduleError> {
        self.opt_num(key)?.ok_or_else(|| self.required(key))
    }

    /// A number, or `default` when absent.
    pub fn num_or(&self, key: &'a str, default: f64) -> Result<f64, ScheduleError> {
        Ok(self.opt_num(key)?.unwrap_or(default))
    }

    /// A number, or `None` when absent or null.
    pub fn opt_num(&self, key: &'a str) -> Result<Option<f64>, ScheduleError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .filter(|x| x.is_finite())
                .map(Some)
                .ok_or_else(|| bad(key, "a finite number", v)),
        }
    }

    /// A required whole number ≥ 0 (Python int).
    pub fn int(&self, key: &'a str) -> Result<u64, ScheduleError> {
        self.opt_int(key)?.ok_or_else(|| self.required(key))
    }

    /// A whole number ≥ 0, or `None` when absent or null.
    pub fn opt_int(&self, key: &'a str) -> Result<Option<u64>, ScheduleError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| bad(key, "a non-negative integer", v)),
        }
    }

    /// A boolean, or `default` when absent.
    pub fn flag_or(&self, key: &'a str, default: bool) -> Result<bool, ScheduleError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v.as_bool().ok_or_else(|| bad(key, "true or false", v)),
        }
    }

    /// A string, or `default` when absent.
    pub fn text_or(&self, key: &'a str, default: &'a str) -> Result<&'a str, ScheduleError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v.as_str().ok_or_else(|| bad(key, "a string", v)),
        }
    }

    /// The raw value of `key`, if present and not null.
    pub fn raw(&self, key: &'a str) -> Option<&'a Arg> {
        self.get(key)
    }

    /// Marks keys the library accepts but that do not change the lr (names, momentum, …).
    pub fn ignore(&self, keys: &[&'a str]) {
        self.read.borrow_mut().extend_from_slice(keys);
    }

    /// Marks every key as read: for calls whose other arguments configure the rest of training
    /// (`TrainingArguments`), not the schedule.
    pub fn ignore_rest(&self) {
        self.read
            .borrow_mut()
            .extend(self.keys.iter().map(|(k, _)| k.as_str()));
    }

    /// Fails on `key` unless it is absent, null or `expected` (e.g. `last_epoch` = -1).
    pub fn require_default(&self, key: &'a str, expected: &Arg) -> Result<(), ScheduleError> {
        match self.get(key) {
            Some(v) if v != expected => Err(ScheduleError::new(
                key,
                format!("only the default {expected} is supported, got {v}"),
            )),
            _ => Ok(()),
        }
    }

    /// Fails on the first key that was never read: the library would reject it too.
    pub fn finish(self) -> Result<(), ScheduleError> {
        let read = self.read.into_inner();
        match self
            .keys
            .iter()
            .map(|(k, _)| k)
            .find(|k| !read.contains(&k.as_str()))
        {
            Some(k) => Err(ScheduleError::new(
                k.as_str(),
                "is not a parameter of this schedule",
            )),
            None => Ok(()),
        }
    }
}
