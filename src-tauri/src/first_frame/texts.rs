//! The first view's words, from the UI's own dictionaries: the UI's build writes the groups that
//! view uses to dist/first-frame-texts.json (ui/vite.config.ts), so the shell and the page say
//! the same words from one source and a translator edits one place.

use std::collections::HashMap;

use afterword_core::rhythm::Lang;
use serde::Deserialize;

type Dictionary = HashMap<String, String>;

#[derive(Debug, Deserialize)]
pub struct Texts {
    en: Dictionary,
    nl: Dictionary,
}

impl Texts {
    /// None when the file is not what the UI's build writes.
    pub fn parse(json: &[u8]) -> Option<Texts> {
        serde_json::from_slice(json).ok()
    }

    pub fn words(&self, lang: Lang) -> Words<'_> {
        let dictionary = match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        };
        Words {
            dictionary,
            english: &self.en,
        }
    }
}

/// One language's texts, looked up as the page's `t()` does (ui/src/lib/i18n).
pub struct Words<'a> {
    dictionary: &'a Dictionary,
    english: &'a Dictionary,
}

impl Words<'_> {
    /// The text of `key`, in English when the language lacks it; None when neither has it (the
    /// shell then draws no frame rather than a wrong one).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.dictionary
            .get(key)
            .or_else(|| self.english.get(key))
            .map(String::as_str)
    }

    /// The text of `key` with its `{name}` placeholders filled, as interpolate.ts does: an
    /// unknown placeholder stays as it is.
    pub fn fill(&self, key: &str, params: &[(&str, &str)]) -> Option<String> {
        let template = self.get(key)?;
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let closed = !name.is_empty() && after[name_len..].starts_with('}');
            match params.iter().find(|(n, _)| closed && *n == name) {
                Some((_, value)) => {
                    out.push_str(value);
                    rest = &after[name_len + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Texts {
        Texts::parse(
            br#"{"en": {"a": "Showing {shown} of {total}", "b": "Only English", "c": "{x} {nope} {}"},
                 "nl": {"a": "{shown} van {total}"}}"#,
        )
        .expect("valid texts")
    }

    #[test]
    fn placeholders_are_filled_as_the_page_fills_them() {
        let texts = texts();
        let en = texts.words(Lang::En);
        assert_eq!(
            en.fill("a", &[("shown", "20"), ("total", "5,000")])
                .as_deref(),
            Some("Showing 20 of 5,000")
        );
        assert_eq!(en.fill("c", &[("x", "1")]).as_deref(), Some("1 {nope} {}"));
        assert_eq!(
            texts
                .words(Lang::Nl)
                .fill("a", &[("shown", "20"), ("total", "5.000")])
                .as_deref(),
            Some("20 van 5.000")
        );
    }

    #[test]
    fn a_missing_text_falls_back_to_english_then_to_nothing() {
        let texts = texts();
        assert_eq!(texts.words(Lang::Nl).get("b"), Some("Only English"));
        assert_eq!(texts.words(Lang::Nl).get("zzz"), None);
        assert!(Texts::parse(b"not json").is_none());
    }
}
