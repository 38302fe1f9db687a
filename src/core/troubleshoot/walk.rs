//! One user's way through one flow: which step is on screen, which were tried, how it ended.
//!
//! The walk copies the flow's step ids when it starts, so it stands on its own: it can be
//! stored and restored (serde) and survives a change of language, because step ids are the
//! same in every locale. Every walk ends in exactly one of two ways: fixed, or out of steps
//! (then the UI escalates). There is no third way, so there are no dead ends.

use super::{Flow, Step};
use serde::{Deserialize, Serialize};

/// Where a walk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A step is on screen.
    InProgress,
    /// The user said "this fixed it".
    Fixed,
    /// Every step was tried and it is still broken: show the escalation ladder.
    Escalate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Walk {
    /// The case id of the flow being walked.
    pub case: String,
    /// The flow's step ids, in order, as they were when the walk started.
    steps: Vec<String>,
    /// Index of the step on screen; equal to the number of steps once exhausted.
    pub at: usize,
    /// Ids of the steps the user tried that did not help, in order.
    pub tried: Vec<String>,
    /// Set by [`Walk::fixed`]; a fixed walk takes no more answers.
    pub resolved: bool,
}

impl Walk {
    /// Starts at the flow's first step. A flow without steps starts exhausted (straight to
    /// escalation) rather than stuck; `validate` reports such a flow anyway.
    pub fn start(flow: &Flow) -> Walk {
        Walk {
            case: flow.case.to_string(),
            steps: flow.steps.iter().map(|s| s.id.to_string()).collect(),
            at: 0,
            tried: Vec::new(),
            resolved: false,
        }
    }

    /// The id of the step on screen, or `None` once the walk has ended.
    pub fn current(&self) -> Option<&str> {
        if self.resolved {
            return None;
        }
        self.steps.get(self.at).map(String::as_str)
    }

