//! Guided troubleshooting: "what went wrong?" → a case → a short, linear flow of steps.
//!
//! This module owns the flow model, the built-in flows in both languages, the lookups, the
//! checks that keep the data sound ([`validate`]) and the user's progress through one flow
//! ([`Walk`]). When a walk runs out of steps the UI shows the escalation ladder; that ladder
//! is not decided here.
//!
//! Flows are linear on purpose: a user who is scared or on a small screen follows "try this,
//! then this" far better than a branching tree, and a line cannot have dead ends or loops.

mod ladder;
pub(crate) mod model;
mod validate;
mod walk;

// The build script's flow-file reader, compiled here too so its errors are tested natively.
#[cfg(test)]
use model as flow_model;
#[cfg(test)]
#[path = "../../../build/flows.rs"]
mod source;

pub use ladder::{mailto, tel, Channels, Regulator};
pub use model::{Category, Flow, Step, Text};
pub use validate::validate;
pub use walk::{Outcome, Walk};

use super::config::Locale;
use super::content::model::items;
use super::report::Category as ReportCategory;

impl Category {
    /// The report category to prefill when the user escalates from this flow.
    pub fn report(self) -> ReportCategory {
        match self {
            Category::Technical => ReportCategory::Technical,
            Category::Account => ReportCategory::Account,
            Category::Transaction => ReportCategory::Transaction,
            Category::Security => ReportCategory::Security,
        }
    }
}

impl Step {
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        items(&self.articles)
    }
}

/// The built-in flows of a locale, in the seed's order: technical, account, transaction, security.
pub fn flows(locale: Locale) -> &'static [Flow] {
    super::content::pack(locale).map_or(&[], |p| &p.flows)
}

/// The built-in flow for a case id.
pub fn find(locale: Locale, case: &str) -> Option<&'static Flow> {
    find_in(flows(locale), case)
}

