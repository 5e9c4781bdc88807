//! Article reading: header lines, paragraphs, transcript turns, sentence
//! splitting that survives abbreviations, initials, decimals and quotes that
//! span lines, and a small tokenizer.
//!
//! Everything here is pure: `&str` in, owned structures out.

use super::gazetteer;

/// A parsed article.
#[derive(Debug, Clone, Default)]
pub struct Article {
    pub title: Option<String>,
    /// Raw value of a `Date:` header line, if any.
    pub date_header: Option<String>,
    pub source: Option<String>,
    /// The date text of a wire dateline ("MOSCOW, Feb 3 (Reuters) -"), if any.
    pub dateline: Option<String>,
    pub sentences: Vec<Sentence>,
    /// Paragraph texts, whitespace-normalised, in order.
    pub paragraphs: Vec<String>,
}

/// One sentence of the article.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The sentence as it stands in the article (runs of whitespace folded).
    pub text: String,
    pub paragraph: usize,
    /// Index of the source line unit (a line, or hard-wrapped lines joined).
    pub line: usize,
    /// Transcript speaker label of the turn this sentence belongs to ("MR. PRICE").
    pub label: Option<String>,
    /// Part of a transcript turn, named ("MR. PRICE:") or not ("MODERATOR:",
    /// "Q:"): its "we" and "I" are the speaker's.
    pub spoken: bool,
    /// Byte ranges of quoted text inside `text` (without the quote marks).
    pub quotes: Vec<(usize, usize)>,
    /// True when the sentence starts inside a quotation opened earlier.
    pub starts_in_quote: bool,
    /// Headlines, bylines, captions and similar: never turned into cards.
    pub fragment: bool,
    /// A fact-sheet field ("Signed: December 8, 1987"): the byte length of
    /// its label with the colon.
    pub field: Option<usize>,
}

impl Sentence {
    pub fn in_quote(&self, start: usize, end: usize) -> bool {
        self.quotes.iter().any(|&(a, b)| start >= a && end <= b)
    }
}

const HEADER_KEYS: &[&str] = &[
    "title",
    "date",
    "source",
    "author",
    "by",
    "published",
    "dateline",
    "url",
    // A sheet's own bookkeeping: never a fact of the history.
    "updated",
    "last updated",
    "revised",
    "prepared by",
    "note",
    // Where a briefing was held: no fact of the history either.
    "location",
    // Who issued it, and what a memo is about: the document's framing
    // ("Subject: General Assembly vote on the Arms Trade Treaty"). (A
    // "Briefer:" line stays: it gives the speaker's full name.)
    "issued by",
    "subject",
];

