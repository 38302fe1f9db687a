//! Build-time reader for a language's interface text, `content/<locale>/strings.txt`, checked
//! against the keys of `src/core/strings_schema.rs`: a missing, unknown, doubled or empty
//! string fails the build with the file and line.

/// A language's interface text: every key of the schema once, with a value; the values in
/// the schema's order. Errors are `line: message`. The format:
///
/// ```text
/// # a comment
/// search_label: Search the help articles
/// colon: ": "          (in double quotes when it starts or ends with a space)
/// ```
#[cfg_attr(test, allow(dead_code))]
pub fn read(text: &str, keys: &[&str]) -> Result<Vec<String>, Vec<String>> {
    let mut errors = Vec::new();
    let mut found: Vec<Option<String>> = vec![None; keys.len()];
    for (n, line) in text.lines().enumerate().map(|(n, l)| (n + 1, l.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            errors.push(format!("{n}: expected `key: value`, got {line:?}"));
            continue;
        };
        // A value that starts or ends with a space is written in double quotes: `colon: ": "`.
        let value = value.trim();
        let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
        let key = key.trim();
        match keys.iter().position(|k| *k == key) {
            None => errors
                .push(format!("{n}: {key:?} is not an interface string (the keys are in src/core/strings_schema.rs)")),
            Some(_) if value.is_empty() => errors.push(format!("{n}: {key} is empty")),
            Some(i) if found[i].is_some() => errors.push(format!("{n}: {key} is given twice")),
            Some(i) => found[i] = Some(value.to_string()),
        }
    }
    for (key, value) in keys.iter().zip(&found) {
        if value.is_none() {
            errors.push(format!("1: {key} is missing"));
        }
    }
    if errors.is_empty() {
        Ok(found.into_iter().flatten().collect())
    } else {
        Err(errors)
    }
}
