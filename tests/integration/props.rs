//! Property tests: arbitrary text never panics the generator, and what it
//! produces always keeps its own rules.

use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    let vocab = prop::sample::select(vec![
        "Russia",
        "the",
        "United States",
        "said",
        "on",
        "January",
        "16th",
        "1972",
        "ABM Treaty",
        "“",
        "”",
        "\"",
        ".",
        ",",
        "?",
        "U.S.",
        "Mr.",
        "(",
        ")",
        "\n",
        "\n\n",
        "# ",
        "MR. PRICE:",
        "according",
        "to",
        "TASS",
        "President",
        "Putin",
        "two",
        "3.67",
        "percent",
        "–",
        "’s",
        "last",
        "year",
        "Tuesday",
        "formally",
        "NATO",
        "Q:",
        "- ",
        "1,550",
        "Article",
        "XV",
    ]);
    prop::collection::vec(vocab, 0..120).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        let _ = treatydeck::generate(&s);
    }

    #[test]
    fn article_like_text_keeps_the_card_rules(s in words()) {
        if let Ok(g) = treatydeck::generate(&s) {
            let mut qs = std::collections::HashSet::new();
            for c in &g.cards {
                prop_assert!(!c.answer.trim().is_empty());
                prop_assert!(qs.insert(c.question.to_lowercase()), "repeated question {}", c.question);
                if let Some(ch) = &c.choices {
                    prop_assert_eq!(ch.iter().filter(|x| **x == c.answer).count(), 1);
                    prop_assert!(ch.len() >= 4);
                }
            }
        }
    }
}
