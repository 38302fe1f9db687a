//! Property tests of the secret guard: any valid BIP39 phrase of 12 to 24 words, in English
//! or either Chinese list, passed through any of the ways people and input methods write one
//! (full-width forms, invisible characters, any separators and numbering, look-alike
//! letters, one misspelt or unknown word, two halves with words between, two form fields),
//! is caught; prose sampled from the negative corpus is not. Native only (proptest).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use sha2::{Digest, Sha256};
use wallet_help::core::report::{findings, Draft, Field};
use wallet_help::core::secrets::{scan, FieldKind};

const EN: &str = include_str!("../src/core/secrets/words/english.txt");
const ZH_S: &str = include_str!("../src/core/secrets/words/chinese_simplified.txt");
const ZH_T: &str = include_str!("../src/core/secrets/words/chinese_traditional.txt");

fn seed() -> RngSeed {
    match std::env::var("PROPTEST_RNG_SEED").as_deref() {
        Ok("random") => RngSeed::Random,
        Ok(n) => n.parse().map_or(RngSeed::Fixed(20_261_204), RngSeed::Fixed),
        Err(_) => RngSeed::Fixed(20_261_204),
    }
}

/// BIP39: entropy plus the first n/3 bits of its SHA-256, in 11-bit words.
fn phrase(list: &str, entropy: &[u8]) -> Vec<String> {
    let words: Vec<&str> = list.lines().collect();
    let hash = Sha256::digest(entropy);
    let mut bits: Vec<bool> = entropy.iter().flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1 == 1)).collect();
    bits.extend((0..entropy.len() / 4).map(|i| (hash[0] >> (7 - i)) & 1 == 1));
    bits.chunks(11).map(|c| words[c.iter().fold(0usize, |acc, &b| (acc << 1) | usize::from(b))].to_string()).collect()
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        })
        .collect()
}

const INVISIBLE: [char; 6] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{FEFF}'];
const SEPARATORS: [&str; 14] = [" ", ", ", "，", "、", " | ", "/", "-", "\t", "\n", "\n\n", " · ", "; ", "  ", " - "];
const NUMBERING: [&str; 6] = ["{i}. ", "{i}) ", "({i}) ", "#{i} ", "{i}、", "{i}:"];

/// How a phrase is written down.
#[derive(Clone, Debug)]
enum Writing {
    Plain,
    FullWidth,
    /// An invisible character inside every k-th word.
    Invisible(usize, usize),
    Numbered(usize),
    /// Cyrillic letters for some Latin ones.
    LookAlike,
    /// One word (not the first or last two) misspelt or replaced.
    OneWrong(usize, usize),
    /// The first half, some words, the second half.
    Halves(usize),
    /// The first `k` words in the subject, the rest in the description.
    TwoFields(usize),
}

fn writing() -> impl Strategy<Value = Writing> {
    prop_oneof![
        Just(Writing::Plain),
        Just(Writing::FullWidth),
        (1usize..4, 0usize..6).prop_map(|(k, c)| Writing::Invisible(k, c)),
        (0usize..NUMBERING.len()).prop_map(Writing::Numbered),
        Just(Writing::LookAlike),
        (0usize..1000, 0usize..4).prop_map(|(at, how)| Writing::OneWrong(at, how)),
        (0usize..4).prop_map(Writing::Halves),
        (3usize..10).prop_map(Writing::TwoFields),
    ]
}

const BRIDGES: [&str; 4] = ["and the rest are", "\nsecond part:", "，后面几个是", " (the other card says) "];
const STRANGERS: [&str; 4] = ["xyz", "smudged", "[torn]", "unsure"];
const ZH_STRANGERS: [&str; 3] = ["龘", "鑫", "犇"];

/// Misspells an English word (drops or doubles a letter) so it is no list word.
fn misspell(word: &str, how: usize) -> String {
    let mut w: Vec<char> = word.chars().collect();
    let at = w.len() / 2;
    if how.is_multiple_of(2) && w.len() > 3 {
        w.remove(at);
    } else {
        w.insert(at, w[at]);
    }
    let out: String = w.into_iter().collect();
    if EN.lines().any(|l| l == out) {
        format!("{out}q")
    } else {
        out
    }
}

