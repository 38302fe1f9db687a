//! One test per rule, against the demo wallet's list for "tpWallet" and against no list at
//! all (the corpus in `tests/contacts_corpus.rs` measures the rules at scale).

use super::*;

/// The demo wallet's official contacts.
fn demo() -> Official {
    let handle = |network, name: &str| Handle { network, name: name.into() };
    Official {
        brand: "tpWallet".into(),
        domains: vec!["tpwallet.com".into()],
        emails: vec!["support@tpwallet.com".into()],
        phones: vec!["+86 400 000 0000".into()],
        handles: vec![
            handle(Network::Telegram, "tpwallet_official"),
            handle(Network::X, "tpwallet"),
            handle(Network::WeChat, "tpwallet-official"),
        ],
    }
}

/// An operator who named the brand but listed no contact.
fn unlisted() -> Official {
    Official { brand: "tpWallet".into(), ..Official::default() }
}

/// Only `domain` listed, the brand named after its first label (as the blocklist corpus does).
fn only(domain: &str) -> Official {
    Official {
        brand: domain.split('.').next().unwrap_or_default().into(),
        domains: vec![domain.into()],
        ..Official::default()
    }
}

fn reason_against(input: &str, official: &Official) -> Option<&'static str> {
    match verify(input, official) {
        Verdict::Impostor { reason, .. } => Some(reason.name()),
        _ => None,
    }
}

fn reason(input: &str) -> Option<&'static str> {
    match verify(input, &demo()) {
        Verdict::Impostor { reason, .. } => Some(reason.name()),
        _ => None,
    }
}

fn official(input: &str) -> bool {
    matches!(verify(input, &demo()), Verdict::Official { .. })
}

fn advice(input: &str) -> Option<Advice> {
    match verify(input, &demo()) {
        Verdict::Unknown { advice } => Some(advice),
        _ => None,
    }
}

#[test]
fn parses_each_kind() {
    let site = |h: &str| Contact::Website { host: h.into() };
    assert_eq!(parse("HTTPS://Help.TPWallet.com:8443/a?b#c"), site("help.tpwallet.com"));
    assert_eq!(parse("ｔｐｗａｌｌｅｔ。ｃｏｍ"), site("tpwallet.com"));
    assert_eq!(
        parse("tpWallet Support <Support@TPWallet.com>"),
        Contact::Email { address: "support@tpwallet.com".into(), domain: "tpwallet.com".into() }
    );
    assert_eq!(
        parse("电话：0086 400 000 0000"),
        Contact::Phone { digits: "4000000000".into(), country: Some("86".into()) }
    );
    // The labels as traditional Chinese readers write them.
    assert_eq!(
        parse("客服電話：0086 400 000 0000"),
        Contact::Phone { digits: "4000000000".into(), country: Some("86".into()) }
    );
    assert_eq!(
        parse("電子信箱：Support@TPWallet.com"),
        Contact::Email { address: "support@tpwallet.com".into(), domain: "tpwallet.com".into() }
    );
    let tg = |n: &str| Contact::Handle { network: Some(Network::Telegram), name: n.into() };
    assert_eq!(parse("紙飛機：@TPWallet_Official"), tg("tpwallet_official"));
    assert_eq!(parse("https://t.me/TPWallet_Official"), tg("tpwallet_official"));
    assert_eq!(parse("t.me/s/tpwallet_official"), tg("tpwallet_official"));
    assert_eq!(parse("tg://resolve?domain=tpwallet_official"), tg("tpwallet_official"));
    assert_eq!(
        parse("x.com/tpwallet/status/1"),
        Contact::Handle { network: Some(Network::X), name: "tpwallet".into() }
    );
    assert_eq!(
        parse("微信：tpwallet-official"),
        Contact::Handle { network: Some(Network::WeChat), name: "tpwallet-official".into() }
    );
    // WeChat names as Chinese users write them: with or without the colon, the official
    // account (公众号), the business app (企业微信), the "vx" shorthand.
    let wechat = |name: &str| Contact::Handle { network: Some(Network::WeChat), name: name.into() };
    for (written, name) in [
        ("微信公众号 tpwallet-official", "tpwallet-official"),
        ("微信 tpwallet_kefu", "tpwallet_kefu"),
        ("微信tpwallet_kefu", "tpwallet_kefu"),
        ("公众号：tpwallet-official", "tpwallet-official"),
        ("公众号: tpwallet-official", "tpwallet-official"),
        ("企业微信：tpwallet_kefu", "tpwallet_kefu"),
        ("企业微信 tpwallet_kefu", "tpwallet_kefu"),
        ("WeChat ID: tpwallet_kefu", "tpwallet_kefu"),
        ("WeChat ID tpwallet_kefu", "tpwallet_kefu"),
        ("wechat tpwallet_kefu", "tpwallet_kefu"),
        ("VX：tpwallet_kefu", "tpwallet_kefu"),
    ] {
        assert_eq!(parse(written), wechat(name), "{written}");
    }
    // A label without a colon takes one word only; a sentence is read as before.
    assert_eq!(parse("mail.tpwallet.com"), Contact::Website { host: "mail.tpwallet.com".into() });
    assert_eq!(parse("site tpwallet.com"), Contact::Website { host: "tpwallet.com".into() });
    assert_eq!(parse("@tpwallet"), Contact::Handle { network: None, name: "tpwallet".into() });
    assert!(
        names_no_network("@tpwallet")
            && !names_no_network("t.me/tpwallet")
            && !names_no_network("support@tpwallet.com")
    );
    assert_eq!(parse("t.me/+AbCdEf"), site("t.me"));
    assert_eq!(parse(""), Contact::Unrecognised);
    assert_eq!(
        parse("Call +86 400 000 0000 (24h)"),
        Contact::Phone { digits: "4000000000".into(), country: Some("86".into()) }
    );
    assert_eq!(parse("192.168.1.1"), site("192.168.1.1"));
    assert_eq!(
        parse("Message @tpwallet_official."),
        Contact::Handle { network: None, name: "tpwallet_official".into() }
    );
    assert_eq!(parse("my wallet is empty, help"), Contact::Unrecognised);
    assert_eq!(parse("Hi. My wallet is empty."), Contact::Unrecognised);
    assert_eq!(
        parse("our agent is @tpwallet_support_bot, write now"),
        Contact::Handle { network: None, name: "tpwallet_support_bot".into() }
    );
}

