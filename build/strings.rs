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
/// step_of: Step {n} of {of}   ({n} is filled in; `slots` gives the names each key may use)
/// letter_closing: Thank you.\n\nYours faithfully,   (\n is a line break)
/// ```
#[cfg_attr(test, allow(dead_code))]
pub fn read(text: &str, keys: &[&str], slots: &[&[&str]]) -> Result<Vec<String>, Vec<String>> {
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
            Some(i) => {
                let allowed = slots.get(i).copied().unwrap_or_default();
                match unknown_slot(value, allowed) {
                    Some(slot) if allowed.is_empty() => {
                        errors.push(format!("{n}: {key} takes no values, but the text has {slot}"))
                    }
                    Some(slot) => errors.push(format!(
                        "{n}: {key} has {slot}; its values are {}",
                        allowed.iter().map(|s| format!("{{{s}}}")).collect::<Vec<_>>().join(", ")
                    )),
                    None => found[i] = Some(value.replace("\\n", "\n")),
                }
            }
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

/// The first `{name}` in `value` that is not one of `allowed`, as written; a `{` with no `}`
/// counts too, so a typo cannot show braces to the reader.
fn unknown_slot(value: &str, allowed: &[&str]) -> Option<String> {
    let mut rest = value;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { return Some("a { with no }".into()) };
        let name = &after[..close];
        if !allowed.contains(&name) {
            return Some(format!("{{{name}}}"));
        }
        rest = &after[close + 1..];
    }
    None
}
