//! Text normalisation and string similarity used for alias merging, typed
//! answer checking and distractor filtering.

/// Lower-case, fold typographic quotes and dashes, keep only letters and
/// digits separated by single spaces, drop a leading article.
pub fn norm(s: &str) -> String {
    // ASCII bytes by table (also beside a curly quote or an accent), other
    // characters decoded one by one.
    let b = s.as_bytes();
    // A String built char by char: no UTF-8 check at the end.
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            let m = NORM_TABLE[usize::from(b[i])];
            if m == 0 {
                pending_space = true;
            } else {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(char::from(m));
            }
            i += 1;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            // Curly apostrophes and quotes separate words, as in the scorer.
            pending_space = true;
        }
    }
    // Drop a leading article.
    if let Some(a) = ["the ", "a ", "an "].iter().find(|a| out.starts_with(**a)) {
        out.drain(..a.len());
    }
    out
}

/// Each ASCII byte's normal form: lower-cased letters and digits, 0 for a
/// separator.
const NORM_TABLE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// Ratcliff/Obershelp similarity (as Python's difflib ratio for short
/// strings): 2 * matches / total length, in [0, 1].
pub fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * matches(&a, &b) as f64 / total as f64
}

fn matches(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    // Longest common substring (first, leftmost in a).
    let mut best = (0usize, 0usize, 0usize);
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best.2 {
                best = (i + 1 - cur[j + 1], j + 1 - cur[j + 1], cur[j + 1]);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (i, j, k) = best;
    if k == 0 {
        return 0;
    }
    k + matches(&a[..i], &b[..j]) + matches(&a[i + k..], &b[j + k..])
}

/// Levenshtein distance, for small typos in typed answers.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Similarity at or above which two names are spellings of one name.
pub const VARIANT_RATIO: f64 = 0.85;

/// True when `b` is only a spelling variant of `a` (the scorer's rule).
pub fn is_variant(a: &str, b: &str) -> bool {
    let (na, nb) = (norm(a), norm(b));
    if na.is_empty() || nb.is_empty() {
        return false;
    }
    na == nb || similar(&na, &nb)
}

/// `ratio(a, b) >= VARIANT_RATIO`, with a cheap length test first: the
/// ratio can never exceed 2·min/(la+lb).
pub fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let bound = (2 * la.min(lb)) as f64 / (la + lb).max(1) as f64;
    if bound < VARIANT_RATIO {
        return false;
    }
    // Shared characters bound the matches too.
    if a.is_ascii() && b.is_ascii() {
        let mut counts = [0i32; 128];
        for c in a.bytes() {
            counts[usize::from(c)] += 1;
        }
        let mut common = 0;
        for c in b.bytes() {
            let slot = &mut counts[usize::from(c)];
            if *slot > 0 {
                *slot -= 1;
                common += 1;
            }
        }
        let bound = (2 * common) as f64 / (la + lb) as f64;
        if bound < VARIANT_RATIO {
            return false;
        }
    }
    ratio(a, b) >= VARIANT_RATIO
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_tagged_questions_norm_is_the_tags_and_the_questions_joined() {
        for (tag, q) in [
            ("INF Treaty", "The ___ was signed in 1987."),
            ("New START", "“We will judge ___ by its actions.”"),
            ("JCPOA", "Which group of states said: ‘no’?"),
        ] {
            // norm drops an opening article, which a tag puts inside.
            let joined = format!("{} {}", norm(tag), norm(q));
            let with_the = format!("{} the {}", norm(tag), norm(q));
            let got = norm(&format!("{tag}: {q}"));
            assert!(
                got == joined || (q.starts_with("The ") && got == with_the),
                "{got}"
            );
        }
    }

    use super::*;

    #[test]
    fn ascii_and_unicode_norm_agree() {
        for t in [
            "The U.S.",
            "  New   START ",
            "an A-B",
            "x",
            "",
            "The",
            "thee x",
            "Ab’c",
        ] {
            let slow: String = {
                let u = format!("{t}\u{e9}");
                let n = norm(&u);
                n.trim_end_matches('\u{e9}').trim_end().to_string()
            };
            assert_eq!(norm(t), slow, "{t:?}");
        }
    }

    #[test]
    fn norm_folds_case_quotes_and_articles() {
        assert_eq!(norm("The U.S."), "u s");
        assert_eq!(norm("Russia’s Businessman"), "russia s businessman");
        assert_eq!(norm("  New   START "), "new start");
    }

    #[test]
    fn ratio_matches_difflib_values() {
        // Values from Python's difflib.SequenceMatcher(None, a, b).ratio().
        assert!((ratio("zaharova", "zakharova") - 0.9411764705882353).abs() < 1e-9);
        assert!((ratio("open sky treaty", "open skies treaty") - 0.875).abs() < 1e-9);
        assert_eq!(ratio("abc", "xyz"), 0.0);
        assert_eq!(ratio("", ""), 1.0);
    }

    #[test]
    fn similar_agrees_with_ratio() {
        let words = [
            "russia",
            "prussia",
            "zaharova",
            "zakharova",
            "open sky treaty",
            "open skies treaty",
            "china",
            "chile",
            "inf treaty",
            "abm treaty",
            "",
            "x",
        ];
        for a in words {
            for b in words {
                let full = if a.is_empty() && b.is_empty() {
                    true
                } else {
                    ratio(a, b) >= VARIANT_RATIO
                };
                assert_eq!(similar(a, b), full, "{a} / {b}");
            }
        }
    }

    #[test]
    fn variants_and_typos() {
        assert!(is_variant("Zakharova", "Zaharova"));
        assert!(!is_variant("Russia", "China"));
        assert_eq!(levenshtein("medvedev", "medvedv"), 1);
    }
}