#[test]
fn official_domains_cover_subdomains_and_any_spelling() {
    for input in [
        "tpwallet.com",
        "https://www.tpwallet.com/",
        "help.tpwallet.com",
        "TPWALLET.COM.",
        "http://tpwallet.com:8080/x",
    ] {
        assert!(official(input), "{input}");
    }
    assert!(!official("tpwallet.com.evil.net"));
    assert!(!official("https://tpwallet.com@evil.net/"));
    assert_eq!(
        verify("https://help.tpwallet.com", &demo()),
        Verdict::Official { channel: Channel::Website, matched: "tpwallet.com".into() }
    );
}

#[test]
fn official_emails_exact_or_at_an_official_domain() {
    assert!(official("SUPPORT@tpwallet.com"));
    assert!(official("mailto:billing@help.tpwallet.com?subject=hi"));
    assert_eq!(
        verify("Refund-Desk@tpwallet.com", &demo()),
        Verdict::Official { channel: Channel::Email, matched: "refund-desk@tpwallet.com".into() }
    );
    assert!(!official("support@tpwallet.com.evil.net"));
}

#[test]
fn official_phones_in_any_format() {
    for input in
        ["+86 400-000-0000", "4000000000", "(400) 000 0000", "0086 400 000 0000", "864000000000", "tel:+864000000000"]
    {
        assert!(official(input), "{input}");
    }
}

#[test]
fn official_handles_case_insensitive_with_or_without_at_or_url() {
    for input in [
        "@TPWallet_Official",
        "https://t.me/tpwallet_official",
        "x.com/TPWallet",
        "twitter.com/@tpwallet",
        "WeChat: TPWallet-Official",
        "tpwallet_official",
    ] {
        assert!(official(input), "{input}");
    }
    // The bare name matches the X account: the verdict says so, for the UI to name X.
    assert_eq!(
        verify("@tpwallet", &demo()),
        Verdict::Official { channel: Channel::Handle(Network::X), matched: "tpwallet".into() }
    );
}

#[test]
fn typos_swaps_and_doubled_letters() {
    assert_eq!(reason("tpwalet.com"), Some("typo"));
    assert_eq!(reason("https://tbwallet.com/login"), Some("typo"));
    assert_eq!(reason("tpwlalet.com"), Some("swapped_letters"));
    assert_eq!(reason("tpwallett.com"), Some("doubled_letter"));
    assert_eq!(reason("support@tpwallett.com"), Some("doubled_letter"));
}

#[test]
fn confusable_characters() {
    assert_eq!(reason("tpwаllet.com"), Some("confusable")); // Cyrillic а
    assert_eq!(reason("tpwallet.cοm"), Some("brand_inside_other_domain")); // Greek ο in the suffix
    assert_eq!(reason("tpwa1let.com"), Some("confusable"));
    assert_eq!(reason("tpvvallet.com"), Some("confusable"));
}

