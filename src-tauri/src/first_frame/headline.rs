//! A post's headline and excerpt as the page writes them (ui/src/lib/records.ts postHeadline),
//! with JavaScript's idea of white space, which is not Rust's (U+FEFF is, U+0085 is not).

/// What String.prototype.trim() removes and `/\s/` matches.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// The title when it has one, else the text's start with its white space collapsed, cut at
/// `max` characters with an ellipsis; None when both are empty.
pub fn post_headline(title: Option<&str>, text: Option<&str>, max: usize) -> Option<String> {
    if let Some(title) = title.map(js_trim).filter(|t| !t.is_empty()) {
        return Some(title.to_string());
    }
    let mut chars: Vec<char> = Vec::new();
    let mut space = false;
    for c in text.unwrap_or("").chars() {
        if is_js_space(c) {
            space = !chars.is_empty();
            continue;
        }
        if space {
            chars.push(' ');
        }
        space = false;
        chars.push(c);
        if chars.len() > max {
            break;
        }
    }
    if chars.is_empty() {
        return None;
    }
    if chars.len() <= max {
        return Some(chars.into_iter().collect());
    }
    let cut: String = chars[..max.saturating_sub(1)].iter().collect();
    Some(format!("{}…", cut.trim_end_matches(is_js_space)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_wins_and_the_text_is_collapsed_and_cut() {
        assert_eq!(
            post_headline(Some("  Hi \u{feff}"), Some("text"), 90).as_deref(),
            Some("Hi")
        );
        assert_eq!(
            post_headline(Some(" "), Some("\n one\t\u{a0}two  "), 90).as_deref(),
            Some("one two")
        );
        assert_eq!(
            post_headline(None, Some("abcdef"), 4).as_deref(),
            Some("abc…")
        );
        assert_eq!(
            post_headline(None, Some("ab cdef"), 4).as_deref(),
            Some("ab…")
        );
        assert_eq!(
            post_headline(None, Some("abcd"), 4).as_deref(),
            Some("abcd")
        );
        assert_eq!(post_headline(None, Some(" \n "), 90), None);
        assert_eq!(post_headline(None, None, 90), None);
    }
}
