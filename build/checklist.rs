//! Build-time reader for the security checklist, `content/<locale>/checklist.md`, one item
//! per section, in the order shown:
//!
//! ```text
//! ## two-factor                      (item id, the same in every language)
//! title: Two-factor authentication is on     (the habit to have)
//! next: turn on two-factor authentication    (the summary's "next" suggestion)
//! why: With a second code, a stolen password alone does not open your account.
//! steps:
//! - Open the security settings in the app.  (two or more)
//! - Turn on two-factor.
//! articles: two-factor                       (ids of articles that help)
//! tool: verifier                             (optional: the item opens the contact verifier)
//! ```
//!
//! Every problem is reported as `line: message`, so the build names the file and line.

// `super::checklist_model` is the model file, included by the build script and by the tests.
use super::checklist_model::{Item, Tool};
use std::borrow::Cow;

const KEYS: [&str; 6] = ["title", "next", "why", "steps", "articles", "tool"];

/// One `## id` section as read: the heading's line, the id, each `key: value` with its line,
/// and the steps.
type Section = (usize, String, Vec<(usize, String, String)>, Vec<String>);

/// The items of one checklist file; errors are `line: message`.
#[cfg_attr(test, allow(dead_code))]
pub fn parse(text: &str, article_ids: &[&str]) -> Result<Vec<Item>, Vec<String>> {
    let mut errors = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut in_steps = false;
    for (n, line) in text.lines().enumerate().map(|(n, l)| (n + 1, l.trim_end())) {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(id) = line.strip_prefix("## ") {
            sections.push((n, id.trim().to_string(), Vec::new(), Vec::new()));
            in_steps = false;
            continue;
        }
        let Some((_, _, fields, steps)) = sections.last_mut() else {
            errors.push(format!("{n}: text before the first `## item-id` heading"));
            continue;
        };
        if let Some(step) = line.strip_prefix("- ").filter(|_| in_steps) {
            steps.push(step.trim().to_string());
            continue;
        }
        match line.split_once(':') {
            Some((k, v)) if KEYS.contains(&k.trim()) => {
                let k = k.trim();
                if fields.iter().any(|(_, key, _)| key == k) {
                    errors.push(format!("{n}: {k} is given twice"));
                }
                in_steps = k == "steps";
                if in_steps && !v.trim().is_empty() {
                    errors.push(format!("{n}: steps are listed on the lines below, one `- step` each"));
                }
                fields.push((n, k.to_string(), v.trim().to_string()));
            }
            _ => errors.push(format!(
                "{n}: expected one of {} as `key: value`, or `- step` under steps:, got {line:?}",
                KEYS.join(", ")
            )),
        }
    }
    let mut items = Vec::new();
    for (line, id, fields, steps) in sections {
        let get = |k: &str| fields.iter().find(|(_, key, _)| key == k).map(|(_, _, v)| v.clone());
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            errors.push(format!("{line}: item id {id:?} must be lowercase letters, digits and -"));
        }
        if items.iter().any(|i: &Item| i.id == id) {
            errors.push(format!("{line}: item {id} is given twice"));
        }
        for k in ["title", "next", "why", "articles"] {
            if get(k).is_none_or(|v| v.is_empty()) {
                errors.push(format!("{line}: item {id} has no {k}"));
            }
        }
        if steps.len() < 2 {
            errors.push(format!("{line}: item {id} needs two or more steps, has {}", steps.len()));
        }
        let articles: Vec<String> = get("articles")
            .unwrap_or_default()
            .split(',')
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        for a in &articles {
            if !article_ids.contains(&a.as_str()) {
                errors.push(format!("{line}: item {id}: no article with id {a:?}"));
            }
        }
        let tool = match get("tool").as_deref() {
            None => None,
            Some("verifier") => Some(Tool::Verifier),
            Some(other) => {
                errors.push(format!("{line}: item {id}: tool {other:?} unknown; the only tool is verifier"));
                None
            }
        };
        items.push(Item {
            id: Cow::Owned(id),
            title: Cow::Owned(get("title").unwrap_or_default()),
            next: Cow::Owned(get("next").unwrap_or_default()),
            why: Cow::Owned(get("why").unwrap_or_default()),
            steps: Cow::Owned(steps.join("\n")),
            articles: Cow::Owned(articles.join(",")),
            tool,
        });
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(errors)
    }
}
