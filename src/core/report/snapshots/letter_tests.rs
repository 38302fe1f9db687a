//! Tests of `core::report::letter`: whole-letter snapshots in English and Chinese (the
//! `letter_*.txt` files beside this one; traditional Chinese too), the minimal letter, the timeline order and the
//! file name. After a deliberate wording change, rewrite the snapshots with
//! `UPDATE_SNAPSHOTS=1 cargo test --lib core::report::letter` and review the diff.

use super::*;
use crate::core::report::Kind;

/// Compares with a snapshot file; rewrites it instead when `UPDATE_SNAPSHOTS` is set.
fn snapshot(name: &str, expected: &str, actual: &str) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let path = format!("{}/src/core/report/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(path, actual).unwrap();
        return;
    }
    assert!(
        expected == actual,
        "letter differs from snapshots/{name}:\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

fn tx_draft(locale: Locale) -> Draft {
    let en = locale == Locale::En;
    Draft {
        kind: Kind::Complaint,
        category: Some(Category::Transaction),
        subject: (if en { "USDT transfer not credited" } else { "USDT 转账未到账" }).into(),
        description: (if en {
            "On 20 November I sent 50 USDT from my wallet to my exchange account.\n\nThe app shows the transfer as completed, but the exchange never received it."
        } else {
            "11月20日，我从钱包向自己的交易所账户转出 50 USDT。\n\n应用显示转账已完成，但交易所一直没有收到。"
        })
        .into(),
        tx_time: "2026-11-20T14:32".into(),
        tx_amount: "50".into(),
        tx_asset: "USDT".into(),
        tx_chain: "tron".into(),
        tx_counterparty: "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9".into(),
        tx_hash: "9f".repeat(32),
        steps: (if en { "article:tx-pending\nRestarted the app and waited 24 hours\n" } else { "article:tx-pending\n重启应用并等待了 24 小时\n" }).into(),
        expected: (if en {
            "Trace the transfer and credit the 50 USDT to the receiving account, or return it to my wallet."
        } else {
            "请追查这笔转账，将 50 USDT 入账到收款账户，或退回我的钱包。"
        })
        .into(),
        email: " ana@example.com ".into(),
        phone: "+86 138 0013 8000".into(),
        consent: true,
        ..Draft::default()
    }
}

fn history(locale: Locale) -> Vec<SentReport> {
    let en = locale == Locale::En;
    vec![
        SentReport {
            date: "2026-11-21".into(),
            reference: Some("WH-1042".into()),
            status: SentStatus::Delivered,
            answer: Some(
                (if en {
                    "We are checking with the network.\nPlease wait 3 to 5 working days."
                } else {
                    "我们正在与网络核实，请等待 3 至 5 个工作日。"
                })
                .into(),
            ),
            history: Vec::new(),
        },
        SentReport {
            date: "2026-11-23".into(),
            reference: None,
            status: SentStatus::Rejected {
                reason: (if en { "Too many reports from this device." } else { "该设备提交的反馈过多。" }).into(),
            },
            answer: None,
            history: Vec::new(),
        },
        SentReport {
            date: "2026-11-24".into(),
            reference: Some("WH-1077".into()),
            status: SentStatus::Delivered,
            answer: None,
            history: Vec::new(),
        },
    ]
}

fn full<'a>(locale: Locale, draft: &'a Draft, sent: &'a [SentReport]) -> LetterInput<'a> {
    LetterInput {
        account_ref: Some("UID-20931"),
        sent,
        screenshots: 2,
        chat_records: true,
        ..LetterInput::new(locale, "tpWallet", "2026-11-25", draft)
    }
}

#[test]
fn the_full_english_letter_matches_its_snapshot() {
    let (d, sent) = (tx_draft(Locale::En), history(Locale::En));
    snapshot("letter_en.txt", include_str!("letter_en.txt"), &letter(&full(Locale::En, &d, &sent)));
}

#[test]
fn the_full_chinese_letter_matches_its_snapshot() {
    let (d, sent) = (tx_draft(Locale::ZhCn), history(Locale::ZhCn));
    let text = letter(&full(Locale::ZhCn, &d, &sent));
    snapshot("letter_zh.txt", include_str!("letter_zh.txt"), &text);
    // Our own sentences use full-width punctuation (the English hash and address aside).
    for half in [",", ";", "(", ")", "!"] {
        assert!(!text.contains(half), "half-width {half:?} in:\n{text}");
    }
}

/// The traditional letter is the simplified one converted at build time: the same record,
/// in traditional characters with Taiwan's words and quotes (the user's own text as typed).
#[test]
fn the_full_traditional_chinese_letter_matches_its_snapshot() {
    let (d, sent) = (tx_draft(Locale::ZhTw), history(Locale::ZhTw));
    let text = letter(&full(Locale::ZhTw, &d, &sent));
    snapshot("letter_zh_tw.txt", include_str!("letter_zh_tw.txt"), &text);
    for simplified in ["投诉", "客户服务部", "“"] {
        assert!(!text.contains(simplified), "{simplified:?} in:\n{text}");
    }
    for traditional in ["投訴", "帳戶", "客戶服務部", "「"] {
        assert!(text.contains(traditional), "{traditional:?} missing in:\n{text}");
    }
}

#[test]
fn a_minimal_letter_has_sensible_sentences_and_no_empty_sections() {
    let d = Draft { description: "The app closes as soon as I open it.".into(), ..Draft::default() };
    for locale in [Locale::En, Locale::ZhCn] {
        let text = letter(&LetterInput::new(locale, "tpWallet", "2026-11-25", &d));
        let en = locale == Locale::En;
        for must in if en {
            [
                "From: [your name]",
                "Subject: Formal complaint about a problem with your service",
                "It has not been resolved",
                "I ask you to investigate",
                "I can provide further details",
                "within 14 days of this letter, that is by 2026-12-09",
                "the financial regulator",
                "contact details registered with my account",
                "Yours faithfully,\n[Your name]\n",
            ]
        } else {
            [
                "投诉人：【您的姓名】",
                "事由：关于贵方服务中的问题的正式投诉",
                "问题至今未得到解决",
                "请贵方调查此事",
                "我可以提供更多细节",
                "14日内（即2026-12-09前）",
                "金融监管部门",
                "我账户登记的联系方式",
                "敬礼！\n\n投诉人：【您的姓名】\n2026-11-25\n",
            ]
        } {
            assert!(text.contains(must), "{must:?} missing in:\n{text}");
        }
        for never in [
            "None",
            "Some(",
            "Account:",
            "账户：",
            "Timeline",
            "事件经过",
            "already tried",
            "已尝试",
            "\n\n\n",
            "  ",
            "{0}",
            "{1}",
            "\"\"",
        ] {
            assert!(!text.contains(never), "{never:?} in:\n{text}");
        }
        // The sections that are there have content; the others are left out, not left empty.
        let lines: Vec<&str> = text.lines().collect();
        let headings: Vec<&str> = if en {
            vec!["1. What happened", "2. What I ask for", "3. Evidence"]
        } else {
            vec!["一、问题描述", "二、我的诉求", "三、证据材料"]
        };
        for h in headings {
            let at = lines.iter().position(|l| *l == h).unwrap_or_else(|| panic!("{h:?} missing in:\n{text}"));
            assert!(lines.get(at + 1).is_some_and(|n| !n.trim().is_empty()), "{h:?} is empty");
        }
    }
}

#[test]
fn the_timeline_is_dated_and_in_order_with_the_letter_last() {
    let d = Draft {
        tx_time: "2026-11-22T09:05".into(),
        tx_amount: "0.5".into(),
        tx_asset: "ETH".into(),
        ..Draft::default()
    };
    let report = |date: &str, reference: &str| SentReport {
        date: date.into(),
        reference: Some(reference.into()),
        status: SentStatus::Pending,
        answer: None,
        history: Vec::new(),
    };
    // Given out of order on purpose: the letter must sort them, stably.
    let sent = [report("2026-11-23T10:00:00Z", "B"), report("2026-11-21", "A"), report("2026-11-23", "C")];
    let text = letter(&LetterInput { sent: &sent, ..LetterInput::new(Locale::En, "tpWallet", "2026-11-25", &d) });
    let timeline: Vec<&str> =
        text.lines().skip_while(|l| *l != "1. Timeline").skip(1).take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        timeline,
        [
            "- 2026-11-21: Report sent to support, reference A. Not yet confirmed as received.",
            "- 2026-11-22 09:05: Transaction of 0.5 ETH.",
            "- 2026-11-23T10:00:00Z: Report sent to support, reference B. Not yet confirmed as received.",
            "- 2026-11-23: Report sent to support, reference C. Not yet confirmed as received.",
            "- 2026-11-25: This formal complaint.",
        ]
    );
    assert!(
        text.contains(
            "I reported it to your support 3 times before this letter, most recently on 2026-11-23T10:00:00Z,"
        ),
        "{text}"
    );
    // A transaction without a time still appears, first and marked as undated.
    let d = Draft { tx_hash: "ab".repeat(32), ..Draft::default() };
    let text =
        letter(&LetterInput { sent: &sent[1..2], ..LetterInput::new(Locale::ZhCn, "tpWallet", "2026-11-25", &d) });
    assert!(
        text.contains(&format!("一、事件经过\n- 时间未记录：交易，交易哈希{}。\n- 2026-11-21：", "ab".repeat(32))),
        "{text}"
    );
}

