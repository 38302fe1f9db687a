//! The widget's UI state and the one function that changes it. Components send an
//! [`Action`]; the JS API sends the same actions, so both paths behave alike.

use super::checklist::{Mark, Marks};
use super::config::{Locale, View};
use super::content::Category;
use super::followup::{Note, Notes, Rung};
use super::report::{Draft, Field};
use super::troubleshoot::{self, Walk};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A page of the FAQ view. The FAQ's home (categories, or search results) has no entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaqPage {
    Category(Category),
    Article(String),
}

/// Answers to "Was this helpful?", by article id.
pub type Votes = BTreeMap<String, bool>;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub open: bool,
    pub view: View,
    pub locale: Locale,
    /// FAQ pages the user went through; the last is shown, "back" pops it.
    pub trail: Vec<FaqPage>,
    /// The FAQ search box; non-empty shows results on the FAQ home.
    pub query: String,
    pub votes: Rc<Votes>,
    /// The report being written; kept on the device (secrets removed) as it changes.
    pub draft: Rc<Draft>,
    /// What `WalletHelp.prefill` gave that is not a form field (e.g. account id).
    pub prefill: Rc<BTreeMap<String, String>>,
    /// Articles opened this session, offered as "steps tried" in the report.
    pub read: Vec<String>,
    /// The Contact view shows the list of sent reports instead of the form.
    pub reports: bool,
    /// The user's checklist marks; kept on the device.
    pub marks: Rc<Marks>,
    /// The contact verifier shows in place of the current view, until Back or another view.
    pub verifier: bool,
    /// The troubleshooter's current walk through a case; `None` shows the case list.
    pub walk: Option<Walk>,
    /// The Troubleshoot view shows the escalation ladder on its own with this rung as the
    /// next step, for a report support has not answered (`core::followup`).
    pub ladder: Option<Rung>,
    /// What the user said about delivered reports (answered, or "not now"); kept on the device.
    pub notes: Rc<Notes>,
    /// Counts "clear my data": the app's one effect that wipes the device runs when it
    /// changes, after the reducer has emptied everything the app would write back.
    pub cleared: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Opens the panel, on the given view or the one last shown.
    Open(Option<View>),
    Close,
    Toggle,
    ShowView(View),
    ShowCategory(Category),
    ShowArticle(String),
    Back,
    Search(String),
    /// "Was this helpful?" about an article id, or `case/<case id>` for a troubleshooting case.
    Vote {
        subject: String,
        helpful: bool,
    },
    SetLocale(Locale),
    Edit(Field, String),
    /// The secret guard's "remove it": every seed phrase and key out of every field.
    RemoveSecrets,
    Prefill(Vec<(String, String)>),
    DiscardDraft,
    /// The outbox has stored the report written from this draft: the form starts afresh,
    /// unless the draft changed while it was being stored (the user typed on, or the host
    /// page prefilled the next one), which is then kept.
    ReportStored(Rc<Draft>),
    ShowReports(bool),
    Mark(String, Mark),
    AttachChecklist(bool),
    ResetChecklist,
    /// Opens the contact verifier in the current view (the Checklist when the panel is
    /// closed), or goes back to what was under it.
    ShowVerifier(bool),
    /// Starts the troubleshooter on a case (opens the panel on it).
    StartCase(String),
    StillBroken,
    /// Back to the step before in the case being walked.
    PreviousStep,
    Fixed,
    /// Back to the list of cases.
    LeaveCase,
    /// From the end of a walk to the report form, with the case's category and steps.
    ReportCase,
    /// The user's answer to "has support answered report <id>?".
    Note {
        report: String,
        note: Note,
    },
    /// The escalation ladder on its own (the follow-up of an unanswered report).
    ShowLadder(Rung),
    /// "Clear my data": forgets everything the widget keeps about the user (votes, checklist
    /// marks, notes about reports, the draft, the articles read) and asks the app's effect
    /// to wipe the device (storage, outbox, page cache).
    ClearMyData,
}

