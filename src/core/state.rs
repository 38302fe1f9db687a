//! The widget's UI state and the one function that changes it. Components send an
//! [`Action`]; the JS API sends the same actions, so both paths behave alike.

use super::config::{Locale, View};

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub open: bool,
    pub view: View,
    pub locale: Locale,
    /// The FAQ article being read; `None` shows the list.
    pub article: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Opens the panel, on the given view or the one last shown.
    Open(Option<View>),
    Close,
    Toggle,
    ShowView(View),
    ShowArticle(String),
    BackToList,
    SetLocale(Locale),
}

impl State {
    pub fn new(locale: Locale) -> State {
        State { open: false, view: View::Faq, locale, article: None }
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Open(view) => {
                next.open = true;
                if let Some(v) = view {
                    next.view = v;
                }
            }
            Action::Close => next.open = false,
            Action::Toggle => next.open = !self.open,
            Action::ShowView(v) => {
                next.view = v;
                // Choosing the FAQ tab again means "take me to the list".
                if v == View::Faq && self.view == View::Faq {
                    next.article = None;
                }
            }
            Action::ShowArticle(id) => {
                next.open = true;
                next.view = View::Faq;
                next.article = Some(id);
            }
            Action::BackToList => next.article = None,
            Action::SetLocale(l) => next.locale = l,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_close_toggle() {
        let s = State::new(Locale::En);
        let opened = s.reduce(Action::Open(None));
        assert!(opened.open);
        assert_eq!(opened.view, View::Faq);
        assert!(!opened.reduce(Action::Close).open);
        assert!(s.reduce(Action::Toggle).open);
        assert!(!s.reduce(Action::Toggle).reduce(Action::Toggle).open);
    }

    #[test]
    fn open_on_a_view_and_remember_it() {
        let s = State::new(Locale::En).reduce(Action::Open(Some(View::Contact)));
        assert_eq!(s.view, View::Contact);
        let reopened = s.reduce(Action::Close).reduce(Action::Open(None));
        assert_eq!(reopened.view, View::Contact);
    }

    #[test]
    fn articles_open_the_faq_and_back_returns_to_the_list() {
        let s = State::new(Locale::ZhCn).reduce(Action::ShowArticle("tx-problem".into()));
        assert!(s.open);
        assert_eq!(s.view, View::Faq);
        assert_eq!(s.article.as_deref(), Some("tx-problem"));
        assert_eq!(s.reduce(Action::BackToList).article, None);
        // Switching tabs keeps the article; pressing the FAQ tab while on it goes to the list.
        let away = s.reduce(Action::ShowView(View::Contact)).reduce(Action::ShowView(View::Faq));
        assert_eq!(away.article.as_deref(), Some("tx-problem"));
        assert_eq!(away.reduce(Action::ShowView(View::Faq)).article, None);
    }

    #[test]
    fn locale_changes() {
        assert_eq!(State::new(Locale::En).reduce(Action::SetLocale(Locale::ZhCn)).locale, Locale::ZhCn);
    }
}