/// The phrase written that way: a text, or two field values.
fn write(words: &[String], english: bool, w: &Writing, sep: &str) -> Result<String, (String, String)> {
    let join = |ws: &[String]| ws.join(sep);
    Ok(match w {
        Writing::Plain => join(words),
        Writing::FullWidth => full_width(&join(words)),
        Writing::Invisible(k, c) => {
            let marked: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, word)| {
                    if i % k != 0 {
                        return word.clone();
                    }
                    let mut chars: Vec<char> = word.chars().collect();
                    chars.insert(chars.len().min(1), INVISIBLE[c % INVISIBLE.len()]);
                    chars.into_iter().collect()
                })
                .collect();
            join(&marked)
        }
        Writing::Numbered(n) => words
            .iter()
            .enumerate()
            .map(|(i, word)| format!("{}{word}", NUMBERING[*n].replace("{i}", &(i + 1).to_string())))
            .collect::<Vec<_>>()
            .join("\n"),
        Writing::LookAlike => join(
            &words.iter().map(|word| word.replace('a', "а").replace('o', "о").replace('e', "е")).collect::<Vec<_>>(),
        ),
        Writing::OneWrong(at, how) => {
            let mut ws = words.to_vec();
            let at = 2 + at % (ws.len() - 4);
            ws[at] = match (english, how % 4) {
                (true, 0 | 1) => misspell(&ws[at], *how),
                (true, _) => STRANGERS[at % STRANGERS.len()].to_string(),
                (false, _) => ZH_STRANGERS[at % ZH_STRANGERS.len()].to_string(),
            };
            // A lone character among lone characters: Chinese needs them laid out.
            join(&ws)
        }
        Writing::Halves(b) => {
            let half = words.len() / 2;
            format!("{} {} {}", join(&words[..half]), BRIDGES[*b], join(&words[half..]))
        }
        Writing::TwoFields(k) => {
            let k = (*k).min(words.len() - 4);
            return Err((join(&words[..k]), join(&words[k..])));
        }
    })
}

fn caught(written: &Result<String, (String, String)>) -> bool {
    match written {
        Ok(text) => !scan(text, FieldKind::Text).is_empty(),
        Err((subject, description)) => {
            let mut d = Draft::default();
            d.set(Field::Subject, subject.clone());
            d.set(Field::Description, description.clone());
            !findings(&d).is_empty()
        }
    }
}

fn entropy() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![Just(16usize), Just(20), Just(24), Just(28), Just(32)]
        .prop_flat_map(|n| proptest::collection::vec(any::<u8>(), n))
}

proptest! {
    // A fixed seed keeps CI repeatable; PROPTEST_RNG_SEED=random (and PROPTEST_CASES) explore further.
    #![proptest_config(ProptestConfig { cases: 600, rng_seed: seed(), ..ProptestConfig::default() })]

    #[test]
    fn english_phrases_are_caught_however_written(e in entropy(), w in writing(), s in 0usize..SEPARATORS.len()) {
        let words = phrase(EN, &e);
        let written = write(&words, true, &w, SEPARATORS[s]);
        prop_assert!(caught(&written), "{w:?}: {written:?}");
    }

    #[test]
    fn chinese_phrases_are_caught_however_written(
        e in entropy(),
        w in writing(),
        traditional in any::<bool>(),
        s in 0usize..SEPARATORS.len(),
    ) {
        let words = phrase(if traditional { ZH_T } else { ZH_S }, &e);
        // Look-alike letters do not apply to ideographs; a solid phrase needs a cue or a
        // line of its own, which the layouts here give by separating the characters.
        let written = write(&words, false, &w, SEPARATORS[s]);
        prop_assert!(caught(&written), "{w:?}: {written:?}");
    }
}

/// Cases of a corpus file (`---` separated, `####` comment lines dropped).
fn corpus(file: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/secrets/{file}", env!("CARGO_MANIFEST_DIR"));
    let content = std::fs::read_to_string(path).unwrap_or_default();
    content
        .split("\n---\n")
        .map(|c| c.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n").trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 800, rng_seed: seed(), ..ProptestConfig::default() })]

    /// Prose as users write it: one to four real complaints (English and Chinese, in any
    /// order), run together as one message, each on its own lines or all on one line.
    #[test]
    fn prose_from_the_negative_corpus_passes(picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..5), line in any::<bool>()) {
        // Prose: cases with a long hex or base58 value (hashes, addresses) are left to the
        // corpus test, where each is judged with the words the user put around it.
        let long_value = |c: &String| c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|w| w.len() >= 40);
        let mut pool = corpus("negative_real.txt");
        pool.extend(corpus("negative.txt"));
        pool.retain(|c| c.chars().any(char::is_whitespace) && !long_value(c));
        let parts: Vec<String> = picks
            .iter()
            .map(|i| {
                let case = &pool[i.index(pool.len())];
                if line { case.clone() } else { case.replace('\n', " ") }
            })
            .collect();
        let text = parts.join("\n");
        let found = scan(&text, FieldKind::Text);
        prop_assert!(found.is_empty(), "{:?} in {text:?}", found.iter().map(|f| &text[f.start..f.end]).collect::<Vec<_>>());
    }
}