impl State {
    pub fn new(locale: Locale, votes: Votes, draft: Draft, marks: Marks) -> State {
        State {
            open: false,
            view: View::Faq,
            locale,
            trail: Vec::new(),
            query: String::new(),
            votes: Rc::new(votes),
            draft: Rc::new(draft),
            prefill: Rc::default(),
            read: Vec::new(),
            reports: false,
            marks: Rc::new(marks),
            verifier: false,
            walk: None,
            ladder: None,
            notes: Rc::default(),
            cleared: 0,
        }
    }

    /// The articles read, as `steps_tried` lines, when the user has not written any yet.
    fn offer_steps(&mut self) {
        if self.draft.steps.trim().is_empty() && !self.read.is_empty() {
            let steps = self.read.iter().map(|id| format!("article:{id}")).collect::<Vec<_>>().join("\n");
            Rc::make_mut(&mut self.draft).steps = steps;
        }
    }

    /// The FAQ page shown, `None` for the FAQ home.
    pub fn page(&self) -> Option<&FaqPage> {
        self.trail.last()
    }
}

/// When the FAQ went back from `before` to `after` (pages popped off the trail), the page that
/// was left: the item that opened it on the page shown now is where the user's place is.
pub fn left_for(before: &[FaqPage], after: &[FaqPage]) -> Option<FaqPage> {
    (after.len() < before.len() && before.starts_with(after)).then(|| before[after.len()].clone())
}

