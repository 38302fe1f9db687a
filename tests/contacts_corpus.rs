//! The contact verifier on the fixture corpus (`tests/fixtures/contacts/`), against
//! `Official::default_for("tpWallet")`: official variants must be recognised, look-alikes
//! flagged (with the expected reason where one is given after a tab), unrelated contacts kept
//! "unknown". Prints the figures; fails below 98% for any class, listing every miss.

use wallet_help::core::contacts::{verify, Official, Verdict};

/// Non-comment lines as `(input, expected reason)`.
fn cases(file: &str) -> Vec<(String, Option<String>)> {
    let path = format!("{}/tests/fixtures/contacts/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('\t') {
            Some((input, reason)) => (input.to_string(), Some(reason.trim().to_string())),
            None => (l.to_string(), None),
        })
        .collect()
}

fn label(v: &Verdict) -> String {
    match v {
        Verdict::Official { matched, .. } => format!("official ({matched})"),
        Verdict::Impostor { reason, resembles, .. } => format!("impostor: {} ~ {resembles}", reason.name()),
        Verdict::Unknown { advice } => format!("unknown ({advice:?})"),
    }
}

fn percent(part: usize, all: usize) -> f64 {
    100.0 * part as f64 / all.max(1) as f64
}

#[test]
fn verdicts_on_the_corpus() {
    let official = Official::default_for("tpWallet");
    let (officials, lookalikes, unknowns) = (cases("official.txt"), cases("lookalikes.txt"), cases("unknown.txt"));
    assert!(officials.len() >= 50 && lookalikes.len() >= 100 && unknowns.len() >= 30, "corpus too small");
    let mut misses = Vec::new();

    let mut recognised = 0;
    let mut false_alarms = 0;
    for (input, _) in &officials {
        match verify(input, &official) {
            Verdict::Official { .. } => recognised += 1,
            v => {
                false_alarms += usize::from(matches!(v, Verdict::Impostor { .. }));
                misses.push(format!("official   {input:?} -> {}", label(&v)));
            }
        }
    }

    let (mut flagged, mut right_reason, mut with_reason) = (0, 0, 0);
    for (input, expected) in &lookalikes {
        let v = verify(input, &official);
        if let Verdict::Impostor { reason, .. } = &v {
            flagged += 1;
            match expected {
                Some(e) if e == reason.name() => right_reason += 1,
                Some(e) => misses.push(format!("reason     {input:?} -> {} (expected {e})", reason.name())),
                None => {}
            }
        } else {
            misses.push(format!("look-alike {input:?} -> {}", label(&v)));
        }
        with_reason += usize::from(expected.is_some());
    }

    let mut kept = 0;
    let mut called_official = 0;
    for (input, _) in &unknowns {
        match verify(input, &official) {
            Verdict::Unknown { .. } => kept += 1,
            v => {
                false_alarms += usize::from(matches!(v, Verdict::Impostor { .. }));
                called_official += usize::from(matches!(v, Verdict::Official { .. }));
                misses.push(format!("unknown    {input:?} -> {}", label(&v)));
            }
        }
    }

    let benign = officials.len() + unknowns.len();
    println!("official recognised:   {recognised}/{} ({:.1}%)", officials.len(), percent(recognised, officials.len()));
    println!("look-alikes flagged:   {flagged}/{} ({:.1}%)", lookalikes.len(), percent(flagged, lookalikes.len()));
    println!("  with the expected reason: {right_reason}/{with_reason} ({:.1}%)", percent(right_reason, with_reason));
    println!("unknown kept unknown:  {kept}/{} ({:.1}%)", unknowns.len(), percent(kept, unknowns.len()));
    println!("false alarms:          {false_alarms}/{benign} benign inputs ({:.1}%)", percent(false_alarms, benign));
    println!("unknown called official: {called_official}");
    for miss in &misses {
        println!("  {miss}");
    }

    let ok = |part, all| percent(part, all) >= 98.0;
    assert!(
        ok(recognised, officials.len())
            && ok(flagged, lookalikes.len())
            && ok(kept, unknowns.len())
            && ok(right_reason, with_reason)
            && called_official == 0,
        "below 98% (or an unknown contact called official); misclassified:\n{}",
        misses.join("\n")
    );
}
