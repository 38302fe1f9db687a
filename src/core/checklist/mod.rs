//! The security checklist: its items (built in, changed by the operator's config), the
//! user's marks, and what the summary line says: how many are done and what to do next.

mod items;

pub use items::defaults;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

pub type Text = Cow<'static, str>;

/// What opening an item's main button does, beyond reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Check a contact against the official list.
    Verifier,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: Text,
    /// Phrased as the habit to have ("Two-factor authentication is on").
    pub title: Text,
    /// What to do, as the summary's "next" suggestion ("turn on two-factor").
    pub next: Text,
    pub why: Text,
    /// Short steps, one per line.
    pub steps: Text,
    /// Comma-separated article ids.
    pub articles: Text,
    pub tool: Option<Tool>,
}

impl Item {
    pub fn steps(&self) -> impl Iterator<Item = &str> {
        self.steps.lines().map(str::trim).filter(|l| !l.is_empty())
    }
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        self.articles.split(',').map(str::trim).filter(|s| !s.is_empty())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Done,
    NotYet,
    NotApplicable,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Done, Mark::NotYet, Mark::NotApplicable];
    pub fn name(self) -> &'static str {
        match self {
            Mark::Done => "done",
            Mark::NotYet => "not_yet",
            Mark::NotApplicable => "not_applicable",
        }
    }
}

/// The user's marks by item id; items without a mark are "not yet".
pub type Marks = BTreeMap<String, Mark>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary<'a> {
    pub done: usize,
    /// Items that apply (all but "does not apply").
    pub applicable: usize,
    /// The first item that applies and is not done.
    pub next: Option<&'a Item>,
}

impl Summary<'_> {
    /// 0–100: the share of applicable items done.
    pub fn score(&self) -> u8 {
        if self.applicable == 0 {
            return 100;
        }
        ((self.done * 100 + self.applicable / 2) / self.applicable) as u8
    }
}

pub fn summary<'a>(items: &'a [Item], marks: &Marks) -> Summary<'a> {
    let mark = |i: &Item| marks.get(i.id.as_ref()).copied().unwrap_or(Mark::NotYet);
    Summary {
        done: items.iter().filter(|i| mark(i) == Mark::Done).count(),
        applicable: items.iter().filter(|i| mark(i) != Mark::NotApplicable).count(),
        next: items.iter().find(|i| mark(i) == Mark::NotYet),
    }
}

/// The checklist as attached to a report (payload field `checklist`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attached {
    pub items: Vec<AttachedItem>,
    pub score: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttachedItem {
    pub id: String,
    /// A [`Mark`]'s name, or `unanswered` for an item the user never marked: the operator
    /// should not read an unopened checklist as ten habits neglected.
    pub state: &'static str,
}

pub fn attached(items: &[Item], marks: &Marks) -> Attached {
    Attached {
        items: items
            .iter()
            .map(|i| AttachedItem {
                id: i.id.to_string(),
                state: marks.get(i.id.as_ref()).map_or("unanswered", |m| m.name()),
            })
            .collect(),
        score: summary(items, marks).score(),
    }
}

/// Whether the installed app is older than the latest release, comparing dotted numbers
/// ("3.2.10" < "3.10.0"); `None` when either is unknown or not a version.
pub fn app_outdated(installed: &str, latest: &str) -> Option<bool> {
    let parse = |v: &str| -> Option<Vec<u64>> {
        let v = v.trim().trim_start_matches(['v', 'V']);
        let core = v.split(['-', '+', ' ']).next()?;
        core.split('.').map(|p| p.parse().ok()).collect()
    };
    let (a, b) = (parse(installed)?, parse(latest)?);
    let len = a.len().max(b.len());
    let pad = |v: Vec<u64>| v.into_iter().chain(std::iter::repeat(0)).take(len).collect::<Vec<_>>();
    Some(pad(a) < pad(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Locale;

    #[test]
    fn the_summary_counts_applicable_items_and_names_the_next_one() {
        let items = defaults(Locale::En);
        let mut marks = Marks::new();
        let s = summary(items, &marks);
        assert_eq!((s.done, s.applicable, s.score()), (0, items.len(), 0));
        assert_eq!(s.next.map(|i| i.id.as_ref()), Some(items[0].id.as_ref()));
        marks.insert(items[0].id.to_string(), Mark::Done);
        marks.insert(items[1].id.to_string(), Mark::NotApplicable);
        marks.insert(items[2].id.to_string(), Mark::NotYet);
        let s = summary(items, &marks);
        assert_eq!((s.done, s.applicable), (1, items.len() - 1));
        assert_eq!(s.next.map(|i| i.id.as_ref()), Some(items[2].id.as_ref()));
        for i in items {
            marks.insert(i.id.to_string(), Mark::Done);
        }
        let s = summary(items, &marks);
        assert_eq!((s.score(), s.next), (100, None));
    }

    #[test]
    fn the_attached_state_lists_every_item_with_its_mark() {
        let items = defaults(Locale::ZhCn);
        let mut marks = Marks::new();
        marks.insert("two-factor".into(), Mark::Done);
        marks.insert("no-public-wifi".into(), Mark::NotYet);
        let a = serde_json::to_value(attached(items, &marks)).expect("serialises");
        assert_eq!(a["items"].as_array().map(Vec::len), Some(items.len()));
        assert!(a["items"]
            .as_array()
            .is_some_and(|l| l.iter().any(|i| i["id"] == "two-factor" && i["state"] == "done")));
        assert!(a["items"]
            .as_array()
            .is_some_and(|l| l.iter().any(|i| i["id"] == "no-public-wifi" && i["state"] == "not_yet")));
        assert_eq!(a["items"][0]["state"], "unanswered");
        assert_eq!(a["score"], 10);
    }

    #[test]
    fn both_languages_have_the_same_ten_items_with_steps_and_existing_articles() {
        let (en, zh) = (defaults(Locale::En), defaults(Locale::ZhCn));
        assert_eq!(en.len(), 10);
        let ids = |l: &[Item]| l.iter().map(|i| i.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(en), ids(zh));
        for (locale, items) in [(Locale::En, en), (Locale::ZhCn, zh)] {
            let articles = crate::core::content::defaults(locale);
            for i in items {
                assert!(i.steps().count() >= 2, "{} has steps", i.id);
                for a in i.articles() {
                    assert!(crate::core::content::find(articles, a).is_some(), "{locale:?} {}: article {a}", i.id);
                }
            }
        }
        assert_eq!(en.iter().filter(|i| i.tool == Some(Tool::Verifier)).count(), 1);
    }

    #[test]
    fn versions_compare_by_number() {
        assert_eq!(app_outdated("3.2.10", "3.10.0"), Some(true));
        assert_eq!(app_outdated("v3.10.0", "3.10"), Some(false));
        assert_eq!(app_outdated("4.0.0-beta", "3.9.9"), Some(false));
        assert_eq!(app_outdated("3.1", "3.1.1"), Some(true));
        assert_eq!(app_outdated("", "3.1"), None);
        assert_eq!(app_outdated("latest", "3.1"), None);
    }
}