impl State {
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Open(view) => {
                next.open = true;
                if let Some(v) = view {
                    next.view = v;
                    next.verifier = false;
                }
                if next.view == View::Contact {
                    next.offer_steps();
                }
            }
            Action::Close => next.open = false,
            Action::Toggle => next.open = !self.open,
            Action::ShowView(v) => {
                next.view = v;
                next.verifier = false;
                if v == View::Contact {
                    next.offer_steps();
                }
                // Choosing the FAQ tab while on it means "take me to the start".
                if v == View::Faq && self.view == View::Faq {
                    next.trail.clear();
                }
            }
            Action::ShowCategory(c) => {
                next.view = View::Faq;
                next.trail = vec![FaqPage::Category(c)];
            }
            Action::ShowArticle(id) => {
                next.open = true;
                next.view = View::Faq;
                next.verifier = false;
                if !self.read.contains(&id) {
                    next.read.push(id.clone());
                }
                if self.page() != Some(&FaqPage::Article(id.clone())) {
                    next.trail.push(FaqPage::Article(id));
                }
            }
            Action::Back => {
                next.trail.pop();
            }
            Action::Search(q) => {
                next.query = q;
                next.trail.clear();
            }
            Action::Vote { subject, helpful } => {
                Rc::make_mut(&mut next.votes).insert(subject, helpful);
            }
            Action::SetLocale(l) => next.locale = l,
            Action::Edit(field, value) => Rc::make_mut(&mut next.draft).set(field, value),
            Action::RemoveSecrets => next.draft = Rc::new(crate::core::report::storable(&next.draft)),
            Action::Prefill(pairs) => {
                let extra = Rc::make_mut(&mut next.draft).prefill(&pairs);
                Rc::make_mut(&mut next.prefill).extend(extra);
            }
            Action::DiscardDraft => next.draft = Rc::default(),
            Action::ReportStored(sent) => {
                if self.draft == sent {
                    next.draft = Rc::default();
                }
            }
            Action::ShowReports(on) => next.reports = on,
            Action::Mark(id, mark) => {
                Rc::make_mut(&mut next.marks).insert(id, mark);
            }
            Action::ResetChecklist => next.marks = Rc::default(),
            Action::AttachChecklist(on) => Rc::make_mut(&mut next.draft).attach_checklist = on,
            Action::StartCase(case) => {
                next.verifier = false;
                if let Some(flow) = troubleshoot::find(self.locale, &case) {
                    next.walk = Some(Walk::start(flow));
                    next.ladder = None;
                    next.open = true;
                    next.view = View::Troubleshoot;
                }
            }
            Action::StillBroken => next.walk.iter_mut().for_each(Walk::still_broken),
            Action::PreviousStep => next.walk.iter_mut().for_each(Walk::back),
            Action::Fixed => next.walk.iter_mut().for_each(Walk::fixed),
            Action::LeaveCase => {
                next.walk = None;
                next.ladder = None;
            }
            Action::Note { report, note } => {
                Rc::make_mut(&mut next.notes).insert(report, note);
            }
            Action::ShowLadder(rung) => {
                next.walk = None;
                next.ladder = Some(rung);
                next.open = true;
                next.view = View::Troubleshoot;
            }
            Action::ReportCase => {
                if let Some(walk) = &self.walk {
                    next.offer_steps();
                    let draft = Rc::make_mut(&mut next.draft);
                    if let Some(flow) = troubleshoot::find(self.locale, &walk.case) {
                        draft.category = Some(flow.category.report());
                    }
                    let mut steps: Vec<String> =
                        draft.steps.lines().map(String::from).filter(|l| !l.trim().is_empty()).collect();
                    steps.extend(walk.steps_tried().into_iter().filter(|s| !draft.steps.contains(s.as_str())));
                    draft.steps = steps.join("\n");
                }
                next.view = View::Contact;
                next.reports = false;
            }
            Action::ClearMyData => {
                next.votes = Rc::default();
                next.draft = Rc::default();
                next.marks = Rc::default();
                next.notes = Rc::default();
                next.read.clear();
                next.cleared = self.cleared.wrapping_add(1);
            }
            Action::ShowVerifier(on) => {
                // In the view the user is in (an article, the ladder, the form), whose place
                // Back returns to; from outside (the JS API) in the safety check.
                next.verifier = on;
                if on && !self.open {
                    next.open = true;
                    next.view = View::Checklist;
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> State {
        State::new(Locale::En, Votes::new(), Draft::default(), Marks::new())
    }

    #[test]
    fn going_back_names_the_page_that_was_left() {
        let topic = FaqPage::Category(Category::Security);
        let (a, b) = (FaqPage::Article("a".into()), FaqPage::Article("b".into()));
        // Back from an article to its topic: the article's item in the topic list.
        assert_eq!(left_for(&[topic.clone(), a.clone()], std::slice::from_ref(&topic)), Some(a.clone()));
        // Back to the home from two pages deep at once: the topic the user had opened.
        assert_eq!(left_for(&[topic.clone(), a.clone()], &[]), Some(topic.clone()));
        // Forward (a related article) is no return, nor is a jump elsewhere.
        assert_eq!(left_for(std::slice::from_ref(&a), &[a.clone(), b.clone()]), None);
        assert_eq!(left_for(std::slice::from_ref(&a), &[b]), None);
        assert_eq!(left_for(&[], &[]), None);
    }

    #[test]
    fn open_close_toggle() {
        let s = fresh();
        let opened = s.reduce(Action::Open(None));
        assert!(opened.open);
        assert_eq!(opened.view, View::Faq);
        assert!(!opened.reduce(Action::Close).open);
        assert!(s.reduce(Action::Toggle).open);
        assert!(!s.reduce(Action::Toggle).reduce(Action::Toggle).open);
    }

    #[test]
    fn open_on_a_view_and_remember_it() {
        let s = fresh().reduce(Action::Open(Some(View::Contact)));
        assert_eq!(s.view, View::Contact);
        let reopened = s.reduce(Action::Close).reduce(Action::Open(None));
        assert_eq!(reopened.view, View::Contact);
    }

    #[test]
    fn category_then_article_then_related_and_back_again() {
        let s = fresh()
            .reduce(Action::ShowCategory(Category::Security))
            .reduce(Action::ShowArticle("seed-phrase".into()))
            .reduce(Action::ShowArticle("phishing".into()));
        assert_eq!(s.page(), Some(&FaqPage::Article("phishing".into())));
        let s = s.reduce(Action::Back);
        assert_eq!(s.page(), Some(&FaqPage::Article("seed-phrase".into())));
        let s = s.reduce(Action::Back);
        assert_eq!(s.page(), Some(&FaqPage::Category(Category::Security)));
        assert_eq!(s.reduce(Action::Back).page(), None);
        assert_eq!(s.reduce(Action::Back).reduce(Action::Back).page(), None, "back at home stays home");
    }

    #[test]
    fn showing_an_article_opens_the_panel_on_the_faq_once() {
        let s = fresh().reduce(Action::ShowArticle("refund".into())).reduce(Action::ShowArticle("refund".into()));
        assert!(s.open);
        assert_eq!(s.view, View::Faq);
        assert_eq!(s.trail, vec![FaqPage::Article("refund".into())]);
    }

    #[test]
    fn the_faq_tab_pressed_again_goes_home_but_other_tabs_keep_the_place() {
        let s = fresh().reduce(Action::ShowArticle("refund".into()));
        let away = s.reduce(Action::ShowView(View::Contact)).reduce(Action::ShowView(View::Faq));
        assert_eq!(away.page(), Some(&FaqPage::Article("refund".into())));
        assert_eq!(away.reduce(Action::ShowView(View::Faq)).page(), None);
    }

    #[test]
    fn searching_returns_to_the_results() {
        let s = fresh().reduce(Action::ShowCategory(Category::Account)).reduce(Action::Search("refund".into()));
        assert_eq!(s.query, "refund");
        assert_eq!(s.page(), None);
        let s = s.reduce(Action::ShowArticle("refund".into())).reduce(Action::Back);
        assert_eq!((s.page(), s.query.as_str()), (None, "refund"));
    }

    #[test]
    fn the_ladder_shows_on_its_own_and_a_case_or_leaving_ends_it() {
        let s = fresh().reduce(Action::ShowLadder(Rung::Regulator));
        assert!(s.open && s.ladder == Some(Rung::Regulator) && s.walk.is_none() && s.view == View::Troubleshoot);
        assert_eq!(s.reduce(Action::LeaveCase).ladder, None);
        // Without a case the report rung still opens the form.
        assert_eq!(s.reduce(Action::ReportCase).view, View::Contact);
        let s = s.reduce(Action::StartCase("refund".into()));
        assert!(s.ladder.is_none() && s.walk.is_some());
    }

    #[test]
    fn notes_about_reports_are_kept_by_report_id() {
        let s = fresh()
            .reduce(Action::Note { report: "r1".into(), note: Note::Later(5) })
            .reduce(Action::Note { report: "r1".into(), note: Note::Answered });
        assert_eq!(s.notes.get("r1"), Some(&Note::Answered));
        assert_eq!(s.notes.len(), 1);
    }

    #[test]
    fn votes_are_kept_per_article_and_per_case() {
        let s = fresh()
            .reduce(Action::Vote { subject: "refund".into(), helpful: true })
            .reduce(Action::Vote { subject: "case/refund".into(), helpful: false });
        assert_eq!(s.votes.get("refund"), Some(&true));
        assert_eq!(s.votes.get("case/refund"), Some(&false));
    }

    #[test]
    fn articles_read_become_the_steps_tried_unless_the_user_wrote_some() {
        let s = fresh().reduce(Action::ShowArticle("tx-pending".into())).reduce(Action::ShowArticle("refund".into()));
        let s = s.reduce(Action::ShowView(View::Contact));
        assert_eq!(s.draft.steps, "article:tx-pending\narticle:refund");
        let edited = fresh()
            .reduce(Action::ShowArticle("refund".into()))
            .reduce(Action::Edit(Field::Steps, "Restarted".into()))
            .reduce(Action::Open(Some(View::Contact)));
        assert_eq!(edited.draft.steps, "Restarted");
    }

    #[test]
    fn prefill_fills_fields_and_keeps_the_rest_for_the_report() {
        let s = fresh().reduce(Action::Prefill(vec![
            ("txHash".into(), "0xabc".into()),
            ("accountId".into(), "A-17".into()),
            ("appVersion".into(), "3.2.1".into()),
        ]));
        assert_eq!(s.draft.tx_hash, "0xabc");
        assert_eq!(s.prefill.get("accountId").map(String::as_str), Some("A-17"));
        assert_eq!(s.prefill.len(), 2);
        let s = s.reduce(Action::Edit(Field::Description, "text".into())).reduce(Action::DiscardDraft);
        assert_eq!(*s.draft, Draft::default());
    }

    #[test]
    fn checklist_marks_change_and_reset_and_the_verifier_opens_on_the_checklist() {
        let s = fresh()
            .reduce(Action::Mark("two-factor".into(), Mark::Done))
            .reduce(Action::Mark("no-public-wifi".into(), Mark::NotApplicable));
        assert_eq!(s.marks.get("two-factor"), Some(&Mark::Done));
        assert_eq!(s.marks.len(), 2);
        assert!(s.reduce(Action::ResetChecklist).marks.is_empty());
        let v = s.reduce(Action::ShowVerifier(true));
        assert!(v.open && v.verifier);
        assert_eq!(v.view, View::Checklist);
        assert!(!v.reduce(Action::ShowVerifier(false)).verifier);
        // Opened from Contact or an FAQ article, it shows there, and Back returns there.
        let from = fresh().reduce(Action::Open(Some(View::Contact))).reduce(Action::ShowVerifier(true));
        assert_eq!((from.view, from.verifier), (View::Contact, true));
        let back = from.reduce(Action::ShowVerifier(false));
        assert_eq!((back.view, back.verifier), (View::Contact, false));
        let article = fresh().reduce(Action::ShowArticle("real-support".into())).reduce(Action::ShowVerifier(true));
        assert_eq!((article.view, article.verifier), (View::Faq, true));
        let back = article.reduce(Action::ShowVerifier(false));
        assert_eq!(back.page(), Some(&FaqPage::Article("real-support".into())));
        // Another tab leaves it, as does opening a view through the JS API.
        assert!(!from.reduce(Action::ShowView(View::Faq)).verifier);
        assert!(!from.reduce(Action::Open(Some(View::Contact))).verifier);
    }

    #[test]
    fn a_case_walked_to_its_end_goes_to_the_report_with_its_steps() {
        let s = fresh().reduce(Action::ShowArticle("tx-pending".into())).reduce(Action::StartCase("tx-pending".into()));
        assert_eq!((s.open, s.view), (true, View::Troubleshoot));
        let s = s.reduce(Action::StillBroken).reduce(Action::StillBroken);
        let s = s.reduce(Action::ReportCase);
        assert_eq!(s.view, View::Contact);
        assert_eq!(s.draft.category, Some(crate::core::report::Category::Transaction));
        assert_eq!(s.draft.steps, "article:tx-pending\nstep:tx-pending/dont-resend\nstep:tx-pending/find-hash");
        assert!(fresh().reduce(Action::StartCase("nope".into())).walk.is_none());
        assert!(s.reduce(Action::LeaveCase).walk.is_none());
    }

    #[test]
    fn a_stored_report_empties_the_form_unless_it_changed_meanwhile() {
        let s = fresh().reduce(Action::Edit(Field::Description, "first report".into()));
        let sent = s.draft.clone();
        assert_eq!(*s.reduce(Action::ReportStored(sent.clone())).draft, Draft::default());
        let typed_on = s.reduce(Action::Edit(Field::Description, "second report".into()));
        assert_eq!(typed_on.reduce(Action::ReportStored(sent)).draft.description, "second report");
    }

    #[test]
    fn clearing_my_data_forgets_everything_kept_and_only_that() {
        let s = fresh()
            .reduce(Action::Open(Some(View::Contact)))
            .reduce(Action::Vote { subject: "refund".into(), helpful: true })
            .reduce(Action::Mark("two-factor".into(), Mark::Done))
            .reduce(Action::Note { report: "r1".into(), note: Note::Answered })
            .reduce(Action::ShowArticle("tx-pending".into()))
            .reduce(Action::Edit(Field::Description, "lost 5 USDT".into()))
            .reduce(Action::ShowView(View::Contact))
            .reduce(Action::ShowReports(true));
        let c = s.reduce(Action::ClearMyData);
        assert!(c.votes.is_empty() && c.marks.is_empty() && c.notes.is_empty() && c.read.is_empty());
        assert_eq!(*c.draft, Draft::default());
        assert_eq!(c.cleared, 1);
        assert_eq!((c.open, c.view, c.reports), (true, View::Contact, true), "the user stays where they were");
        assert_eq!(c.reduce(Action::ClearMyData).cleared, 2, "each clear is a new request");
        // What comes after holds only the new answer, nothing of the old ones.
        let after = c.reduce(Action::Vote { subject: "phishing".into(), helpful: false });
        assert_eq!(after.votes.keys().collect::<Vec<_>>(), ["phishing"]);
        assert_eq!(after.reduce(Action::ShowView(View::Contact)).draft.steps, "", "articles read before are forgotten");
    }

    #[test]
    fn locale_changes() {
        assert_eq!(fresh().reduce(Action::SetLocale(Locale::ZhCn)).locale, Locale::ZhCn);
    }
}