/// Parse an article. Never fails: odd input simply yields fewer sentences.
pub fn parse(input: &str) -> Article {
    let cleaned = clean(input);
    let mut art = Article::default();
    let mut lines: Vec<&str> = cleaned.lines().collect();

    // Header block: leading `Key: value` lines.
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    // "Department Press Briefing: U.S. Withdrawal ..." over "Date: May 22,
    // 2020": a first line right above the header lines is the title.
    let header_key = |l: &str| {
        l.split_once(':').is_some_and(|(k, v)| {
            HEADER_KEYS.contains(&k.trim().to_ascii_lowercase().as_str()) && !v.trim().is_empty()
        })
    };
    if i + 1 < lines.len()
        && !header_key(lines[i].trim())
        && !lines[i].trim().ends_with(['.', '?', '!'])
        && header_key(lines[i + 1].trim())
    {
        art.title = Some(lines[i].trim().to_string());
        i += 1;
    }
    while i < lines.len() {
        let l = lines[i].trim();
        let Some((k, v)) = l.split_once(':') else {
            break;
        };
        let key = k.trim().to_ascii_lowercase();
        if !HEADER_KEYS.contains(&key.as_str()) || v.trim().is_empty() {
            break;
        }
        let v = v.trim().to_string();
        match key.as_str() {
            "title" => art.title = Some(v),
            "date" | "published" => art.date_header = Some(v),
            "source" => art.source = Some(v),
            _ => {}
        }
        i += 1;
    }
    let had_header = i > 0;
    lines.drain(..i);
    // "STATEMENT ON …" / "Federal Ministry …, Vienna" / "Date: 18 June
    // 2019": a date line in the opening block under a title and a
    // sender's line is the header date all the same.
    if art.date_header.is_none() {
        let top = lines
            .iter()
            .take(5)
            .take_while(|l| !l.trim().is_empty())
            .position(|l| {
                l.split_once(':').is_some_and(|(k, v)| {
                    matches!(k.trim().to_ascii_lowercase().as_str(), "date" | "published")
                        && super::dates::parse_date_text(v).is_some()
                })
            });
        if let Some(p) = top {
            let v = lines[p].split_once(':').map_or("", |(_, v)| v.trim());
            art.date_header = Some(v.to_string());
            if art.title.is_none() && p > 0 {
                art.title = Some(lines[0].trim().to_string());
            }
            lines.remove(p);
        }
    }

    // Blocks of line units.
    let mut label: Option<String> = None;
    let mut spoken = false;
    let mut quote_depth: i32 = 0;
    let mut line_no = 0usize;
    let mut para_text = String::new();
    let mut para_has = false;

    // A fact sheet has several "Label: value" lines; one such line alone
    // ("Press Briefing: New START After ...") is a title.
    // A field right under the header lines ("Briefer: Ned Price,
    // Department Spokesperson") belongs with them: it is one too.
    let fields_on = lines
        .iter()
        .filter(|l| field_label(strip_bullet(l.trim()).0).is_some())
        .count()
        >= 2
        || (had_header
            && lines
                .first()
                .is_some_and(|l| field_label(strip_bullet(l.trim()).0).is_some()));
    let is_field = |s: &str| fields_on && field_label(s).is_some();
    let mut units: Vec<Unit> = Vec::new();
    let mut pending: Option<Unit> = None;
    for raw in lines.iter() {
        let t = raw.trim();
        if t.is_empty() {
            if let Some(u) = pending.take() {
                units.push(u);
            }
            units.push(Unit::Break);
            continue;
        }
        if is_rule(t) {
            if let Some(u) = pending.take() {
                units.push(u);
            }
            units.push(Unit::Break);
            continue;
        }
        if let Some(h) = heading(t) {
            if let Some(u) = pending.take() {
                units.push(u);
            }
            units.push(Unit::Heading(h.to_string()));
            continue;
        }
        let (body, bullet) = strip_bullet(t);
        let body = body.trim_start_matches('>').trim();
        if body.is_empty() {
            continue;
        }
        // Join hard-wrapped lines: previous line ends without terminal
        // punctuation and this one continues in lower case.
        if let Some(Unit::Line { text, .. }) = pending.as_mut() {
            // A field line ("Signed: December 8, 1987") stands alone.
            let prev_open = !ends_terminal(text)
                && !is_label_line(body)
                && !bullet
                && !is_field(text)
                && !is_field(body)
                && !(fields_on && (is_figure_line(text) || is_figure_line(body)));
            let cont = body
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            // ("Joint press availability on ..." over "Geneva, 14
            // September 2013": a title over a place and date.)
            if prev_open && (cont || (text.len() > 60 && place_date_start(body).is_none())) {
                text.push(' ');
                text.push_str(body);
                continue;
            }
        }
        if let Some(u) = pending.take() {
            units.push(u);
        }
        pending = Some(Unit::Line {
            text: body.to_string(),
            bullet,
        });
    }
    if let Some(u) = pending.take() {
        units.push(u);
    }

    let mut para = 0usize;
    let flush_para = |art: &mut Article, para_text: &mut String, para_has: &mut bool| {
        if *para_has {
            art.paragraphs.push(std::mem::take(para_text));
            *para_has = false;
        }
    };
    let mut first_content = true;
    // A title needs a body: a blank line (or heading) after it and more
    // text further on. A one-line article is all body.
    let next_break: Vec<bool> = (0..units.len())
        .map(|i| {
            !matches!(units.get(i + 1), Some(Unit::Line { .. }))
                && units[i + 1..]
                    .iter()
                    .any(|u| matches!(u, Unit::Line { .. }))
        })
        .collect();
    for (ui, unit) in units.into_iter().enumerate() {
        let next_is_break = next_break[ui];
        match unit {
            Unit::Break => {
                flush_para(&mut art, &mut para_text, &mut para_has);
                para = art.paragraphs.len();
                quote_depth = 0;
            }
            Unit::Heading(h) => {
                flush_para(&mut art, &mut para_text, &mut para_has);
                para = art.paragraphs.len();
                if art.title.is_none() {
                    art.title = Some(h);
                }
                label = None;
                spoken = false;
                quote_depth = 0;
            }
            Unit::Line { text, bullet } => {
                let mut body: &str = &text;
                // "Postscript (added for study): ..." after a transcript is
                // the editor's, not the last speaker's.
                let note = note_label_end(body).is_some();
                if note {
                    label = None;
                    spoken = false;
                    quote_depth = 0;
                    flush_para(&mut art, &mut para_text, &mut para_has);
                    para = art.paragraphs.len();
                }
                // ("EDITOR'S NOTE:" is no speaker.)
                if let Some((lab, rest)) = split_label(body).filter(|_| !note) {
                    label = lab;
                    spoken = true;
                    body = rest;
                    quote_depth = 0;
                    // A new turn starts a new paragraph.
                    flush_para(&mut art, &mut para_text, &mut para_has);
                    para = art.paragraphs.len();
                }
                if first_content {
                    first_content = false;
                    let field = is_field(body);
                    // After a title, a capitalised sentence with a verb in
                    // it is the lede ("The United States left the Ottawa
                    // Treaty on May 8, 2018."), not a second title.
                    let lede = art.title.is_some() && reads_as_prose(body);
                    if !bullet
                        && !field
                        && !lede
                        && next_is_break
                        && is_title_case_line(body)
                        && !is_cast_line(body)
                    {
                        if art.title.is_none() {
                            art.title = Some(body.to_string());
                        }
                        push_fragment(&mut art, body, para, line_no);
                        line_no += 1;
                        continue;
                    }
                    if let Some((dl, rest)) = split_dateline(body) {
                        art.dateline = dl;
                        body = rest;
                    } else if !bullet && !field && is_headline(body) && !is_cast_line(body) {
                        if art.title.is_none() {
                            art.title = Some(body.to_string());
                        }
                        push_fragment(&mut art, body, para, line_no);
                        line_no += 1;
                        flush_para(&mut art, &mut para_text, &mut para_has);
                        para = art.paragraphs.len();
                        first_content = true;
                        continue;
                    }
                } else if let Some((dl, rest)) = split_dateline(body) {
                    if art.dateline.is_none() {
                        art.dateline = dl;
                    }
                    body = rest;
                }
                if body.trim().is_empty() {
                    continue;
                }
                if para_has {
                    para_text.push(' ');
                }
                let folded = fold_ws(body);
                para_text.push_str(&folded);
                para_has = true;
                let field = if is_field(body) {
                    field_label(body)
                } else {
                    None
                };
                let mut first = true;
                if is_fragment_line(body) && field.is_none() {
                    push_fragment(&mut art, body, para, line_no);
                } else {
                    split_folded(&folded, &mut quote_depth, |s, quotes, in_q| {
                        // A run-on "sentence" of thousands of words (a dump,
                        // a list without stops) is read in pieces, so the
                        // work per sentence stays bounded.
                        for (text, quotes, in_q) in chunk_long(s, quotes, in_q) {
                            art.sentences.push(Sentence {
                                text,
                                paragraph: para,
                                line: line_no,
                                label: label.clone(),
                                spoken,
                                // The label opens the line's first sentence.
                                field: field.filter(|_| std::mem::replace(&mut first, false)),
                                quotes,
                                starts_in_quote: in_q,
                                fragment: false,
                            });
                        }
                    });
                }
                line_no += 1;
                if bullet {
                    flush_para(&mut art, &mut para_text, &mut para_has);
                    para = art.paragraphs.len();
                }
            }
        }
    }
    flush_para(&mut art, &mut para_text, &mut para_has);
    art
}

/// A sentence's text, its quoted ranges, and whether it opens inside a quote.
type Piece = (String, Vec<(usize, usize)>, bool);

/// Longest sentence read as one (bytes); real sentences are far shorter.
const MAX_SENTENCE: usize = 2_000;

/// Cut a sentence longer than [`MAX_SENTENCE`] at clause or word breaks,
/// keeping each piece's quoted ranges.
fn chunk_long(s: String, quotes: Vec<(usize, usize)>, in_q: bool) -> Vec<Piece> {
    if s.len() <= MAX_SENTENCE {
        return vec![(s, quotes, in_q)];
    }
    let mut out = Vec::new();
    let mut start = 0;
    while start < s.len() {
        let mut end = (start + MAX_SENTENCE).min(s.len());
        if end < s.len() {
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            let window = &s[start..end];
            // Prefer a clause break, then any space, in the second half.
            let cut = ["; ", ", ", " "].iter().find_map(|sep| {
                window
                    .rfind(sep)
                    .filter(|&p| p > MAX_SENTENCE / 2)
                    .map(|p| start + p + 1)
            });
            end = cut.unwrap_or(end);
        }
        let piece = s[start..end].trim();
        if !piece.is_empty() {
            let lead = s[start..end].len() - s[start..end].trim_start().len();
            let base = start + lead;
            let piece_end = base + piece.len();
            let qs = quotes
                .iter()
                .filter(|&&(a, b)| a < piece_end && b > base)
                .map(|&(a, b)| (a.max(base) - base, b.min(piece_end) - base))
                .collect();
            let starts_in_q =
                quotes.iter().any(|&(a, b)| a < base && b > base) || (start == 0 && in_q);
            out.push((piece.to_string(), qs, starts_in_q));
        }
        start = end;
    }
    out
}

