//! "What you already tried": the report carries references (`article:<id>` for an article
//! read, `step:<case>/<step>` for a troubleshooter step, as the report contract has them), so
//! the operator can count them; the user reads and edits sentences. The form shows each
//! reference as its sentence and turns a sentence left as it was back into its reference.

use crate::core::config::Locale;
use crate::core::content::{with_brand, Article};
use crate::core::troubleshoot::Flow;

/// Every reference the form may hold, with the sentence shown for it in `locale`.
pub fn names(locale: Locale, brand: &str, articles: &[Article], flows: &[Flow]) -> Vec<(String, String)> {
    let read = crate::core::i18n::strings(locale).read_step;
    let articles =
        articles.iter().map(|a| (format!("article:{}", a.id), format!("{read}{}", with_brand(&a.title, brand))));
    // A step is told as what the user did ("I did not send the payment again."), in their
    // words, as the flow file's `done:` line says it.
    let steps = flows
        .iter()
        .flat_map(|f| f.steps.iter().map(move |s| (format!("step:{}/{}", f.case, s.id), with_brand(&s.done, brand))));
    articles.chain(steps).collect()
}

/// The stored lines as the user reads them.
pub fn readable(steps: &str, names: &[(String, String)]) -> String {
    lines(steps, |key| names.iter().find(|(r, _)| r == key).map(|(_, s)| s.as_str()))
}

/// What the user wrote, with each sentence of [`names`] back as its reference. A sentence
/// two cases share (the same safety step) goes back to the one `before` held.
pub fn references(text: &str, before: &str, names: &[(String, String)]) -> String {
    let held = |r: &str| before.split('\n').any(|l| l.trim() == r);
    lines(text, |key| {
        let mut same = names.iter().filter(|(_, s)| s == key);
        let first = same.next()?;
        Some(std::iter::once(first).chain(same).find(|(r, _)| held(r)).unwrap_or(first).0.as_str())
    })
}

fn lines<'a>(text: &'a str, swap: impl Fn(&str) -> Option<&'a str>) -> String {
    text.split('\n').map(|line| swap(line.trim()).unwrap_or(line)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Catalogue;
    use crate::core::troubleshoot::flows;

    fn en() -> Vec<(String, String)> {
        names(Locale::En, "tpWallet", Catalogue::default().articles(Locale::En), flows(Locale::En))
    }

    #[test]
    fn references_read_as_sentences_and_come_back_unchanged() {
        let names = en();
        let stored = "article:tx-pending\nstep:tx-pending/dont-resend\nRestarted the app";
        let shown = readable(stored, &names);
        // A step reads as what the user did, from its flow's `done:` line.
        assert_eq!(shown, "Read: My transaction is slow or stuck on pending. What now?\nI did not send the payment again.\nRestarted the app");
        assert_eq!(references(&shown, stored, &names), stored);
    }

    #[test]
    fn an_edited_sentence_is_the_users_own_text() {
        let names = en();
        let edited = "I did not send the payment again, and waited a day\n  Read: My transaction is slow or stuck on pending. What now?  \n";
        assert_eq!(
            references(edited, "", &names),
            "I did not send the payment again, and waited a day\narticle:tx-pending\n"
        );
    }

    #[test]
    fn every_reference_comes_back_from_its_sentence_in_each_language() {
        for locale in Locale::ALL {
            let names = names(locale, "tpWallet", Catalogue::default().articles(locale), flows(locale));
            assert!(names.len() > 60, "{locale:?}: articles and steps");
            for (reference, sentence) in &names {
                assert!(!sentence.contains("{brand}"), "{sentence}");
                assert_eq!(&readable(reference, &names), sentence);
                assert_eq!(&references(sentence, reference, &names), reference, "{locale:?}");
            }
        }
    }
}
