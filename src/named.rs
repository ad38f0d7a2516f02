//! Enums that appear in a link or a menu: each value's link name and display text, written once.

/// Gives an enum `ALL`, `NAMES`, `OPTIONS`, `name`, `label` and `from_name` from one list of
/// `Variant => "name"` entries (`Variant => "name", "label"` where the page shows other text).
macro_rules! named {
    (@label $name:literal) => {
        $name
    };
    (@label $name:literal, $label:literal) => {
        $label
    };
    ($ty:ident { $($variant:ident => $name:literal $(, $label:literal)?;)+ }) => {
        impl $ty {
            /// Every value, in link and menu order.
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// Each value's name in links, in [`Self::ALL`]'s order.
            pub const NAMES: [&'static str; [$($name),+].len()] = [$($name),+];

            /// `(name, text shown)` for each value, in [`Self::ALL`]'s order, for a menu.
            pub const OPTIONS: [(&'static str, &'static str); [$($name),+].len()] =
                [$(($name, $crate::named::named!(@label $name $(, $label)?))),+];

            /// The name used in links.
            pub const fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// The text the page shows for it.
            pub const fn label(self) -> &'static str {
                match self {
                    $($ty::$variant => $crate::named::named!(@label $name $(, $label)?)),+
                }
            }

            /// The value called `name` in links, if any.
            pub fn from_name(name: &str) -> Option<$ty> {
                $ty::ALL.into_iter().find(|v| v.name() == name)
            }
        }
    };
}

pub(crate) use named;

#[cfg(test)]
mod tests {
    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Demo {
        Plain,
        Shown,
    }

    named!(Demo {
        Plain => "plain";
        Shown => "shown", "Shown text";
    });

    #[test]
    fn names_labels_and_options_follow_the_one_list() {
        assert_eq!(Demo::ALL, [Demo::Plain, Demo::Shown]);
        assert_eq!(Demo::NAMES, ["plain", "shown"]);
        assert_eq!(Demo::OPTIONS, [("plain", "plain"), ("shown", "Shown text")]);
        assert_eq!(Demo::Shown.label(), "Shown text");
        assert_eq!(Demo::Plain.label(), "plain");
        for d in Demo::ALL {
            assert_eq!(Demo::from_name(d.name()), Some(d));
        }
        assert_eq!(Demo::from_name("Shown text"), None);
    }
}