#[test]
fn punycode_says_what_it_shows() {
    assert_eq!(
        verify("https://xn--tpwllet-4fg.com/", &demo()),
        Verdict::Impostor {
            channel: Channel::Website,
            reason: Reason::Punycode { shown_as: "tpwаllet.com".into() },
            resembles: "tpwallet.com".into(),
            listed: true,
        }
    );
    // A punycode name that resembles nothing is just a foreign-script domain.
    assert_eq!(advice("xn--fiqs8s.com"), Some(Advice::NotListed));
}

#[test]
fn brand_inside_other_domains_or_with_extra_words() {
    assert_eq!(reason("tpwallet.com.example.net"), Some("brand_inside_other_domain"));
    assert_eq!(reason("tpwallet.help"), Some("brand_inside_other_domain"));
    assert_eq!(reason("tpwallet.evil.io"), Some("brand_inside_other_domain"));
    assert_eq!(reason("https://tpwallet.com@evil.net/login"), Some("brand_inside_other_domain"));
    assert_eq!(reason("https://evil.net/tpwallet.com/login"), Some("brand_inside_other_domain"));
    assert!(official("tpwallet.com/support@evil.net")); // a path with an `@`: the host is official
    assert_eq!(reason("tpwallet-support.com"), Some("brand_with_extra_words"));
    assert_eq!(reason("support-tpwallet.io"), Some("brand_with_extra_words"));
    assert_eq!(reason("tpwalletservice.com"), Some("brand_with_extra_words"));
    assert_eq!(reason("help@tpwallet-support.com"), Some("brand_with_extra_words"));
    assert_eq!(reason("tpwallet@support-desk.com"), Some("brand_inside_other_domain"));
}

#[test]
fn free_mail_with_the_brand() {
    for input in [
        "tpwallet.support@gmail.com",
        "tpwalletservice@163.com",
        "tp.wallet@qq.com",
        "tpwa11et@outlook.com",
        "tpwallet@proton.me",
    ] {
        assert_eq!(reason(input), Some("free_mail_with_brand"), "{input}");
    }
    assert_eq!(advice("john.smith@gmail.com"), Some(Advice::PersonalMailbox));
}

#[test]
fn wrong_country_code() {
    for input in ["+1 400 000 0000", "+852 4000000000", "0044 400 000 0000", "14000000000"] {
        assert_eq!(reason(input), Some("wrong_country_code"), "{input}");
    }
    assert_eq!(advice("+86 400 000 0001"), Some(Advice::NotListed));
}