    /// The step on screen, looked up in `flow` (any locale's flow for the same case).
    pub fn current_step<'a>(&self, flow: &'a Flow) -> Option<&'a Step> {
        self.current().and_then(|id| flow.step(id))
    }

    /// "Still broken": the step counts as tried and the next one comes up. Ignored once the
    /// walk has ended, so a double tap cannot skip a step or record one twice.
    pub fn still_broken(&mut self) {
        if let Some(id) = self.current().map(String::from) {
            self.tried.push(id);
            self.at += 1;
        }
    }

    /// "Previous step": the step before comes back on screen and no longer counts as tried
    /// (an answer given too fast is taken back). From the escalation it is the last step.
    /// Ignored at the first step and once fixed.
    pub fn back(&mut self) {
        if !self.resolved && self.at > 0 {
            self.at -= 1;
            self.tried.pop();
        }
    }

    /// "This fixed it": the walk ends resolved. Ignored once the walk has ended.
    pub fn fixed(&mut self) {
        if self.current().is_some() {
            self.resolved = true;
        }
    }

    /// True when every step was tried without success: time to escalate.
    pub fn is_exhausted(&self) -> bool {
        !self.resolved && self.at >= self.steps.len()
    }

    pub fn outcome(&self) -> Outcome {
        if self.resolved {
            Outcome::Fixed
        } else if self.is_exhausted() {
            Outcome::Escalate
        } else {
            Outcome::InProgress
        }
    }

    /// "Step n of m" for the UI: the 1-based number of the step on screen (capped at the
    /// total once ended) and the total.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.steps.len();
        ((self.at + 1).min(total), total)
    }

    /// The tried steps as the report's `steps_tried` lines: `step:<case>/<step-id>`.
    pub fn steps_tried(&self) -> Vec<String> {
        self.tried.iter().map(|id| format!("step:{}/{}", self.case, id)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Locale;
    use crate::core::troubleshoot::{find, flows, Category};
    use std::borrow::Cow;

    fn walk(case: &str) -> Walk {
        find(Locale::En, case).map(Walk::start).unwrap_or_else(|| panic!("no flow {case}"))
    }

    #[test]
    fn still_broken_records_each_step_and_moves_on() {
        let mut w = walk("tx-pending");
        assert_eq!((w.current(), w.outcome(), w.progress()), (Some("dont-resend"), Outcome::InProgress, (1, 5)));
        w.still_broken();
        w.still_broken();
        assert_eq!(w.current(), Some("explorer"));
        assert_eq!(w.progress(), (3, 5));
        assert_eq!(w.steps_tried(), ["step:tx-pending/dont-resend", "step:tx-pending/find-hash"]);
    }

    #[test]
    fn previous_step_takes_the_last_answer_back() {
        let mut w = walk("tx-pending");
        w.back();
        assert_eq!((w.current(), w.tried.len()), (Some("dont-resend"), 0), "nothing before the first step");
        w.still_broken();
        w.still_broken();
        w.back();
        assert_eq!(w.current(), Some("find-hash"));
        assert_eq!(w.steps_tried(), ["step:tx-pending/dont-resend"]);
        for _ in 0..4 {
            w.still_broken();
        }
        assert_eq!(w.outcome(), Outcome::Escalate);
        w.back();
        assert_eq!((w.outcome(), w.progress()), (Outcome::InProgress, (5, 5)));
        w.fixed();
        w.back();
        assert_eq!(w.outcome(), Outcome::Fixed, "a fixed case stays fixed");
    }

    #[test]
    fn fixed_ends_the_walk_and_further_answers_are_ignored() {
        let mut w = walk("app-crash");
        w.still_broken();
        w.fixed();
        assert_eq!((w.outcome(), w.current(), w.is_exhausted()), (Outcome::Fixed, None, false));
        w.still_broken();
        w.fixed();
        assert_eq!(w.tried, ["restart-app"]);
        assert_eq!(w.outcome(), Outcome::Fixed);
    }

    #[test]
    fn every_flow_in_both_locales_ends_fixed_or_escalates() {
        for locale in Locale::ALL {
            for flow in flows(locale) {
                let n = flow.steps.len();
                // "Still broken" all the way: exhausted after exactly n answers, all recorded.
                let mut w = Walk::start(flow);
                for _ in 0..n {
                    assert_eq!(w.outcome(), Outcome::InProgress, "{}", flow.case);
                    assert!(w.current_step(flow).is_some(), "{}", flow.case);
                    w.still_broken();
                }
                assert_eq!((w.outcome(), w.is_exhausted(), w.current()), (Outcome::Escalate, true, None));
                assert_eq!(w.steps_tried().len(), n);
                assert_eq!(w.progress(), (n, n));
                w.still_broken();
                w.fixed();
                assert_eq!((w.outcome(), w.tried.len()), (Outcome::Escalate, n), "answers after the end are ignored");
                // "Fixed" at any step ends the walk there.
                for at in 0..n {
                    let mut w = Walk::start(flow);
                    (0..at).for_each(|_| w.still_broken());
                    w.fixed();
                    assert_eq!((w.outcome(), w.tried.len()), (Outcome::Fixed, at), "{} at {at}", flow.case);
                }
            }
        }
    }

    #[test]
    fn a_walk_survives_a_language_switch_and_a_round_trip_through_json() {
        let mut w = walk("account-stolen");
        w.still_broken();
        let zh = find(Locale::ZhCn, "account-stolen");
        assert_eq!(zh.and_then(|f| w.current_step(f)).map(|s| s.id.as_ref()), Some("share-nothing"));
        let json = serde_json::to_string(&w).unwrap_or_default();
        let back: Option<Walk> = serde_json::from_str(&json).ok();
        assert_eq!(back, Some(w));
    }

    #[test]
    fn a_flow_without_steps_goes_straight_to_escalation() {
        let empty = Flow {
            case: Cow::Borrowed("x"),
            category: Category::Technical,
            title: Cow::Borrowed("X"),
            steps: Cow::Borrowed(&[]),
        };
        let w = Walk::start(&empty);
        assert_eq!((w.outcome(), w.current(), w.progress()), (Outcome::Escalate, None, (0, 0)));
    }
}
