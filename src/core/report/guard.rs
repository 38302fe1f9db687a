//! Where the secret guard meets the form: which fields hold a seed phrase or private key,
//! how to remove them, and the copy of the draft that is safe to keep on the device.

use super::{Draft, Field};
use crate::core::secrets::{redact, scan, FieldKind, Finding};

fn kind(field: Field) -> FieldKind {
    match field {
        Field::TxHash => FieldKind::TxHash,
        Field::TxCounterparty => FieldKind::Address,
        _ => FieldKind::Text,
    }
}

/// The fields that contain a secret, with what was found, in form order.
pub fn findings(d: &Draft) -> Vec<(Field, Vec<Finding>)> {
    Field::TEXT
        .into_iter()
        .filter_map(|f| {
            let found = scan(d.text(f), kind(f));
            (!found.is_empty()).then_some((f, found))
        })
        .collect()
}

/// A field's text with the secret parts removed.
pub fn removed(field: Field, text: &str) -> String {
    redact(text, &scan(text, kind(field)))
}

/// The draft as it may be stored: every secret removed. A secret never reaches storage.
pub fn storable(d: &Draft) -> Draft {
    let mut safe = d.clone();
    for (field, _) in findings(d) {
        let clean = removed(field, d.text(field));
        safe.set(field, clean);
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASE: &str =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    #[test]
    fn a_phrase_in_any_text_field_is_found_and_kept_out_of_storage() {
        let d = Draft {
            description: format!("Support asked me for this: {PHRASE}. Is that normal?"),
            steps: PHRASE.replace(' ', "\n"),
            ..Draft::default()
        };
        let found: Vec<Field> = findings(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(found, vec![Field::Description, Field::Steps]);
        let safe = storable(&d);
        assert!(findings(&safe).is_empty());
        assert!(safe.description.contains("Is that normal?"), "{}", safe.description);
        assert!(!safe.description.contains("abandon abandon"));
    }

    #[test]
    fn ordinary_text_and_a_hash_in_its_field_pass() {
        let d = Draft {
            description: "I sent 50 USDT to the wrong address and support has not answered.".into(),
            tx_hash: format!("0x{}", "9f".repeat(32)),
            ..Draft::default()
        };
        assert!(findings(&d).is_empty());
        assert_eq!(storable(&d), d);
    }

    #[test]
    fn a_key_pasted_as_the_other_partys_address_is_found() {
        // The same 64 hex digits pass as a hash but not as an address, where no network has them.
        let value = "9f".repeat(32);
        let d = Draft { tx_counterparty: value.clone(), tx_hash: value, ..Draft::default() };
        let found: Vec<Field> = findings(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(found, vec![Field::TxCounterparty]);
    }
}