#[test]
fn lookalike_handles() {
    for input in [
        "@tpwallet_0fficial",
        "@tpwa11et_support",
        "@tpwallet_support_bot",
        "t.me/tpwallet_officiall",
        "x.com/tpwallet_official",
        "WeChat: tpwallet_kefu",
        "@tpwаllet",
    ] {
        assert_eq!(reason(input), Some("lookalike_handle"), "{input}");
    }
    match verify("t.me/tpwallet_0fficial", &demo()) {
        Verdict::Impostor { channel, resembles, listed, .. } => {
            assert_eq!((channel, resembles.as_str()), (Channel::Handle(Network::Telegram), "tpwallet_official"));
            assert!(listed);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_contacts_get_advice() {
    assert_eq!(advice("binance.com"), Some(Advice::NotListed));
    assert_eq!(advice("@cryptohelper"), Some(Advice::NotListed));
    assert_eq!(advice("+1 212 555 0100"), Some(Advice::NotListed));
    assert_eq!(advice("wallet.com"), Some(Advice::NotListed));
    assert_eq!(advice("hello? is anyone there"), Some(Advice::NotAContact));
    assert_eq!(SafetyRule::ALL.len(), 3);
}

#[test]
fn an_empty_official_list_makes_nothing_official() {
    let none = Official::default();
    assert_eq!(verify("tpwallet.com", &none), Verdict::Unknown { advice: Advice::Unpublished });
    assert_eq!(verify("@tpwallet", &none), Verdict::Unknown { advice: Advice::Unpublished });
    assert_eq!(verify("+86 400 000 0000", &none), Verdict::Unknown { advice: Advice::Unpublished });
}

#[test]
fn without_a_list_the_brand_s_own_contacts_are_unverified_never_official() {
    let unverified = Verdict::Unknown { advice: Advice::Unpublished };
    for input in [
        "tpwallet.com",
        "https://www.tpwallet.com/help",
        "tpwallet.io",
        "support@tpwallet.com",
        "tpwallet@tpwallet.com",
        "@tpwallet_official",
        "t.me/tpwallet_official",
        "x.com/tpwallet",
        "WeChat: tpwallet-official",
        "+86 400 000 0000",
        "binance.com",
        "@cryptohelper",
    ] {
        assert_eq!(verify(input, &unlisted()), unverified, "{input}");
    }
    // Advice that holds whatever the list keeps its place.
    assert_eq!(verify("john.smith@gmail.com", &unlisted()), Verdict::Unknown { advice: Advice::PersonalMailbox });
    assert_eq!(verify("hello there", &unlisted()), Verdict::Unknown { advice: Advice::NotAContact });
}

#[test]
fn without_a_list_look_alikes_of_the_brand_are_still_impostors() {
    for (input, reason) in [
        ("tpwallet-support.com", "brand_with_extra_words"),
        ("tpwa1let.com", "confusable"),
        ("tpwalet.com", "typo"),
        ("tpwallet.evil.io", "brand_inside_other_domain"),
        ("https://tpwallet.com@evil.net/", "brand_inside_other_domain"),
        ("@tpwallet_help", "lookalike_handle"),
        ("@tpwallet_0fficial", "lookalike_handle"),
        ("t.me/tpwalet", "lookalike_handle"),
        ("tpwallet.support@gmail.com", "free_mail_with_brand"),
        ("tpwallet@support-desk.com", "brand_inside_other_domain"),
    ] {
        assert_eq!(reason_against(input, &unlisted()), Some(reason), "{input}");
    }
    // What they imitate is the brand name, which is not an official contact.
    for input in ["tpwallet-support.com", "@tpwallet_help", "tpwallet.support@gmail.com"] {
        match verify(input, &unlisted()) {
            Verdict::Impostor { resembles, listed, .. } => {
                assert_eq!((resembles.as_str(), listed), ("tpWallet", false))
            }
            other => panic!("{input}: {other:?}"),
        }
    }
}

#[test]
fn a_partial_list_still_confirms_what_it_lists() {
    let domains_only =
        Official { brand: "tpWallet".into(), domains: vec!["tpwallet.com".into()], ..Official::default() };
    assert!(matches!(verify("help.tpwallet.com", &domains_only), Verdict::Official { .. }));
    // No handle listed: the brand's own account name may be the operator's.
    assert_eq!(verify("@tpwallet_official", &domains_only), Verdict::Unknown { advice: Advice::NotListed });
    assert_eq!(reason_against("@tpwallet_support", &domains_only), Some("lookalike_handle"));
    // With handles listed, an unlisted brand name copies them.
    assert_eq!(reason_against("x.com/tpwallet_official", &demo()), Some("lookalike_handle"));
}

#[test]
fn two_letters_left_out_of_a_long_brand() {
    assert_eq!(reason_against("mytherwalet.com", &only("myetherwallet.com")), Some("typo"));
    assert_eq!(reason_against("metmsk.com", &only("metamask.io")), Some("typo"));
    assert_eq!(reason_against("tpwlet.com", &demo()), Some("typo"));
    // Not two letters off the front (a word is left), nor from a short brand.
    assert_eq!(reason_against("wallet.com", &demo()), None);
    assert_eq!(reason_against("ldgr.com", &only("ledger.com")), None);
}

#[test]
fn a_misspelt_brand_among_other_words() {
    let metamask = only("metamask.io");
    for input in [
        "my-metmaask.com",
        "login-metmaask.com",
        "metmaask-login.com",
        "metamask-wallet-io.com",
        "metauaskextension.com",
        "metmuskextension.com",
    ] {
        assert_eq!(reason_against(input, &metamask), Some("brand_with_extra_words"), "{input}");
    }
    assert_eq!(reason_against("mett.amask.io", &metamask), Some("brand_inside_other_domain"));
    assert_eq!(reason_against("metamask-login.pages.dev", &metamask), Some("brand_inside_other_domain"));
    assert_eq!(reason_against("en_metamask_help.teachable.com", &metamask), Some("brand_inside_other_domain"));
}

#[test]
fn other_companies_two_letters_from_a_brand_are_not_impostors() {
    // Real sites on MetaMask's own allow-list.
    let metamask = only("metamask.io");
    for input in ["metabase.com", "metarank.com", "metapack.com", "metamax.com", "metamako.com", "metamate.cc"] {
        assert_eq!(reason_against(input, &metamask), None, "{input}");
    }
    assert_eq!(reason_against("trustpilot.com", &only("trustwallet.com")), None);
}