enum Unit {
    Break,
    Heading(String),
    Line { text: String, bullet: bool },
}

fn push_fragment(art: &mut Article, body: &str, para: usize, line: usize) {
    art.sentences.push(Sentence {
        text: fold_ws(body),
        paragraph: para,
        line,
        label: None,
        spoken: false,
        quotes: Vec::new(),
        starts_in_quote: false,
        fragment: true,
        field: None,
    });
}

/// Strip a BOM, unify line endings, replace control characters.
fn clean(input: &str) -> String {
    let s = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = String::with_capacity(s.len());
    let mut prev_cr = false;
    for c in s.chars() {
        match c {
            '\r' => {
                out.push('\n');
                prev_cr = true;
                continue;
            }
            '\n' if prev_cr => {}
            '\n' => out.push('\n'),
            '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        prev_cr = false;
    }
    out
}

/// Fold runs of whitespace into single spaces and trim.
pub fn fold_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '))
}

fn heading(t: &str) -> Option<&str> {
    let rest = t.trim_start_matches('#');
    if rest.len() < t.len() && t.len() - rest.len() <= 6 && rest.starts_with(' ') {
        Some(rest.trim().trim_end_matches('#').trim())
    } else {
        None
    }
}

fn strip_bullet(t: &str) -> (&str, bool) {
    for m in ["- ", "* ", "+ ", "• ", "– ", "— "] {
        if let Some(r) = t.strip_prefix(m) {
            return (r, true);
        }
    }
    let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (r, true);
        }
    }
    (t, false)
}

fn ends_terminal(s: &str) -> bool {
    s.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '?' | '!' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']' | '…'
        )
    })
}

/// Upper-case words before a colon that name a kind of document.
const DOCUMENT_KINDS: &[&str] = &[
    "FACT SHEET",
    "TRANSCRIPT",
    "PRESS RELEASE",
    "STATEMENT",
    "JOINT STATEMENT",
    "READOUT",
    "BACKGROUNDER",
    "BULLETIN",
    "MEDIA NOTE",
    "SUMMARY",
    "UPDATE",
    "EXCERPT",
    "EXCERPTS",
];

/// Frames said around a fact: "It is true that X" states X.
const OPENING_FRAMES: &[&str] = &[
    "It is true that ",
    "It is clear that ",
    "It is a fact that ",
    "It is worth recalling that ",
    "It is worth remembering that ",
    "It is worth noting that ",
    "It should be remembered that ",
    "It should be noted that ",
];

/// Words that open a spoken answer without adding to it, and links to
/// the sentence before ("Even so,", "Then,") that a card read on its own
/// does without.
const FILLERS: &[&str] = &[
    "Well",
    "So",
    "Look",
    "Yes",
    "No",
    "Now",
    "OK",
    "Okay",
    "Sure",
    "Right",
    "Indeed",
    "Again",
    "Frankly",
    "Honestly",
    "Listen",
    "Oh",
    "As you know",
    "Of course",
    "Even so",
    "Then",
    "Therefore",
    "However",
    "Still",
];

/// "Well, President Trump announced ..." -> "President Trump announced ...".
pub fn strip_opening_filler(cloze: &str) -> Option<String> {
    // "It is true that the Senate voted ...": a frame around the fact.
    let framed = OPENING_FRAMES
        .iter()
        .find_map(|f| cloze.strip_prefix(f))
        .filter(|rest| rest.split_whitespace().count() >= 3);
    // "Editor's note: The consortium was ...", "Postscript (added for
    // study): ...": a label on the sentence, not part of it.
    let noted = framed.is_none().then(|| {
        let rest = &cloze[note_label_end(cloze)?..];
        (rest.split_whitespace().count() >= 3).then_some(rest)
    });
    let rest = match framed.or(noted.flatten()) {
        Some(rest) => rest,
        None => {
            // The fillers are short words: their comma is near the start.
            let comma = cloze.as_bytes()[..cloze.len().min(14)]
                .windows(2)
                .position(|w| w == b", ")?;
            let (first, rest) = (&cloze[..comma], &cloze[comma + 2..]);
            if !FILLERS.contains(&first) || rest.split_whitespace().count() < 3 {
                return None;
            }
            rest
        }
    };
    let mut cs = rest.chars();
    let c = cs.next()?;
    Some(c.to_uppercase().chain(cs).collect())
}

/// Where the text after an editor's label starts ("Postscript (added for
/// study): |START I ...", "Editor's note: |..."), if the line opens with one.
fn note_label_end(line: &str) -> Option<usize> {
    let colon = line.get(..line.len().min(40))?.find(": ")?;
    let head = line[..colon].split(" (").next()?.trim();
    // "ARCHIVE NOTE", "Background note": a kind of note is a note too.
    let kind_of_note = head.split_whitespace().count() <= 3
        && head
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("note"));
    (kind_of_note || NOTE_LABELS.iter().any(|l| head.eq_ignore_ascii_case(l))).then_some(colon + 2)
}

/// Labels an editor puts before a sentence.
const NOTE_LABELS: &[&str] = &[
    "Editor's note",
    "Editor’s note",
    "Note",
    "Postscript",
    "Update",
    "Correction",
    "Addendum",
];

/// Words a speaker fills a pause with, set off by commas mid-sentence.
/// ("I mean" often corrects what came before, so it stays.)
const INNER_FILLERS: &[&str] = &[", you know, ", ", uh, ", ", um, "];

/// "which is, you know, a remarkable number" -> "which is a remarkable
/// number": a spoken pause is no part of the fact.
pub fn strip_inner_fillers(s: &str) -> Option<String> {
    // Most sentences have commas and no fillers: look only after commas.
    let at_comma = |i: usize| INNER_FILLERS.iter().any(|f| s[i..].starts_with(f));
    if !s.match_indices(", ").any(|(i, _)| at_comma(i)) {
        return None;
    }
    let mut out = s.to_string();
    for f in INNER_FILLERS {
        out = out.replace(f, " ");
    }
    Some(out)
}

