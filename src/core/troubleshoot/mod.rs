//! Guided troubleshooting: "what went wrong?" → a case → a short, linear flow of steps.
//!
//! This module owns the flow model, the built-in flows in both languages, the lookups, the
//! checks that keep the data sound ([`validate`]) and the user's progress through one flow
//! ([`Walk`]). When a walk runs out of steps the UI shows the escalation ladder; that ladder
//! is not decided here.
//!
//! Flows are linear on purpose: a user who is scared or on a small screen follows "try this,
//! then this" far better than a branching tree, and a line cannot have dead ends or loops.

mod flows_en;
mod flows_zh;
mod validate;
mod ladder;
mod walk;

pub use validate::validate;
pub use ladder::{mailto, tel, Channels, Regulator};
pub use walk::{Outcome, Walk};

use super::config::Locale;
use super::content::model::items;
use super::report::Category as ReportCategory;
use std::borrow::Cow;

/// Text that is `&'static` when compiled in and owned if it ever comes from operator config.
pub type Text = Cow<'static, str>;

/// The seed's four problem classes; a flow belongs to exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Technical,
    Account,
    Transaction,
    Security,
}

impl Category {
    pub const ALL: [Category; 4] = [Category::Technical, Category::Account, Category::Transaction, Category::Security];

    pub fn name(self) -> &'static str {
        self.report().name()
    }

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

/// One thing to try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable across languages: it ends up in the report's `steps_tried`.
    pub id: Text,
    /// The action, one short sentence.
    pub text: Text,
    /// Why it helps, or what to look for; shown under the action.
    pub detail: Option<Text>,
    /// Comma-separated ids of articles that help with this step.
    pub articles: Text,
    /// Do this now, before any diagnosis. An urgent step is never "the fix", so the UI offers
    /// only "done, next" on it, which calls [`Walk::still_broken`] (the step counts as tried).
    pub urgent: bool,
}

impl Step {
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        items(&self.articles)
    }
}

/// The steps for one case, in the order to try them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    /// The case id (`tx-pending`); the same in every language.
    pub case: Text,
    pub category: Category,
    /// How the user would name the problem ("My transaction is stuck").
    pub title: Text,
    pub steps: Cow<'static, [Step]>,
}

impl Flow {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// True for a flow that opens with urgent steps (the security cases).
    pub fn starts_urgent(&self) -> bool {
        self.steps.first().is_some_and(|s| s.urgent)
    }
}

/// The built-in flows of a locale, in the seed's order: technical, account, transaction, security.
pub fn flows(locale: Locale) -> &'static [Flow] {
    match locale {
        Locale::En => &flows_en::FLOWS,
        Locale::ZhCn => &flows_zh::FLOWS,
    }
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

    const LOCALES: [Locale; 2] = [Locale::En, Locale::ZhCn];
    const CASES: [&str; 8] =
        ["app-crash", "tx-pending", "login-failed", "wrong-balance", "payment-failed", "refund", "account-stolen", "data-leak"];

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
            let shape = |f: &Flow| f.steps.iter().map(|s| (s.id.to_string(), s.urgent, s.articles.to_string())).collect::<Vec<_>>();
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
    fn lookups_and_categories() {
        assert_eq!(find(Locale::En, "refund").map(|f| f.category), Some(Category::Transaction));
        assert!(find(Locale::ZhCn, "nope").is_none());
        assert_eq!(Category::Security.name(), "security");
        assert_eq!(Category::Technical.report(), ReportCategory::Technical);
        let step = find(Locale::En, "tx-pending").and_then(|f| f.step("find-hash"));
        assert_eq!(step.map(|s| s.articles().collect::<Vec<_>>()), Some(vec!["check-history", "collect-evidence"]));
    }
}
