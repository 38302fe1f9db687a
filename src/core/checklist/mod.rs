//! The security checklist: its items (built in, changed by the operator's config), the
//! user's marks, and what the summary line says: how many are done and what to do next.

pub(crate) mod model;

// The build script's checklist reader, compiled here too so its errors are tested natively.
#[cfg(test)]
use model as checklist_model;
#[cfg(test)]
#[path = "../../../build/checklist.rs"]
mod source;

pub use model::{Item, Text, Tool};

use super::config::Locale;

/// The built-in items of a locale, from its content file (`content/<locale>/checklist.md`);
/// none until the language has arrived.
pub fn defaults(locale: Locale) -> &'static [Item] {
    super::content::pack(locale).map_or(&[], |p| &p.checklist)
}

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wallet_help_report::wire::{Checklist, ChecklistItem};

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
pub fn attached(items: &[Item], marks: &Marks) -> Checklist {
    Checklist {
        items: items
            .iter()
            .map(|i| ChecklistItem {
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

    #[test]
    fn a_checklist_file_is_read_into_items() {
        let text = "## two-factor\ntitle: 2FA is on\nnext: turn it on\nwhy: A code.\nsteps:\n- Open settings.\n- Turn it on.\narticles: a, b\n\n## real\ntitle: T\nnext: n\nwhy: w\nsteps:\n- One.\n- Two.\narticles: a\ntool: verifier\n";
        let items = source::parse(text, &["a", "b"]).expect("valid");
        assert_eq!(items.len(), 2);
        let i = &items[0];
        assert_eq!(
            (i.id.as_ref(), i.steps.as_ref(), i.articles.as_ref(), i.tool),
            ("two-factor", "Open settings.\nTurn it on.", "a,b", None)
        );
        assert_eq!(items[1].tool, Some(Tool::Verifier));
    }

    #[test]
    fn a_bad_checklist_file_names_each_problem_and_its_line() {
        let text = "stray\n## Bad Id\ntitle: T\nsteps: inline\n- one\ncolour: red\narticles: ghost\ntool: hammer\n\n## ok\ntitle: T\nnext: n\nwhy: w\nsteps:\n- a\n- b\narticles: a\n## ok\n";
        assert_eq!(
            source::parse(text, &["a"]).unwrap_err(),
            [
                "1: text before the first `## item-id` heading",
                "4: steps are listed on the lines below, one `- step` each",
                "6: expected one of title, next, why, steps, articles, tool as `key: value`, or `- step` under steps:, got \"colour: red\"",
                "2: item id \"Bad Id\" must be lowercase letters, digits and -",
                "2: item Bad Id has no next",
                "2: item Bad Id has no why",
                "2: item Bad Id needs two or more steps, has 1",
                "2: item Bad Id: no article with id \"ghost\"",
                "2: item Bad Id: tool \"hammer\" unknown; the only tool is verifier",
                "18: item ok is given twice",
                "18: item ok has no title",
                "18: item ok has no next",
                "18: item ok has no why",
                "18: item ok has no articles",
                "18: item ok needs two or more steps, has 0",
            ]
        );
    }
}