/// The flow for a case id in any list (built in, or changed by the operator).
pub fn find_in<'a>(flows: &'a [Flow], case: &str) -> Option<&'a Flow> {
    flows.iter().find(|f| f.case == case)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content;

    const LOCALES: [Locale; 3] = Locale::ALL;
    const CASES: [&str; 9] = [
        "app-crash",
        "tx-pending",
        "login-failed",
        "wrong-balance",
        "payment-failed",
        "refund",
        "account-stolen",
        "data-leak",
        "funds-drained",
    ];

    fn article_ids(locale: Locale) -> Vec<&'static str> {
        content::defaults(locale).iter().map(|a| a.id.as_ref()).collect()
    }

    #[test]
    fn every_built_in_flow_is_valid_against_the_real_articles() {
        for locale in LOCALES {
            assert_eq!(validate(flows(locale), &article_ids(locale)), Vec::<String>::new(), "{locale:?}");
        }
    }

    #[test]
    fn the_seed_cases_are_all_there_in_order_with_three_to_six_steps() {
        for locale in LOCALES {
            let cases: Vec<&str> = flows(locale).iter().map(|f| f.case.as_ref()).collect();
            assert_eq!(cases, CASES, "{locale:?}");
            for flow in flows(locale) {
                assert!((3..=6).contains(&flow.steps.len()), "{locale:?} {}: {} steps", flow.case, flow.steps.len());
            }
        }
    }

    #[test]
    fn both_locales_have_the_same_cases_categories_steps_and_articles() {
        for (en, zh) in flows(Locale::En).iter().zip(flows(Locale::ZhCn)) {
            assert_eq!((&en.case, en.category), (&zh.case, zh.category));
            let shape = |f: &Flow| {
                f.steps.iter().map(|s| (s.id.to_string(), s.urgent, s.articles.to_string())).collect::<Vec<_>>()
            };
            assert_eq!(shape(en), shape(zh), "{}", en.case);
        }
    }

    #[test]
    fn security_flows_start_with_the_urgent_actions_and_only_they_do() {
        for locale in LOCALES {
            for flow in flows(locale) {
                assert_eq!(flow.starts_urgent(), flow.category == Category::Security, "{locale:?} {}", flow.case);
                if flow.category == Category::Security {
                    let urgent: Vec<&str> = flow.steps.iter().take_while(|s| s.urgent).map(|s| s.id.as_ref()).collect();
                    assert_eq!(urgent, ["stop", "share-nothing", "move-funds", "official-support"], "{}", flow.case);
                    // Urgent steps come first and only first: no diagnosis before them.
                    assert!(flow.steps.iter().skip(urgent.len()).all(|s| !s.urgent), "{}", flow.case);
                }
            }
        }
    }

    #[test]
    fn share_nothing_names_every_secret() {
        let en = find(Locale::En, "account-stolen").and_then(|f| f.step("share-nothing")).map(|s| s.text.to_string());
        let en = en.unwrap_or_default();
        for word in ["seed phrase", "private key", "password", "code"] {
            assert!(en.contains(word), "{en}");
        }
        let zh = find(Locale::ZhCn, "data-leak").and_then(|f| f.step("share-nothing")).map(|s| s.text.to_string());
        let zh = zh.unwrap_or_default();
        for word in ["助记词", "私钥", "密码", "验证码"] {
            assert!(zh.contains(word), "{zh}");
        }
    }

    #[test]
    fn chinese_text_uses_full_width_punctuation() {
        for flow in flows(Locale::ZhCn) {
            let texts = std::iter::once(flow.title.as_ref())
                .chain(flow.steps.iter().flat_map(|s| std::iter::once(s.text.as_ref()).chain(s.detail.as_deref())));
            for t in texts {
                // `{brand}` and ids aside, ASCII , . : ; ? ! ( ) are half-width slips.
                assert!(!t.chars().any(|c| ",.:;?!()".contains(c)), "{}: {t}", flow.case);
            }
        }
    }

    #[test]
    fn both_security_flows_share_the_same_urgent_steps() {
        for locale in LOCALES {
            let urgent = |case| find(locale, case).map(|f| f.steps.iter().take(4).cloned().collect::<Vec<_>>());
            let (stolen, leak) =
                (urgent("account-stolen").unwrap_or_default(), urgent("data-leak").unwrap_or_default());
            // "Share nothing" must say the same thing wherever it appears.
            assert_eq!(stolen[1], leak[1], "{locale:?}");
        }
    }

    #[test]
    fn a_flow_file_is_read_into_steps() {
        let text = "---\ncategory: security\ntitle: Help\norder: 2\n---\n## stop (urgent)\nStop now.\n\nWhy it\nmatters.\narticles: a, b\ndone: I stopped.\n\n## next\nDo this.\ndone: I did this.\n";
        let (order, flow) = source::parse("case-1", text, &["a", "b"]).expect("valid");
        assert_eq!((order, flow.category, flow.title.as_ref()), (2, Category::Security, "Help"));
        let s = &flow.steps[0];
        assert_eq!(
            (s.id.as_ref(), s.text.as_ref(), s.detail.as_deref(), s.articles.as_ref(), s.done.as_ref(), s.urgent),
            ("stop", "Stop now.", Some("Why it matters."), "a,b", "I stopped.", true)
        );
        let s = &flow.steps[1];
        assert_eq!((s.id.as_ref(), s.detail.as_deref(), s.articles.as_ref(), s.urgent), ("next", None, "", false));
        // And through the content file the widget reads, unchanged.
        let text =
            crate::core::content::pack::encode("en", &[], &[], std::slice::from_ref(&flow), &[]).expect("encodes");
        let read = crate::core::content::pack::decode(Box::leak(text.into_boxed_str())).expect("decodes");
        assert_eq!(read.flows, [flow]);
    }

    #[test]
    fn a_bad_flow_file_names_each_problem_and_its_line() {
        let errors = |text: &str| source::parse("c", text, &["a"]).err().unwrap_or_default();
        assert_eq!(errors("category: x"), ["1: front matter must start with ---"]);
        assert_eq!(errors("---\ntitle: T\n"), ["1: front matter is not closed with ---"]);
        let e = errors(
            "---\ncategory: money\norder: one\ncolour: red\n---\nstray\n## s\n\n## t\nA\n\nB\n\nC\narticles: a, zz\n",
        );
        assert_eq!(
            e,
            [
                "2: category \"money\" unknown; use one of technical, account, transaction, security",
                "3: order must be a whole number, got \"one\"",
                "4: expected category, title or order as `key: value`, got \"colour: red\"",
                "1: title is missing",
                "6: text before the first `## step-id` heading",
                "7: step s has no text",
                "7: step s has no `done:` line (what the user did, in their words)",
                "15: no article with id \"zz\"",
                "9: step t has no `done:` line (what the user did, in their words)",
                "9: step t has more than two paragraphs (the action and one detail)",
            ]
        );
        assert_eq!(
            errors("---\ncategory: account\ntitle: T\norder: 1\n---\n"),
            ["6: no steps; add `## step-id` sections"]
        );
    }

    /// Users look for money that did not move or arrive under transactions, not under
    /// technical problems; a report escalated from these cases is a transaction report too.
    #[test]
    fn money_cases_are_filed_under_transactions() {
        for locale in Locale::ALL {
            for case in ["tx-pending", "payment-failed", "refund"] {
                let flow = find(locale, case).unwrap_or_else(|| panic!("{case}"));
                assert_eq!(flow.category, Category::Transaction, "{locale:?} {case}");
                assert_eq!(flow.category.report(), ReportCategory::Transaction);
            }
        }
    }

    #[test]
    fn lookups_and_categories() {
        assert_eq!(find(Locale::En, "refund").map(|f| f.category), Some(Category::Transaction));
        assert!(find(Locale::ZhCn, "nope").is_none());
        assert_eq!(Category::Security.name(), "security");
        assert_eq!(Category::Technical.report(), ReportCategory::Technical);
        let step = find(Locale::En, "tx-pending").and_then(|f| f.step("find-hash"));
        assert_eq!(step.map(|s| s.articles().collect::<Vec<_>>()), Some(vec!["check-history", "collect-evidence"]));
    }
}