/// A fact-sheet field line: "Signed: December 8, 1987, Washington",
/// "Entered into force: June 1, 1988". Returns the byte length of the
/// label with its colon. A transcript's upper-case label is no field.
pub fn field_label(s: &str) -> Option<usize> {
    // A label is short: look for its colon near the start only.
    let head = &s.as_bytes()[..s.len().min(48)];
    let colon = head.windows(2).position(|w| w == b": ")?;
    let label = &s[..colon];
    let words = label.split_whitespace().count();
    let value = s[colon + 2..].trim();
    let first_upper = label.chars().next().is_some_and(char::is_uppercase);
    let all_upper = !label.chars().any(char::is_lowercase);
    // Dotted only as "U.S." or "U.N." are: "U.S. Senate vote" is a label,
    // "Dr. Halvorsen" a speaker.
    let dotted_ok = |w: &str| {
        !w.contains('.')
            || (w.len() >= 4
                && w.bytes().enumerate().all(|(i, b)| {
                    if i % 2 == 0 {
                        b.is_ascii_uppercase()
                    } else {
                        b == b'.'
                    }
                }))
    };
    let plain = label
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '.')
        && label.split_whitespace().all(dotted_ok);
    // "- battle tanks: 20,000": a lower-case label of a figure.
    let figure = value.starts_with(|c: char| c.is_ascii_digit());
    ((first_upper || figure)
        && !all_upper
        && plain
        && (1..=5).contains(&words)
        && !value.is_empty())
    .then_some(colon + 1)
}

/// "Deployed and non-deployed launchers (ICBM launchers, ...): 800": a
/// fact sheet's line of a figure, too long a label for `field_label`
/// but a line of its own all the same.
fn is_figure_line(s: &str) -> bool {
    s.rsplit_once(": ").is_some_and(|(label, value)| {
        label.starts_with(|c: char| c.is_uppercase())
            && value.starts_with(|c: char| c.is_ascii_digit())
            && value.split_whitespace().count() <= 6
    })
}

fn is_label_line(s: &str) -> bool {
    split_label(s).is_some()
}

fn split_label(s: &str) -> Option<(Option<String>, &str)> {
    let colon = s.find(':')?;
    if colon == 0 || colon > 40 {
        return None;
    }
    let lab = s[..colon].trim();
    if lab.is_empty() || !lab.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    if !lab
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’')
    {
        return None;
    }
    let rest = s[colon + 1..].trim_start();
    let upper = lab.to_ascii_uppercase();
    // "FACT SHEET: NEW START", "TRANSCRIPT: ...": a kind of document, not
    // a speaker.
    if DOCUMENT_KINDS.contains(&upper.as_str()) {
        return None;
    }
    let anonymous = matches!(
        upper.as_str(),
        "Q" | "QUESTION"
            | "A"
            | "ANSWER"
            | "REPORTER"
            | "JOURNALIST"
            | "AUDIENCE MEMBER"
            | "INTERVIEWER"
            | "HOST"
            | "ANCHOR"
            | "PRESENTER"
            | "CORRESPONDENT"
    ) || upper.starts_with("QUESTION")
        || upper == "MODERATOR"
        || upper == "OPERATOR"
        || upper == "NOTE";
    if anonymous {
        Some((None, rest))
    } else {
        Some((Some(lab.to_string()), rest))
    }
}

/// `MOSCOW, Feb 3 (Reuters) - `, `WASHINGTON — `, `VIENNA (AP) —`.
fn split_dateline(s: &str) -> Option<(Option<String>, &str)> {
    // Upper-case place name first.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i].is_ascii_uppercase() || b" .'-".contains(&bytes[i])) {
        i += 1;
    }
    // The place is whole words: "U.S. Senate vote" has no place "U.S. S".
    if bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        i = s[..i].trim_end().rfind(' ').unwrap_or(0);
    }
    let place = s[..i].trim();
    if place.len() < 3 || place.chars().filter(|c| c.is_ascii_uppercase()).count() < 3 {
        return None;
    }
    // Must be followed by ',' or '(' or a dash within a short distance.
    let rest = &s[i..];
    // Not a dash between figures ("a vote of 71–26").
    let dash_pos = ["—", "–", " - ", "--"]
        .iter()
        .filter_map(|d| {
            rest.match_indices(d)
                .find(|&(p, _)| {
                    let before = rest[..p].chars().next_back();
                    let after = rest[p + d.len()..].chars().next();
                    !(before.is_some_and(|c| c.is_ascii_digit())
                        && after.is_some_and(|c| c.is_ascii_digit()))
                })
                .map(|(p, _)| (p, d.len()))
        })
        .min()?;
    // The agency's name in brackets may be long: "Kazakhstan, Sept. 8
    // (Steppe News Agency) -".
    let agency = rest[..dash_pos.0]
        .find('(')
        .filter(|&p| p <= 40 && rest[p..dash_pos.0].trim_end().ends_with(')'))
        .map_or(0, |p| dash_pos.0 - p);
    if dash_pos.0 - agency > 40 {
        return None;
    }
    let middle = rest[..dash_pos.0].trim();
    let mut date = None;
    let m = middle.trim_start_matches(',').trim();
    let m = match m.find('(') {
        Some(p) => m[..p].trim(),
        None => m,
    };
    let m = m.trim_end_matches(',').trim();
    if !m.is_empty() {
        if !m.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        date = Some(m.to_string());
    }
    let body = rest[dash_pos.0 + dash_pos.1..].trim_start_matches(['-', ' ']);
    Some((date, body))
}

fn words_of(s: &str) -> usize {
    s.split_whitespace().count()
}

/// "Geneva, 14 September 2013 (condensed transcript)": a line that opens
/// with a place and a full date; the byte where the date starts.
pub fn place_date_start(s: &str) -> Option<usize> {
    let (place, rest) = s.split_once(", ")?;
    let words: Vec<&str> = place.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 4
        || !words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with(':'))
    {
        return None;
    }
    let toks = tokenize(rest);
    let d = super::dates::find(&toks).into_iter().next()?;
    let full = matches!(d.expr, super::dates::DateExpr::Absolute(y) if y.d.is_some());
    (full && d.tok_start == 0).then_some(place.len() + 2)
}

/// Labels of a transcript's line naming who takes part.
const CAST_LABELS: &[&str] = &[
    "Participants",
    "Participant",
    "Speakers",
    "Panelists",
    "Panellists",
    "Attendees",
    "Present",
    "Guests",
    "Guest",
    "Interviewee",
    "Briefer",
    "Briefers",
];

/// "Participants: U.S. Secretary of State John Kerry and ...": a line
/// naming who takes part, with their posts.
pub fn is_cast_line(s: &str) -> bool {
    CAST_LABELS
        .iter()
        .any(|l| s.strip_prefix(l).is_some_and(|r| r.starts_with(": ")))
}

/// A short first line without terminal punctuation: a headline.
fn is_headline(s: &str) -> bool {
    let n = words_of(s);
    n > 0 && n <= 16 && !ends_terminal(s) && s.matches('“').count() == s.matches('”').count()
}

/// A short line in title case ("Department Press Briefing by Spokesperson
/// Ned Price, Washington, D.C."): a title, even with a final period.
fn is_title_case_line(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps * 3 >= words.len() * 2
}

