//! The FAQ search judged like users: real questions that wallet users wrote in public
//! (`tests/fixtures/questions/<locale>.tsv`, each with its source and the articles that
//! answer it), typed into the search as they were written. Prints hit@1, hit@3 and MRR per
//! language (`make bench` shows them too) and every question whose answer is not among the
//! first three, and fails when hit@3 drops below 0.9 or hit@1 below 0.7.

use wallet_help::core::config::Locale;
use wallet_help::core::content::{defaults, search_index};

struct Question {
    text: String,
    answers: Vec<String>,
}

fn questions(locale: &str) -> Vec<Question> {
    let path = format!("{}/tests/fixtures/questions/{locale}.tsv", env!("CARGO_MANIFEST_DIR"));
    let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    content
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.split('\t');
            let text = cols.next().unwrap_or_default().to_string();
            let answers = cols.next().unwrap_or_default().split(',').map(|a| a.trim().to_string()).collect();
            assert!(cols.next().is_some_and(|source| source.starts_with("http")), "no source: {line}");
            Question { text, answers }
        })
        .collect()
}

/// hit@1, hit@3, MRR (over the first 10) and the misses outside the first three.
fn evaluate(locale: Locale, tag: &str) -> (f64, f64, f64, Vec<String>) {
    let articles = defaults(locale);
    let index = search_index(articles, "tpWallet", &[]);
    let set = questions(tag);
    assert!(set.len() >= 100, "{tag}: only {} questions", set.len());
    let (mut top1, mut top3, mut rr) = (0usize, 0usize, 0.0f64);
    let mut misses = Vec::new();
    for q in &set {
        for a in &q.answers {
            assert!(articles.iter().any(|x| x.id == a.as_str()), "{tag}: no article {a:?} for {:?}", q.text);
        }
        let ids: Vec<&str> = index.search(&q.text, 10).iter().map(|h| &*articles[h.doc].id).collect();
        let rank = ids.iter().position(|id| q.answers.iter().any(|a| a == id));
        top1 += usize::from(rank == Some(0));
        let in_top3 = rank.is_some_and(|r| r < 3);
        top3 += usize::from(in_top3);
        rr += rank.map_or(0.0, |r| 1.0 / (r + 1) as f64);
        if !in_top3 {
            misses.push(format!("{:?} → want {:?}, got {:?}", q.text, q.answers, &ids[..ids.len().min(3)]));
        }
    }
    let n = set.len() as f64;
    (top1 as f64 / n, top3 as f64 / n, rr / n, misses)
}

#[test]
fn real_questions_find_their_answers() {
    let mut failed = Vec::new();
    for (locale, tag) in [(Locale::En, "en"), (Locale::ZhCn, "zh-CN")] {
        let (hit1, hit3, mrr, misses) = evaluate(locale, tag);
        println!("search-questions {tag}: hit@1 {hit1:.3}, hit@3 {hit3:.3}, MRR {mrr:.3}");
        for m in &misses {
            println!("  miss {tag}: {m}");
        }
        if hit3 < 0.9 || hit1 < 0.7 {
            failed.push(format!("{tag}: hit@1 {hit1:.3}, hit@3 {hit3:.3}"));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}
