//! Unit tests of the guard as a whole: one or more cases per detector, the layouts, the
//! transaction-hash rule both ways, byte ranges in CJK text and redaction.

use super::*;
use sha2::{Digest, Sha256};

const ZH_S: &str = include_str!("words/chinese_simplified.txt");
const ZH_T: &str = include_str!("words/chinese_traditional.txt");

/// BIP39 encoding of `entropy` (16–32 bytes) into word indices, for building valid phrases.
fn phrase(entropy: &[u8]) -> Vec<u16> {
    let hash = Sha256::digest(entropy);
    let mut bits: Vec<bool> = entropy.iter().flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1 == 1)).collect();
    bits.extend((0..entropy.len() / 4).map(|i| (hash[0] >> (7 - i)) & 1 == 1));
    bits.chunks(11).map(|c| c.iter().fold(0u16, |acc, &b| (acc << 1) | u16::from(b))).collect()
}

fn chinese(list: &str, indices: &[u16], sep: &str) -> String {
    let words: Vec<&str> = list.lines().collect();
    indices.iter().map(|&i| words[i as usize]).collect::<Vec<_>>().join(sep)
}

fn kinds(text: &str, field: FieldKind) -> Vec<SecretKind> {
    scan(text, field).into_iter().map(|f| f.kind).collect()
}

fn text_kinds(text: &str) -> Vec<SecretKind> {
    kinds(text, FieldKind::Text)
}

const ENTROPY: [u8; 16] =
    [0x9e, 0x88, 0x5d, 0x95, 0x2a, 0xd3, 0x62, 0xca, 0xeb, 0x4e, 0xfe, 0x34, 0xa8, 0xe9, 0x1b, 0xd2];
const HEX: &str = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

#[test]
fn chinese_phrases_in_every_layout() {
    let p = phrase(&ENTROPY);
    assert_eq!(p.len(), 12);
    for list in [ZH_S, ZH_T] {
        for sep in [" ", "，", "、", "\n", ""] {
            let text = chinese(list, &p, sep);
            assert_eq!(text_kinds(&text), [SecretKind::Mnemonic], "{text:?}");
        }
        let numbered: String =
            chinese(list, &p, " ").split(' ').enumerate().map(|(i, w)| format!("{}.{w} ", i + 1)).collect();
        assert_eq!(text_kinds(&numbered), [SecretKind::Mnemonic]);
        let cued = format!("客服让我发助记词：{}，这样安全吗", chinese(list, &p, ""));
        assert_eq!(text_kinds(&cued), [SecretKind::Mnemonic]);
    }
}

#[test]
fn chinese_prose_is_not_a_phrase() {
    let prose =
        "客服要求我提供助记词才能处理退款，请问这是正常的流程吗？我在群里看到有人说要先连接钱包授权才能领取空投";
    assert!(text_kinds(prose).is_empty());
    // Eight separated characters are a fragment; a solid run without checksum or cue is not.
    let p = phrase(&ENTROPY);
    assert_eq!(text_kinds(&chinese(ZH_S, &p[..8], " ")), [SecretKind::MnemonicFragment]);
    let mut wrong = p.clone();
    wrong[11] ^= 1;
    assert!(text_kinds(&chinese(ZH_S, &wrong, "")).is_empty());
    assert_eq!(text_kinds(&chinese(ZH_S, &wrong, " ")), [SecretKind::MnemonicFragment]);
}

#[test]
fn byte_ranges_are_right_in_cjk_text() {
    let secret = chinese(ZH_S, &phrase(&ENTROPY), " ");
    let text = format!("转账失败了。助记词：{secret}\n谢谢");
    let found = scan(&text, FieldKind::Text);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], secret);
    assert_eq!(redact(&text, &found), "转账失败了。助记词：***\n谢谢");
}

