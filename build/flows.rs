//! Build-time reader for the troubleshooting flows, `content/<locale>/flows/<case>.md`:
//!
//! ```text
//! ---
//! category: transaction        (technical, account, transaction or security)
//! title: My payment failed     (how the user would name the problem)
//! order: 5                     (position in the "what went wrong?" list)
//! ---
//! ## check-status              (step id; add " (urgent)" for a do-this-now step)
//! The action, one paragraph.
//!
//! Optional detail: why it helps, or what to look for.
//! articles: check-history, tx-pending
//! done: I checked the payment's status in my history.   (what the user did, in their words)
//! ```
//!
//! Every problem is reported as `line: message`, so the build names the file and line.

// `super::flow_model` is the model file, included by the build script and by the tests.
use super::flow_model::{Category, Flow, Step};
use std::borrow::Cow;
use std::path::Path;

/// The flows of one locale, in their `order`; problems are pushed as `file:line: message`.
#[cfg_attr(test, allow(dead_code))]
pub fn read(dir: &Path, article_ids: &[&str], problems: &mut Vec<String>) -> Vec<Flow> {
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect(),
        Err(e) => {
            problems.push(format!("{}: cannot read the folder: {e}", dir.display()));
            return Vec::new();
        }
    };
    files.sort();
    let mut flows: Vec<(u32, Flow)> = Vec::new();
    for path in files {
        let source = path.display().to_string();
        let case = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| vec![format!("0: {e}")])
            .and_then(|text| parse(&case, &text, article_ids));
        match parsed {
            Ok(pair) => flows.push(pair),
            Err(errs) => problems.extend(errs.into_iter().map(|e| format!("{source}:{e}"))),
        }
    }
    flows.sort_by_key(|(order, _)| *order);
    for pair in flows.windows(2) {
        if pair[0].0 == pair[1].0 {
            problems.push(format!("{}: {} and {} have the same order", dir.display(), pair[0].1.case, pair[1].1.case));
        }
    }
    flows.into_iter().map(|(_, f)| f).collect()
}

/// One flow file → its `order` and the flow. Errors are `line: message`.
pub fn parse(case: &str, text: &str, article_ids: &[&str]) -> Result<(u32, Flow), Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.first().map(|l| l.trim()) != Some("---") {
        return Err(vec!["1: front matter must start with ---".into()]);
    }
    let Some(close) = lines.iter().skip(1).position(|l| l.trim() == "---").map(|i| i + 1) else {
        return Err(vec!["1: front matter is not closed with ---".into()]);
    };
    let mut errors = Vec::new();
    let (mut category, mut title, mut order) = (None, None, None);
    // Keys given with a bad value already have their error; "missing" would be noise.
    let mut seen = Vec::new();
    for (n, line) in lines.iter().enumerate().take(close).skip(1) {
        let pair = line.split_once(':').map(|(k, v)| (k.trim(), v.trim()));
        seen.extend(pair.map(|(k, _)| k));
        match pair {
            Some(("category", v)) => {
                category = Category::parse(v);
                if category.is_none() {
                    errors.push(format!(
                        "{}: category {v:?} unknown; use one of {}",
                        n + 1,
                        Category::ALL.map(|c| c.name()).join(", ")
                    ));
                }
            }
            Some(("title", v)) if !v.is_empty() => title = Some(v.to_string()),
            Some(("order", v)) => match v.parse::<u32>() {
                Ok(o) => order = Some(o),
                Err(_) => errors.push(format!("{}: order must be a whole number, got {v:?}", n + 1)),
            },
            _ => errors.push(format!("{}: expected category, title or order as `key: value`, got {line:?}", n + 1)),
        }
    }
    for (name, missing) in [("category", category.is_none()), ("title", title.is_none()), ("order", order.is_none())] {
        if missing && !seen.contains(&name) {
            errors.push(format!("1: {name} is missing"));
        }
    }

    // Steps: each `## id` heading starts one; the lines up to the next heading belong to it.
    let mut steps: Vec<Step> = Vec::new();
    let mut current: Option<(usize, Step, Vec<String>)> = None;
    for (n, line) in lines.iter().enumerate().skip(close + 1) {
        if let Some(heading) = line.strip_prefix("## ") {
            if let Some(done) = current.take() {
                finish(done, &mut steps, &mut errors);
            }
            let (id, urgent) = match heading.trim().strip_suffix("(urgent)") {
                Some(id) => (id.trim(), true),
                None => (heading.trim(), false),
            };
            let step = Step {
                id: Cow::Owned(id.into()),
                text: Cow::Borrowed(""),
                detail: None,
                articles: Cow::Borrowed(""),
                done: Cow::Borrowed(""),
                urgent,
            };
            current = Some((n + 1, step, vec![String::new()]));
        } else if let Some((_, step, paragraphs)) = current.as_mut() {
            if let Some(list) = line.strip_prefix("articles:") {
                let ids: Vec<&str> = list.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
                for id in &ids {
                    if !article_ids.contains(id) {
                        errors.push(format!("{}: no article with id {id:?}", n + 1));
                    }
                }
                step.articles = Cow::Owned(ids.join(","));
            } else if let Some(done) = line.strip_prefix("done:") {
                step.done = Cow::Owned(done.trim().into());
            } else if line.trim().is_empty() {
                paragraphs.push(String::new());
            } else {
                let last = paragraphs.last_mut().expect("starts with one");
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(line.trim());
            }
        } else if !line.trim().is_empty() {
            errors.push(format!("{}: text before the first `## step-id` heading", n + 1));
        }
    }
    if let Some(done) = current.take() {
        finish(done, &mut steps, &mut errors);
    }
    if steps.is_empty() {
        errors.push(format!("{}: no steps; add `## step-id` sections", close + 2));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let flow = Flow {
        case: Cow::Owned(case.into()),
        category: category.unwrap_or(Category::Technical),
        title: Cow::Owned(title.unwrap_or_default()),
        steps: Cow::Owned(steps),
    };
    Ok((order.unwrap_or_default(), flow))
}

/// Sets a step's text (first paragraph) and detail (second); more than two is an error.
fn finish((line, mut step, paragraphs): (usize, Step, Vec<String>), steps: &mut Vec<Step>, errors: &mut Vec<String>) {
    let mut paragraphs = paragraphs.into_iter().filter(|p| !p.is_empty());
    match paragraphs.next() {
        Some(text) => step.text = Cow::Owned(text),
        None => errors.push(format!("{line}: step {} has no text", step.id)),
    }
    step.detail = paragraphs.next().map(Cow::Owned);
    if step.done.is_empty() {
        errors.push(format!("{line}: step {} has no `done:` line (what the user did, in their words)", step.id));
    }
    if paragraphs.next().is_some() {
        errors.push(format!("{line}: step {} has more than two paragraphs (the action and one detail)", step.id));
    }
    steps.push(step);
}
