//! What of pasted text is code: Python comments blanked out (columns kept, so errors still
//! point at the right place), and which characters sit inside string literals.

/// `chars` with every comment (a `#` outside a string, to the end of its line) replaced by
/// spaces, and for each character whether it is inside a string literal.
pub(super) fn code(chars: &[char]) -> (Vec<char>, Vec<bool>) {
    let mut out = chars.to_vec();
    let mut quoted = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    out[i] = ' ';
                    i += 1;
                }
            }
            q @ ('"' | '\'') => {
                // To the closing quote on the same line, past escaped characters.
                quoted[i] = true;
                i += 1;
                while i < chars.len() && chars[i] != q && chars[i] != '\n' {
                    quoted[i] = true;
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                if let Some(q) = quoted.get_mut(i) {
                    *q = true;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    (out, quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> (String, String) {
        let chars: Vec<char> = text.chars().collect();
        let (code, quoted) = code(&chars);
        let marks = quoted.iter().map(|&q| if q { 'q' } else { '.' }).collect();
        (code.into_iter().collect(), marks)
    }

    #[test]
    fn comments_are_blanked_and_strings_marked_with_columns_kept() {
        let (code, marks) = view("x = 'a#b'  # c(1)\ny(2)");
        assert_eq!(code, format!("x = 'a#b'{}\ny(2)", " ".repeat(8)));
        assert_eq!(marks, "....qqqqq.............");
        let (code, _) = view(r#"s = "it\"s # not" # gone"#);
        assert_eq!(code, r#"s = "it\"s # not"       "#);
    }
}
