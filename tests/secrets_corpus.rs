//! Precision and recall of the secret guard on the fixture corpus (`tests/fixtures/secrets/`):
//! every positive case must be found, every negative case must pass. Prints the counts and
//! lists every misclassified case on failure. Regenerate the corpus with `generate.py` there.

use std::time::Instant;
use wallet_help::core::secrets::{scan, FieldKind, SecretKind};

struct Case {
    text: String,
    field: FieldKind,
    kind: Option<String>,
}

/// Cases are separated by a line `---`; leading `#field=…` / `#kind=…` lines are headers and
/// lines starting with `####` are comments.
fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/fixtures/secrets/{file}", env!("CARGO_MANIFEST_DIR"));
    let content = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    for raw in content.split("\n---\n") {
        let (mut field, mut kind, mut body) = (FieldKind::Text, None, Vec::new());
        for line in raw.lines().filter(|l| !l.starts_with("####")) {
            if body.is_empty() && line == "#field=txhash" {
                field = FieldKind::TxHash;
            } else if let Some(k) = line.strip_prefix("#kind=").filter(|_| body.is_empty()) {
                kind = Some(k.to_string());
            } else {
                body.push(line);
            }
        }
        let text = body.join("\n").trim_end().to_string();
        if !text.is_empty() {
            out.push(Case { text, field, kind });
        }
    }
    out
}

fn short(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
    one_line.chars().take(110).collect()
}

#[test]
fn precision_and_recall_on_the_corpus() {
    let positives = cases("positive.txt");
    let negatives = cases("negative.txt");
    assert!(positives.len() >= 200 && negatives.len() >= 200, "corpus too small");
    let started = Instant::now();
    let mut problems = Vec::new();
    let (mut true_pos, mut wrong_kind) = (0usize, 0usize);
    for c in &positives {
        let found = scan(&c.text, c.field);
        if found.is_empty() {
            problems.push(format!("MISSED   {}", short(&c.text)));
            continue;
        }
        true_pos += 1;
        let kinds: Vec<&str> = found.iter().map(|f| f.kind.name()).collect();
        if let Some(k) = &c.kind {
            if !kinds.contains(&k.as_str()) {
                wrong_kind += 1;
                problems.push(format!("KIND     expected {k}, got {kinds:?}: {}", short(&c.text)));
            }
        }
    }
    let mut false_pos = 0usize;
    for c in &negatives {
        let found = scan(&c.text, c.field);
        if let Some(f) = found.first() {
            false_pos += 1;
            problems.push(format!("FALSE    {} at {:?}: {}", f.kind.name(), &c.text[f.start..f.end], short(&c.text)));
        }
    }
    let elapsed = started.elapsed();
    let false_neg = positives.len() - true_pos;
    let precision = true_pos as f64 / (true_pos + false_pos).max(1) as f64;
    let recall = true_pos as f64 / positives.len() as f64;
    println!(
        "secret guard corpus: {} positive, {} negative cases; TP {true_pos}, FN {false_neg}, FP {false_pos}, TN {}; \
         wrong kind {wrong_kind}",
        positives.len(),
        negatives.len(),
        negatives.len() - false_pos
    );
    println!("precision {precision:.4}, recall {recall:.4}; scanned in {elapsed:?}");
    for p in &problems {
        println!("  {p}");
    }
    assert!(
        recall >= 0.98 && precision >= 0.98,
        "precision {precision:.4}, recall {recall:.4}:\n{}",
        problems.join("\n")
    );
    let kind_accuracy = 1.0 - wrong_kind as f64 / true_pos.max(1) as f64;
    assert!(kind_accuracy >= 0.95, "kinds right for only {kind_accuracy:.3}:\n{}", problems.join("\n"));
}

#[test]
fn every_kind_is_in_the_corpus() {
    let positives = cases("positive.txt");
    for kind in SecretKind::ALL {
        assert!(positives.iter().any(|c| c.kind.as_deref() == Some(kind.name())), "no case of {}", kind.name());
    }
}

/// 5,000 characters of mixed prose with a phrase in the middle, scanned many times: the guard
/// runs on every keystroke, so it must stay far below a millisecond natively.
#[test]
fn a_long_text_scans_fast() {
    let negatives = cases("negative.txt");
    let mut text = String::new();
    for c in negatives.iter().cycle() {
        if text.chars().count() >= 5000 {
            break;
        }
        text.push_str(&c.text);
        text.push('\n');
    }
    text.push_str("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
    assert!(!scan(&text, FieldKind::Text).is_empty());
    let runs = 50;
    let started = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(scan(std::hint::black_box(&text), FieldKind::Text));
    }
    let per_scan = started.elapsed() / runs;
    println!("scan of {} characters: {per_scan:?}", text.chars().count());
    // Generous for a debug build on a busy machine; a release build is several times faster.
    assert!(per_scan.as_millis() < 20, "{per_scan:?}");
}
