//! Arbitrary bytes → article decoding → card generation: must never panic
//! or hang, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = treatydeck::store::decode_article(data.to_vec()) else {
        return;
    };
    if let Ok(g) = treatydeck::generate(&text) {
        for c in &g.cards {
            assert!(!c.id.is_empty());
            assert!(!c.answer.trim().is_empty(), "empty answer for {c:?}");
        }
        // The card JSON must serialise and read back.
        let json = serde_json::to_string(&g).unwrap();
        let back: treatydeck::Generated = serde_json::from_str(&json).unwrap();
        assert_eq!(back.cards.len(), g.cards.len());
    }
});
