//! The macros [`super::table`] writes its keys with: one per kind of key.

/// The meaning of a key without a control, for the README's reference and the CLI; the page
/// never shows it, so the web build leaves the text out. A control's meaning is its hint.
/// `hinted!(label, meaning)` keeps it only when the key has a control (a label).
macro_rules! meaning {
    ($m:expr) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $m
        }
    };
}

macro_rules! hinted {
    ($label:expr, $meaning:expr) => {{
        let label: Option<&'static str> = $label;
        if label.is_some() {
            $meaning
        } else {
            meaning!($meaning)
        }
    }};
}

pub(super) fn never(_: &super::settings::Settings) -> bool {
    false
}

macro_rules! number {
    ($scope:ident, $spec:expr, $($field:ident).+, $meaning:expr) => {
        number!($scope, $spec, $($field).+, $meaning, off: never)
    };
    ($scope:ident, $spec:expr, $($field:ident).+, $meaning:expr, off: $off:expr) => {
        Key {
            name: $spec.key,
            scope: Scope::$scope,
            kind: Kind::Number($spec),
            label: Some($spec.label),
            options: &[],
            meaning: $meaning,
            disabled: $off,
            get: |s| Val::Num(s.$($field).+),
            set: |s, v| s.$($field).+ = v.num(),
            edit: Edit::Set,
        }
    };
}

macro_rules! flag {
    ($scope:ident, $($field:ident).+, $label:expr, $meaning:expr) => {
        flag!($scope, $($field).+, $label, $meaning, off: never)
    };
    ($scope:ident, $($field:ident).+, $label:expr, $meaning:expr, off: $off:expr) => {
        Key {
            name: last!($($field).+),
            scope: Scope::$scope,
            kind: Kind::Flag,
            label: $label,
            options: &[],
            meaning: hinted!($label, $meaning),
            disabled: $off,
            get: |s| Val::Flag(s.$($field).+),
            set: |s, v| s.$($field).+ = v.on(),
            edit: Edit::Set,
        }
    };
}

/// A key holding a set of names from `$names`, as a bit mask (`hide=controls,code`).
macro_rules! parts {
    ($scope:ident, $($field:ident).+, $names:expr, $label:expr, $meaning:expr) => {
        Key {
            name: last!($($field).+),
            scope: Scope::$scope,
            kind: Kind::Parts($names),
            label: $label,
            options: &[],
            meaning: hinted!($label, $meaning),
            disabled: never,
            get: |s| Val::Mask(s.$($field).+),
            set: |s, v| {
                if let Val::Mask(m) = v {
                    s.$($field).+ = m;
                }
            },
            edit: Edit::Set,
        }
    };
}

/// A key holding one value of a named enum (see [`crate::named`]).
macro_rules! choice {
    ($scope:ident, $name:literal, $($field:ident).+, $ty:ident, $label:expr, $meaning:expr) => {
        choice!($scope, $name, $($field).+, $ty, $label, $meaning, edit: Edit::Set)
    };
    (
        $scope:ident, $name:literal, $($field:ident).+, $ty:ident, $label:expr, $meaning:expr,
        edit: $edit:expr
    ) => {
        Key {
            name: $name,
            scope: Scope::$scope,
            kind: Kind::Choice(&$ty::NAMES),
            label: $label,
            options: &$ty::OPTIONS,
            meaning: $meaning,
            disabled: never,
            get: |s| Val::Name(s.$($field).+.name()),
            set: |s, v| {
                if let Val::Name(n) = v {
                    s.$($field).+ = $ty::from_name(n).unwrap_or_default();
                }
            },
            edit: $edit,
        }
    };
}

/// A pin slot's key.
macro_rules! pin {
    ($i:expr, $name:expr) => {
        Key {
            name: $name,
            scope: Scope::Pin,
            kind: Kind::Pin,
            label: None,
            options: &[],
            meaning: meaning!("a pinned schedule: name~key:value~… (schedule keys that differ from the defaults; hidden:1 hides it)"),
            disabled: never,
            get: |s| Val::Pin(s.pins[$i].clone().map(Box::new)),
            set: |s, v| {
                if let Val::Pin(p) = v {
                    s.pins[$i] = p.map(|mut p| {
                        p.id = $i + 1;
                        *p
                    });
                }
            },
            edit: Edit::Set,
        }
    };
}

/// The last segment of a field path, as the key's name.
macro_rules! last {
    ($field:ident) => {
        stringify!($field)
    };
    ($head:ident . $($rest:ident).+) => {
        last!($($rest).+)
    };
}

pub(super) use {choice, flag, hinted, last, meaning, number, parts, pin};