#[test]
fn hex_keys_need_a_cue_and_hashes_pass() {
    assert_eq!(text_kinds(&format!("my private key is {HEX}")), [SecretKind::PrivateKeyHex]);
    assert_eq!(text_kinds(&format!("私钥：0x{HEX}")), [SecretKind::PrivateKeyHex]);
    assert_eq!(text_kinds(&format!("here is the key 0x{HEX}")), [SecretKind::PrivateKeyHex]);
    // A pasted transaction hash, with or without 0x, in the description or the hash field.
    assert!(text_kinds(&format!("my transfer 0x{HEX} is stuck")).is_empty());
    assert!(text_kinds(&format!("tx {HEX} failed")).is_empty());
    assert!(text_kinds(&format!("my private key is safe, the tx hash is 0x{HEX}")).is_empty());
    assert!(kinds(&format!("0x{HEX}"), FieldKind::TxHash).is_empty());
    assert!(kinds(&format!("key 0x{HEX}"), FieldKind::TxHash).is_empty());
    assert_eq!(kinds(&format!("privkey {HEX}"), FieldKind::TxHash), [SecretKind::PrivateKeyHex]);
    // "key" near a value without 0x (how wallets often export keys), and any 32-byte hex in
    // the address field, where it cannot be an address.
    assert_eq!(text_kinds(&format!("my key is {HEX}")), [SecretKind::PrivateKeyHex]);
    assert_eq!(kinds(HEX, FieldKind::Address), [SecretKind::PrivateKeyHex]);
    assert_eq!(kinds(&format!("0x{HEX}"), FieldKind::Address), [SecretKind::PrivateKeyHex]);
    assert!(kinds("0x52908400098527886E0F7030069857D2E4169EE7", FieldKind::Address).is_empty());
    // Inside a longer word it is not a 32-byte value at all.
    assert!(text_kinds(&format!("private key {HEX}ab")).is_empty());
}

fn check58(bytes: &[u8]) -> String {
    bs58::encode(bytes).with_check().into_string()
}

