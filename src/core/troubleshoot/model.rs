//! The flow model on its own, with no other dependency, so the build script can include
//! this file and turn `content/<locale>/flows/*.md` into values of these very types.

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

    /// The name used in flow files and in reports (the same as `report::Category`'s; this
    /// file cannot refer to it, as the build script includes it alone).
    pub fn name(self) -> &'static str {
        match self {
            Category::Technical => "technical",
            Category::Account => "account",
            Category::Transaction => "transaction",
            Category::Security => "security",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == s)
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
    /// What the user did, said by them in the first person ("I did not send the payment
    /// again."): the line the report's steps tried, the email draft and the complaint
    /// letter show for this step.
    pub done: Text,
    /// Do this now, before any diagnosis. An urgent step is never "the fix", so the UI offers
    /// only "done, next" on it, which counts the step as tried.
    pub urgent: bool,
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