#[test]
fn file_names_are_ascii_and_dated() {
    let d = Draft::default();
    let name = |brand: &str, today: &str| file_name(&LetterInput::new(Locale::ZhCn, brand, today, &d));
    assert_eq!(name("tpWallet", "2026-11-25"), "complaint-tpWallet-2026-11-25.txt");
    assert_eq!(name(" My Wallet / Pro ", "2026-11-25"), "complaint-My-Wallet-Pro-2026-11-25.txt");
    assert_eq!(name("钱包", "2026-02-30"), "complaint-wallet.txt");
    assert_eq!(name("", "today"), "complaint-wallet.txt");
}

#[test]
fn the_reply_deadline_counts_calendar_days_and_is_clamped() {
    assert_eq!(add_days("2026-12-25", 14).as_deref(), Some("2027-01-08"));
    assert_eq!(add_days("2028-02-20", 14).as_deref(), Some("2028-03-05"));
    assert_eq!(add_days("2026-13-01", 1), None);
    let d = Draft::default();
    let with = |days: u32, today: &'static str| {
        letter(&LetterInput {
            reply_days: days,
            regulator: Some("the Monetary Authority"),
            ..LetterInput::new(Locale::En, "tpWallet", today, &d)
        })
    };
    assert!(with(0, "2026-11-25").contains("within 7 days of this letter, that is by 2026-12-02"));
    assert!(with(1000, "2026-11-25").contains("within 90 days"));
    let undated = with(30, "25/11/2026");
    assert!(undated.contains("Please reply in writing within 30 days of this letter. If"), "{undated}");
    assert!(undated.contains("refer it to the Monetary Authority,"), "{undated}");
}