#[test]
fn wif_and_extended_keys() {
    let key = [0x42u8; 32];
    let wif = check58(&[&[0x80][..], &key].concat());
    let compressed = check58(&[&[0x80][..], &key, &[1]].concat());
    let testnet = check58(&[&[0xef][..], &key, &[1]].concat());
    for w in [&wif, &compressed, &testnet] {
        assert_eq!(text_kinds(&format!("wallet says {w} ok")), [SecretKind::Wif], "{w}");
    }
    let mut xprv = vec![0x04, 0x88, 0xAD, 0xE4, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    xprv.extend([7u8; 32]);
    xprv.push(0);
    xprv.extend(key);
    let encoded = check58(&xprv);
    assert!(encoded.starts_with("xprv"));
    assert_eq!(text_kinds(&encoded), [SecretKind::ExtendedPrivateKey]);
    xprv[..4].copy_from_slice(&[0x04, 0x88, 0xB2, 0x1E]); // xpub: public, not a secret
    xprv[45] = 2;
    assert!(text_kinds(&check58(&xprv)).is_empty());
    let mut broken = encoded.into_bytes();
    broken[50] = if broken[50] == b'a' { b'b' } else { b'a' };
    assert!(text_kinds(&String::from_utf8(broken).unwrap()).is_empty());
}

#[test]
fn solana_keys_in_both_forms() {
    let mut key: Vec<u8> = (0..64).map(|i| (i * 37 % 256) as u8).collect();
    key[63] = 0xc3;
    let b58 = bs58::encode(&key).into_string();
    assert_eq!(text_kinds(&b58), [SecretKind::SolanaSecretKey]);
    assert_eq!(kinds(&b58, FieldKind::TxHash), [SecretKind::SolanaSecretKey]);
    key[63] = 0x0c; // could be a signature: only with a cue
    let sig = bs58::encode(&key).into_string();
    assert!(kinds(&sig, FieldKind::TxHash).is_empty());
    assert!(text_kinds(&format!("signature {sig}")).is_empty());
    assert_eq!(text_kinds(&format!("my secret key: {sig}")), [SecretKind::SolanaSecretKey]);
    let array = format!("{key:?}");
    assert_eq!(text_kinds(&format!("keypair.json = {array}")), [SecretKind::SolanaSecretKey]);
    assert!(text_kinds(&format!("{:?}", &key[..32])).is_empty());
}

#[test]
fn keystore_json() {
    let keystore = r#"{"address":"008aeeda4d805471df9b2a5b0f38a0c3bcba786b","crypto":{"cipher":"aes-128-ctr","ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},"kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,"salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},"mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},"id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}"#;
    let text = format!("support asked for this file:\n{keystore}\nthanks");
    let found = scan(&text, FieldKind::Text);
    assert_eq!(found.iter().map(|f| f.kind).collect::<Vec<_>>(), [SecretKind::Keystore]);
    assert_eq!(&text[found[0].start..found[0].end], keystore);
    let cut = &keystore[..200];
    assert_eq!(text_kinds(cut), [SecretKind::Keystore]);
    assert!(text_kinds(r#"{"ciphertext": "abc", "note": "not a keystore"}"#).is_empty());
}

#[test]
fn redact_keeps_the_rest() {
    let text = format!("Hello, privkey {HEX} and more");
    let found = scan(&text, FieldKind::Text);
    assert_eq!(redact(&text, &found), "Hello, privkey *** and more");
    let overlapping = [
        Finding { kind: SecretKind::Wif, start: 0, end: 5 },
        Finding { kind: SecretKind::Wif, start: 3, end: 8 },
        Finding { kind: SecretKind::Wif, start: 100, end: 200 },
    ];
    assert_eq!(redact("abcdefghij", &overlapping), "***ij");
    assert_eq!(redact("nothing here", &[]), "nothing here");
}

#[test]
fn odd_input_never_panics_and_ranges_stay_on_char_boundaries() {
    let pieces = [
        "的",
        "一",
        " ",
        "，",
        "\n",
        "abandon",
        "about",
        "0x",
        "4c0883a6",
        "{",
        "}",
        "\"ciphertext\"",
        "[",
        "]",
        "12,",
        "私钥",
        "助记词",
        "é",
        "🙂",
        "key",
        "5",
        "K",
        "xprv",
        "\u{3000}",
        "１２",
        "ｗ",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(seed % 60) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        for field in [FieldKind::Text, FieldKind::TxHash] {
            let found = scan(&text, field);
            assert!(found.iter().all(|f| text.get(f.start..f.end).is_some_and(|s| !s.is_empty())), "{text:?}");
            let _ = redact(&text, &found);
        }
    }
}

#[test]
fn keys_in_groups_lines_and_other_labels() {
    let groups = |n: usize, sep: &str| {
        HEX.as_bytes().chunks(n).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(sep)
    };
    for text in [
        groups(4, " "),
        groups(4, " ").to_uppercase(),
        groups(8, "-"),
        groups(2, ":"),
        format!("my key\n{}", groups(32, "\n")),
        format!("pk: {HEX}"),
        format!("PK=0x{}", HEX.to_uppercase()),
        format!("私钥 {}", groups(16, " ")),
    ] {
        assert_eq!(text_kinds(&text), [SecretKind::PrivateKeyHex], "{text}");
    }
    // Grouped but labelled as a hash, in the hash field without a key word, or two UUIDs.
    assert!(text_kinds(&format!("tx hash: {}", groups(32, "\n"))).is_empty());
    assert!(kinds(&groups(4, " "), FieldKind::TxHash).is_empty());
    assert!(text_kinds("3198bc9c-6672-5ab3-d995-4942343ae5b6 8f0e2a1c-9b7d-4e3f-a6c5-1d2b3a4c5e6f").is_empty());
    // "keystore" is not the word "key"; a value labelled as a hash is not claimed by a later cue.
    assert!(text_kinds(&format!("哈希值：0x{HEX}\n金额：50 USDT 用keystore+密码登录时闪退")).is_empty());
    assert!(text_kinds(&format!("https://bscscan.com/tx/0x{HEX} (I lost my private key backup)")).is_empty());
}

#[test]
fn base64_keys_need_a_key_word() {
    use base64::Engine as _;
    let raw: Vec<u8> = (0..32u8).map(|i| i.wrapping_mul(97).wrapping_add(13)).collect();
    let standard = base64::engine::general_purpose::STANDARD.encode(&raw);
    let url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&raw);
    assert_eq!(text_kinds(&format!("my key is {standard}")), [SecretKind::PrivateKeyBase64]);
    assert_eq!(text_kinds(&format!("key={url}")), [SecretKind::PrivateKeyBase64]);
    assert_eq!(text_kinds(&format!("私钥：{standard}")), [SecretKind::PrivateKeyBase64]);
    assert!(text_kinds(&format!("attachment id {standard}")).is_empty());
    assert!(text_kinds(&format!("my key is {}", &standard[..30])).is_empty());
}

#[test]
fn full_width_invisible_and_look_alike_letters_are_seen_through() {
    let about = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let wide: String =
        about.chars().map(|c| if c == ' ' { '\u{3000}' } else { char::from_u32(c as u32 + 0xFEE0).unwrap() }).collect();
    let hidden = about.replace("ndon", "n\u{200B}do\u{00AD}n");
    let cyrillic = about.replace('a', "а");
    for text in [&wide, &hidden, &cyrillic] {
        let found = scan(text, FieldKind::Text);
        assert_eq!(found.iter().map(|f| f.kind).collect::<Vec<_>>(), [SecretKind::Mnemonic], "{text}");
        // The range is the original text, so removing it removes the whole phrase.
        assert_eq!(redact(text, &found), REDACTED);
    }
    let key = format!(
        "ｐｒｉｖａｔｅ ｋｅｙ：{}",
        HEX.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect::<String>()
    );
    assert_eq!(text_kinds(&key), [SecretKind::PrivateKeyHex]);
}

#[test]
fn solid_chinese_may_be_grouped_evenly_but_prose_spaces_are_clauses() {
    let p = phrase(&ENTROPY);
    let grouped: String = chinese(ZH_S, &p, "")
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let space = (i > 0 && i % 4 == 0).then_some(' ');
            space.into_iter().chain(std::iter::once(c))
        })
        .collect();
    assert_eq!(text_kinds(&format!("助记词：{grouped}")), [SecretKind::Mnemonic], "{grouped}");
    assert!(text_kinds("密码错误也显示转账成功 密码错误应该转账失败\n助记词 我没有备份").is_empty());
}

