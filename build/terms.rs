//! Build-time reader of a term table: the words a language made from another one uses
//! differently. Traditional Chinese (zh-TW) is written from the simplified files by OpenCC
//! (with its Taiwan phrases); `content/zh-TW/terms.txt` then replaces what OpenCC leaves in
//! mainland usage or gets wrong:
//!
//! ```text
//! # a comment
//! 轉賬 → 轉帳
//! ```

/// The table's `from → to` pairs, longest `from` first. Errors are `line: message`.
#[cfg_attr(test, allow(dead_code))]
pub fn read(text: &str) -> Result<Vec<(String, String)>, Vec<String>> {
    let mut errors = Vec::new();
    let mut terms: Vec<(String, String)> = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(n, l)| (n + 1, l.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('→').map(|(f, t)| (f.trim(), t.trim())) {
            None => errors.push(format!("{n}: expected `from → to`, got {line:?}")),
            Some(("", _)) => errors.push(format!("{n}: nothing to replace before →")),
            Some((from, _)) if terms.iter().any(|(f, _)| f == from) => {
                errors.push(format!("{n}: {from} is given twice"))
            }
            Some((from, to)) => terms.push((from.to_string(), to.to_string())),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Stable: among equal lengths the file's order stands.
    terms.sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
    Ok(terms)
}

/// `text` with each term replaced, reading left to right and taking the longest `from` that
/// starts at each place; replaced text is not read again.
#[cfg_attr(test, allow(dead_code))]
pub fn apply(text: &str, terms: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match terms.iter().find(|(from, _)| rest.starts_with(from.as_str())) {
            Some((from, to)) => {
                out.push_str(to);
                rest = &rest[from.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}
