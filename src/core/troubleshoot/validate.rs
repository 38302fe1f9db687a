//! Checks a locale's flows before the widget trusts them: the built-in flows in a test, and
//! any flows an operator supplies at runtime. Each problem is one line naming the case (and
//! the step) so a content author can find it without reading code.

use super::Flow;
use crate::core::content::validate::is_valid_id;
use std::collections::HashSet;

/// Every problem in `flows`, checked against the ids of the articles that exist in the same
/// locale. An empty list means the flows are safe to show.
pub fn validate(flows: &[Flow], article_ids: &[&str]) -> Vec<String> {
    let known: HashSet<&str> = article_ids.iter().copied().collect();
    let mut cases = HashSet::new();
    let mut problems = Vec::new();
    for flow in flows {
        let case = flow.case.as_ref();
        if !is_valid_id(case) {
            problems.push(format!("{case:?}: case id is not valid (lower-case letters, digits and dashes)"));
        }
        if !cases.insert(case) {
            problems.push(format!("{case}: duplicate case"));
        }
        if flow.title.trim().is_empty() {
            problems.push(format!("{case}: title is empty"));
        }
        if flow.steps.is_empty() {
            problems.push(format!("{case}: has no steps"));
        }
        // Someone whose wallet is being drained must see "stop, share nothing" before any
        // question about what happened.
        if flow.category == super::Category::Security && !flow.starts_urgent() {
            problems.push(format!("{case}: a security flow must start with an urgent step"));
        }
        let mut step_ids = HashSet::new();
        for (i, step) in flow.steps.iter().enumerate() {
            let id = step.id.as_ref();
            let at = format!("{case}/{id}");
            if !is_valid_id(id) {
                problems
                    .push(format!("{case}: step {i}: id {id:?} is not valid (lower-case letters, digits and dashes)"));
            }
            if !step_ids.insert(id) {
                problems.push(format!("{at}: duplicate step id"));
            }
            if step.text.trim().is_empty() {
                problems.push(format!("{at}: text is empty"));
            }
            if step.detail.as_deref().is_some_and(|d| d.trim().is_empty()) {
                problems.push(format!("{at}: detail is empty (leave it out instead)"));
            }
            for article in step.articles() {
                if !known.contains(article) {
                    problems.push(format!("{at}: no article with id {article:?}"));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::troubleshoot::{Category, Step};
    use std::borrow::Cow::{Borrowed as B, Owned};

    fn step(id: &'static str, text: &'static str, articles: &'static str, urgent: bool) -> Step {
        Step { id: B(id), text: B(text), detail: None, articles: B(articles), done: B("Done."), urgent }
    }

    fn flow(case: &'static str, category: Category, steps: Vec<Step>) -> Flow {
        Flow { case: B(case), category, title: B("Title"), steps: Owned(steps) }
    }

    #[test]
    fn a_sound_flow_has_no_problems() {
        let flows = [flow(
            "ok",
            Category::Security,
            vec![step("stop", "Stop.", "a", true), step("next", "Then.", "a, b", false)],
        )];
        assert_eq!(validate(&flows, &["a", "b"]), Vec::<String>::new());
    }

    #[test]
    fn every_kind_of_problem_is_named() {
        let mut bad_detail = step("d", "Text", "", false);
        bad_detail.detail = Some(B(" "));
        let flows = [
            flow(
                "x",
                Category::Technical,
                vec![step("a", "Try.", "ghost", false), step("a", " ", "", false), bad_detail],
            ),
            flow("x", Category::Account, vec![]),
            flow("Bad Case", Category::Security, vec![step("Bad Step", "Look.", "", false)]),
        ];
        assert_eq!(
            validate(&flows, &["real"]),
            vec![
                "x/a: no article with id \"ghost\"",
                "x/a: duplicate step id",
                "x/a: text is empty",
                "x/d: detail is empty (leave it out instead)",
                "x: duplicate case",
                "x: has no steps",
                "\"Bad Case\": case id is not valid (lower-case letters, digits and dashes)",
                "Bad Case: a security flow must start with an urgent step",
                "Bad Case: step 0: id \"Bad Step\" is not valid (lower-case letters, digits and dashes)",
            ]
        );
    }
}
