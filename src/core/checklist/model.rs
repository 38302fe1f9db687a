//! The checklist item model on its own, with no other dependency, so the build script can
//! include this file and read `content/<locale>/checklist.md` into values of these types.

use std::borrow::Cow;

/// Text that is `&'static` when it comes from a content file and owned from operator config.
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