// Phrases laid out word by word (`runs`): holes, parts, labels.

const TWELVE: &str = "ribbon cousin tunnel orbit mango pepper wagon crystal desk salad puzzle lunar";

fn found_in(text: &str) -> Vec<(SecretKind, &str)> {
    scan(text, FieldKind::Text).into_iter().map(|f| (f.kind, &text[f.start..f.end])).collect()
}

#[test]
fn one_misspelt_or_unknown_word_does_not_split_a_phrase() {
    let misspelt = TWELVE.replace("orbit", "orbti");
    assert_eq!(found_in(&misspelt), [(SecretKind::MnemonicFragment, misspelt.as_str())]);
    let unknown = TWELVE.replace("mango", "[smudged]");
    assert_eq!(found_in(&unknown).len(), 1, "{unknown}");
    // The checksummed test vector with a typo is still a full phrase: the typo is read as
    // each list word near it.
    let vector = "legal winner thank year wave sausgae worth useful legal winner thank yellow";
    assert_eq!(found_in(vector), [(SecretKind::Mnemonic, vector)]);
}

#[test]
fn function_words_and_sentence_ends_are_not_holes() {
    // "the" between list words is prose, not a forgotten word of a phrase.
    assert!(found_in("lock file the first time you run cargo build").is_empty());
    let text = format!("{}. Is that normal?", TWELVE.replace(' ', ", "));
    let hits = found_in(&text);
    assert_eq!(hits.len(), 1);
    assert!(hits[0].1.ends_with("lunar"), "{hits:?}");
}

#[test]
fn a_phrase_told_in_parts_is_found_part_by_part() {
    let (a, b) = TWELVE.split_at(TWELVE.match_indices(' ').nth(5).map_or(0, |(i, _)| i));
    let text = format!("the first six are {a} and the rest are{b}");
    let hits = found_in(&text);
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(text.contains("and the rest are"), "the bridge stays");
    assert!(found_in("wallet balance wrong after the update and the fee was high again").is_empty());
}

#[test]
fn numbering_labels_are_gaps() {
    let numbered: String =
        TWELVE.split(' ').enumerate().map(|(i, w)| format!("No.{} {w}\nWord {}: x\n", i + 1, i + 1)).collect();
    assert!(found_in(&numbered).is_empty(), "an x after every word breaks it");
    let labelled: String = TWELVE.split(' ').enumerate().map(|(i, w)| format!("No.{} {w}\n", i + 1)).collect();
    assert_eq!(found_in(&labelled).len(), 1);
}

#[test]
fn chinese_laid_out_with_a_hole_or_a_two_character_word() {
    let chars = "的 一 是 在 不 了 有 和 人 这 中 大";
    assert!(!found_in(chars).is_empty());
    assert!(!found_in(&chars.replace("在", "龘")).is_empty());
    assert!(!found_in(&chars.replace("在", "在乎")).is_empty());
    assert!(found_in("金、木、水、火、土").is_empty());
}