/// A full sentence: it ends with a stop and has a lower-case content word
/// ("left", "signed"), not only "by", "of", "the".
fn reads_as_prose(s: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "by", "of", "the", "on", "in", "at", "for", "and", "to", "a", "an", "with", "from", "or",
    ];
    ends_terminal(s)
        && s.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            w.len() >= 3 && w.chars().all(char::is_lowercase) && !FUNCTION.contains(&w)
        })
}

/// Bylines, captions, credits and other lines that are not prose.
fn is_fragment_line(s: &str) -> bool {
    let t = s.trim();
    // A parenthetical aside on its own line: "(The briefing was concluded.)"
    if t.starts_with('(') && t.ends_with(')') {
        return true;
    }
    // No lower-case word at all ("August 2, 2019", "FOR IMMEDIATE RELEASE").
    if !t
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_lowercase()).count() >= 3)
    {
        return true;
    }
    let lower = t.to_lowercase();
    let n = words_of(t);
    if lower.starts_with("by ") && n <= 8 && !ends_terminal(t) {
        return true;
    }
    for p in [
        "photo:",
        "photo by",
        "file photo",
        "(photo",
        "image:",
        "caption:",
        "(reporting by",
        "reporting by",
        "editing by",
        "(editing by",
        "writing by",
        "copyright",
        "©",
        "related:",
        "read more",
        "see also",
        "tags:",
    ] {
        if lower.starts_with(p) {
            return true;
        }
    }
    // A place and date with a note: "Geneva, 14 September 2013 (condensed
    // transcript)".
    let before_note = match (t.ends_with(')'), t.rfind('(')) {
        (true, Some(p)) => t[..p].trim_end(),
        _ => t,
    };
    if !ends_terminal(before_note) && place_date_start(t).is_some() {
        return true;
    }
    // A place line under a title: "Washington, D.C.", "Vienna, Austria".
    if n <= 4
        && t.contains(',')
        && t.split_whitespace().all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_none_or(char::is_uppercase)
        })
    {
        return true;
    }
    // Short line without any sentence punctuation: a sub-heading or label.
    if n <= 12 && !t.chars().any(|c| matches!(c, '.' | '?' | '!' | ',' | ';')) {
        return true;
    }
    false
}

/// Split one line unit into sentences, tracking double-quote depth across
/// calls (a quotation can be opened on one line and closed on the next).
/// `emit(text, quote_ranges, starts_in_quote)`.
pub fn split_sentences(
    line: &str,
    depth: &mut i32,
    emit: impl FnMut(String, Vec<(usize, usize)>, bool),
) {
    split_folded(&fold_ws(line), depth, emit)
}

/// [`split_sentences`] for a line whose whitespace is already folded.
fn split_folded(s: &str, depth: &mut i32, mut emit: impl FnMut(String, Vec<(usize, usize)>, bool)) {
    let mut start = 0usize;
    let mut start_in_quote = *depth > 0;
    let mut quotes: Vec<(usize, usize)> = Vec::new();
    let mut q_open: Option<usize> = if *depth > 0 { Some(0) } else { None };
    let mut idx = 0usize;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut ci = 0usize;
    let push = |from: usize,
                to: usize,
                quotes: &mut Vec<(usize, usize)>,
                q_open: Option<usize>,
                siq: bool,
                emit: &mut dyn FnMut(String, Vec<(usize, usize)>, bool)| {
        let raw = &s[from..to];
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        if text.is_empty() {
            quotes.clear();
            return;
        }
        let base = from + lead;
        let mut qs: Vec<(usize, usize)> = quotes
            .drain(..)
            .filter_map(|(a, e)| {
                let a = a.max(base);
                let e = e.min(base + text.len());
                (a < e).then(|| (a - base, e - base))
            })
            .collect();
        if let Some(o) = q_open {
            let a = o.max(base);
            if a < base + text.len() {
                qs.push((a - base, text.len()));
            }
        }
        emit(text.to_string(), qs, siq);
    };
    while ci < chars.len() {
        let (pos, c) = chars[ci];
        idx = pos;
        match c {
            '“' => {
                *depth += 1;
                q_open.get_or_insert(pos + c.len_utf8());
            }
            '”' => {
                if *depth > 0 {
                    *depth -= 1;
                }
                if *depth == 0
                    && let Some(o) = q_open.take()
                {
                    quotes.push((o, pos));
                }
            }
            '"' => {
                // Straight quote: opening if at start or after space/punct.
                let prev = if ci == 0 { ' ' } else { chars[ci - 1].1 };
                let opening = prev.is_whitespace() || matches!(prev, '(' | '[' | ':' | '—' | '–');
                if opening && *depth == 0 {
                    *depth = 1;
                    q_open = Some(pos + 1);
                } else if *depth > 0 {
                    *depth = 0;
                    if let Some(o) = q_open.take() {
                        quotes.push((o, pos));
                    }
                }
            }
            '.' | '?' | '!' | '…' => {
                // Consume closing quotes/brackets.
                let mut j = ci + 1;
                while j < chars.len() && matches!(chars[j].1, '.' | '?' | '!') {
                    j += 1;
                }
                let mut closers_depth = *depth;
                let mut closed_quotes = Vec::new();
                while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')' | ']')
                {
                    if matches!(chars[j].1, '”' | '"') && closers_depth > 0 {
                        closers_depth -= 1;
                        closed_quotes.push(chars[j].0);
                    }
                    j += 1;
                }
                let at_end = j >= chars.len();
                let next_ok = at_end
                    || (chars[j].1 == ' '
                        && chars.get(j + 1).is_some_and(|&(_, n)| {
                            n.is_uppercase()
                                || n.is_ascii_digit()
                                || matches!(n, '“' | '"' | '(' | '[' | '‘' | '—' | '–')
                        }));
                if next_ok && (c != '.' || !is_abbreviation(s, pos, &chars, j)) {
                    // Apply quote closings consumed.
                    for qpos in closed_quotes {
                        *depth -= 1;
                        if *depth == 0
                            && let Some(o) = q_open.take()
                        {
                            quotes.push((o, qpos));
                        }
                    }
                    let end = if at_end { s.len() } else { chars[j].0 };
                    push(start, end, &mut quotes, q_open, start_in_quote, &mut emit);
                    start = end;
                    start_in_quote = *depth > 0;
                    if *depth > 0 {
                        q_open = Some(end);
                    }
                    ci = j;
                    continue;
                }
            }
            _ => {}
        }
        ci += 1;
    }
    let _ = idx;
    if start < s.len() {
        push(
            start,
            s.len(),
            &mut quotes,
            q_open,
            start_in_quote,
            &mut emit,
        );
    }
}