#[test]
fn outbox_entries_become_sent_reports_and_secrets_stay_out() {
    let entry = |status: Status| {
        Entry::from_payload("https://x", r#"{"id":"1","created_at":"2026-11-21T08:00:00Z"}"#.into(), 0, 0)
            .map(|e| Entry { status, ..e })
            .unwrap()
    };
    let delivered = SentReport::from_entry(&entry(Status::Delivered { reference: Some("R-1".into()) }), None);
    assert_eq!(
        delivered,
        SentReport {
            date: "2026-11-21".into(),
            reference: Some("R-1".into()),
            status: SentStatus::Delivered,
            answer: None,
            history: Vec::new()
        }
    );
    assert_eq!(
        SentReport::from_entry(&entry(Status::Rejected { message: "bad".into() }), None).status,
        SentStatus::Rejected { reason: "bad".into() }
    );
    assert_eq!(SentReport::from_entry(&entry(Status::Sending), None).status, SentStatus::Pending);

    let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let d = Draft { description: format!("The agent asked for {phrase}"), ..Draft::default() };
    let sent = [SentReport { answer: Some(format!("Send us {phrase}")), ..delivered }];
    let text = letter(&LetterInput {
        sent: &sent,
        account_ref: Some(phrase),
        ..LetterInput::new(Locale::En, "tpWallet", "2026-11-25", &d)
    });
    assert!(!text.contains("abandon abandon"), "{text}");
}

#[test]
fn a_transaction_time_with_an_offset_reads_as_utc_plus() {
    assert_eq!(super::readable_time("2026-12-02T14:05+08:00"), "2026-12-02 14:05 (UTC+08:00)");
    assert_eq!(super::readable_time("2026-12-02T14:05:30-03:30"), "2026-12-02 14:05:30 (UTC-03:30)");
    assert_eq!(super::readable_time("2026-12-02T14:05"), "2026-12-02 14:05");
    assert_eq!(super::readable_time("3 天前"), "3 天前");
}

/// The grievance is worded by the case's category: a pending transfer is "a transaction",
/// not "a technical problem with your app". Subject, intro and the placeholder for the name
/// per category and language, in `letter_categories.txt`.
#[test]
fn the_grievance_fits_the_category_in_both_languages() {
    let mut out = String::new();
    for locale in [Locale::En, Locale::ZhCn] {
        for category in Category::ALL {
            let draft = Draft { kind: Kind::Complaint, category: Some(category), ..Draft::default() };
            let text = letter(&LetterInput::new(locale, "tpWallet", "2026-11-25", &draft));
            let wanted = ["From:", "Subject:", "I am writing", "投诉人：", "事由：", "您好！"];
            // With the timeline and evidence lines, where a transaction gets its blanks.
            let lines: Vec<&str> =
                text.lines().filter(|l| l.starts_with("- ") || wanted.iter().any(|w| l.starts_with(w))).collect();
            out.push_str(&format!("## {} {}\n{}\n\n", locale.tag(), category.name(), lines.join("\n")));
        }
    }
    snapshot("letter_categories.txt", include_str!("letter_categories.txt"), &out);
}

#[test]
fn the_letter_tells_the_reference_supports_answer_and_the_status_history() {
    let entry = Entry::from_payload("https://x", r#"{"id":"1","created_at":"2026-11-21T08:00:00Z"}"#.into(), 0, 0)
        .map(|e| Entry { status: Status::Delivered { reference: Some("WH-7Q".into()) }, ..e })
        .unwrap();
    let thread = crate::core::thread::Thread::from_json(&serde_json::json!({
        "status": "resolved", "updated_at": "2026-11-24T10:00:00Z",
        "messages": [{"from": "support", "at": "2026-11-22T09:00:00Z", "text": "Which network?"},
                     {"from": "you", "at": "2026-11-22T10:00:00Z", "text": "TRON"},
                     {"from": "support", "at": "2026-11-24T10:00:00Z", "text": "Refunded to your address."}],
        "history": [{"status": "received", "at": "2026-11-21T08:00:01Z"},
                    {"status": "in_progress", "at": "2026-11-22T09:00:00Z"},
                    {"status": "resolved", "at": "2026-11-24T10:00:00Z"}]
    }))
    .unwrap();
    let sent = [SentReport::from_entry(&entry, Some(&thread))];
    let d = Draft::default();
    for (locale, expected) in [
        (
            Locale::En,
            [
                "- 2026-11-21: Report sent to support, reference WH-7Q. Delivered.",
                "  Answer received: \"Refunded to your address.\"",
                "- 2026-11-22: Support marked report WH-7Q as “In progress”.",
                "- 2026-11-24: Support marked report WH-7Q as “Resolved”.",
            ],
        ),
        (
            Locale::ZhCn,
            [
                "- 2026-11-21：向客服提交反馈，受理编号WH-7Q，已送达。",
                "  收到答复：“Refunded to your address.”",
                "- 2026-11-22：客服将反馈WH-7Q标记为“处理中”。",
                "- 2026-11-24：客服将反馈WH-7Q标记为“已解决”。",
            ],
        ),
    ] {
        let text = letter(&LetterInput { sent: &sent, ..LetterInput::new(locale, "tpWallet", "2026-11-25", &d) });
        for line in expected {
            assert!(text.lines().any(|l| l == line), "{locale:?}: no line {line:?} in\n{text}");
        }
    }
}