/// Is the '.' at byte `pos` part of an abbreviation, initial or acronym
/// (so not a sentence end)? `after` is the char index after closers.
fn is_abbreviation(s: &str, pos: usize, chars: &[(usize, char)], after: usize) -> bool {
    // The word before the dot.
    let before = &s[..pos];
    let wstart = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '['))
        .map(|p| p + before[p..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    let word = &before[wstart..];
    if word.is_empty() {
        return false;
    }
    let next_word: String = chars
        .get(after + 1..)
        .unwrap_or(&[])
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let starter = SENTENCE_STARTERS.contains(&next_word.as_str());
    // Single capital letter: an initial ("George W. Bush"), unless the
    // sentence plainly ends ("... Plan B. The") or it is a numeral after
    // an upper-case name ("the inspections of START I. SORT entered ...").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        let prev = before[..wstart]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let numeral = matches!(word, "I" | "V" | "X")
            && prev.len() >= 3
            && prev.chars().all(|c| c.is_ascii_uppercase());
        let capital_next = next_word.starts_with(|c: char| c.is_uppercase());
        return !(starter || (numeral && capital_next));
    }
    let lw = word.to_lowercase();
    // "No. 5" is a number; "No. On February 1, ..." answers a question.
    if lw == "no" || lw == "nos" {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    if gazetteer::ALWAYS_ABBREV.contains(&lw.as_str()) {
        return true;
    }
    // Acronyms with inner dots (U.S., a.m., D.C.) and known abbreviations
    // that may also end a sentence.
    if word.contains('.') || gazetteer::MAYBE_ABBREV.contains(&lw.as_str()) {
        return !starter;
    }
    false
}

/// Words that very likely open a new sentence after an ambiguous period.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "However",
    "A",
    "An",
    "And",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Under",
    "According",
    "Both",
    "Some",
    "Many",
    "Most",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "Moscow",
    "Washington",
    "Russia",
    "China",
    "Officials",
    "Meanwhile",
];

/// Token kinds for extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Tk,
}

impl Token<'_> {
    pub fn is_cap(&self) -> bool {
        self.kind == Tk::Word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn is(&self, w: &str) -> bool {
        self.text.eq_ignore_ascii_case(w)
    }
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == Tk::Punct && self.text == p
    }
}

/// Split a sentence into tokens. Words keep inner apostrophes, hyphens and
/// dots (U.S., non-compliance, Russia's is split into Russia + 's).
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let b = s.as_bytes();
    let mut i = 0usize;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if c.is_ascii_digit() {
            // Number: digits with inner , . and ranges 48-51 / 156–0, ordinals.
            let mut j = i;
            while j < s.len() {
                let ch = s[j..].chars().next().unwrap_or(' ');
                if ch.is_ascii_digit()
                    || ((ch == ',' || ch == '.') && j + 1 < s.len() && b[j + 1].is_ascii_digit())
                {
                    j += 1;
                } else if (ch == '-' || ch == '–')
                    && s[j + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit())
                    && s[i..j].bytes().all(|x| x.is_ascii_digit() || x == b',')
                {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            // Alphanumeric suffix: 16th, 9M729, 1990s.
            let mut k = j;
            while k < s.len() && (b[k].is_ascii_alphanumeric()) {
                k += 1;
            }
            let kind = if k > j && s[i..j].bytes().all(|x| x.is_ascii_digit()) {
                let suf = &s[j..k];
                if matches!(
                    suf.to_ascii_lowercase().as_str(),
                    "st" | "nd" | "rd" | "th" | "s"
                ) {
                    Tk::Number
                } else {
                    Tk::Word
                }
            } else {
                Tk::Number
            };
            out.push(Token {
                text: &s[i..k],
                start: i,
                end: k,
                kind,
            });
            i = k;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + cl;
            while j < s.len() {
                let ch = s[j..].chars().next().unwrap_or(' ');
                if ch.is_alphanumeric() {
                    j += ch.len_utf8();
                } else if matches!(ch, '-' | '.' | '\'' | '’' | '&')
                    && s[j + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric())
                {
                    // Possessive 's / ’s ends the word.
                    if matches!(ch, '\'' | '’') {
                        let rest = &s[j + ch.len_utf8()..];
                        let after_s = rest.chars().nth(1);
                        if (rest.starts_with('s') || rest.starts_with('S'))
                            && after_s.is_none_or(|n| !n.is_alphanumeric())
                        {
                            break;
                        }
                    }
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            // Trailing dot of an acronym or known abbreviation: U.S. / Dec.
            if j < s.len() && b[j] == b'.' {
                let w = &s[i..j];
                let lw = w.to_lowercase();
                if w.contains('.')
                    || gazetteer::ALWAYS_ABBREV.contains(&lw.as_str())
                    || gazetteer::MAYBE_ABBREV.contains(&lw.as_str())
                    || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
                {
                    j += 1;
                }
            }
            out.push(Token {
                text: &s[i..j],
                start: i,
                end: j,
                kind: Tk::Word,
            });
            i = j;
            continue;
        }
        if matches!(c, '\'' | '’') {
            let rest = &s[i + cl..];
            if rest.starts_with('s') || rest.starts_with('S') {
                let after = rest[1..].chars().next();
                if after.is_none_or(|n| !n.is_alphanumeric()) {
                    out.push(Token {
                        text: &s[i..i + cl + 1],
                        start: i,
                        end: i + cl + 1,
                        kind: Tk::Word,
                    });
                    i += cl + 1;
                    continue;
                }
            }
        }
        out.push(Token {
            text: &s[i..i + cl],
            start: i,
            end: i + cl,
            kind: Tk::Punct,
        });
        i += cl;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spoken_pauses_inside_a_sentence_are_left_out() {
        assert_eq!(
            strip_inner_fillers(
                "By 1991 they had destroyed ___ missiles, which is, you know, a remarkable number."
            ),
            Some(
                "By 1991 they had destroyed ___ missiles, which is a remarkable number."
                    .to_string()
            )
        );
        assert_eq!(
            strip_inner_fillers("The treaty, uh, lapsed in 2019."),
            Some("The treaty lapsed in 2019.".to_string())
        );
        assert_eq!(
            strip_inner_fillers("Russia, I mean, the Soviet Union, signed it."),
            None
        );
        assert_eq!(strip_inner_fillers("As you know, the treaty lapsed."), None);
    }

    #[test]
    fn no_and_roman_numerals_end_sentences_when_a_sentence_follows() {
        let texts =
            |t: &str| -> Vec<String> { parse(t).sentences.into_iter().map(|s| s.text).collect() };
        assert_eq!(texts("Did it hold? No. On May 3, Spain left.").len(), 3);
        assert_eq!(texts("See Resolution No. 5 of the council.").len(), 1);
        assert_eq!(
            texts("It relied on the regime of START I. SORT entered into force in 2003.").len(),
            2
        );
        assert_eq!(texts("President George W. Bush spoke.").len(), 1);
    }

    #[test]
    fn openers_and_frames_are_stripped() {
        for (cloze, stripped) in [
            (
                "Well, Spain left the Ottawa Accord.",
                Some("Spain left the Ottawa Accord."),
            ),
            (
                "It is true that the Senate voted ___ in 1999.",
                Some("The Senate voted ___ in 1999."),
            ),
            // An editor's label goes, but not a field's.
            (
                "Postscript (added for study): START I entered into force in ___.",
                Some("START I entered into force in ___."),
            ),
            (
                "Editor's note: The consortium was set up in ___.",
                Some("The consortium was set up in ___."),
            ),
            ("Signed: 11 February 1971, in ___", None),
            ("It is true.", None),
            ("Spain left it.", None),
            // A link to the sentence before goes too.
            (
                "As you know, ___ left the Ottawa Accord.",
                Some("___ left the Ottawa Accord."),
            ),
            (
                "Even so, both sides observed the limit.",
                Some("Both sides observed the limit."),
            ),
        ] {
            assert_eq!(strip_opening_filler(cloze).as_deref(), stripped, "{cloze}");
        }
    }

    #[test]
    fn a_run_on_sentence_is_read_in_bounded_pieces() {
        let clause = "Russia and the United States signed the accord on 3 May 2019, ";
        let text = clause.repeat(2_000);
        let art = parse(&text);
        assert!(art.sentences.len() > 10, "{}", art.sentences.len());
        for s in &art.sentences {
            assert!(s.text.len() <= MAX_SENTENCE, "{}", s.text.len());
            assert!(
                s.text.starts_with("Russia"),
                "cut at a clause break: {}",
                &s.text[..20]
            );
        }
        // Every clause survives.
        let total: usize = art
            .sentences
            .iter()
            .map(|s| s.text.matches("3 May 2019").count())
            .sum();
        assert_eq!(total, 2_000);
    }

    fn texts(a: &Article) -> Vec<&str> {
        a.sentences.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn splits_on_periods_but_not_abbreviations() {
        let a = parse(
            "The U.S. Senate voted on Dec. 5, 1999. Sen. John Smith Jr. disagreed at 3 p.m. on Friday. The rate was 3.67 percent.",
        );
        assert_eq!(
            texts(&a),
            vec![
                "The U.S. Senate voted on Dec. 5, 1999.",
                "Sen. John Smith Jr. disagreed at 3 p.m. on Friday.",
                "The rate was 3.67 percent."
            ]
        );
    }

    #[test]
    fn initials_do_not_split() {
        let a = parse("President George W. Bush gave notice. It took effect later.");
        assert_eq!(a.sentences.len(), 2);
        assert!(a.sentences[0].text.contains("George W. Bush"));
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_a_starter() {
        let a = parse("The missiles were aimed at the U.S. The treaty banned them.");
        assert_eq!(a.sentences.len(), 2);
    }

    #[test]
    fn quote_spanning_lines_is_tracked() {
        let a = parse("He said: “What now? We wait.\nYou are all smart. Why?”\nThen he left.");
        let s = &a.sentences;
        assert_eq!(s.len(), 5, "{:?}", texts(&a));
        assert!(!s[0].starts_in_quote);
        assert!(s[1].starts_in_quote);
        assert!(
            s[2].starts_in_quote,
            "continuation line starts inside the quote"
        );
        assert!(s[3].starts_in_quote);
        assert!(!s[4].starts_in_quote);
        assert_eq!(s[2].quotes, vec![(0, s[2].text.len())]);
        assert!(s[4].quotes.is_empty());
    }

    #[test]
    fn question_inside_quote_followed_by_lowercase_does_not_split() {
        let a = parse("“Why now?” he asked. Nobody answered.");
        assert_eq!(a.sentences.len(), 2, "{:?}", texts(&a));
    }

    #[test]
    fn header_heading_and_dateline() {
        let a = parse(
            "Title: Test\nDate: 2021-02-03\n\n# Big news\n\nMOSCOW, Feb 3 (Wire) - Russia agreed. It was done.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Test"));
        assert_eq!(a.date_header.as_deref(), Some("2021-02-03"));
        assert_eq!(a.dateline.as_deref(), Some("Feb 3"));
        assert_eq!(texts(&a), vec!["Russia agreed.", "It was done."]);
        // A country after the place and a long agency name in brackets.
        let a = parse(
            "SEMIPALATINSK, Kazakhstan, Sept. 8 (Steppe News Agency) - Five states signed on Friday.\n",
        );
        assert!(
            a.dateline
                .as_deref()
                .is_some_and(|d| d.ends_with("Sept. 8")),
            "{:?}",
            a.dateline
        );
        assert_eq!(texts(&a), vec!["Five states signed on Friday."]);
    }

    #[test]
    fn a_dash_between_figures_or_a_capitalised_word_is_no_dateline() {
        let a = parse(
            "FACT SHEET\n\nSigned: April 8, 2010\nU.S. Senate vote: 71–26, on December 22, 2010\n\n\
             UNITED NATIONS — The vote passed 123–38.\n",
        );
        assert_eq!(
            texts(&a),
            vec![
                "FACT SHEET",
                "Signed: April 8, 2010",
                "U.S. Senate vote: 71–26, on December 22, 2010",
                "The vote passed 123–38."
            ]
        );
        assert_eq!(a.sentences[2].field, Some(17));
    }

    #[test]
    fn a_sheets_bookkeeping_lines_are_header_lines() {
        let art = parse(
            "Title: Fact Sheet\nNote: The expert quoted is fictional.\nUpdated: 2024\nDate: July 14, 2016\n\
             Issued by: Illustrative statement\nSubject: General Assembly vote on the treaty\n\n\
             The convention entered into force in 1997.\n",
        );
        assert_eq!(art.date_header.as_deref(), Some("July 14, 2016"));
        assert_eq!(art.sentences.len(), 1, "{:?}", art.sentences);
    }

    #[test]
    fn a_field_under_the_header_lines_is_a_field() {
        let art = parse(
            "Title: Department Press Briefing\nBriefer: Ned Price, Department Spokesperson\n\n\
             MR. PRICE: Good afternoon. The treaty was extended.\n",
        );
        let s = art
            .sentences
            .iter()
            .find(|s| s.text.starts_with("Briefer:"))
            .expect("the briefer line");
        assert!(s.field.is_some(), "{s:?}");
        // A lone "Label: value" line opening an article with no header is
        // its title, not a field.
        let art = parse("Press Briefing: New START\n\nThe treaty was extended.\n");
        assert!(art.sentences.iter().all(|s| s.field.is_none()));
    }

    #[test]
    fn a_lower_case_label_of_a_figure_is_a_field() {
        let a = parse("Ceilings:\n- battle tanks: 20,000\n- combat aircraft: 6,800\n");
        let fields: Vec<(&str, Option<usize>)> = a
            .sentences
            .iter()
            .map(|s| (s.text.as_str(), s.field))
            .filter(|(_, f)| f.is_some())
            .collect();
        assert_eq!(
            fields,
            vec![
                ("battle tanks: 20,000", Some(13)),
                ("combat aircraft: 6,800", Some(16))
            ]
        );
        // Prose with a colon is no field.
        assert_eq!(field_label("the reason was simple: money"), None);
        // A label of five words is still a label; six words are prose.
        assert_eq!(
            field_label("U.S. Senate advice and consent: April 25, 1967"),
            Some(31)
        );
        assert_eq!(
            field_label("The Senate gave its advice formally: April 25, 1967"),
            None
        );
    }

    #[test]
    fn a_fact_sheet_line_of_a_figure_is_not_joined_to_the_next() {
        let a = parse(
            "FACT SHEET\n\nSigned: April 8, 2010\nEntry into force: February 5, 2011\n\n\
             CENTRAL LIMITS\n\
             Deployed ICBMs, deployed SLBMs and deployed heavy bombers: 700\n\
             Deployed and non-deployed launchers (ICBM launchers, SLBM launchers and heavy bombers): 800\n",
        );
        let t = texts(&a);
        assert!(
            t.contains(&"Deployed ICBMs, deployed SLBMs and deployed heavy bombers: 700"),
            "{t:?}"
        );
        assert!(
            t.contains(
                &"Deployed and non-deployed launchers (ICBM launchers, SLBM launchers and heavy bombers): 800"
            ),
            "{t:?}"
        );
    }

    #[test]
    fn transcript_labels() {
        let a = parse("MR. PRICE: We welcome it. It matters.\nQUESTION: Why?\nMR. PRICE: Because.");
        let labels: Vec<Option<&str>> = a.sentences.iter().map(|s| s.label.as_deref()).collect();
        assert_eq!(
            labels,
            vec![
                Some("MR. PRICE"),
                Some("MR. PRICE"),
                None,
                Some("MR. PRICE")
            ]
        );
    }

    #[test]
    fn a_long_title_over_a_place_and_date_is_not_joined_to_it() {
        let a = parse(
            "Joint press availability on the Framework for Elimination of Syrian Chemical Weapons\n\
             Geneva, 14 September 2013 (condensed transcript)\n\n\
             MR. KERRY: We agreed on a framework.\n",
        );
        assert_eq!(
            a.title.as_deref(),
            Some(
                "Joint press availability on the Framework for Elimination of Syrian Chemical Weapons"
            )
        );
        assert!(
            a.sentences
                .iter()
                .all(|s| s.fragment || !s.text.contains("Geneva")),
            "{:?}",
            a.sentences
        );
    }

    #[test]
    fn an_editors_note_ends_the_last_speakers_turn() {
        let a = parse(
            "A briefing\n\nMR. HALL: The protocol was signed today.\n\n\
             Postscript (added for study): START I entered into force in 1994.\n",
        );
        let last = a.sentences.last().expect("sentences");
        assert!(last.text.starts_with("Postscript"), "{last:?}");
        assert_eq!(last.label, None);
        assert_eq!(
            a.sentences[a.sentences.len() - 2].label.as_deref(),
            Some("MR. HALL")
        );
        // An upper-case note label is no speaker's label either.
        let a = parse(
            "A briefing\n\nMR. HALL: The protocol was signed today.\n\n\
             EDITOR'S NOTE: START I entered into force in 1994.\n",
        );
        let last = a.sentences.last().expect("sentences");
        assert_eq!(last.label, None, "{last:?}");
        assert!(!last.spoken);
        // Nor is a kind of note ("ARCHIVE NOTE").
        let a = parse(
            "A briefing\n\nMR. HALL: The protocol was signed today.\n\n\
             ARCHIVE NOTE: START I entered into force in 1994.\n",
        );
        let last = a.sentences.last().expect("sentences");
        assert_eq!(last.label, None, "{last:?}");
        assert!(!last.spoken);
    }

    #[test]
    fn a_date_line_under_a_title_and_a_senders_line_is_the_header_date() {
        let a = parse(
            "STATEMENT ON THE ANNIVERSARY\nMinistry of Foreign Affairs, Vienna\nDate: 18 June 2019\n\n\
             Forty years ago today, on 18 June 1979, the treaty was signed.",
        );
        assert_eq!(a.date_header.as_deref(), Some("18 June 2019"));
        assert!(a.sentences.iter().all(|s| !s.text.contains("Date:")));
        // Not below the opening block.
        let a = parse("A title\n\nThe treaty was signed.\nDate: 18 June 2019\n");
        assert_eq!(a.date_header, None);
    }

    #[test]
    fn a_line_above_the_header_lines_is_the_title() {
        let a = parse(
            "Department Press Briefing: U.S. Withdrawal from the Treaty on Open Skies\n\
             Date: May 22, 2020\n\
             Location: Washington, D.C.\n\n\
             The United States gave notice today.\n",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Department Press Briefing: U.S. Withdrawal from the Treaty on Open Skies")
        );
        assert_eq!(a.date_header.as_deref(), Some("May 22, 2020"));
        let texts: Vec<&str> = a.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["The United States gave notice today."]);
        // A sentence is no title, whatever follows it.
        let a = parse("The United States left the treaty.\nSource: Wire\n");
        assert_eq!(a.sentences.len(), 2);
    }

    #[test]
    fn a_one_line_article_is_body_not_title() {
        let a =
            parse("On March 3, 2019, Norway and Finland Signed the Arctic Inspection Agreement.\n");
        assert_eq!(a.sentences.len(), 1);
        assert!(!a.sentences[0].fragment);
    }

    #[test]
    fn headline_and_byline_are_fragments() {
        let a = parse("Russia Quits Treaty\nBy Jane Doe\nRussia quit the treaty on Friday.");
        let frag: Vec<bool> = a.sentences.iter().map(|s| s.fragment).collect();
        assert_eq!(frag, vec![true, true, false]);
        assert_eq!(a.title.as_deref(), Some("Russia Quits Treaty"));
    }

    #[test]
    fn windows_line_endings_bom_and_wrapping() {
        let a = parse("\u{feff}The treaty was signed in\r\n1987 by both sides.\r\nIt ended.");
        assert_eq!(
            texts(&a),
            vec!["The treaty was signed in 1987 by both sides.", "It ended."]
        );
    }

    #[test]
    fn tokenizer_keeps_acronyms_numbers_and_possessives() {
        let toks: Vec<&str> =
            tokenize("Russia’s 1,550 warheads, 3.67% and the U.S. vote 48-51 on the 16th.")
                .iter()
                .map(|t| t.text)
                .collect();
        assert_eq!(
            toks,
            vec![
                "Russia", "’s", "1,550", "warheads", ",", "3.67", "%", "and", "the", "U.S.",
                "vote", "48-51", "on", "the", "16th", "."
            ]
        );
    }
}
