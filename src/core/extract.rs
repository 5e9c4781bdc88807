//! Fact extraction: entity mentions (gazetteer, generic names, people),
//! alias merging, and the facts of each sentence (date, party, treaty,
//! speaker, role, number), each tied to its sentence and its answer spans.

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::dates::{self, DateExpr, Reference, Ymd};
use super::gazetteer::{self, EntKind, Form, Gazetteer};
use super::similarity::{norm, similar};
use super::text::{Article, Tk, Token, tokenize};

/// The six kinds of fact TreatyDeck quizzes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Date,
    Party,
    Treaty,
    Speaker,
    Role,
    Number,
}

impl FactKind {
    pub const ALL: [FactKind; 6] = [
        FactKind::Date,
        FactKind::Party,
        FactKind::Treaty,
        FactKind::Speaker,
        FactKind::Role,
        FactKind::Number,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Party => "party",
            FactKind::Treaty => "treaty",
            FactKind::Speaker => "speaker",
            FactKind::Role => "role",
            FactKind::Number => "number",
        }
    }
}

/// What sort of thing an entity is (used for questions and distractors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntClass {
    Country,
    Alliance,
    Organisation,
    Body,
    Agency,
    Faction,
    Treaty,
    Person,
    /// A descriptive news source ("a Russian satellite news agency").
    Source,
}

impl EntClass {
    fn from_kind(k: EntKind) -> EntClass {
        match k {
            EntKind::Country => EntClass::Country,
            EntKind::Alliance => EntClass::Alliance,
            EntKind::Organisation => EntClass::Organisation,
            EntKind::Body => EntClass::Body,
            EntKind::Agency => EntClass::Agency,
            EntKind::Faction => EntClass::Faction,
            EntKind::Treaty => EntClass::Treaty,
        }
    }
    /// The question word for this class.
    pub fn who(self) -> &'static str {
        match self {
            EntClass::Country => "Which country",
            EntClass::Alliance => "Which alliance",
            EntClass::Organisation => "Which organisation",
            EntClass::Body => "Which body",
            EntClass::Agency => "Which news outlet",
            EntClass::Faction => "Which party",
            EntClass::Treaty => "Which treaty",
            EntClass::Person => "Who",
            EntClass::Source => "Which source",
        }
    }
}

/// Where a party candidate stands in its sentence (for pairing).
#[derive(Debug, Clone, Copy)]
struct PartyAt {
    ts: usize,
    te: usize,
    start: usize,
    end: usize,
    class: EntClass,
    /// Written as a name (not a capital standing for its country, not "X's").
    plain: bool,
    at_start: bool,
    /// The two entities, once paired.
    pair: Option<(usize, usize)>,
    /// The state a named signer signed for: a fact of its own, beyond the
    /// cap on a state's cards.
    signed_for: bool,
}

/// One real-world entity with all its spellings.
#[derive(Debug, Clone)]
pub struct Entity {
    pub class: EntClass,
    /// Canonical display name.
    pub name: String,
    /// Surface forms seen in the article, most frequent first after sorting.
    pub forms: Vec<String>,
    /// Gazetteer variants (not seen in the text).
    pub variants: Vec<String>,
    pub gaz: Option<usize>,
    pub count: usize,
}

impl Entity {
    /// Every accepted spelling: forms seen, canonical name, gazetteer variants.
    pub fn all_names(&self) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for s in self
            .forms
            .iter()
            .chain(std::iter::once(&self.name))
            .chain(self.variants.iter())
        {
            if !v.iter().any(|x| x == s) {
                v.push(s.clone());
            }
        }
        v
    }
}

/// A mention of an entity in one sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    /// In parentheses right after a name: "(ABM Treaty)", "(CTBTO)".
    pub aside: bool,
    pub ts: usize,
    pub te: usize,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub form: Form,
    /// Followed by 's.
    pub possessive: bool,
}

/// Distractor pool a fact draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pool {
    /// No sensible same-type options (a formal treaty title).
    NoChoice,
    Date(u8),
    Number,
    Entity(EntClass),
    Role,
    /// A head of state's or government's office at a dated moment: the
    /// options are the other offices of that government.
    Office,
    /// A place of signing: the options are other such places.
    Place,
}

/// A fact found in a sentence: the raw material of one card.
#[derive(Debug, Clone)]
pub struct Fact {
    pub kind: FactKind,
    pub sentence: usize,
    pub answer: String,
    pub accept: Vec<String>,
    pub entity: Option<usize>,
    /// Byte spans in the sentence text to blank in the cloze.
    pub spans: Vec<(usize, usize)>,
    /// A natural question, when one could be written.
    pub question: Option<String>,
    pub resolved: Option<Ymd>,
    pub inferred: bool,
    pub pool: Pool,
    /// The question names everything it asks about ("What is the formal
    /// name of the CFE Treaty?", "Who said: “…”?"): it needs no tag.
    pub standalone: bool,
    pub note: Option<String>,
}

/// Everything extracted from an article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub reference: Option<Reference>,
    /// Dates (display, precision) and numbers seen, for distractors.
    pub date_pool: Vec<Ymd>,
    /// Numbers with the word after them ("1,550", "deployed").
    pub number_pool: Vec<(String, String)>,
    pub role_pool: Vec<String>,
    /// Entities mentioned in each sentence.
    pub sentence_entities: Vec<Vec<usize>>,
    /// For each sentence, the treaty its opening "It" / "The treaty" means.
    pub topics: Vec<Option<Topic>>,
    /// For each sentence, its relative dates as written and as resolved
    /// ("on the 16th" -> "on January 16, 2021"), for questions that keep
    /// them: a card read alone has no "today" to count from.
    pub relative_dates: Vec<Vec<(String, String)>>,
    /// The treaty the article is about, when one clearly is.
    pub subject: Option<Subject>,
    /// For each sentence, the treaty last named before it in its
    /// paragraph, and how to write it inline ("the SALT II Treaty"): what
    /// "the treaty" there means.
    pub treaty_in_view: Vec<InView>,
    /// For each sentence of a transcript, the person its speaker label
    /// names (None for "MODERATOR" or an unknown name).
    pub speakers: Vec<Option<usize>>,
}

/// A treaty named earlier in a sentence's paragraph: its entity and how
/// it is written inline ("the SALT II Treaty").
pub type InView = Option<(usize, String)>;

/// The treaty an article is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub entity: usize,
    /// How a sentence names it ("the INF Treaty", "New START").
    pub inline: String,
    /// Its short name, to tag cards that name no treaty ("INF Treaty").
    pub tag: String,
}

/// A sentence's opening words that stand for a named treaty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Byte length of the opening ("It", "The treaty").
    pub prefix: usize,
    /// What to write instead ("The INF Treaty", "New START").
    pub name: String,
    pub entity: usize,
}

/// Lower-case words that may stand between a subject and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "recently",
    "later",
    "again",
    "previously",
    "then",
    "further",
    "earlier",
    "once",
    "repeatedly",
    "publicly",
    "formally",
    "officially",
    "separately",
    "reportedly",
    "had",
    "has",
    "have",
    "has also",
    "on",
    "yesterday",
    "today",
    "still",
    "first",
    "last",
    "himself",
    "herself",
    "itself",
    "directly",
    "openly",
    "flatly",
    "bluntly",
    "quickly",
    "already",
];

/// Words that never count as the noun after a number ("178 had ratified").
const FUNCTION_WORDS: &[&str] = &[
    "of", "had", "has", "have", "was", "were", "is", "are", "and", "or", "in", "to", "on", "at",
    "by", "for", "with", "from", "as", "that", "which", "who", "than", "the", "a", "an", "would",
    "will", "could", "should", "may", "might", "can", "did", "do", "does", "be", "been", "it",
    "they", "them", "its", "their", "more", "less", "after", "before", "since", "until",
];

/// Role words of people who comment or speak for others rather than act.
const EXPERT_WORDS: &[&str] = &[
    "analyst",
    "researcher",
    "expert",
    "professor",
    "fellow",
    "scholar",
    "historian",
    "lecturer",
    "commentator",
    // A spokesperson reading out a treaty's terms is no source of them:
    // "Who said: “Each state must give 42 days' notice ...”?" is trivia
    // about the briefing; their own judgement stays theirs.
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press secretary",
];

/// Nouns after which a treaty abbreviation is an adjective ("ABM systems").
const ABBREV_ADJ_NOUNS: &[&str] = &[
    "system",
    "systems",
    "defense",
    "defenses",
    "defence",
    "defences",
    "interceptor",
    "interceptors",
    "site",
    "sites",
    "radar",
    "radars",
    "missile",
    "missiles",
    "talks",
    "negotiations",
    "negotiators",
    "limits",
    "ceilings",
    "weapons",
    "capabilities",
    "launchers",
    "forces",
    "regime",
    "deployments",
    "deployment",
    "components",
    "tests",
    "testing",
];

/// Head nouns that make a capitalised phrase an organisation or body.
/// Things named after people ("the Paul Nitze School", "the Andrei
/// Sakharov Prize"): a given name before them starts no person's name.
const NAMED_AFTER_PEOPLE: &[&str] = &[
    "School",
    "Center",
    "Centre",
    "Institute",
    "University",
    "College",
    "Foundation",
    "Library",
    "Museum",
    "Prize",
    "Award",
    "Lecture",
    "Bridge",
    "Street",
    "Avenue",
    "Airport",
    "Hall",
    "Building",
    "Garden",
    "Park",
    "Fund",
    "Program",
    "Programme",
];

const ORG_HEADS: &[&str] = &[
    "Committee",
    "Commission",
    "Council",
    "Ministry",
    "Department",
    "Agency",
    "Organization",
    "Organisation",
    "Assembly",
    "Parliament",
    "Congress",
    "Senate",
    "Court",
    "Group",
    "Office",
    "Service",
    "Command",
    "Board",
    "Bureau",
    "Institute",
    "Centre",
    "Center",
    "Union",
    "Forum",
    "Secretariat",
    "Directorate",
    "Administration",
    "Cabinet",
    "Duma",
];

/// Action words that make a treaty mention the object of a fact.
const TREATY_CUES: &[&str] = &[
    "withdr",
    "withdrawal",
    "exit",
    "quit",
    "leav",
    "left",
    "sign",
    "ratif",
    "join",
    "acced",
    "accession",
    "violat",
    "breach",
    "compl",
    "abandon",
    "suspen",
    "extend",
    "extension",
    "renew",
    "negotiat",
    "conclu",
    "adopt",
    "terminat",
    "collaps",
    "demise",
    "revok",
    "revoc",
    "scrap",
    "walk",
    "pull",
    "kill",
    "end",
    "replac",
    "succe",
    "implement",
    "entered",
    "enter",
    "enters",
    "under",
    "obligation",
    "limit",
    "ban",
    "prohibit",
    "banned",
    "abrogat",
    "denounc",
    "revive",
    "restor",
    "return",
    "adher",
    "abide",
    "uphold",
    "honor",
    "honour",
    "respect",
    "preserv",
    "parties",
    "party",
    "signator",
    "successor",
    "predecessor",
    "expir",
];

struct Ctx<'g> {
    g: &'g Gazetteer,
    entities: Vec<Entity>,
    by_gaz: HashMap<usize, usize>,
    by_key: HashMap<String, usize>,
}

impl Ctx<'_> {
    fn entity_for_gaz(&mut self, gi: usize) -> usize {
        if let Some(&e) = self.by_gaz.get(&gi) {
            return e;
        }
        let ge = &self.g.entries[gi];
        let id = self.entities.len();
        self.entities.push(Entity {
            class: EntClass::from_kind(ge.kind),
            name: ge.name.clone(),
            forms: Vec::new(),
            variants: {
                // Capitals are not spellings of a country ("Santo Domingo" is
                // no answer to "Which country?").
                ge.variants.clone()
            },
            gaz: Some(gi),
            count: 0,
        });
        self.by_gaz.insert(gi, id);
        id
    }
    fn entity_for_key(&mut self, class: EntClass, key: String, name: &str) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let id = self.entities.len();
        self.entities.push(Entity {
            class,
            name: name.to_string(),
            forms: Vec::new(),
            variants: Vec::new(),
            gaz: None,
            count: 0,
        });
        self.by_key.insert(key, id);
        id
    }
    fn note_form(&mut self, e: usize, form: &str) {
        let ent = &mut self.entities[e];
        ent.count += 1;
        if !ent.forms.iter().any(|f| f == form) {
            ent.forms.push(form.to_string());
        }
    }
}

/// A treaty, or an organisation that is an instrument by its name (the
/// Missile Technology Control Regime, the Wassenaar Arrangement): what an
/// article can be about.
fn is_instrument(e: &Entity) -> bool {
    e.class == EntClass::Treaty
        || (e.class == EntClass::Organisation
            && e.name
                .split_whitespace()
                .next_back()
                .is_some_and(gazetteer::is_instrument_head))
}

fn strip_the(s: &str) -> &str {
    for p in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(p) {
            return r;
        }
    }
    s
}

fn is_not_name(w: &str) -> bool {
    gazetteer::is_not_name_word(w)
        // "I'm Claire Dunmore": the speaker, not part of the name.
        || w == "I"
        || w.starts_with("I'")
        || w.starts_with("I’")
        || gazetteer::month_of(w).is_some()
        || gazetteer::speech_base(w).is_some()
}

fn is_initial(t: &Token) -> bool {
    // "W.", and initials run together: "H.W.", "J.F."
    let b = t.text.as_bytes();
    b.len() >= 2
        && b.len() <= 6
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// A capitalised name-like run starting at `i` (1..=4 tokens), stopping
/// before gazetteer phrases.
fn cap_run(toks: &[Token], words: &[&str], g: &Gazetteer, i: usize, taken: &[bool]) -> usize {
    let mut j = i;
    while j < toks.len() && j - i < 4 {
        let t = &toks[j];
        if taken[j] || t.kind != Tk::Word {
            break;
        }
        // "Theresa May of ...": a month word after a given name is a surname
        // unless a day or a year follows it.
        let month_surname = j > i
            && gazetteer::month_of(t.text).is_some()
            && !t.text.ends_with('.')
            && !toks
                .get(j + 1)
                .is_some_and(|n| n.kind == Tk::Number || n.text == ",");
        let ok = (t.is_cap()
            && !t.text.chars().all(|c| c.is_uppercase() || c == '.')
            && (!is_not_name(t.text) || month_surname))
            || is_initial(t)
            || (j > i
                && matches!(
                    t.text,
                    "bin" | "al" | "de" | "van" | "von" | "da" | "di" | "la" | "le"
                )
                && toks.get(j + 1).is_some_and(|n| n.is_cap()));
        if !ok {
            break;
        }
        if j > i && g.match_at(words, j).is_some() {
            break;
        }
        // Titles are not part of a name: "Supreme Leader Ayatollah Ali Khamenei".
        if t.is_cap() && g.title_at(words, j).is_some() {
            break;
        }
        j += 1;
    }
    // Do not end on an initial or a particle.
    while j > i && (is_initial(&toks[j - 1]) || !toks[j - 1].is_cap()) {
        j -= 1;
    }
    j - i
}

fn speech_at(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.kind == Tk::Word
            && !t.is_cap()
            && gazetteer::speech_base(t.text).is_some()
            && (!t.is("pointed") || toks.get(i + 1).is_some_and(|n| n.is("out")))
            && !plural_noun_at(toks, i)
    })
}

/// A body's names in its own quotation, written as an editor would:
/// "all NATO Allies" -> "all [its] Allies", "NATO regrets" -> "[the
/// alliance] regrets".
fn bracket_names(q: &str, spans: &[(usize, usize)], class: EntClass) -> String {
    let mut sp: Vec<(usize, usize)> = spans.to_vec();
    sp.sort_unstable();
    let noun = class.who().strip_prefix("Which ").unwrap_or("body");
    let mut out = String::with_capacity(q.len() + 16);
    let mut pos = 0;
    for (a, b) in sp {
        if a < pos || b > q.len() || !q.is_char_boundary(a) || !q.is_char_boundary(b) {
            continue;
        }
        let before = q[..a].trim_end();
        out.push_str(&q[pos..a]);
        let after = q[b..].trim_start();
        // A name before a noun qualifies it: "NATO Allies", "NATO's".
        let attributive = after.starts_with(char::is_uppercase)
            || after.starts_with("'s")
            || after.starts_with("’s");
        let mut b = b;
        if attributive {
            if after.starts_with("'s") || after.starts_with("’s") {
                b += q[b..].find('s').map_or(0, |k| k + 1);
            }
            // "the NATO Allies" -> "[its] Allies" without the "the" (when
            // it was copied in this step).
            let the_at = before.len().saturating_sub(3);
            let has_the =
                (before.ends_with(" the") || before.eq_ignore_ascii_case("the")) && the_at >= pos;
            if has_the {
                out.truncate(out.len().saturating_sub(a - the_at));
                out.push_str(if out.is_empty() { "[Its]" } else { "[its]" });
            } else {
                out.push_str("[its]");
            }
        } else if before.ends_with(" the") || before.eq_ignore_ascii_case("the") {
            out.push_str(&format!("[{noun}]"));
        } else {
            out.push_str(&format!("[the {noun}]"));
        }
        pos = b;
    }
    out.push_str(&q[pos..]);
    out
}

/// "The Baltic states of Estonia ...", "the reports that": a speech verb's
/// "-s" form that is a plural noun here.
fn plural_noun_at(toks: &[Token], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    if !gazetteer::NOUN_VERBS.contains(&t.text) {
        return false;
    }
    let next = toks.get(i + 1).map_or("", |n| n.text);
    let prev = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .map_or("", |p| p.text);
    gazetteer::NOUN_AFTER.contains(&next)
        || gazetteer::DETERMINERS
            .iter()
            .any(|d| prev.eq_ignore_ascii_case(d))
}

/// Skip adverbs after `i`; return the index of the next non-adverb token.
fn skip_adverbs(toks: &[Token], mut i: usize) -> usize {
    // Listed adverbs, and "-ly" words ("originally", "eventually"); "only"
    // and "early" are no adverbs of manner here.
    let adverb = |w: &str| {
        ADVERBS.contains(&w)
            || (w.len() > 5 && w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase()))
    };
    while i < toks.len() && toks[i].kind == Tk::Word && adverb(toks[i].text) {
        i += 1;
    }
    i
}

/// Per-sentence scratch.
struct Sent<'a> {
    toks: Vec<Token<'a>>,
    words: Vec<&'a str>,
    /// Length of the title phrase starting at each token (0: none).
    titles: Vec<u8>,
    mentions: Vec<Mention>,
    /// (title token start, end, category) matches.
    dates: Vec<dates::DateMention>,
    taken: Vec<bool>,
}

impl Sent<'_> {
    /// Record a mention of `entity` over tokens `ts..te` and mark them taken.
    fn add_mention(&mut self, ts: usize, te: usize, entity: usize, form: Form) {
        let possessive = self
            .toks
            .get(te)
            .is_some_and(|t| t.text == "'s" || t.text == "’s");
        self.mentions.push(Mention {
            ts,
            te,
            start: self.toks[ts].start,
            end: self.toks[te - 1].end,
            entity,
            form,
            possessive,
            aside: false,
        });
        self.taken[ts..te].fill(true);
    }

    /// The title phrase starting at token `k`: its length in tokens.
    fn title(&self, k: usize) -> Option<usize> {
        self.titles
            .get(k)
            .filter(|&&l| l > 0)
            .map(|&l| usize::from(l))
    }
}

/// Extract entities and facts from a parsed article.
#[allow(clippy::needless_range_loop)] // parallel per-token arrays
pub fn extract(art: &Article) -> Extraction {
    let g = gazetteer::get();
    let mut ctx = Ctx {
        g,
        entities: Vec::new(),
        by_gaz: HashMap::default(),
        by_key: HashMap::default(),
    };

    // Lower-case vocabulary: a capitalised sentence opener whose lower-case
    // form occurs elsewhere is a common word, not a name.
    let mut lower_vocab: HashSet<&str> = HashSet::default();
    // Capitalised words seen inside a sentence (names, not openers).
    let mut mid_caps: HashSet<&str> = HashSet::default();
    let mut sents: Vec<Sent> = Vec::with_capacity(art.sentences.len());
    for s in &art.sentences {
        let toks = tokenize(&s.text);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        for (k, t) in toks.iter().enumerate() {
            if k > 0
                && t.kind == Tk::Word
                && t.text.chars().next().is_some_and(|c| c.is_lowercase())
                && lower_vocab.len() < 200_000
            {
                lower_vocab.insert(t.text);
            }
            if k > 0
                && t.kind == Tk::Word
                && t.is_cap()
                && mid_caps.len() < 200_000
                && toks[k - 1].text != "\""
                && toks[k - 1].text != "“"
            {
                mid_caps.insert(t.text);
            }
        }
        let n = toks.len();
        let titles = (0..n)
            .map(|k| g.title_at(&words, k).map_or(0, |(l, _)| l.min(255) as u8))
            .collect();
        sents.push(Sent {
            toks,
            words,
            titles,
            mentions: Vec::new(),
            dates: Vec::new(),
            taken: vec![false; n],
        });
    }

    // Pass A: gazetteer entities, generic treaty/org names, dates. Titles
    // and bylines are read too: they name people ("Briefing by Department
    // Spokesperson Ned Price") though they never become cards.
    // Where each gazetteer entry was last named (sentence, token).
    let mut named_last: HashMap<usize, (usize, usize)> = HashMap::default();
    for (si, s) in sents.iter_mut().enumerate() {
        if !art.sentences[si].fragment {
            s.dates = dates::find(&s.toks);
        }
        for d in &s.dates {
            for k in d.tok_start..d.tok_end {
                s.taken[k] = true;
            }
        }
        let mut i = 0;
        while i < s.toks.len() {
            // "a 1974 protocol", "under a 1988 agreement": an instrument
            // named by its year, unless the article's known treaty of that
            // year is meant ("the 1972 treaty").
            if let Some(y) = dated_instrument(&s.toks, i)
                && !ctx.entities.iter().any(|e| {
                    e.class == EntClass::Treaty
                        && e.gaz.is_some_and(|gi| g.entries[gi].year == Some(y))
                })
            {
                let text = &art.sentences[si].text[s.toks[i].start..s.toks[i + 1].end];
                let key = format!("{:?}:{}", EntClass::Treaty, norm_name(text));
                let e = ctx.entity_for_key(EntClass::Treaty, key, text);
                ctx.note_form(e, text);
                // The year stays a date of its own as well.
                s.add_mention(i, i + 2, e, Form::Name);
                s.taken[i + 1] = true;
                i += 2;
                continue;
            }
            if s.taken[i] {
                i += 1;
                continue;
            }
            // Generic treaty names first when they extend a gazetteer name
            // ("Treaty on Open Skies" is in the table; "Treaty on X" may not be).
            // "Intermediate-Range Nuclear Forces (INF) Treaty": a name with
            // its abbreviation inside.
            if let Some((len, gaz)) = paren_name(&s.toks, g, i) {
                let text = &art.sentences[si].text[s.toks[i].start..s.toks[i + len - 1].end];
                let e = match gaz {
                    Some(gi) => ctx.entity_for_gaz(gi),
                    None => {
                        let key = format!("{:?}:{}", EntClass::Treaty, norm_name(text));
                        ctx.entity_for_key(EntClass::Treaty, key, text)
                    }
                };
                ctx.note_form(e, text);
                s.add_mention(i, i + len, e, Form::Name);
                i += len;
                continue;
            }
            // "the Tashkent Agreement", "the Lisbon Protocol": a capital
            // before a treaty's head word names an instrument, not the
            // capital's state.
            if let Some(m) = g.match_at(&s.words, i).filter(|m| {
                m.form == Form::Capital
                    && s.toks
                        .get(i + m.len)
                        .is_some_and(|t| gazetteer::TREATY_HEADS.contains(&t.text))
            }) {
                let len = m.len + 1;
                let text = &art.sentences[si].text[s.toks[i].start..s.toks[i + len - 1].end];
                let key = format!("{:?}:{}", EntClass::Treaty, norm_name(text));
                let e = ctx.entity_for_key(EntClass::Treaty, key, text);
                ctx.note_form(e, text);
                s.add_mention(i, i + len, e, Form::Name);
                i += len;
                continue;
            }
            if let Some(mut m) = g.match_at(&s.words, i) {
                // A capital shared by a state and its predecessor ("Moscow"
                // in 1955 is the Soviet Union): the one the text named last.
                if m.form == Form::Capital {
                    let alts = g.capital_entries(&s.words, i, &m);
                    if let Some(&best) = alts
                        .iter()
                        .filter_map(|e| named_last.get(e).map(|at| (at, e)))
                        .max()
                        .map(|(_, e)| e)
                    {
                        m.entry = best;
                    }
                }
                // "Soviet leader" names the Soviet Union as well as "USSR".
                if m.form != Form::Capital {
                    named_last.insert(m.entry, (si, i));
                }
                let te = i + m.len;
                let mut te2 = te;
                let ge = &g.entries[m.entry];
                // "White House Rose Garden", "Kremlin Palace": a place named
                // after the body, not the body acting.
                if ge.kind == EntKind::Body
                    && s.toks.get(te).is_some_and(|t| {
                        t.is_cap()
                            && !gazetteer::is_not_name_word(t.text)
                            && s.title(te).is_none()
                            && g.match_at(&s.words, te).is_none()
                    })
                {
                    i = te;
                    continue;
                }
                // "North America", "South Korea" is not "America"/"Korea".
                if i > 0
                    && matches!(
                        s.toks[i - 1].text,
                        "North" | "South" | "Central" | "Latin" | "East" | "West"
                    )
                    && ge.kind == EntKind::Country
                {
                    i = te;
                    continue;
                }
                if ge.kind == EntKind::Treaty {
                    let next = s.toks.get(te);
                    // "ABM treaty": the head noun belongs to the name.
                    if next.is_some_and(|t| t.is("treaty") || t.is("agreement") || t.is("accord")) {
                        te2 = te + 1;
                    } else if m.len == 1
                        && s.toks[i].text.chars().all(|c| !c.is_lowercase())
                        && next.is_some_and(|t| {
                            ABBREV_ADJ_NOUNS.contains(&t.text.to_lowercase().as_str())
                        })
                    {
                        // "ABM systems": the abbreviation as an adjective.
                        i = te;
                        continue;
                    }
                }
                // A country name used as a modifier of a named body
                // ("Russia's Foreign Ministry") stays a country mention.
                let text = &art.sentences[si].text[s.toks[i].start..s.toks[te2 - 1].end];
                let e = ctx.entity_for_gaz(m.entry);
                if m.form == Form::Name {
                    ctx.note_form(e, strip_the(text));
                } else if m.form == Form::Capital {
                    // "Vienna" names Austria's government only as an actor;
                    // it is not a spelling to show for the country.
                    ctx.entities[e].count += 1;
                }
                s.add_mention(i, te2, e, m.form);
                i = te2;
                continue;
            }
            if let Some((len, class)) = generic_name(&s.toks, i, &s.taken) {
                let text = &art.sentences[si].text[s.toks[i].start..s.toks[i + len - 1].end];
                let key = format!("{:?}:{}", class, norm_name(text));
                let e = ctx.entity_for_key(class, key, text);
                ctx.note_form(e, text);
                s.add_mention(i, i + len, e, Form::Name);
                i += len;
                continue;
            }
            i += 1;
        }
    }

    // Pass B: people. Strong evidence first, then every later mention of a
    // known name.
    let mut people: Vec<Vec<String>> = Vec::new();
    // Well-known full names taken from a bare surname ("Mr. Carter" ->
    // Jimmy Carter), and those the text writes in full.
    let mut from_surname: Vec<Vec<String>> = Vec::new();
    let mut written_in_full: Vec<Vec<String>> = Vec::new();
    let add_person = |toks: Vec<String>, people: &mut Vec<Vec<String>>| {
        if toks.is_empty() || toks.len() > 4 {
            return;
        }
        if !people.contains(&toks) {
            people.push(toks);
        }
    };
    for (si, s) in sents.iter().enumerate() {
        let sent = &art.sentences[si];
        let n = s.toks.len();
        // title_ends[i]: a title phrase ends right before token i.
        let mut title_ends = vec![false; n + 1];
        for k in 0..n {
            if let Some(len) = s.title(k) {
                title_ends[k + len] = true;
                // "The Chairman of the State Duma, Vyacheslav Volodin": a
                // title of a named body ends after the body.
                let mut j = k + len;
                if s.toks.get(j).is_some_and(|t| t.is("of")) {
                    j += 1;
                    if s.toks.get(j).is_some_and(|t| t.is("the")) {
                        j += 1;
                    }
                    let body = j;
                    while j < n && s.taken[j] {
                        j += 1;
                    }
                    if j > body {
                        title_ends[j] = true;
                    }
                }
            }
        }
        let mut in_title = vec![false; n];
        for k in 0..n {
            if let Some(l) = s.title(k) {
                in_title[k..(k + l).min(n)].fill(true);
            }
        }
        for i in 0..n {
            if s.taken[i] || in_title[i] {
                continue;
            }
            let prev_title = title_ends[i];
            let prev_hon = i > 0 && gazetteer::HONORIFICS.contains(&s.toks[i - 1].text);
            let len = cap_run(&s.toks, &s.words, g, i, &s.taken);
            if len == 0 {
                continue;
            }
            // Only start runs at their beginning.
            if i > 0
                && s.toks[i - 1].is_cap()
                && !s.taken[i - 1]
                && !is_not_name(s.toks[i - 1].text)
                && !prev_title
            {
                continue;
            }
            let run: Vec<String> = s.toks[i..i + len]
                .iter()
                .map(|t| t.text.to_string())
                .collect();
            let after = i + len;
            let appositive_title = s.toks.get(after).is_some_and(|t| t.text == ",")
                && (after + 1..(after + 8).min(n)).any(|k| {
                    s.title(k).is_some()
                        && s.toks[after + 1..k]
                            .iter()
                            .all(|t| t.text != "," && !speech_at(&s.toks, 0))
                });
            // "Robert Smith of Chile said", "Ana Ruiz of Chile, the
            // Executive Secretary, ...": a person from a named place.
            let mut place_titled = false;
            let after = match s.toks.get(after..after + 2) {
                Some([of, place])
                    if len >= 2 && of.is("of") && place.is_cap() && s.taken[after + 1] =>
                {
                    let mut k = after + 1;
                    while k < n && s.taken[k] && s.toks[k].is_cap() {
                        k += 1;
                    }
                    let titled = s.toks.get(k).is_some_and(|t| t.text == ",")
                        && (k + 1..(k + 8).min(n)).any(|t| s.title(t).is_some());
                    place_titled = titled;
                    if titled || speech_at(&s.toks, skip_adverbs(&s.toks, k)) {
                        k
                    } else {
                        after
                    }
                }
                _ => after,
            };
            let v = skip_adverbs(&s.toks, after);
            let speaks = speech_at(&s.toks, v);
            let inverted =
                i >= 1 && speech_at(&s.toks, i - 1) && (i == n - 1 || !s.toks[i - 1].is_cap());
            let opener_common =
                i == 0 && len == 1 && lower_vocab.contains(s.toks[i].text.to_lowercase().as_str());
            // "the EU High Representative, Josep Borrell".
            let title_comma = i >= 1 && s.toks[i - 1].text == "," && title_ends[i - 1];
            let known = g.person_at(&s.words, i).filter(|&(l, _)| l <= len);
            if let Some((l, pi)) = known {
                // A well-known person: register the full name too, so that
                // "Reagan" and "Ronald Reagan" are one entity.
                let full: Vec<String> = g.people[pi][0]
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                let seen = if l == 1 {
                    &mut from_surname
                } else {
                    &mut written_in_full
                };
                if !seen.contains(&full) {
                    seen.push(full.clone());
                }
                add_person(full, &mut people);
            }
            // "Paul Nitze and Yuli Kvitsinsky took ...": a known given
            // name and a surname, not a body's name ("Paul Nitze School").
            let given = len >= 2
                && gazetteer::is_given_name(s.toks[i].text)
                && !s.toks[i + 1..i + len].iter().any(|t| {
                    ORG_HEADS.contains(&t.text)
                        || gazetteer::TREATY_HEADS.contains(&t.text)
                        || NAMED_AFTER_PEOPLE.contains(&t.text)
                });
            // "W. Averell Harriman", "J. Robert Oppenheimer": an initial
            // and two capitalised words.
            let initial_led = len >= 3
                && {
                    let b = s.toks[i].text.as_bytes();
                    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
                }
                && s.toks[i + 1..i + len].iter().all(|t| t.text.len() >= 3);
            let evidence = prev_title
                || given
                || initial_led
                || title_comma
                || place_titled
                || known.is_some()
                || prev_hon
                // "Senator Joseph Biden of Delaware, the chairman of ...":
                // a name after "of" is a place, not the one described.
                || (appositive_title && !opener_common && !(i > 0 && s.toks[i - 1].is("of")))
                || (speaks
                    && !opener_common
                    && (len >= 2
                        || i > 0
                        // "Opponents argued": an opener is a name only if
                        // the text also writes it capitalised elsewhere.
                        || (!lower_vocab.contains(s.toks[i].text.to_lowercase().as_str())
                            && (mid_caps.contains(s.toks[i].text)
                                || !s.toks[i].text.ends_with('s')))))
                || (inverted && !opener_common);
            if evidence {
                add_person(run, &mut people);
            }
        }
        // Transcript label: "MR. PRICE" -> Price (Ned Price if well known).
        if let Some(sur) = sent.label.as_deref().and_then(label_surname) {
            if let Some((_, pi)) = g.person_at(&[sur.as_str()], 0) {
                let full: Vec<String> = g.people[pi][0]
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                if !from_surname.contains(&full) {
                    from_surname.push(full.clone());
                }
                add_person(full, &mut people);
            }
            add_person(vec![sur], &mut people);
        }
    }
    // "Hodding Carter III, ... Mr. Carter said": a bare surname shared
    // with someone the text names in full is that person, not the
    // well-known one (Jimmy Carter).
    // (The other full name: a capitalised word before the surname that is
    // no title, honorific or sentence word: "Hodding Carter".)
    let other_full = |p: &Vec<String>| -> Option<Vec<String>> {
        let (sur, given) = (p.last()?, p.first()?);
        sents.iter().find_map(|s| {
            (1..s.toks.len()).find_map(|k| {
                let (a, b) = (&s.toks[k - 1], &s.toks[k]);
                (b.text == sur.as_str()
                    && a.kind == Tk::Word
                    && a.is_cap()
                    && a.text.len() >= 3
                    && a.text != given.as_str()
                    && !is_not_name(a.text)
                    && !gazetteer::HONORIFICS.contains(&a.text)
                    && s.title(k - 1).is_none()
                    && (0..k - 1).all(|j| s.title(j).is_none_or(|l| j + l < k)))
                .then(|| vec![a.text.to_string(), sur.clone()])
            })
        })
    };
    let mut namesakes_of_known: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for p in &from_surname {
        if !written_in_full.contains(p)
            && let Some(other) = other_full(p)
        {
            namesakes_of_known.push((p.clone(), other));
        }
    }
    for (p, other) in namesakes_of_known {
        people.retain(|q| *q != p);
        add_person(other, &mut people);
    }
    // Person entities: group by surname with fuzzy merging.
    let mut surname_entity: Vec<(String, usize)> = Vec::new();
    // Full names of people who share a surname with someone else.
    let mut namesakes: Vec<(String, usize, String)> = Vec::new();
    people.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in &people {
        // "Le Drian", "van der Leyen": the particle belongs to the surname.
        let sur = match p.len() {
            n if n >= 3
                && matches!(
                    p[n - 2].to_lowercase().as_str(),
                    "le" | "la" | "de" | "van" | "von" | "al" | "bin" | "da" | "di" | "du" | "del"
                ) =>
            {
                format!("{} {}", p[n - 2], p[n - 1])
            }
            _ => p.last().cloned().unwrap_or_default(),
        };
        let key = norm(&sur);
        if key.len() < 2 {
            continue;
        }
        let found = surname_entity.iter().find(|(k, _)| {
            *k == key
                || (key.len() >= 5
                    && k.len() >= 5
                    && k.chars().next() == key.chars().next()
                    && similar(k, &key))
        });
        // "George H. W. Bush" and "George W. Bush": one surname, two
        // people, told apart by their middle initials.
        let namesake = found.is_some_and(|&(_, e)| {
            ctx.entities[e]
                .variants
                .iter()
                .any(|v| other_namesake(&v.split(' ').collect::<Vec<_>>(), p))
        });
        let e = match found {
            Some(&(_, e)) if !namesake => e,
            Some(&(_, first)) => {
                let full = p.join(" ");
                let e = ctx.entity_for_key(
                    EntClass::Person,
                    format!("person:{key}:{}", norm(&full)),
                    &full,
                );
                namesakes.push((norm(&full), e, key.clone()));
                // The first of the name is known by its full names too.
                for v in &ctx.entities[first].variants {
                    if v.split(' ').count() >= 3 && !namesakes.iter().any(|(n, _, _)| *n == norm(v))
                    {
                        namesakes.push((norm(v), first, key.clone()));
                    }
                }
                e
            }
            None => ctx.entity_for_key(EntClass::Person, format!("person:{key}"), &p.join(" ")),
        };
        let full = p.join(" ");
        if full.split(' ').count() > ctx.entities[e].name.split(' ').count() {
            ctx.entities[e].name = full.clone();
        }
        if !ctx.entities[e].variants.contains(&full) {
            ctx.entities[e].variants.push(full);
        }
        // "May" alone is a month, not Theresa May. A namesake's bare
        // surname stays with the first of that name.
        let month_alone = p.len() > 1 && is_not_name(&sur);
        if !month_alone && !namesake && !ctx.entities[e].variants.contains(&sur) {
            ctx.entities[e].variants.push(sur.clone());
        }
        if !surname_entity.iter().any(|(k, _)| *k == key) {
            surname_entity.push((key, e));
        }
    }
    let surname_map: HashMap<String, usize> = surname_entity.iter().cloned().collect();
    let mut last_namesake: HashMap<String, usize> = HashMap::default();
    // Mark person mentions.
    for (si, s) in sents.iter_mut().enumerate() {
        if art.sentences[si].fragment {
            continue;
        }
        let n = s.toks.len();
        // Tokens inside a title phrase ("Minister for Europe and Foreign
        // Affairs") never start a name.
        let mut in_title = vec![false; n];
        for p in 0..n {
            if let Some(l) = s.title(p) {
                in_title[p..(p + l).min(n)].fill(true);
            }
        }
        let mut i = 0;
        while i < n {
            if s.taken[i] || !s.toks[i].is_cap() || in_title[i] {
                i += 1;
                continue;
            }
            let len = cap_run(&s.toks, &s.words, g, i, &s.taken);
            if len == 0 {
                i += 1;
                continue;
            }
            // The run's last token (or any) may be a known surname; a
            // namesake is known by the full name.
            let mut hit = None;
            if !namesakes.is_empty() {
                let run_norm =
                    norm(&art.sentences[si].text[s.toks[i].start..s.toks[i + len - 1].end]);
                if let Some((_, e, key)) = namesakes
                    .iter()
                    .find(|(n, _, _)| run_norm == *n || run_norm.ends_with(&format!(" {n}")))
                {
                    hit = Some((i + len - 1, *e));
                    last_namesake.insert(key.clone(), *e);
                }
            }
            for k in (i..i + len).rev().filter(|_| hit.is_none()) {
                let one = surname_map.get(&norm(s.toks[k].text));
                let two = (k > 0)
                    .then(|| {
                        surname_map.get(&norm(&format!(
                            "{} {}",
                            s.toks[k - 1].text,
                            s.toks[k].text
                        )))
                    })
                    .flatten();
                if let Some(&e) = two.or(one) {
                    // A bare "Bush": the namesake named last.
                    let e = last_namesake
                        .get(&norm(s.toks[k].text))
                        .copied()
                        .unwrap_or(e);
                    hit = Some((k, e));
                    break;
                }
            }
            if let Some((k, e)) = hit {
                let te = k + 1;
                let text = &art.sentences[si].text[s.toks[i].start..s.toks[k].end];
                ctx.note_form(e, text);
                s.add_mention(i, te, e, Form::Name);
                i = te;
            } else {
                i += len;
            }
        }
        s.mentions.sort_by_key(|m| m.ts);
        for m in &mut s.mentions {
            m.aside = m.ts >= 2
                && s.toks[m.ts - 1].text == "("
                && s.toks.get(m.te).is_some_and(|t| t.text == ")")
                && s.toks[m.ts - 2].is_cap();
        }
    }
    for e in &mut ctx.entities {
        // Canonical for persons: the longest name; forms sorted for stability.
        e.variants.retain(|v| !e.forms.contains(v));
    }

    // Reference date.
    let mut all_exprs = Vec::new();
    for s in &sents {
        all_exprs.extend(
            s.dates
                .iter()
                .filter(|d| !dates::is_future(&s.toks, d))
                .map(|d| d.expr),
        );
    }
    // A date alone on a line above the text ("May 8, 2018" under a
    // statement's title) dates the article like a Date: header; so does
    // one under a sender's line with no full stop ("Agency for the ...").
    let date_line = art
        .sentences
        .iter()
        .zip(&sents)
        .take(6)
        .take_while(|(s, _)| {
            s.fragment
                || (s.label.is_none()
                    // (A note in the opening block, "Illustrative transcript
                    // written for study.", may end in a full stop.)
                    && (!s.text.ends_with(['.', '?', '!', '”', '"'])
                        || (s.paragraph == 0 && s.line == 1)))
        })
        .find_map(|(s, t)| {
            if s.text.split_whitespace().count() <= 5
                && let Some(d) = dates::parse_date_text(&s.text)
            {
                return d.d.is_some().then_some(s.text.as_str());
            }
            // "Geneva, 14 September 2013 (condensed transcript)".
            if let Some(at) = crate::core::text::place_date_start(&s.text) {
                return Some(&s.text[at..]);
            }
            // A line that ends in the day ("… Mexico City, 14 February
            // 2017" run on from the sender's line). (A fragment's dates
            // are not read with the text's.)
            let found = dates::find(&t.toks);
            let d = found.last().filter(|d| {
                d.tok_end == t.toks.len()
                    && matches!(d.expr, DateExpr::Absolute(y) if y.d.is_some())
            })?;
            Some(&s.text[t.toks[d.tok_start].start..])
        });
    let mut reference = dates::infer_reference(
        art.date_header.as_deref().or(date_line),
        art.dateline.as_deref(),
        &all_exprs,
    );
    // "Thanks for joining this call on today's announcement, Tuesday,
    // May 8, 2018", "Today, 2 August 2019, the withdrawal takes effect": an
    // opening sentence that gives today's full date dates the text.
    if reference.is_none_or(|r| !r.explicit)
        && let Some(today) = sents
            .iter()
            .zip(&art.sentences)
            .filter(|(_, a)| !a.fragment)
            .take(3)
            .find_map(|(s, _)| {
                let says_today = s
                    .toks
                    .iter()
                    .any(|t| t.is("today") || t.is("today's") || t.is("tonight"));
                let full: Vec<Ymd> = s
                    .dates
                    .iter()
                    .filter_map(|d| match d.expr {
                        DateExpr::Absolute(y) if y.d.is_some() => Some(y),
                        _ => None,
                    })
                    .collect();
                (says_today && full.len() == 1).then(|| full[0])
            })
    {
        reference = Some(Reference {
            date: today,
            explicit: true,
            year_known: true,
        });
    }
    // A dateline's day with no year: the future dates and weekdays of the
    // text may fix it.
    if let Some(r) = reference.as_mut()
        && r.explicit
        && !r.year_known
        && let (Some(m), Some(d)) = (r.date.m, r.date.d)
    {
        let mut future = Vec::new();
        let mut weekdays = Vec::new();
        for s in &sents {
            for dm in &s.dates {
                match dm.expr {
                    DateExpr::Absolute(y) if dates::is_future(&s.toks, dm) => future.push(y),
                    // The lede's weekday is the dateline's day; later
                    // ones ("on Friday, Putin signed") are other days.
                    DateExpr::Weekday(w) if weekdays.is_empty() => weekdays.push(w),
                    _ => {}
                }
            }
        }
        let past_year = all_exprs
            .iter()
            .filter_map(|e| match e {
                DateExpr::Absolute(y) => Some(y.y),
                _ => None,
            })
            .max();
        let years: Vec<i32> = all_exprs
            .iter()
            .filter_map(|e| match e {
                DateExpr::Absolute(y) => Some(y.y),
                _ => None,
            })
            .chain(future.iter().map(|f| f.y))
            .collect();
        let other_years: Vec<i32> = all_exprs
            .iter()
            .filter_map(|e| match e {
                DateExpr::Absolute(y) if y.m.is_some() => Some(y.y),
                _ => None,
            })
            .collect();
        if let Some(y) = dates::year_before_future(m, d, &future, &weekdays, past_year)
            .or_else(|| dates::year_by_weekday(m, d, &weekdays, &years, &other_years))
        {
            r.date = Ymd::ymd(y, m, d);
            r.year_known = true;
        }
    }

    let mut ex = Extraction {
        reference,
        ..Default::default()
    };
    let mut fb = FactBuilder {
        art,
        g,
        ents: &ctx.entities,
        facts: Vec::new(),
        treaty_seen: HashSet::default(),
        designations_seen: HashSet::default(),
        role_seen: HashSet::default(),
        last_person: None,
        quote_speaker: None,
        turn_carded: None,
        reference,
        last_seen: Vec::new(),
        clock: 0,
        dominant: {
            let mut counts: HashMap<usize, usize> = HashMap::default();
            let mut prose = 0usize;
            for (si, s) in sents.iter().enumerate() {
                if art.sentences[si].fragment {
                    continue;
                }
                prose += 1;
                let set: HashSet<usize> = s.mentions.iter().map(|m| m.entity).collect();
                for e in set {
                    *counts.entry(e).or_default() += 1;
                }
            }
            counts
                .into_iter()
                .filter(|&(_, c)| c >= 4 && c * 100 >= prose * 15)
                .map(|(e, _)| e)
                .collect()
        },
        date_ctx_seen: HashSet::default(),
        reference_seen: HashMap::default(),
        lede_weekday: reference
            .filter(|r| r.explicit && !r.year_known && r.date.d.is_some())
            .and_then(|_| {
                // The text's first weekday, if its lede (first sentence of
                // prose) gives it.
                let lede = (0..sents.len()).find(|&si| !art.sentences[si].fragment)?;
                let (si, d) = sents.iter().enumerate().find_map(|(si, s)| {
                    s.dates
                        .iter()
                        .find(|d| matches!(d.expr, DateExpr::Weekday(_)))
                        .map(|d| (si, d.tok_start))
                })?;
                (si == lede).then_some((si, d))
            }),
        party_count: HashMap::default(),
        fact_keys: Vec::new(),
        experts: HashSet::default(),
        label_owner: HashMap::default(),
    };
    // The dates of the latest sentence that gave any: what "the same day"
    // in the sentences after it means.
    let mut recent_dates: Option<(usize, Vec<Ymd>)> = None;
    for (si, s) in sents.iter().enumerate() {
        let ents: Vec<usize> = s.mentions.iter().map(|m| m.entity).collect();
        ex.sentence_entities.push(ents);
        if art.sentences[si].fragment {
            continue;
        }
        fb.sentence(si, s);
        let text = &art.sentences[si].text;
        let mut rel = Vec::new();
        if reference.is_some_and(|r| r.year_known) {
            for (di, d) in s.dates.iter().enumerate() {
                // "Today it is called ...": the text's present, read on
                // another day, is "As of February 14, 2017, it is called".
                if d.expr == DateExpr::DayRel(0)
                    && d.tok_start == 0
                    && d.tok_end == 1
                    && !has_past_verb(&s.toks)
                    // "Today, 2 August 2019, ...": dated already.
                    && s.dates.get(di + 1).is_none_or(|n| n.tok_start > 2)
                    && let Some(r) = reference.filter(|r| r.explicit && r.date.d.is_some())
                {
                    let comma = if s.toks.get(1).is_some_and(|t| t.text == ",") {
                        ""
                    } else {
                        ","
                    };
                    rel.push((
                        s.toks[0].text.to_string(),
                        format!("As of {}{comma}", r.date.display()),
                    ));
                    continue;
                }
                // "Fifty years ago today, on 14 February 1967, ..." reads
                // "On 14 February 1967, ..." once the day has passed.
                if restated_beside(s, di) {
                    let on = &s.toks[d.tok_end + 1];
                    let surface = &text[s.toks[d.tok_start].start..on.end];
                    rel.push((surface.to_string(), "on".to_string()));
                    continue;
                }
                if !d.expr.is_relative()
                    // "Our briefers today are ...": no day of any event.
                    || (d.expr == DateExpr::DayRel(0) && !has_past_verb(&s.toks))
                    // "today, August 2, 2019", "Tuesday, February 21": the
                    // date is already given beside it.
                    || s.dates.get(di + 1).is_some_and(|n| n.tok_start <= d.tok_end + 1)
                    || restated_beside(s, di)
                    || di.checked_sub(1).and_then(|p| s.dates.get(p)).is_some_and(|p| {
                        p.tok_end + 1 >= d.tok_start && !p.expr.is_relative()
                    })
                {
                    continue;
                }
                let Some(r) = dates::resolve_in(&s.toks, d, reference) else {
                    continue;
                };
                let mut start = s.toks[d.tok_start].start;
                let mut end = s.toks[d.tok_end - 1].end;
                // "the 16th" reads "January 16, 2021", without "the".
                if matches!(d.expr, DateExpr::DayOfMonth(_)) && text[..start].ends_with("the ") {
                    start -= 4;
                }
                // "last year's race" reads "the 2000 race".
                if let Some(t) = s.toks.get(d.tok_end)
                    && matches!(t.text, "'s" | "’s")
                    && t.start == end
                {
                    end = t.end;
                    rel.push((text[start..end].to_string(), format!("the {}", r.display())));
                    continue;
                }
                let surface = &text[start..end];
                let shown = match d.expr {
                    DateExpr::Weekday(_) => format!("{}, {}", strip_the(surface), r.display()),
                    _ => r.display(),
                };
                // "said today" -> "said on August 2, 2019"; "left last year"
                // -> "left in 2020".
                let prev = text[..start]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let after_date = di
                    .checked_sub(1)
                    .and_then(|p| s.dates.get(p))
                    .is_some_and(|p| p.tok_end + 1 >= d.tok_start);
                let shown = match dates::preposition_for(&prev, r).filter(|_| !after_date) {
                    Some(p) => format!("{p} {shown}"),
                    None => shown,
                };
                // "“Today, I have given formal notice ...,” Bush said": a
                // speaker's words stay theirs; the day goes beside them in
                // brackets. (A quoted "tomorrow" is left as said: "not by
                // what we say here today, but by what we do tomorrow".)
                let shown = if art.sentences[si].in_quote(start, end) {
                    match d.expr {
                        DateExpr::DayRel(off) if off > 0 => continue,
                        _ => format!("{surface} [{}]", r.display()),
                    }
                } else {
                    shown
                };
                if !surface.is_empty() && surface != shown {
                    rel.push((surface.to_string(), shown));
                }
            }
        }
        // "in a telephone call last week" -> "in a telephone call the week
        // before January 29, 2021": a week is no date to quiz, but the card
        // says when it was.
        if let Some(r) = reference.filter(|r| r.year_known && r.date.d.is_some()) {
            for k in 1..s.toks.len() {
                if !s.toks[k].is("week") {
                    continue;
                }
                let shown = match s.toks[k - 1].text.to_ascii_lowercase().as_str() {
                    "last" => "the week before",
                    "this" => "the week of",
                    "next" => "the week after",
                    _ => continue,
                };
                let surface = &text[s.toks[k - 1].start..s.toks[k].end];
                // "said in the week of ...", but "during the week of ...".
                let after_prep = k >= 2
                    && matches!(
                        s.toks[k - 2].text,
                        "in" | "during" | "on" | "of" | "from" | "by" | "since" | "until" | "for"
                    );
                let prep = if after_prep { "" } else { "in " };
                rel.push((
                    surface.to_string(),
                    format!("{prep}{shown} {}", r.date.display()),
                ));
            }
        }
        // "within three years of that date", "declared the same day": the
        // date meant is the last one given, in this sentence before the
        // words or in one of the three before it.
        // (A deadline, "complete it by Feb. 5", or a time looked back to,
        // "since Biden took office on Jan. 20", is not the day of the
        // story: "the same day" after them means the day of the call.)
        let here: Vec<(usize, Ymd)> = s
            .dates
            .iter()
            .filter(|d| {
                let back = &s.toks[d.tok_start.saturating_sub(6)..d.tok_start];
                let clause = back
                    .iter()
                    .rposition(|t| t.text == ",")
                    .map_or(back, |c| &back[c + 1..]);
                !back
                    .last()
                    .is_some_and(|t| matches!(t.text, "by" | "until" | "till" | "before"))
                    && !clause.iter().any(|t| t.is("since"))
            })
            .filter_map(|d| Some((d.tok_start, dates::resolve_in(&s.toks, d, reference)?)))
            .collect();
        if s.toks.iter().any(|t| {
            matches!(
                t.text,
                "that" | "That" | "same" | "following" | "next" | "Following"
            )
        }) {
            for a in dates::find_anaphors(&s.toks) {
                // "operational in 1975 and shut down the following year":
                // the sentence holds its own date; written out, the other
                // would give a blanked one away.
                if here.iter().any(|&(t, _)| t < a.tok_start) {
                    continue;
                }
                let back = recent_dates
                    .as_ref()
                    .filter(|(at, _)| si - at <= 3)
                    .and_then(|(_, ds)| {
                        ds.iter()
                            .rev()
                            .find(|y| y.precision() >= a.precision)
                            .copied()
                    });
                let Some(date) = back.and_then(|b| a.resolve(b)) else {
                    continue;
                };
                let prev = a.tok_start.checked_sub(1).map_or("", |p| s.toks[p].text);
                let surface = &text[s.toks[a.tok_start].start..s.toks[a.tok_end - 1].end];
                rel.push((surface.to_string(), a.shown(date, prev)));
            }
        }
        if !here.is_empty() {
            recent_dates = Some((si, here.into_iter().map(|(_, y)| y).collect()));
        }
        if !rel.is_empty() {
            if ex.relative_dates.len() < si {
                ex.relative_dates.resize(si, Vec::new());
            }
            ex.relative_dates.push(rel);
        }
        for d in &s.dates {
            if let Some(y) = dates::resolve_in(&s.toks, d, reference) {
                ex.date_pool.push(y);
            }
        }
    }
    ex.speakers = art
        .sentences
        .iter()
        .map(|sent| sent.label.as_deref().and_then(|l| fb.label_person(l)))
        .collect();
    ex.facts = fb.facts;
    anchor_famous_roles(&mut ex.facts, art, &sents, &ctx.entities, reference);
    for f in &ex.facts {
        match f.kind {
            FactKind::Number => {
                let text = &art.sentences[f.sentence].text;
                let end = f.spans.first().map_or(0, |&(_, e)| e);
                ex.number_pool
                    .push((f.answer.clone(), word_after(text, end)));
            }
            FactKind::Role => ex.role_pool.push(f.answer.clone()),
            _ => {}
        }
    }
    (ex.topics, ex.subject, ex.treaty_in_view) = topics(art, &sents, &ctx.entities);
    ex.entities = ctx.entities;
    ex
}

/// The end of a post set off by the comma at token `comma` ("Fernando
/// Arias|, the OPCW's Director-General|, ..."), from the sentence's role
/// ranges.
fn appositive_after(roles: &[(usize, usize)], toks: &[Token], comma: usize) -> Option<usize> {
    if toks.get(comma).is_none_or(|t| t.text != ",") {
        return None;
    }
    roles
        .iter()
        .find(|&&(rs, _)| skip_article(toks, comma + 1) == rs)
        .map(|&(_, re)| re)
}

/// A relative date followed by the full date it means: "Fifty years ago
/// today, on 14 February 1967". ("today, August 2, 2019" is one blank.)
fn restated_beside(s: &Sent, di: usize) -> bool {
    let Some(d) = s.dates.get(di).filter(|d| d.expr.is_relative()) else {
        return false;
    };
    s.dates.get(di + 1).is_some_and(|n| {
        matches!(n.expr, DateExpr::Absolute(y) if y.d.is_some())
            && n.tok_start == d.tok_end + 2
            && matches!(s.toks[d.tok_end].text, "," | "—" | "–")
            && s.toks[d.tok_end + 1].is("on")
    })
}

/// "Executive Secretary since 2021", "Executive Secretary: Robert Floyd
/// (since 2021)": a span word (at byte `at`) a few words after a post's
/// end (byte `end`), in its clause, dates the post.
fn post_then_span(text: &str, end: usize, at: usize) -> bool {
    text.get(end..at)
        .is_some_and(|gap| gap.len() <= 24 && !gap.contains([',', ';']))
}

/// "___ Bill Clinton signed ...": a famous leader's office asked as a
/// blank is trivia everyone knows and reads oddly. Asked at a moment in
/// time ("What office did Bill Clinton hold in September 1996?") it is a
/// fact about this history. The moment is the date in the sentence nearest
/// the name, the article's date for a sentence in the present tense, or the
/// latest date in the three sentences before it; with none, the card is
/// dropped rather than guessed.
fn anchor_famous_roles(
    facts: &mut Vec<Fact>,
    art: &Article,
    sents: &[Sent],
    entities: &[Entity],
    reference: Option<Reference>,
) {
    // The stated date nearest byte `at` of sentence `si`.
    let explicit_date = |si: usize, at: usize, end: usize| -> Option<Ymd> {
        let s = sents.get(si)?;
        s.dates
            .iter()
            .filter(|d| !dates::is_future(&s.toks, d))
            // "the 1972 ABM Treaty", "a 1974 protocol": a year naming a
            // thing, not the time of the sentence's event.
            .filter(|d| {
                !(matches!(d.expr, DateExpr::Absolute(y) if y.m.is_none())
                    && d.tok_start > 0
                    && matches!(
                        s.toks[d.tok_start - 1].text.to_ascii_lowercase().as_str(),
                        "the" | "a" | "an" | "its" | "this" | "that"
                    ))
            })
            // "destroyed since 1997", "in force until 2026": the edge of
            // another span, not the time of the post; "has served as
            // Executive Secretary since 2021" (right after the post) is its
            // own.
            .filter(|d| {
                d.tok_start == 0
                    || !matches!(
                        s.toks[d.tok_start - 1].text.to_ascii_lowercase().as_str(),
                        "since" | "until" | "till" | "before" | "after" | "by"
                    )
                    || post_then_span(&art.sentences[si].text, end, s.toks[d.tok_start - 1].start)
            })
            .filter_map(|d| {
                let y = match d.expr {
                    DateExpr::Absolute(y) => Some(y),
                    e if reference.is_some_and(|r| r.explicit) => dates::resolve(e, reference),
                    _ => None,
                }?;
                let start = s.toks[d.tok_start].start;
                // "Eisenhower proposed it in July 1955, and President Bush
                // revived it in 1989": a date across a clause boundary is
                // another's, whatever the distance.
                let text = &art.sentences[si].text;
                let between = text.get(start.min(at)..start.max(at).min(text.len()));
                let across = between.is_some_and(|b| {
                    [", and ", ", but ", "; ", ", while ", ", whereas "]
                        .iter()
                        .any(|c| b.contains(c))
                });
                Some((usize::from(across), start.abs_diff(at), y))
            })
            .min_by_key(|&(across, dist, _)| (across, dist))
            .map(|(_, _, y)| y)
    };
    let present = |si: usize| -> bool {
        let s = &sents[si];
        let has = |ws: &[&str]| s.toks.iter().any(|t| ws.iter().any(|w| t.is(w)));
        // "has said" is the present perfect; "said" alone is past.
        let past_said = s.toks.iter().enumerate().any(|(k, t)| {
            t.is("said") && !(k > 0 && (s.toks[k - 1].is("has") || s.toks[k - 1].is("have")))
        });
        has(&["has", "have", "is", "are", "says", "say"])
            && !has(&["was", "were", "had", "did"])
            && !past_said
    };
    facts.retain_mut(|f| {
        if f.kind != FactKind::Role {
            return true;
        }
        // "What position did Josep Borrell hold?": he held several; the
        // card asks by the time of the text, where it has one.
        let asked = f.question.as_deref().and_then(|q| {
            q.strip_prefix("What position did ")?
                .strip_suffix(" hold?")
                .map(str::to_string)
        });
        if f.question.is_some() && asked.is_none() {
            return true;
        }
        let Some(e) = f.entity else {
            return asked.is_some();
        };
        let si = f.sentence;
        let at = f.spans.first().map_or(0, |&(b, _)| b);
        let end = f.spans.first().map_or(0, |&(_, e)| e);
        let here = explicit_date(si, at, end).or_else(|| {
            // A stated date, or one guessed from a full date in the
            // text; a guess from a bare year may be years off.
            let r = reference.filter(|r| r.year_known && (r.explicit || r.date.d.is_some()))?;
            // A verbless line ("- Gerald Ford, President of the United
            // States" under "Signatories") gives a post at the text's
            // date; a field's, at the date of the field before it
            // ("Signed: May 26, 1972" / "Signatories: ...").
            if r.explicit && is_verbless_in_clauses(&sents[si].toks) {
                let field_before = art.sentences[si].field.is_some()
                    && si > 0
                    && art.sentences[si - 1].field.is_some();
                if let Some(d) = field_before
                    .then(|| explicit_date(si - 1, usize::MAX, usize::MAX))
                    .flatten()
                {
                    return Some(d);
                }
                return Some(Ymd { d: None, ..r.date });
            }
            present(si).then_some(Ymd { d: None, ..r.date })
        });
        // Any post's time is taken from its own sentence only: a date
        // from the story around it may be another's.
        if let Some(who) = asked {
            if let Some(w) = here {
                let w = Ymd { d: None, ..w };
                f.question = Some(format!("What position did {who} hold in {}?", w.display()));
            }
            return true;
        }
        let when = here
            .or_else(|| {
                if present(si) {
                    return None;
                }
                // The sentence before, or the paragraph's story so far: a
                // date from further back may belong to another story.
                let para = art.sentences[si].paragraph;
                (si.saturating_sub(3)..si)
                    .rev()
                    .filter(|&p| {
                        !art.sentences[p].fragment
                            && (p + 1 == si || art.sentences[p].paragraph == para)
                    })
                    .find_map(|p| explicit_date(p, usize::MAX, usize::MAX))
            })
            .or_else(|| {
                // "President Macron ... said they took note": a dated
                // report's reaction is of its day; asked by the month.
                let r = reference.filter(|r| r.explicit && r.year_known && r.date.m.is_some())?;
                sents[si]
                    .toks
                    .iter()
                    .any(|t| {
                        matches!(
                            t.text,
                            "said" | "stated" | "announced" | "told" | "called" | "warned"
                        )
                    })
                    .then_some(Ymd { d: None, ..r.date })
            });
        let Some(when) = when else {
            // No date to ask by: the sentence itself places the office
            // ("On November 2, ___ Vladimir Putin signed the law ..."),
            // so the card is its cloze with the title blanked; unless the
            // title's head word names another's office there too
            // ("Russian ___ Putin and U.S. ___ Biden").
            let head = f.answer.split_whitespace().last().unwrap_or("");
            let text = &art.sentences[si].text;
            let once = sents[si].toks.iter().filter(|t| t.text == head).count() == 1;
            f.pool = Pool::Office;
            return once && !head.is_empty() && text.len() < 400;
        };
        let at = match (when.m, when.d) {
            (Some(_), Some(_)) => format!("on {}", when.display()),
            _ => format!("in {}", when.display()),
        };
        f.question = Some(format!("What office did {} hold {at}?", entities[e].name));
        f.pool = Pool::Office;
        true
    });
}

/// A treaty's formal title: "Treaty on Conventional Armed Forces in
/// Europe", "Agreement between ... on ...", opening with its head word.
fn formal_title(form: &str) -> bool {
    let mut words = form.split_whitespace();
    words
        .next()
        .is_some_and(|w| gazetteer::TREATY_HEADS.contains(&w))
        && words
            .next()
            .is_some_and(|w| matches!(w, "on" | "between" | "for" | "of"))
}

/// The gazetteer's short name ("CFE Treaty") where the text gives only a
/// formal title ("Treaty on Conventional Armed Forces in Europe").
fn short_name_instead<'a>(form: &str, canonical: &'a str) -> Option<&'a str> {
    (formal_title(form)
        && canonical.len() <= 20
        && canonical.starts_with(char::is_uppercase)
        && canonical
            .split_whitespace()
            .any(|w| gazetteer::TREATY_HEADS.contains(&w)))
    .then_some(canonical)
}

/// What a sentence opening "It ..." or "The treaty ..." refers to, when
/// the text makes it plain: a card cut from that sentence names the treaty
/// instead of leaving the learner to guess which one is meant.
fn topics(
    art: &Article,
    sents: &[Sent],
    entities: &[Entity],
) -> (Vec<Option<Topic>>, Option<Subject>, Vec<InView>) {
    // Each treaty's usual spelling, and whether it usually takes "the".
    let mut forms: HashMap<usize, HashMap<String, (usize, usize)>> = HashMap::default();
    // The sentences naming each treaty: "the Treaty on the Non-Proliferation
    // of Nuclear Weapons (NPT)" names it once.
    let mut named_in: HashMap<usize, usize> = HashMap::default();
    // The first sentence of prose (no heading, no field): a wire's lead
    // says what the story is about.
    let lead = (0..sents.len())
        .find(|&si| !art.sentences[si].fragment && art.sentences[si].field.is_none());
    let mut in_lead: Vec<usize> = Vec::new();
    // Where in the prose each instrument is first named (the how-manyth
    // sentence of prose), and the sentences naming each organisation, with
    // whether a heading line and the lead name it.
    let mut first_named: HashMap<usize, usize> = HashMap::default();
    let mut org_named_in: HashMap<usize, (usize, (bool, bool))> = HashMap::default();
    let mut prose = 0usize;
    for (si, s) in sents.iter().enumerate() {
        let text = &art.sentences[si].text;
        let fragment = art.sentences[si].fragment;
        let mut orgs_here: Vec<usize> = Vec::new();
        for m in &s.mentions {
            let e = m.entity;
            if entities[e].class == EntClass::Organisation
                && !is_instrument(&entities[e])
                && !orgs_here.contains(&e)
            {
                orgs_here.push(e);
                let c = org_named_in.entry(e).or_default();
                c.0 += usize::from(!fragment);
                c.1.0 |= fragment && prose == 0;
                c.1.1 |= lead == Some(si);
            }
            if !fragment && is_instrument(&entities[e]) {
                first_named.entry(e).or_insert(prose);
            }
        }
        // (A fact sheet's fields are no story.)
        prose += usize::from(!fragment && art.sentences[si].field.is_none());
        // "FACT SHEET: NEW START": a shouted heading spells nothing.
        if art.sentences[si].fragment && !text.chars().any(char::is_lowercase) {
            continue;
        }
        for (k, m) in s.mentions.iter().enumerate() {
            if !is_instrument(&entities[m.entity]) {
                continue;
            }
            // ("The Warsaw Treaty signatories are ...": a name used as a
            // modifier is no topic.)
            let modifier = s.toks.get(m.te).is_some_and(is_plain_noun);
            // (Nor is a heading line a sentence naming it.)
            if !modifier
                && !art.sentences[si].fragment
                && !s.mentions[..k].iter().any(|o| o.entity == m.entity)
            {
                *named_in.entry(m.entity).or_default() += 1;
                if lead == Some(si) {
                    in_lead.push(m.entity);
                }
            }
            let raw = &text[m.start..m.end];
            let bare = strip_the(raw);
            let with_the = bare.len() != raw.len()
                || (m.ts > 0 && s.toks[m.ts - 1].text.eq_ignore_ascii_case("the"));
            let c = forms
                .entry(m.entity)
                .or_default()
                .entry(bare.to_string())
                .or_default();
            c.0 += 1;
            c.1 += usize::from(with_the);
        }
    }
    let name_of = |e: usize| -> Option<String> {
        // A form with its head word ("Treaty on Open Skies") reads better
        // as a subject than a bare "Open Skies".
        let head = |f: &str| {
            f.split_whitespace()
                .any(|w| gazetteer::TREATY_HEADS.contains(&w))
        };
        // A formal title of twenty words ("Treaty between the United
        // States of America and ...") is no name to write in for "It".
        let short = |f: &str| f.split_whitespace().count() <= 8;
        let (form, (n, the)) = forms.get(&e)?.iter().max_by(|a, b| {
            short(a.0)
                .cmp(&short(b.0))
                .then(head(a.0).cmp(&head(b.0)))
                .then(a.1.0.cmp(&b.1.0))
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(a.0))
        })?;
        // Only a formal title in the text: the gazetteer's short name.
        if let Some(short) = short_name_instead(form, &entities[e].name) {
            return Some(format!("The {short}"));
        }
        // "Treaty on Open Skies" is "the Treaty on Open Skies".
        let head_first = form
            .split_whitespace()
            .next()
            .is_some_and(|w| gazetteer::TREATY_HEADS.contains(&w));
        // "Outer Space Treaty grew out of ..." wants its article too.
        Some(if the * 2 >= *n || head_first || ends_in_head(form) {
            format!("The {form}")
        } else {
            form.clone()
        })
    };
    // The treaty the article is about: named most often, clearly ahead.
    // Treaties first; an instrument known by an organisation's name (the
    // MTCR, the Wassenaar Arrangement) only where no treaty is the subject.
    let pick = |with_orgs: bool| {
        // Treaties weighed against each other by the sentences naming
        // them; a lone treaty by its mentions ("the Treaty on Conventional
        // Armed Forces in Europe (CFE)" in a text calling it "the Treaty").
        // An official text's "the Treaty" (capitalised, twice or more) is
        // its one subject: there the mentions count ("the Treaty on
        // Conventional Armed Forces in Europe (CFE Treaty)" twice).
        // (Not the "the Treaty" a name opens with: "the Treaty on the
        // Non-Proliferation of Nuclear Weapons (NPT)" is one naming.)
        let formal_the_treaty = sents
            .iter()
            .flat_map(|s| {
                s.toks.windows(3).enumerate().filter(|(k, w)| {
                    w[0].is("the")
                        && w[1].text == "Treaty"
                        && !w[2].is_cap()
                        && !s.mentions.iter().any(|m| m.ts <= k + 1 && k + 1 < m.te)
                })
            })
            .nth(1)
            .is_some();
        let mut counts: Vec<(usize, usize)> = if formal_the_treaty {
            forms
                .iter()
                .map(|(&e, f)| (f.values().map(|c| c.0).sum::<usize>(), e))
                .filter(|&(_, e)| with_orgs || entities[e].class == EntClass::Treaty)
                .collect()
        } else {
            // A treaty named in two sentences or more, one of them the
            // lead, counts once more: "The Treaty on the Prohibition of
            // Nuclear Weapons entered into force ..." is the story, over
            // the NPT it names as often later.
            named_in
                .iter()
                .map(|(&e, &n)| (n + usize::from(n >= 2 && in_lead.contains(&e)), e))
                .filter(|&(_, e)| with_orgs || entities[e].class == EntClass::Treaty)
                .collect()
        };
        // (Ties go to the treaty a heading line names, below.)
        counts.sort_unstable_by(|a, b| b.cmp(a));
        // Named once, then called "the treaty" (or "the deal", "the
        // accord"): still the article's treaty when it is the only one
        // named. (A lone name and its acronym in one sentence are one
        // naming: "the Hague Code of Conduct (HCOC)" in passing is no
        // subject.)
        // ("the Convention" in an official text; "the code", "the
        // document" for an instrument whose name has that head word: "the
        // Hague Code of Conduct", "the Stockholm Document".)
        let called_the_treaty = |e: usize| {
            let own_head = |w: &str| {
                gazetteer::is_instrument_head(w)
                    && std::iter::once(&entities[e].name)
                        .chain(&entities[e].forms)
                        .any(|f| f.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
            };
            // (Not the "the Treaty" a name opens with: "the Treaty on the
            // Non-Proliferation of Nuclear Weapons" calls it nothing.)
            sents.iter().any(|s| {
                s.toks.windows(2).enumerate().any(|(k, w)| {
                    w[0].is("the")
                        && !s.mentions.iter().any(|m| m.ts <= k + 1 && k + 1 < m.te)
                        && (gazetteer::TREATY_NOUNS
                            .iter()
                            .any(|n| w[1].text.eq_ignore_ascii_case(n))
                            || own_head(w[1].text))
                })
            })
        };
        // The only treaty the body names (a title may name it otherwise).
        let only_in_body = || {
            let mut named = sents
                .iter()
                .enumerate()
                .filter(|(si, _)| !art.sentences[*si].fragment)
                .flat_map(|(_, s)| &s.mentions)
                .filter(|m| entities[m.entity].class == EntClass::Treaty)
                .map(|m| m.entity);
            let first = named.next()?;
            named.all(|e| e == first).then_some(first)
        };
        // "FACT SHEET: NEW START": the one treaty a title names, if the
        // body names it too.
        // ("STATEMENT BY THE SPOKESPERSON / On the Signature of the Treaty
        // on ...": any line of the heading block.)
        let in_title = || {
            let heading = sents
                .iter()
                .zip(&art.sentences)
                .take_while(|(_, a)| a.fragment)
                .take(4);
            let mut named = heading
                .flat_map(|(s, _)| &s.mentions)
                .filter(|m| entities[m.entity].class == EntClass::Treaty)
                .map(|m| m.entity);
            let first = named.next()?;
            let body_names_it = sents
                .iter()
                .zip(&art.sentences)
                .filter(|(_, a)| !a.fragment)
                .any(|(s, _)| s.mentions.iter().any(|m| m.entity == first));
            (named.all(|e| e == first) && body_names_it).then_some(first)
        };
        // "Title: Fact Sheet: Treaty on Conventional Armed Forces in Europe
        // (CFE)": the one treaty a header title names is the article's,
        // however often the body names another ("the Adapted CFE Treaty").
        let header_title = || {
            // One treaty named twice or more is the subject anyway.
            if matches!(counts.as_slice(), [] | [(2.., _)]) {
                return None;
            }
            let title = norm(art.title.as_deref()?);
            // Treaties the body names: a heading ("# The Rise and Fall of
            // the CFE Treaty") is no treaty of its own.
            let in_body = |e: usize| {
                sents.iter().enumerate().any(|(si, s)| {
                    !art.sentences[si].fragment && s.mentions.iter().any(|m| m.entity == e)
                })
            };
            let spellings: Vec<(usize, Vec<String>)> = counts
                .iter()
                .filter(|&&(_, e)| in_body(e))
                .map(|&(_, e)| {
                    let names = std::iter::once(&entities[e].name)
                        .chain(&entities[e].variants)
                        .chain(&entities[e].forms)
                        .map(|v| norm(v))
                        .filter(|v| v.len() >= 3)
                        .collect();
                    (e, names)
                })
                .collect();
            // A spelling two treaties share ("A/CFE" is "cfe" once its
            // "a" is dropped) points to neither.
            let shared = |e: usize, v: &String| {
                spellings
                    .iter()
                    .any(|(o, names)| *o != e && names.contains(v))
            };
            let mut named: Vec<(usize, &String)> = spellings
                .iter()
                .filter_map(|(e, names)| {
                    names
                        .iter()
                        .filter(|v| !shared(*e, v) && super::cards::contains_words(&title, v))
                        .max_by_key(|v| v.len())
                        .map(|v| (*e, v))
                })
                .collect();
            // "Adapted CFE Treaty" in a title also spells "CFE Treaty".
            let all = named.clone();
            named.retain(|(e, v)| {
                !all.iter()
                    .any(|(o, w)| o != e && w.len() > v.len() && super::cards::contains_words(w, v))
            });
            match named.as_slice() {
                [(e, _)] => Some(*e),
                _ => None,
            }
        };
        header_title().or_else(|| match counts.as_slice() {
            [(n, e)] if *n >= 2 => Some(*e),
            [(n, e), (m, _), ..] if *n >= 2 && *n * 2 >= *m * 3 => Some(*e),
            _ => in_title().or_else(|| only_in_body().filter(|&e| called_the_treaty(e))),
        })
    };
    // "FACT SHEET: U.S.-SOVIET CHEMICAL WEAPONS DESTRUCTION AGREEMENT": a
    // heading that names an instrument names the article's; a treaty the
    // heading does not spell is not it, however often the body names it.
    let lines: Vec<&str> = sents
        .iter()
        .zip(&art.sentences)
        .take_while(|(_, a)| a.fragment)
        .take(4)
        .map(|(_, a)| a.text.as_str())
        .chain(art.title.as_deref())
        .collect();
    let heading: Vec<String> = lines.iter().map(|l| norm(l)).collect();
    let heading_spells = |e: usize| {
        std::iter::once(&entities[e].name)
            .chain(&entities[e].variants)
            .chain(&entities[e].forms)
            .map(|v| norm(v))
            .any(|v| v.len() >= 3 && heading.iter().any(|h| super::cards::contains_words(h, &v)))
    };
    // A heading line that ends in a name ("... DESTRUCTION AGREEMENT
    // (1990)"): two capitalised words and a head word, nothing after it but
    // a year. ("Europe arms treaty", "NORTH ATLANTIC TREATY ORGANIZATION",
    // "The Test-Ban Treaty After ..." name none.)
    let heading_instrument = |l: &str| {
        let l = l.rsplit(": ").next().unwrap_or(l);
        let ws: Vec<&str> = l
            .split_whitespace()
            .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
            .collect();
        let cap = |w: &str| w.starts_with(|c: char| c.is_uppercase());
        let head = |w: &str| {
            gazetteer::TREATY_HEADS
                .iter()
                .any(|t| t.eq_ignore_ascii_case(w))
        };
        // "... on the Framework for Elimination of Syrian Chemical
        // Weapons": a name that opens with its head word.
        let head_first = ws
            .windows(3)
            .any(|w| head(w[0]) && cap(w[0]) && matches!(w[1], "for" | "on" | "of") && cap(w[2]));
        head_first
            || (ws.len() >= 3
                && ws[ws.len() - 3..].iter().all(|w| cap(w))
                && head(ws[ws.len() - 1]))
    };
    let heading_names_other =
        |e: usize| lines.iter().any(|l| heading_instrument(l)) && !heading_spells(e);
    // A treaty the story names in passing, twice and late ("... rejoined
    // the NPT" in a briefing on six-party talks), is not what it is about;
    // nor one an organisation both the heading and the lead name outnumbers
    // twice (a reference on the Nuclear Suppliers Group that names the
    // NPT).
    let prominent = |e: usize| {
        let n = named_in.get(&e).copied().unwrap_or(0);
        let outnumbered = org_named_in
            .values()
            .any(|&(c, (heading, lead))| heading && lead && c >= 3 && c >= 2 * n);
        let alone = first_named.keys().all(|&o| o == e);
        // "I want to begin with the New START Treaty ... the treaty ...
        // the treaty": a treaty the text goes on calling "the treaty".
        let called_on = sents
            .iter()
            .flat_map(|s| {
                s.toks.windows(2).enumerate().filter(|(k, w)| {
                    w[0].is("the")
                        && gazetteer::TREATY_NOUNS
                            .iter()
                            .any(|t| w[1].text.eq_ignore_ascii_case(t))
                        && !s.mentions.iter().any(|m| m.ts <= k + 1 && k + 1 < m.te)
                })
            })
            .nth(1)
            .is_some();
        !outnumbered
            && (alone
                || called_on
                || n >= 3
                || heading_spells(e)
                || first_named.get(&e).is_some_and(|&p| p < 3))
    };
    let main = pick(false)
        .or_else(|| pick(true))
        .filter(|&e| !heading_names_other(e) && prominent(e))
        .or_else(|| {
            // The instrument such a heading names, if the body names it
            // by a name that ends as the heading's does ("Bilateral
            // Destruction Agreement" under "... DESTRUCTION AGREEMENT").
            let mut found = forms.keys().copied().filter(|&e| {
                let name = norm(&entities[e].name);
                let ws: Vec<&str> = name.split_whitespace().collect();
                ws.len() >= 2
                    && lines.iter().any(|l| heading_instrument(l))
                    && heading
                        .iter()
                        .any(|h| super::cards::contains_words(h, &ws[ws.len() - 2..].join(" ")))
            });
            let e = found.next()?;
            found.next().is_none().then_some(e)
        });
    let mut out = vec![None; sents.len()];
    // The treaty last named earlier in each sentence's paragraph.
    let mut in_view: Vec<Option<usize>> = vec![None; sents.len()];
    let mut last_treaty: Option<(usize, usize)> = None;
    let mut prev_topic: Option<usize> = None;
    let mut prev_person: Option<usize> = None;
    let mut prev_subject: Option<(usize, String)> = None;
    let mut prev_named: Vec<usize> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        if art.sentences[si].fragment {
            continue;
        }
        in_view[si] = last_treaty
            .filter(|&(_, p)| p == art.sentences[si].paragraph)
            .map(|(e, _)| e);
        let toks = &s.toks;
        let word = |i: usize| toks.get(i).map_or("", |t| t.text);
        let mut topic = None;
        let mut prefix = 0;
        let mut possessive = false;
        let mut person: Option<usize> = None;
        if word(0) == "The"
            && matches!(word(1), "treaty" | "agreement" | "accord" | "deal" | "pact")
            && !s.mentions.iter().any(|m| m.ts <= 1)
            // "The accord, formally titled the Agreement on ...": the aside
            // names it.
            && !(word(2) == ","
                && s.mentions
                    .iter()
                    .any(|m| entities[m.entity].class == EntClass::Treaty))
        {
            // "The treaty" is the article's treaty, else one just named.
            let para = art.sentences[si].paragraph;
            topic = main.or(last_treaty.filter(|&(_, p)| p == para).map(|(e, _)| e));
            prefix = toks[1].end;
        } else if word(0) == "Its" && prev_topic.is_some() && toks.len() > 2 {
            // "Its successor, New START, ..." -> "START I's successor".
            topic = prev_topic;
            prefix = toks[0].end;
            possessive = true;
        } else if matches!(word(0), "He" | "She")
            && toks
                .get(skip_adverbs(toks, 1))
                .is_some_and(|t| is_finite_verb(t.text))
            && let Some(p) = prev_person
        {
            person = Some(p);
            prefix = toks[0].end;
        } else if word(0) == "It" {
            let v = skip_adverbs(toks, 1);
            // "It is unclear whether ...": a dummy subject, not the treaty.
            let dummy = matches!(word(1), "is" | "was")
                && ((!word(2).ends_with("ed")
                    && matches!(word(3), "that" | "whether" | "to" | "for" | "how"))
                    // "It was the first time since ... that ...".
                    || (word(2) == "the" && word(4) == "time"));
            // "It has 34 states parties": "has" is the verb, not an
            // auxiliary skipped on the way to one.
            // After "It", an "-s" word is its verb ("It applies", "It
            // covers"), whatever noun it could also be.
            let verb = toks.get(v).is_some_and(verb_after_singular)
                || toks[1..v.min(toks.len())]
                    .iter()
                    .any(|t| matches!(t.text, "has" | "had" | "have"));
            // "It remains in force", "It expired in 2019": said only of a
            // treaty, so the treaty in view, never the last subject ("The
            // Senate approved the treaty ... It remains in force").
            let treaty_only = toks[v.min(toks.len())..toks.len().min(v + 4)]
                .iter()
                .any(|t| matches!(t.text, "force" | "expires" | "expired" | "lapsed"));
            if !dummy && verb {
                topic = prev_topic.or(in_view[si].filter(|_| treaty_only));
                prefix = toks[0].end;
                // "The Russian Foreign Ministry has said ... It also said
                // ...": with no treaty in view, "It" is the body that was
                // the last sentence's subject.
                if topic.is_none()
                    && !treaty_only
                    && let Some((e, name)) = prev_subject.take()
                {
                    out[si] = Some(Topic {
                        prefix,
                        name,
                        entity: e,
                    });
                }
            }
        }
        // "Yes, the Peaceful Nuclear Explosions Treaty, which ...": a reply
        // word before the name.
        let reply_word =
            usize::from(matches!(word(0), "Yes" | "No" | "Well" | "So") && word(1) == ",") * 2;
        let first_treaty = s
            .mentions
            .iter()
            .find(|m| {
                m.ts <= 1 + reply_word && !m.aside && entities[m.entity].class == EntClass::Treaty
            })
            .map(|m| m.entity);
        if let Some(e) = topic
            && let Some(name) = name_of(e)
        {
            out[si] = Some(Topic {
                prefix,
                name: if possessive {
                    format!("{name}'s")
                } else {
                    name
                },
                entity: e,
            });
        }
        if let Some(e) = person {
            out[si] = Some(Topic {
                prefix,
                name: entities[e].name.clone(),
                entity: e,
            });
        }
        // "The two leaders signed ...": the two people or states the
        // sentence before named.
        if out[si].is_none()
            && word(0) == "The"
            && let Some(count) = ["two", "three"]
                .iter()
                .position(|n| word(1) == *n)
                .map(|p| p + 2)
        {
            let people = matches!(word(2), "leaders" | "presidents" | "men" | "ministers");
            let states = matches!(
                word(2),
                "sides" | "countries" | "governments" | "states" | "nations" | "powers"
            );
            let named: Vec<usize> = prev_named
                .iter()
                .copied()
                .filter(|&e| match entities[e].class {
                    EntClass::Person => people,
                    EntClass::Country => states,
                    _ => false,
                })
                .collect();
            if (people || states) && named.len() == count {
                let names: Vec<String> = named
                    .iter()
                    .map(|&e| {
                        let n = &entities[e].name;
                        if entities[e].class == EntClass::Country && gazetteer::takes_the(n) {
                            format!("the {n}")
                        } else {
                            n.clone()
                        }
                    })
                    .collect();
                let joined = match names.as_slice() {
                    [a, b] => format!("{a} and {b}"),
                    [a, b, c] => format!("{a}, {b} and {c}"),
                    _ => String::new(),
                };
                let mut cs = joined.chars();
                let name: String = cs
                    .next()
                    .map(|c| c.to_uppercase().chain(cs).collect())
                    .unwrap_or_default();
                out[si] = Some(Topic {
                    prefix: toks[2].end,
                    name,
                    entity: named[0],
                });
            }
        }
        // The distinct people and states this sentence names, in order.
        prev_named = Vec::new();
        for m in &s.mentions {
            if !m.aside && !prev_named.contains(&m.entity) {
                prev_named.push(m.entity);
            }
        }
        // "The first was the Interim Agreement ... It froze ...": a treaty
        // named as the complement of "was" is what the next "It" means.
        let copular_treaty = s
            .mentions
            .iter()
            .find(|m| {
                entities[m.entity].class == EntClass::Treaty
                    && !m.aside
                    && m.ts >= 2
                    && matches!(word(m.ts - 1), "the" | "was" | "is")
                    && (matches!(word(m.ts - 1), "was" | "is")
                        || matches!(word(m.ts - 2), "was" | "is"))
            })
            .map(|m| m.entity);
        // "Bush and Putin signed the Moscow Treaty ... It obliged each
        // side ...": the one treaty people just signed is what "It"
        // means; after a state or body as subject, "It" is that subject.
        let object_treaty = {
            let treaties: Vec<&Mention> = s
                .mentions
                .iter()
                .filter(|m| entities[m.entity].class == EntClass::Treaty && !m.aside)
                .collect();
            treaties
                .first()
                .filter(|m| {
                    treaties.iter().all(|o| o.entity == m.entity)
                        && m.ts >= 2
                        && word(m.ts - 1) == "the"
                        && matches!(
                            word(m.ts - 2),
                            "signed" | "concluded" | "negotiated" | "ratified" | "adopted"
                        )
                        && !s.mentions.iter().any(|o| {
                            o.ts < m.ts
                                && !matches!(
                                    entities[o.entity].class,
                                    EntClass::Person | EntClass::Treaty
                                )
                        })
                })
                .map(|m| m.entity)
        };
        // "Formally known as the ..., New START was signed ...": the
        // treaty after an opening phrase, right before its verb.
        let subject_treaty = s
            .mentions
            .iter()
            .find(|m| {
                entities[m.entity].class == EntClass::Treaty
                    && !m.aside
                    && m.ts >= 1
                    && (toks[m.ts - 1].text == ","
                        || (m.ts >= 2 && toks[m.ts - 1].is("the") && toks[m.ts - 2].text == ","))
                    && toks
                        .get(skip_adverbs(toks, m.te))
                        .is_some_and(|t| is_finite_verb(t.text))
            })
            .map(|m| m.entity);
        // "The treaty was extended in 2021. When does it run out? -- It
        // expires on ...": a question about "it" keeps the treaty in view.
        let asked_about_it = art.sentences[si].text.trim_end().ends_with('?')
            && toks.iter().any(|t| t.text == "it" || t.text == "its")
            && !s
                .mentions
                .iter()
                .any(|m| entities[m.entity].class == EntClass::Treaty);
        // "Within it, the treaty set a sublimit ... It further limited
        // ...": "the treaty" with no other treaty named is the article's.
        let the_treaty = || {
            main.filter(|_| {
                !s.mentions
                    .iter()
                    .any(|m| entities[m.entity].class == EntClass::Treaty)
                    // As the subject: "the treaty set", not "under the accord".
                    // ("The ban also covers ...": a fact sheet's present.)
                    && (0..toks.len().saturating_sub(2)).any(|k| {
                        toks[k].is("the")
                            && matches!(
                                toks[k + 1].text,
                                "treaty" | "agreement" | "accord" | "convention" | "pact" | "ban"
                            )
                            && toks
                                .get(skip_adverbs(toks, k + 2))
                                .is_some_and(verb_after_singular)
                    })
            })
        };
        // "The pact also creates a Comprehensive Nuclear-Test-Ban Treaty
        // Organization ... It will run ...": after a body the treaty sets
        // up, "It" may be either; the next sentence keeps this one as its
        // context.
        let creates_body = s.mentions.iter().any(|m| {
            matches!(
                entities[m.entity].class,
                EntClass::Organisation | EntClass::Body | EntClass::Agency
            ) && toks[..m.ts].iter().rev().take(4).any(|t| {
                gazetteer::CREATE_VERBS
                    .iter()
                    .any(|v| t.text.eq_ignore_ascii_case(v))
            })
        });
        prev_topic = topic
            .or(first_treaty)
            .or(subject_treaty)
            .or(copular_treaty)
            .or(object_treaty)
            .or(prev_topic.filter(|_| asked_about_it))
            .or_else(the_treaty)
            .filter(|_| !creates_body);
        // A body, organisation or state opening the sentence as its subject.
        // "Under the accord, Iran will cap ...": after an opening phrase
        // and its comma, the subject comes next.
        let opener_ends = |m: &Mention| {
            m.ts >= 2
                && m.ts <= 8
                && (toks[m.ts - 1].text == ","
                    || (toks[m.ts - 1].is("the") && toks[m.ts - 2].text == ","))
                && !toks[..m.ts].iter().any(|t| is_finite_verb(t.text))
        };
        prev_subject = s
            .mentions
            .iter()
            .find(|m| m.ts <= 1 || opener_ends(m))
            .filter(|m| {
                !m.aside
                    && (m.ts == 0 || (m.ts == 1 && word(0) == "The") || opener_ends(m))
                    && matches!(
                        entities[m.entity].class,
                        EntClass::Country
                            | EntClass::Organisation
                            | EntClass::Alliance
                            | EntClass::Body
                            | EntClass::Agency
                    )
                    && toks
                        .get(skip_adverbs(toks, m.te))
                        .is_some_and(|t| is_finite_verb(t.text))
            })
            .map(|m| {
                let text = &art.sentences[si].text;
                let surface = strip_the(&text[m.start..m.end]);
                let the = m.ts == 1 || surface.len() != m.end - m.start;
                let name = if the {
                    format!("The {surface}")
                } else {
                    surface.to_string()
                };
                (m.entity, name)
            });
        // The one person the sentence names ("He" in the next one).
        let mut people = s
            .mentions
            .iter()
            .filter(|m| entities[m.entity].class == EntClass::Person)
            .map(|m| m.entity);
        prev_person = match (people.next(), person) {
            (Some(a), _) if people.all(|b| b == a) => Some(a),
            (Some(_), _) => None,
            (None, p) => p,
        };
        if let Some(m) = s
            .mentions
            .iter()
            .rev()
            .find(|m| entities[m.entity].class == EntClass::Treaty)
        {
            last_treaty = Some((m.entity, art.sentences[si].paragraph));
        }
    }
    // The article's treaty by its most used short name ("CTBT", "New
    // START"): what "the treaty" means and the tag of cards that name none.
    let subject = main.and_then(|e| {
        // Short and recognisable: "CFE Treaty" over the full title, an
        // acronym ("CTBT") when no short form with a head word is used.
        let head = |f: &str| {
            f.split_whitespace()
                .any(|w| gazetteer::TREATY_HEADS.contains(&w))
        };
        let (form, (n, the)) = forms.get(&e)?.iter().min_by(|a, b| {
            let acronym = |f: &str| {
                f.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ')
            };
            let class = |f: &str| {
                if head(f) && f.len() <= 20 {
                    0
                } else if acronym(f) {
                    1
                } else {
                    2
                }
            };
            let rank = |f: &str, n: usize| (class(f), std::cmp::Reverse(n), f.len());
            rank(a.0, a.1.0).cmp(&rank(b.0, b.1.0)).then(a.0.cmp(b.0))
        })?;
        // Only the formal title in the text ("Full name: Treaty on
        // Conventional Armed Forces in Europe"): the gazetteer's short name
        // ("CFE Treaty") reads better, with "the".
        let (form, n, the) = match short_name_instead(form, &entities[e].name) {
            Some(short) => (short, 1, 1),
            None => (form.as_str(), *n, *the),
        };
        // "a 1974 protocol" as the subject: a common noun at its head
        // takes "the" wherever it is written in ("ratify the 1974 protocol").
        let common_head = form
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        // "When was the CWC signed?": an acronym a fact sheet never writes
        // with "the" in prose still takes it, unless it is read as a word.
        let acronym_the = form.len() >= 3
            && form
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !gazetteer::ACRONYMS_WITHOUT_THE.contains(&form);
        // "When was the Seabed Treaty signed?": a name ending in its head
        // word takes "the" even where a fact sheet's fields drop it.
        let head_last = form.split_whitespace().count() >= 2 && ends_in_head(form);
        let inline = if the * 2 >= n || common_head || acronym_the || head_last {
            format!("the {form}")
        } else {
            form.to_string()
        };
        // "Joint Comprehensive Plan of Action: ..." is a long tag: the
        // gazetteer's acronym ("JCPOA") reads at a glance.
        let tag = if form.len() > 24 {
            std::iter::once(&entities[e].name)
                .chain(&entities[e].variants)
                .find(|v| {
                    (3..=8).contains(&v.len())
                        && v.chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                })
                .cloned()
                .unwrap_or_else(|| form.to_string())
        } else {
            form.to_string()
        };
        Some(Subject {
            entity: e,
            inline,
            tag,
        })
    });
    let in_view = in_view
        .into_iter()
        .map(|v| {
            let e = v?;
            let name = name_of(e)?;
            let inline = match name.strip_prefix("The ") {
                Some(rest) => format!("the {rest}"),
                None => name,
            };
            Some((e, inline))
        })
        .collect();
    (out, subject, in_view)
}

/// Two full names with one surname but other middle initials ("George H.
/// W. Bush", "George W. Bush") name two people. A name without a middle part
/// ("George Bush", "Mike Pompeo") may be either.
fn other_namesake(a: &[&str], b: &[String]) -> bool {
    let initials = |mid: &mut dyn Iterator<Item = &str>| -> String {
        mid.flat_map(|t| t.split('.'))
            .filter_map(|p| p.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    if a.len() < 3 || b.len() < 3 || a.last().copied() != b.last().map(String::as_str) {
        return false;
    }
    let ia = initials(&mut a[1..a.len() - 1].iter().copied());
    let ib = initials(&mut b[1..b.len() - 1].iter().map(String::as_str));
    ia != ib
}

/// Does a transcript label end in a role noun ("SENIOR STATE DEPARTMENT
/// OFFICIAL", "NATO SPOKESPERSON"), naming a role and not a person?
fn label_names_a_role(lab: &str) -> bool {
    lab.split_whitespace().last().is_some_and(|w| {
        let w = w.trim_end_matches('.').to_ascii_uppercase();
        gazetteer::LABEL_ROLE_NOUNS.contains(&w.as_str())
    })
}

fn label_surname(lab: &str) -> Option<String> {
    if label_names_a_role(lab) {
        return None;
    }
    let upper = |w: &str| w.trim_end_matches('.').to_ascii_uppercase();
    let words: Vec<&str> = lab
        .split_whitespace()
        .filter(|w| !gazetteer::LABEL_TITLES.contains(&upper(w).as_str()))
        .collect();
    let last = words.last()?;
    let mut out = String::new();
    for (k, c) in last.chars().enumerate() {
        if k == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// A label that names a role, not a person, as words a card can use: "a
/// senior State Department official". Names the gazetteer knows keep their
/// capitals; the other words are lower case.
pub fn label_description(lab: &str) -> Option<String> {
    if !label_names_a_role(lab) {
        return None;
    }
    let titled: Vec<String> = lab
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| {
                    c.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let toks: Vec<&str> = titled.iter().map(String::as_str).collect();
    let raw: Vec<&str> = lab.split_whitespace().collect();
    let g = gazetteer::get();
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "STATE DEPARTMENT" -> "State Department"; "NATO" stays "NATO".
        if let Some(m) = g.match_at(&toks, i) {
            words.extend(toks[i..i + m.len].iter().map(|t| t.to_string()));
            i += m.len;
        } else if let Some(m) = g.match_at(&raw, i) {
            words.extend(raw[i..i + m.len].iter().map(|t| t.to_string()));
            i += m.len;
        } else {
            words.push(toks[i].to_lowercase());
            i += 1;
        }
    }
    let first = words.first()?;
    let article = if first.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    Some(format!("{article} {}", words.join(" ")))
}

/// A quotation cut short may have lost the closing mark of a quote inside
/// it ("the word "suspending," not "withdrawing"): close what is open.
fn balance_quotes(q: &str) -> String {
    let mut out = q.to_string();
    if q.matches('"').count() % 2 == 1 {
        out.push('"');
    }
    if q.matches('“').count() > q.matches('”').count() {
        out.push('”');
    }
    out
}

/// Normalised key for a name (case, quotes, "the", plural "Skies").
fn norm_name(s: &str) -> String {
    norm(strip_the(s))
}

/// A capitalised treaty or organisation name not in the gazetteer:
/// "the Consultative Committee", "Treaty on X", "the X Agreement".
/// "a 1974 protocol": a year and a lower-case instrument word after an
/// article. Returns the year.
fn dated_instrument(toks: &[Token], i: usize) -> Option<i32> {
    let t = toks.get(i)?;
    let head = toks.get(i + 1)?;
    let y: i32 = t.text.parse().ok().filter(|y| (1900..2100).contains(y))?;
    let det = i > 0 && matches!(toks[i - 1].text, "a" | "an" | "the" | "A" | "An" | "The");
    let instrument = matches!(
        head.text,
        "protocol" | "agreement" | "accord" | "memorandum" | "treaty" | "convention"
    );
    // "the 1974 protocol's limits" still names it; "a 1988 agreement
    // between ..." too. A capitalised word after it is a longer name.
    let longer = toks.get(i + 2).is_some_and(|n| n.is_cap());
    (t.kind == Tk::Number && det && instrument && !longer).then_some(y)
}

fn generic_name(toks: &[Token], i: usize, taken: &[bool]) -> Option<(usize, EntClass)> {
    let t = &toks[i];
    if !t.is_cap() || is_stop_start(t.text) {
        return None;
    }
    // "President of the Security Council" is a title, not a body.
    if gazetteer::get().title_at(&[t.text], 0).is_some() {
        return None;
    }
    // "Article 51 of the United Nations Charter": a numbered part of a
    // treaty is asked for by its number, the treaty staying in view.
    if gazetteer::PART_HEADS.contains(&t.text)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Tk::Number || is_roman(n.text))
    {
        return None;
    }
    // "Chapter VII of the UN Charter": no name starts at the numeral.
    if i > 0
        && gazetteer::PART_HEADS.contains(&toks[i - 1].text)
        && (t.kind == Tk::Number || is_roman(t.text))
    {
        return None;
    }
    // "Extending the New START Treaty makes ...": a verb opens the clause.
    if t.text.len() > 5
        && t.text.ends_with("ing")
        && toks.get(i + 1).is_some_and(|n| n.is("the") || !n.is_cap())
    {
        return None;
    }
    // Scan a capitalised run with joiners.
    let mut j = i;
    let mut last_cap = i;
    while j < toks.len() && j - i < 12 && !taken[j] {
        let w = &toks[j];
        // Headline case: "the Treaty That Let Rivals Look" ends at "That".
        if j > i
            && matches!(
                w.text,
                "That"
                    | "Which"
                    | "Who"
                    | "Let"
                    | "Lets"
                    | "Is"
                    | "Was"
                    | "Are"
                    | "Were"
                    | "Will"
                    // "The Test-Ban Treaty After Russia's Step Back".
                    | "After"
                    | "Before"
                    | "Amid"
                    | "Since"
                    | "Despite"
            )
        {
            break;
        }
        if w.is_cap() || (w.kind == Tk::Number && j > i) {
            last_cap = j;
        } else if !(w.kind == Tk::Word && gazetteer::NAME_JOINERS.contains(&w.text) && j > i) {
            break;
        }
        j += 1;
    }
    let end = last_cap + 1;
    if end <= i {
        return None;
    }
    // Treaty: contains a head word; at least one other capitalised word.
    let run = &toks[i..end];
    let heads: Vec<usize> = run
        .iter()
        .enumerate()
        .filter(|(_, w)| gazetteer::TREATY_HEADS.contains(&w.text))
        .map(|(k, _)| k)
        .collect();
    // "Protocol 1": a head numbered like "Protocol II" names one too.
    let numbered = run.len() == 2
        && run[0].text == "Protocol"
        && run[1].kind == Tk::Number
        && run[1].text.len() == 1;
    let caps_other = run
        .iter()
        .filter(|w| w.is_cap() && !gazetteer::TREATY_HEADS.contains(&w.text))
        .count()
        + usize::from(numbered);
    // "Tenth Review Conference of the Parties to the Treaty on ...": a
    // body of a treaty, named before the treaty's head word.
    let org_first = run
        .iter()
        .position(|w| ORG_HEADS.contains(&w.text) || w.text == "Conference")
        .is_some_and(|o| heads.first().is_some_and(|&h| o < h));
    if !heads.is_empty() && caps_other >= 1 && org_first {
        return Some((end - i, EntClass::Body));
    }
    // "An Interview on the Treaty": a name ending "on the Treaty" speaks
    // of a treaty named elsewhere; it is no treaty's name.
    if heads.last() == Some(&(run.len() - 1)) && run.len() >= 3 && run[run.len() - 2].is("the") {
        return None;
    }
    if !heads.is_empty() && caps_other >= 1 {
        // "Treaty on X ..." or "X ... Treaty": cut after the last head if
        // the name ends with a head, else keep the "of/on" tail.
        // "Declaration on a Zone of Peace, Freedom and Neutrality", "Treaty
        // of Friendship, Cooperation and Mutual Assistance": a tail of
        // abstract nouns listed with commas belongs to the name.
        let tail_list = heads.last().is_some_and(|&h| h + 1 < run.len())
            && run.iter().any(|w| w.is("of") || w.is("on") || w.is("for"))
            && abstract_noun(toks[end - 1].text);
        if tail_list {
            let mut k = end;
            while toks.get(k).is_some_and(|t| t.text == ",")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.is_cap() && abstract_noun(t.text))
            {
                k += 2;
            }
            if toks.get(k).is_some_and(|t| t.is("and")) {
                let mut e = k + 1;
                while toks.get(e).is_some_and(|t| t.is_cap() && !taken[e]) {
                    e += 1;
                }
                if e > k + 1 && abstract_noun(toks[e - 1].text) {
                    return Some((e - i, EntClass::Treaty));
                }
            }
        }
        return Some((end - i, EntClass::Treaty));
    }
    // "International Campaign to Ban Landmines (ICBL)": initials in
    // brackets that spell the name's capitalised words define a body.
    // (Not "Intermediate-Range Nuclear Forces (INF) negotiations": a
    // name before a noun is a modifier.)
    let modifier = toks.get(end + 3).is_some_and(is_plain_noun);
    if !modifier && spelled_by_initials(run, toks.get(end..end + 3)) {
        return Some((end - i, EntClass::Body));
    }
    // Organisation: ends in an org head, 2+ capitalised words, preceded by
    // "the"; or a head with a named field after it ("the Larchmont Centre
    // for Verification Studies", "the Institute for Strategic Studies").
    let last = &toks[end - 1];
    if end - i >= 2 && i > 0 && toks[i - 1].is("the") {
        if ORG_HEADS.contains(&last.text) {
            return Some((end - i, EntClass::Body));
        }
        let head_then_field = run.iter().enumerate().any(|(k, w)| {
            ORG_HEADS.contains(&w.text)
                && run
                    .get(k + 1)
                    .is_some_and(|n| n.is("for") || n.is("of") || n.is("on"))
                && run.get(k + 2).is_some_and(|n| n.is_cap())
        });
        if head_then_field {
            return Some((end - i, EntClass::Body));
        }
    }
    None
}

/// "Peace", "Cooperation", "Neutrality": an abstract noun, of the kind a
/// treaty's title lists ("of Friendship, Cooperation and Mutual Assistance").
fn abstract_noun(w: &str) -> bool {
    const PLAIN: &[&str] = &[
        "Peace",
        "Security",
        "Trade",
        "Commerce",
        "Navigation",
        "Defence",
        "Defense",
        "Aid",
        "Amity",
        "Arbitration",
        "Disarmament",
        "Safety",
    ];
    PLAIN.contains(&w)
        || (w.starts_with(char::is_uppercase)
            && ["tion", "ity", "ship", "ance", "ence", "dom", "ment", "ness"]
                .iter()
                .any(|s| w.ends_with(s)))
}

/// Whether `after` is "( ABBR )" and ABBR the initials of the capitalised
/// words of `run` (at least three of them).
fn spelled_by_initials(run: &[Token], after: Option<&[Token]>) -> bool {
    let Some([open, abbr, close]) = after else {
        return false;
    };
    if open.text != "(" || close.text != ")" {
        return false;
    }
    let initials: String = run
        .iter()
        .filter(|w| w.is_cap())
        .filter_map(|w| w.text.chars().next())
        .collect();
    initials.chars().count() >= 3 && initials == abbr.text
}

/// A treaty name with its abbreviation in parentheses inside it:
/// "Intermediate-Range Nuclear Forces (INF) Treaty". Returns the token
/// length and the gazetteer entry the name without "(INF)" matches.
fn paren_name(toks: &[Token], g: &Gazetteer, i: usize) -> Option<(usize, Option<usize>)> {
    if !toks[i].is_cap() || is_stop_start(toks[i].text) {
        return None;
    }
    let mut j = i;
    while j < toks.len()
        && j - i < 8
        && (toks[j].is_cap() || (j > i && gazetteer::NAME_JOINERS.contains(&toks[j].text)))
    {
        j += 1;
    }
    if j == i || j + 3 >= toks.len() || toks[j].text != "(" || toks[j + 2].text != ")" {
        return None;
    }
    let abbr = toks[j + 1].text;
    if abbr.len() < 2
        || !abbr
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    {
        return None;
    }
    let mut k = j + 3;
    while k < toks.len() && k - (j + 3) < 4 && toks[k].is_cap() {
        k += 1;
    }
    if k == j + 3 || !gazetteer::TREATY_HEADS.contains(&toks[k - 1].text) {
        return None;
    }
    let composed: Vec<&str> = toks[i..j]
        .iter()
        .chain(&toks[j + 3..k])
        .map(|t| t.text)
        .collect();
    let gaz = g
        .match_at(&composed, 0)
        .filter(|m| m.len == composed.len())
        .map(|m| m.entry);
    Some((k - i, gaz))
}

fn is_stop_start(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "After"
            | "Before"
            | "According"
            | "Following"
            | "Under"
            | "As"
            | "If"
            | "When"
            | "While"
            | "But"
            | "And"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "Since"
            | "With"
            | "During"
            | "Either"
            | "Neither"
            | "Both"
            // "Unlike the ABM Treaty, ...": a preposition opening the
            // sentence is no part of the name after it.
            | "Unlike"
            | "Like"
            | "Despite"
            | "Without"
            | "Against"
            | "Beyond"
            | "Besides"
            | "Through"
            | "Within"
            | "Upon"
            | "Amid"
            | "Among"
            | "Between"
            | "Until"
            | "Over"
            | "Once"
            | "Although"
            | "Though"
            | "Because"
            | "Unless"
            | "Whether"
            | "Except"
    )
}

struct FactBuilder<'a> {
    art: &'a Article,
    g: &'a Gazetteer,
    ents: &'a [Entity],
    facts: Vec<Fact>,
    treaty_seen: HashSet<usize>,
    /// Designations already asked ("9M729"): once per article, the first
    /// time the text gives one.
    designations_seen: HashSet<String>,
    role_seen: HashSet<usize>,
    last_person: Option<usize>,
    /// Speaker of a quotation still open at the end of the last sentence.
    quote_speaker: Option<usize>,
    /// (paragraph, line) of the last line unit that got a quote card.
    turn_carded: Option<((usize, usize), usize)>,
    reference: Option<Reference>,
    /// When each entity was last mentioned (for "the alliance").
    last_seen: Vec<u64>,
    /// Mention counter behind `last_seen`.
    clock: u64,
    /// People whose role is analyst, researcher, professor, spokesperson
    /// ...: in a transcript only their opinions are quizzed as theirs.
    experts: HashSet<usize>,
    /// The person each transcript label names, once looked up.
    label_owner: HashMap<String, Option<usize>>,
    /// Party cards made per entity.
    party_count: HashMap<usize, usize>,
    /// Each fact's normalised answer (kept beside `facts`).
    fact_keys: Vec<String>,
    /// Entities named in many sentences (the article's main actors).
    dominant: HashSet<usize>,
    /// (answer, next word) of year cards already made: "the 2002 resolution".
    date_ctx_seen: HashSet<String>,
    /// How often each "Article V" / "Resolution 2231" was quizzed.
    reference_seen: HashMap<String, usize>,
    /// (sentence, token) of the lede's weekday when a dateline gives the
    /// day but not the year: "THE HAGUE, Nov. 25 - ... signed up on
    /// Monday" is Monday, November 25.
    lede_weekday: Option<(usize, usize)>,
}

fn clause_text(s: &str) -> String {
    let t = s.trim();
    // `regrettable."` -> `regrettable"`: keep the closing quote, drop the stop.
    for q in ['"', '”'] {
        if let Some(inner) = t.strip_suffix(q) {
            let inner = inner.trim_end_matches(['.', '!', ';', ',', ':', ' ']);
            return format!("{inner}{q}");
        }
    }
    t.trim_end_matches(['.', '!', ';', ',', ':', ' '])
        .to_string()
}

/// Cut a long clause to at most `max` words at a natural boundary.
fn trim_words(s: &str, max: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= max {
        return s.to_string();
    }
    // Prefer a clause boundary after at least 8 words.
    let mut cut = max;
    for k in (8..max).rev() {
        let w = words[k - 1];
        if w.ends_with(',') || w.ends_with(';') {
            cut = k;
            break;
        }
    }
    let out = words[..cut].join(" ");
    format!("{}…", out.trim_end_matches([',', ';']))
}

impl<'a> FactBuilder<'a> {
    fn ent(&self, e: usize) -> &Entity {
        &self.ents[e]
    }

    fn accept_for(&self, e: usize, answer: &str) -> Vec<String> {
        self.ent(e)
            .all_names()
            .into_iter()
            .filter(|n| n != answer)
            .collect()
    }

    /// The question word for entity `e` of class `class`.
    fn who(&self, e: Option<usize>, class: EntClass) -> &'static str {
        let group = e
            .and_then(|e| self.ent(e).gaz)
            .is_some_and(|gi| self.g.entries[gi].group);
        if group {
            "Which group of states"
        } else {
            class.who()
        }
    }

    /// "By what short name is the Biological Weapons Convention known?"
    /// for the short name at mention `m`.
    fn short_name_fact(&mut self, si: usize, m: &Mention, short: String, long: &str) {
        self.push(Fact {
            kind: FactKind::Treaty,
            sentence: si,
            answer: short,
            accept: Vec::new(),
            entity: None,
            spans: vec![(m.start, m.end)],
            question: Some(format!("By what short name is the {long} known?")),
            resolved: None,
            inferred: false,
            pool: Pool::NoChoice,
            standalone: true,
            note: None,
        });
    }

    fn push(&mut self, mut f: Fact) {
        // "Blinken" answers as "Antony Blinken": a bare surname among full
        // names would give the option away.
        if f.kind != FactKind::Role
            && let Some(e) = f.entity
            && self.ents[e].class == EntClass::Person
            && self.ents[e].name.len() > f.answer.len()
            && self.ents[e].name.ends_with(&format!(" {}", f.answer))
        {
            let full = self.ents[e].name.clone();
            let short = std::mem::replace(&mut f.answer, full);
            f.accept.retain(|a| *a != f.answer);
            if !f.accept.contains(&short) {
                f.accept.push(short);
            }
        }
        // "Intermediate-Range Nuclear Forces (INF) Treaty" answers without
        // the initials inside it; the name as written is accepted.
        if f.kind == FactKind::Treaty
            && let Some(open) = f.answer.find(" (")
            && let Some(close) = f.answer[open..].find(") ").map(|c| open + c)
            && f.answer[open + 2..close]
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        {
            let bare = format!("{}{}", &f.answer[..open], &f.answer[close + 1..]);
            let written = std::mem::replace(&mut f.answer, bare);
            if !f.accept.contains(&written) {
                f.accept.push(written);
            }
        }
        let bad = {
            let a = norm(&f.answer);
            a.is_empty()
                || (f.kind != FactKind::Number && gazetteer::PRONOUNS.contains(&a.as_str()))
                || a == "treaty"
                || a == "the"
        };
        if bad {
            return;
        }
        // One fact per (sentence, kind, answer).
        let key = norm(&f.answer);
        if self
            .facts
            .iter()
            .zip(&self.fact_keys)
            .rev()
            .take_while(|(x, _)| x.sentence == f.sentence)
            // Two people with one title are two facts ("President Bush of
            // the United States and President Gorbachev of the Soviet Union").
            .any(|(x, k)| {
                x.kind == f.kind && *k == key && (f.kind != FactKind::Role || x.entity == f.entity)
            })
        {
            return;
        }
        self.facts.push(f);
        self.fact_keys.push(key);
    }

    /// A cloze fact whose answer is mention `m` (every mention and spelling
    /// of its entity is blanked).
    fn mention_fact(&self, kind: FactKind, si: usize, s: &Sent, m: &Mention, pool: Pool) -> Fact {
        let text = &self.art.sentences[si].text;
        let answer = strip_the(&text[m.start..m.end]).to_string();
        Fact {
            kind,
            sentence: si,
            accept: self.accept_for(m.entity, &answer),
            answer,
            entity: Some(m.entity),
            spans: self.spans_of(s, m.entity),
            question: None,
            resolved: None,
            inferred: false,
            pool,
            standalone: false,
            note: None,
        }
    }

    /// "India and Pakistan both tested": two actors joined by "and" make
    /// one card asking for both, not two cards that each give the other away.
    fn pair_parties(&self, si: usize, s: &Sent, cands: &mut Vec<(u8, bool, Fact, PartyAt)>) {
        let toks = &s.toks;
        let text = self.art.sentences[si].text.as_str();
        let mut i = 0;
        while i + 1 < cands.len() {
            let (a, b) = (&cands[i].3, &cands[i + 1].3);
            let gap: Vec<&str> = toks[a.te..b.ts].iter().map(|t| t.text).collect();
            let joined = matches!(gap.as_slice(), ["and"] | ["and", "the"]);
            let (Some(ea), Some(eb)) = (cands[i].2.entity, cands[i + 1].2.entity) else {
                i += 1;
                continue;
            };
            // "President Nixon and Leonid Brezhnev, General Secretary ...":
            // people with titles read badly as one blank.
            let titled = a.class == EntClass::Person
                && (cands[i].2.pool == Pool::NoChoice
                    || cands[i + 1].2.pool == Pool::NoChoice
                    || toks.get(b.te).is_some_and(|t| t.text == ","));
            if !joined || titled || !a.plain || !b.plain || a.class != b.class || ea == eb {
                i += 1;
                continue;
            }
            let (fa, fb) = (&cands[i].2.answer, &cands[i + 1].2.answer);
            // As written: "NATO and the Warsaw Pact".
            let answer = strip_the(&text[a.start..b.end]).to_string();
            let mut accept = vec![format!("{fa} and {fb}"), format!("{fb} and {fa}")];
            let (na, nb) = (&self.ent(ea).name, &self.ent(eb).name);
            if (na, nb) != (fa, fb) {
                accept.push(format!("{na} and {nb}"));
                accept.push(format!("{nb} and {na}"));
            }
            let mut spans = self.spans_of(s, ea);
            spans.extend(self.spans_of(s, eb));
            spans.push((a.start, b.end));
            let mut question = None;
            if a.at_start {
                let mut v = skip_adverbs(toks, b.te);
                if toks.get(v).is_some_and(|t| t.is("both")) {
                    v += 1;
                }
                if toks.get(v).is_some_and(|t| is_finite_verb(t.text)) {
                    let who = match a.class {
                        EntClass::Person => "Which two people",
                        EntClass::Country => "Which two countries",
                        EntClass::Alliance => "Which two alliances",
                        EntClass::Organisation => "Which two organisations",
                        EntClass::Body => "Which two bodies",
                        _ => "Which two",
                    };
                    let rest = clause_text(&text[toks[v].start..]);
                    let q = format!("{who} {}?", trim_words(&own_clause(&rest), 40));
                    let mut names = self.ent(ea).all_names();
                    names.extend(self.ent(eb).all_names());
                    if !contains_any(&q, &names) {
                        question = Some(q);
                    }
                }
            }
            let rank = cands[i].0.min(cands[i + 1].0);
            let dominant = cands[i].1 && cands[i + 1].1;
            let at = PartyAt {
                pair: Some((ea, eb)),
                end: b.end,
                te: b.te,
                signed_for: false,
                ..*a
            };
            let f = joint_fact(cands[i].2.sentence, answer, accept, spans, question);
            cands[i] = (rank, dominant, f, at);
            cands.remove(i + 1);
            i += 1;
        }
    }

    /// "signed ... by U.S. President Ronald Reagan and Mikhail Gorbachev,
    /// General Secretary ...", "New START, which Presidents Barack Obama and
    /// Dmitry Medvedev signed", "Signatories: U.S. President Richard Nixon
    /// and Leonid Brezhnev": the two signers are one answer, asked "Which
    /// two leaders signed the INF Treaty?" (the titles stay out of it).
    fn signing_pair(&mut self, si: usize, s: &Sent) {
        let toks = &s.toks;
        let sent = &self.art.sentences[si];
        let text = sent.text.as_str();
        let is_person = |m: &Mention| {
            self.ent(m.entity).class == EntClass::Person
                && !m.aside
                && !sent.in_quote(m.start, m.end)
        };
        // Capitalised title words ("U.S. President", "Soviet President").
        let title_word = |t: &Token| t.text.starts_with(|c: char| c.is_uppercase());
        let people: Vec<&Mention> = s.mentions.iter().filter(|m| is_person(m)).collect();
        for w in people.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a.entity == b.entity || a.te > b.ts {
                continue;
            }
            // A's post set off by commas: "Richard Nixon, the U.S. President, and".
            let mut k = a.te;
            if toks.get(k).is_some_and(|t| t.text == ",") {
                match (k + 1..toks.len().min(k + 14)).find(|&c| toks[c].text == ",") {
                    Some(c)
                        if toks[k + 1..c]
                            .iter()
                            .all(|t| !is_finite_verb_strict(t.text)) =>
                    {
                        k = c + 1
                    }
                    _ => continue,
                }
            }
            let titles_b = b.ts.saturating_sub(k + 1);
            // (A comma run past B is no post of A's.)
            if k >= b.ts
                || !toks.get(k).is_some_and(|t| t.is("and"))
                || titles_b > 4
                || !toks[k + 1..b.ts].iter().all(title_word)
            {
                continue;
            }
            // The titles before A, then what stands before them.
            let mut p = a.ts;
            while p > 0 && a.ts - p < 4 && title_word(&toks[p - 1]) && !toks[p - 1].is("The") {
                p -= 1;
            }
            // After B and its post: "..., General Secretary of ..., and".
            let mut after = b.te;
            if toks.get(after).is_some_and(|t| t.text == ",") {
                after = (after + 1..toks.len())
                    .find(|&c| toks[c].text == ",")
                    .map_or(toks.len(), |c| c + 1);
            }
            let v = skip_adverbs(toks, after);
            let v = if toks.get(v).is_some_and(|t| t.is("had") || t.is("have")) {
                v + 1
            } else {
                v
            };

            let by = p >= 2
                && toks[p - 1].is("by")
                && toks[..p - 1]
                    .iter()
                    .rev()
                    .take(16)
                    .take_while(|t| !matches!(t.text, ";" | ":"))
                    .any(|t| t.is("signed"));
            // "Signatories: U.S. President ...": A's titles open the value.
            let field = sent.field.is_some_and(|l| {
                let label = text[..l].to_ascii_lowercase();
                (label.contains("signator") || label.contains("signed by"))
                    && toks[p].start >= l
                    && (p == 0 || toks[p - 1].start < l)
            });
            let before_verb = toks.get(v).is_some_and(|t| t.is("signed"));
            if !(by || field || before_verb) {
                continue;
            }
            // The treaty signed: named opening the clause, named after the
            // verb ("signed New START"), or "the treaty" a card names.
            let treaty_at = |m: &&Mention| {
                self.ent(m.entity).class == EntClass::Treaty && !m.aside && !m.possessive
            };
            let clause_start = |m: &Mention| {
                let k = with_the(toks, m.ts);
                k == 0 || toks[k - 1].text == ","
            };
            let named = if before_verb && !(p > 0 && toks[p - 1].is("which")) {
                let o = skip_article(toks, v + 1);
                s.mentions.iter().find(|m| treaty_at(m) && m.ts == o)
            } else {
                s.mentions
                    .iter()
                    .find(|m| treaty_at(m) && m.te <= p && clause_start(m))
            };
            let treaty = match named {
                Some(m) => {
                    let the = with_the(toks, m.ts) < m.ts;
                    format!("{}{}", if the { "the " } else { "" }, &text[m.start..m.end])
                }
                None if field
                    || toks.first().is_some_and(|t| t.is("It"))
                    || (toks.len() > 1 && toks[0].is("The") && toks[1].is("treaty")) =>
                {
                    "the treaty".to_string()
                }
                None => continue,
            };
            // "Presidents", or a head's title before or after either name.
            let head_at = |i: usize| {
                toks[i].is("Presidents")
                    || self
                        .g
                        .title_at(&s.words, i)
                        .is_some_and(|(_, c)| c == "head" || c == "monarch")
            };
            let leaders = (p..a.ts).chain(k + 1..b.ts).any(head_at)
                || [a, b].iter().any(|m| {
                    toks.get(m.te).is_some_and(|t| t.text == ",")
                        && m.te + 1 < toks.len()
                        && head_at(m.te + 1)
                });
            let who = if leaders { "leaders" } else { "people" };
            // A bare surname is written in full ("Bush" -> "George H. W. Bush").
            let full = |m: &Mention| {
                let (seen, name) = (&text[m.start..m.end], &self.ent(m.entity).name);
                if name.ends_with(&format!(" {seen}")) {
                    name.as_str()
                } else {
                    seen
                }
            };
            let (na, nb) = (full(a), full(b));
            let answer = format!("{na} and {nb}");
            let last = |n: &str| n.rsplit(' ').next().unwrap_or(n).to_string();
            let mut accept = vec![
                format!("{nb} and {na}"),
                format!("{} and {}", last(na), last(nb)),
                format!("{} and {}", last(nb), last(na)),
            ];
            let (ca, cb) = (&self.ent(a.entity).name, &self.ent(b.entity).name);
            if (ca.as_str(), cb.as_str()) != (na, nb) {
                accept.push(format!("{ca} and {cb}"));
            }
            self.push(joint_fact(
                si,
                answer,
                accept,
                vec![(a.start, a.end), (b.start, b.end)],
                Some(format!("Which two {who} signed {treaty}?")),
            ));
            return;
        }
    }

    /// "a series of talks between the United States and the Soviet Union":
    /// the two sides of a negotiation or a treaty are one answer, asked by
    /// the cloze "talks between ___".
    fn talks_between(&mut self, si: usize, s: &Sent) {
        const SIDES_OF: &[&str] = &[
            "talks",
            "negotiations",
            "treaty",
            "agreement",
            "accord",
            "summit",
            "summits",
            "dialogue",
            // "It remains in force between the United States and Russia".
            "force",
        ];
        let toks = &s.toks;
        let text = self.art.sentences[si].text.as_str();
        for k in 1..toks.len() {
            if !toks[k].is("between") || !SIDES_OF.contains(&toks[k - 1].text) {
                continue;
            }
            let side = |at: usize| {
                s.mentions.iter().find(|m| {
                    (m.ts == at || (m.ts == at + 1 && toks[at].is("the")))
                        && !m.aside
                        && m.form == Form::Name
                        && matches!(
                            self.ent(m.entity).class,
                            EntClass::Country | EntClass::Alliance
                        )
                })
            };
            let Some(a) = side(k + 1) else { continue };
            if !toks.get(a.te).is_some_and(|t| t.is("and")) {
                continue;
            }
            let Some(b) = side(a.te + 1) else { continue };
            if a.entity == b.entity {
                continue;
            }
            let start = toks[k + 1].start;
            let answer = strip_the(&text[start..b.end]).to_string();
            let (na, nb) = (
                self.ent(a.entity).name.clone(),
                self.ent(b.entity).name.clone(),
            );
            let accept = vec![format!("{na} and {nb}"), format!("{nb} and {na}")];
            self.push(joint_fact(si, answer, accept, vec![(start, b.end)], None));
        }
    }

    /// "India, North Korea and Pakistan have not even signed.": a list of
    /// three to five states opening the sentence is one answer, asked
    /// "Which three countries have not even signed?".
    fn listed_subject(&mut self, si: usize, s: &Sent) {
        let toks = &s.toks;
        let text = self.art.sentences[si].text.as_str();
        // "Only Russia, Belarus, Kazakhstan and Ukraine have ratified";
        // "When it was adopted in 2017, the United States, Britain and
        // France issued ...": after an opening clause and its comma.
        let opening = toks.first().is_some_and(|t| {
            matches!(
                t.text,
                "When"
                    | "After"
                    | "Before"
                    | "As"
                    | "Since"
                    | "While"
                    | "Although"
                    | "In"
                    | "On"
                    | "Under"
            )
        });
        // (Not "Estonia, Latvia, ...": a comma after a name continues a list.)
        let after_comma = |k: usize| {
            k >= 2 && toks[k - 1].text == "," && !s.mentions.iter().any(|o| o.te == k - 1)
        };
        let Some(i0) = s.mentions.iter().position(|m| {
            m.ts == 0
                || (m.ts == 1 && (toks[0].is("The") || toks[0].is("Only")))
                || (opening
                    && m.ts >= 2
                    && (after_comma(m.ts) || (toks[m.ts - 1].is("the") && after_comma(m.ts - 1))))
                // "In 2025 Estonia, Latvia, ... announced".
                || s.dates.iter().any(|d| d.tok_start <= 1 && d.tok_end == m.ts && m.ts >= 2)
        }) else {
            return;
        };
        let ms = &s.mentions[i0..];
        let first = &ms[0];
        let class = self.ent(first.entity).class;
        if class != EntClass::Country {
            return;
        }
        let mut j = 0;
        let mut saw_and = false;
        while j + 1 < ms.len() {
            let gap = &toks[ms[j].te..ms[j + 1].ts];
            let ok = !gap.is_empty()
                && gap.len() <= 2
                && gap.iter().all(|t| matches!(t.text, "," | "and" | "the"))
                && self.ent(ms[j + 1].entity).class == class
                && ms[j + 1].entity != ms[j].entity;
            if !ok {
                break;
            }
            saw_and |= gap.iter().any(|t| t.text == "and");
            j += 1;
        }
        let count = j + 1;
        if !(3..=5).contains(&count) || !saw_and {
            return;
        }
        let last = &ms[j];
        // "have not even signed", "all voted": the verb after the list
        // (and after an aside: ", as successor states of the former Soviet
        // Union, assume ...").
        let mut v = last.te;
        if toks.get(v).is_some_and(|t| t.text == ",")
            && toks.get(v + 1).is_some_and(|t| t.is("as"))
            && let Some(c) = (v + 2..toks.len().min(v + 16)).find(|&k| toks[k].text == ",")
        {
            v = c + 1;
        }
        let list_end = v;
        while let Some(t) = toks.get(v)
            && (matches!(
                t.text,
                "not" | "never" | "even" | "yet" | "all" | "both" | "each"
            ) || skip_adverbs(toks, v) > v)
        {
            v += 1;
        }
        let aux = toks[last.te..v]
            .iter()
            .any(|t| matches!(t.text, "have" | "has" | "had"));
        // ("... and Ukraine assume its obligations": a plural's plain verb.)
        if !(aux
            || toks.get(v).is_some_and(|t| {
                is_finite_verb(t.text) || gazetteer::PLAIN_VERBS.contains(&t.text)
            }))
        {
            return;
        }
        let v = if list_end > last.te {
            list_end
        } else {
            last.te + usize::from(toks[last.te].is("all") || toks[last.te].is("both"))
        };
        // (An aside closing a cut-off piece leaves no verb to ask by.)
        if v >= toks.len() {
            return;
        }
        let n = ["three", "four", "five"][count - 3];
        // The aside says who they are: "Which four countries, as successor
        // states of the Soviet Union, assume its obligations?"
        let aside = if list_end > last.te {
            &text[toks[last.te].start..toks[list_end - 1].end]
        } else {
            ""
        };
        let rest = format!("{aside} {}", clause_text(&text[toks[v].start..]));
        let rest = rest.trim_start();
        // "In 2025 Estonia, Latvia, ... announced": the date stays.
        let opener = s
            .dates
            .iter()
            .any(|d| d.tok_start <= 1 && d.tok_end == first.ts)
            .then(|| text[..first.start].trim_end());
        let question = match opener {
            Some(o) => format!(
                "{o}, which {n} countries {}?",
                trim_words(&own_clause(rest), 40)
            ),
            None => format!("Which {n} countries {}?", trim_words(&own_clause(rest), 40)),
        }
        .replacen("countries ,", "countries,", 1);
        let start = if first.ts >= 1 && toks[first.ts - 1].is("the") {
            toks[first.ts - 1].start
        } else {
            ms[0].start
        };
        let answer = strip_the(&text[start..last.end]).to_string();
        let names: Vec<String> = ms[..count]
            .iter()
            .flat_map(|m| self.ent(m.entity).all_names())
            .collect();
        if contains_any(&question, &names) {
            return;
        }
        self.push(Fact {
            kind: FactKind::Party,
            sentence: si,
            answer,
            accept: Vec::new(),
            entity: None,
            spans: vec![(start, last.end)],
            question: Some(question),
            resolved: None,
            inferred: false,
            pool: Pool::NoChoice,
            standalone: false,
            note: None,
        });
    }

    /// "The Treaty recognises five nuclear-weapon States: China, France,
    /// Russia, the United Kingdom and the United States.": a list of three
    /// to five states closing the sentence after a colon, a copula or
    /// "including" is one answer.
    fn listed_at_end(&mut self, si: usize, s: &Sent) {
        let ms = &s.mentions;
        let toks = &s.toks;
        let text = self.art.sentences[si].text.as_str();
        // Also after a copula or "including": "The signatories are Belarus,
        // Kazakhstan, ...", "Among those abstaining were China, India and
        // ...", "including the United States, Russia and China, as well as".
        let Some(i0) = ms.iter().position(|m| {
            let k = with_the(toks, m.ts);
            k > 0
                && (toks[k - 1].text == ":"
                    || toks[k - 1].is("including")
                    || (k > 1
                        && matches!(toks[k - 1].text, "are" | "were")
                        && toks[k - 2].kind == Tk::Word))
        }) else {
            return;
        };
        if self.ent(ms[i0].entity).class != EntClass::Country {
            return;
        }
        let mut j = i0;
        let mut saw_and = false;
        while j + 1 < ms.len() {
            let gap = &toks[ms[j].te..ms[j + 1].ts];
            let ok = !gap.is_empty()
                && gap.len() <= 2
                && gap.iter().all(|t| matches!(t.text, "," | "and" | "the"))
                && self.ent(ms[j + 1].entity).class == EntClass::Country;
            if !ok {
                break;
            }
            saw_and |= gap.iter().any(|t| t.text == "and");
            j += 1;
        }
        let count = j - i0 + 1;
        let last = &ms[j];
        let closes = toks.get(last.te).is_none_or(|t| {
            matches!(t.text, "." | ";")
                || (t.text == ","
                    && toks.get(last.te + 1).is_some_and(|a| a.is("as"))
                    && toks.get(last.te + 2).is_some_and(|w| w.is("well")))
        });
        if !(3..=5).contains(&count) || !saw_and || !closes {
            return;
        }
        let start = ms[i0].start;
        let answer = text[start..last.end].to_string();
        self.push(Fact {
            kind: FactKind::Party,
            sentence: si,
            answer,
            accept: Vec::new(),
            entity: None,
            spans: vec![(start, last.end)],
            question: None,
            resolved: None,
            inferred: false,
            pool: Pool::NoChoice,
            standalone: false,
            note: None,
        });
    }

    /// "INTERVIEWER: Who kept the system running? / GUEST: The Consultative
    /// Commission, which meets in Vienna.": a verbless reply naming someone
    /// answers the question just asked.
    fn short_answer(&mut self, si: usize, s: &Sent) {
        let sent = &self.art.sentences[si];
        let Some(prev) = si.checked_sub(1).map(|p| &self.art.sentences[p]) else {
            return;
        };
        let asked = prev.text.trim_end_matches(['”', '"', ' ']).ends_with('?');
        if !asked || prev.fragment {
            return;
        }
        // "Q: When was the treaty signed? / A: On December 8, 1987, in the
        // East Room.": a date opening the reply answers "When" (anonymous
        // "Q:" and "A:" labels are no speakers; the reply is a new line).
        let q = prev.text.trim();
        let reply = (prev.paragraph, prev.line) != (sent.paragraph, sent.line);
        if reply
            && q.starts_with("When ")
            && let Some(d) = s.dates.first().filter(|d| {
                matches!(d.expr, DateExpr::Absolute(y) if y.m.is_some())
                    && (d.tok_start == 0 || (d.tok_start == 1 && s.toks[0].is("on")))
                    && s.toks
                        .get(d.tok_end)
                        .is_none_or(|t| t.text == "," || t.text == ".")
            })
            && let DateExpr::Absolute(y) = d.expr
        {
            let (a, b) = (s.toks[d.tok_start].start, s.toks[d.tok_end - 1].end);
            let answer = sent.text[a..b].to_string();
            let mut accept = y.variants();
            accept.retain(|v| norm(v) != norm(&answer));
            self.push(Fact {
                kind: FactKind::Date,
                sentence: si,
                answer,
                accept,
                entity: None,
                spans: vec![(a, b)],
                question: Some(q.to_string()),
                resolved: Some(y),
                inferred: false,
                pool: Pool::Date(y.precision()),
                standalone: false,
                note: None,
            });
            return;
        }
        if sent.label.is_none() || prev.label == sent.label {
            return;
        }
        let Some(m) = s.mentions.first().filter(|m| m.ts <= 1 && !m.aside) else {
            return;
        };
        // The name is the whole reply, up to a comma or the end.
        if s.toks
            .get(m.te)
            .is_some_and(|t| t.text != "," && t.text != ".")
        {
            return;
        }
        let kind = match self.ent(m.entity).class {
            EntClass::Treaty => FactKind::Treaty,
            EntClass::Agency | EntClass::Source => return,
            _ => FactKind::Party,
        };
        let q = q.to_string();
        if contains_any(&q, &self.ent(m.entity).all_names()) {
            return;
        }
        let mut f = self.mention_fact(kind, si, s, m, Pool::Entity(self.ent(m.entity).class));
        f.question = Some(q);
        self.push(f);
    }

    /// "Its formal title is the Treaty Between ...", "whose full title is
    /// the ...": a card asking for the formal name of the treaty meant (one
    /// named before the phrase in the sentence, else after it, else the
    /// last one named). Returns the name's token range and text.
    fn formal_title(&mut self, si: usize, s: &Sent) -> Option<(usize, usize, String)> {
        let toks = &s.toks;
        let n = toks.len();
        let text = self.art.sentences[si].text.as_str();
        let k = (0..n.saturating_sub(4)).find(|&k| {
            matches!(toks[k + 1].text, "title" | "name")
                && ["formal", "full", "official", "complete"]
                    .iter()
                    .any(|w| toks[k].text.eq_ignore_ascii_case(w))
                && toks[k + 2].is("is")
                && toks[k + 3].is("the")
        })?;
        let st = k + 4;
        let mut e = st;
        // "the Development, Production and Stockpiling of Bacteriological
        // (Biological) and Toxin Weapons": a comma or brackets between
        // capitalised words stay inside a title.
        let inner_punct = |e: usize| {
            matches!(toks[e].text, "," | "(" | ")")
                && e > st
                && toks.get(e + 1).is_some_and(|t| t.is_cap() || t.text == "(")
        };
        while e < n
            && e - st < 40
            && (toks[e].is_cap()
                || (e > st && gazetteer::NAME_JOINERS.contains(&toks[e].text))
                || inner_punct(e)
                || (toks[e].text == ")" && e > st && toks[e - 1].is_cap()))
        {
            e += 1;
        }
        while e > st && !(toks[e - 1].is_cap() || toks[e - 1].text == ")") {
            e -= 1;
        }
        // A title the gazetteer knows, as it matched here, ends where the
        // match does.
        if let Some(m) = s
            .mentions
            .iter()
            .find(|m| m.ts == st && self.ent(m.entity).class == EntClass::Treaty)
        {
            e = m.te;
        }
        if e - st < 3 || !toks[st].is_cap() {
            return None;
        }
        let is_treaty = |m: &&Mention| self.ent(m.entity).class == EntClass::Treaty;
        let named = s
            .mentions
            .iter()
            .rev()
            .filter(is_treaty)
            .find(|m| m.te <= k)
            .or_else(|| s.mentions.iter().filter(is_treaty).find(|m| m.ts >= e))
            .map(|m| m.entity)
            .or_else(|| {
                self.last_seen
                    .iter()
                    .enumerate()
                    .filter(|&(x, &t)| t > 0 && self.ents[x].class == EntClass::Treaty)
                    .max_by_key(|&(_, &t)| t)
                    .map(|(x, _)| x)
            })?;
        let answer = text[toks[st].start..toks[e - 1].end].to_string();
        let short = display(self.ent(named));
        if norm(&short) == norm(&answer) {
            return None;
        }
        self.push(Fact {
            kind: FactKind::Treaty,
            sentence: si,
            answer: answer.clone(),
            accept: Vec::new(),
            entity: None,
            spans: vec![(toks[st].start, toks[e - 1].end)],
            question: Some(format!("What is the formal name of the {short}?")),
            resolved: None,
            inferred: false,
            pool: Pool::NoChoice,
            standalone: true,
            note: None,
        });
        Some((st, e, answer))
    }

    /// A treaty given two names in one sentence: the card already made for
    /// the other name is asked by `other_q`, and the name at `m` gets a
    /// card asked by `this_q`, so that neither is a cloze with two blanks.
    fn two_names(&mut self, si: usize, m: &Mention, other_q: String, this_q: String) {
        if let Some(f) = self
            .facts
            .iter_mut()
            .rev()
            .take_while(|f| f.sentence == si)
            .find(|f| f.kind == FactKind::Treaty && f.entity == Some(m.entity))
        {
            f.entity = None;
            f.accept.clear();
            f.pool = Pool::NoChoice;
            f.question = Some(other_q);
            f.standalone = true;
        }
        let text = &self.art.sentences[si].text;
        self.push(Fact {
            kind: FactKind::Treaty,
            sentence: si,
            answer: strip_the(&text[m.start..m.end]).to_string(),
            accept: Vec::new(),
            entity: None,
            spans: vec![(m.start, m.end)],
            question: Some(this_q),
            resolved: None,
            inferred: false,
            pool: Pool::NoChoice,
            standalone: true,
            note: None,
        });
    }

    /// Spans of every mention of entity `e` in this sentence.
    fn spans_of(&self, s: &Sent, e: usize) -> Vec<(usize, usize)> {
        s.mentions
            .iter()
            .filter(|m| m.entity == e && m.form != Form::Adjective)
            .map(|m| (m.start, m.end))
            .collect()
    }

    fn sentence(&mut self, si: usize, s: &Sent) {
        let sent = &self.art.sentences[si];
        let text = sent.text.as_str();
        let toks = &s.toks;
        let n = toks.len();
        let in_quote = |m_start: usize, m_end: usize| sent.in_quote(m_start, m_end);
        let mut speaker_ents: HashSet<usize> = HashSet::default();
        let mut role_tokens: Vec<(usize, usize)> = Vec::new();
        let mut role_subjects: HashSet<usize> = HashSet::default();
        let mut according_range: Option<(usize, usize)> = None;
        // A question asks; it states no fact (speaker cards still apply).
        let interrogative = text.trim_end_matches(['”', '"', ')', ' ']).ends_with('?');
        // "This statement sets out ...": about the document, not history.
        if is_meta_sentence(text) {
            return;
        }
        if !interrogative {
            self.place_fact(si, s);
        }
        // A fact-sheet field ("Signed: December 8, 1987") states its fact
        // without a verb.
        // "Yes, the Peaceful Nuclear Explosions Treaty, which Ford and
        // Brezhnev signed on May 28, 1976.": a reply with its verb in a
        // relative clause still tells of an event.
        // "Participants: U.S. Secretary of State John Kerry and ...": a
        // transcript's cast line gives its people's posts, and nothing else.
        let mut cast_line = crate::core::text::is_cast_line(text);
        if is_verbless(toks) && sent.field.is_none() && !cast_line {
            self.short_answer(si, s);
            if is_verbless_in_clauses(toks) {
                // "- Gerald Ford, President of the United States" in a
                // list of signatories, "Transcript of a press briefing by
                // Daniel Holloway, Deputy Spokesman ...": a verbless line
                // still gives its people's posts, and nothing else.
                cast_line = true;
            }
        }
        // Token where a reported claim starts ("X said that ..."): the
        // actors inside someone's claim are not quizzed as parties.
        let mut claim_from: Option<usize> = None;
        // Members of a list of three or more coordinated names ("China,
        // France, Germany and Russia") are not quizzed one by one.
        let listed: HashSet<usize> = list_members(s);

        // ---- Roles (pre-nominal title and appositive) ----
        // "I'm Claire Dunmore, director of communications": a host
        // introducing herself is no fact of the history; "I am Rafael
        // Grossi, Director General of the International Atomic Energy
        // Agency" is: a guest's office in a named body.
        let self_intro = ["I'm ", "I’m ", "I am ", "My name is "]
            .iter()
            .any(|p| text.starts_with(p));
        // The host: under a "MODERATOR:" label, or saying so.
        let host = self_intro
            && ((sent.spoken && sent.label.is_none())
                || ["moderat", "hosting", "welcome"]
                    .iter()
                    .any(|w| text.contains(w)));
        for m in s.mentions.iter() {
            if self.ent(m.entity).class != EntClass::Person || in_quote(m.start, m.end) {
                continue;
            }
            // "its first director was Brigadier General Roland Lajoie":
            // after "was", a rank is no post; the subject names the post.
            let before = self.role_before(s, m.ts).filter(|&(rs, _)| {
                let rank_after_was = rs > 0
                    && matches!(s.toks[rs - 1].text, "was" | "is" | "became")
                    && self
                        .g
                        .title_at(&s.words, rs)
                        .is_some_and(|(_, c)| c == "military");
                !self_intro && !rank_after_was
            });
            let after = self.role_after(s, m.te).filter(|&(rs, re)| {
                !self_intro
                    || (!host
                        && s.mentions.iter().any(|b| {
                            b.ts >= rs
                                && b.te <= re
                                && matches!(
                                    self.ent(b.entity).class,
                                    EntClass::Organisation | EntClass::Body | EntClass::Agency
                                )
                        }))
            });
            // "its first director was [Brigadier General] Roland Lajoie":
            // the subject before "was" is the post.
            let copular = || -> Option<(usize, usize)> {
                let mut v = m.ts.checked_sub(1)?;
                while v > 0 && !matches!(s.toks[v].text, "was" | "is" | "became") {
                    if s.toks[v].kind != Tk::Word || v + 4 < m.ts {
                        return None;
                    }
                    v -= 1;
                }
                let det = (v.saturating_sub(4)..v)
                    .rev()
                    .find(|&k| matches!(s.toks[k].text, "its" | "the" | "their" | "Its" | "The"))?;
                let (rs, re) = (det + 1, v);
                let plain = s.toks[rs..re]
                    .iter()
                    .all(|t| t.kind == Tk::Word && !t.is_cap());
                (plain && re > rs && (rs..re).any(|k| s.title(k).is_some())).then_some((rs, re))
            };
            let copular_post = if before.is_none() && after.is_none() {
                copular()
            } else {
                None
            };
            if let Some((rs, re)) = copular_post {
                role_tokens.push((rs, re));
                self.role_fact(si, s, m, rs, re);
            } else if let Some((rs, re)) = after {
                // "Senator Jesse Helms, the chairman of the Senate Foreign
                // Relations Committee": the appositive says more.
                role_tokens.extend(before);
                role_tokens.push((rs, re));
                self.role_fact(si, s, m, rs, re);
            } else if let Some((rs, re)) = before {
                role_tokens.push((rs, re));
                self.role_fact(si, s, m, rs, re);
            } else if let Some((rs, re)) = self.role_predicate(s, m.te) {
                role_tokens.push((rs, re));
                self.role_fact(si, s, m, rs, re);
                // "X has served as CTBTO Executive Secretary": the role card
                // is the fact; "Who has served as ...?" would repeat it.
                role_subjects.insert(m.entity);
            } else if sent.field.is_some()
                && m.ts >= 2
                && s.toks[m.ts - 1].text == ":"
                && self
                    .g
                    .title_at(&s.words, 0)
                    .is_some_and(|(len, _)| len == m.ts - 1)
            {
                let re = m.ts - 1;
                // A fact sheet's "Executive Secretary: Robert Floyd".
                self.role_fact(si, s, m, 0, re);
            }
        }
        if cast_line {
            return;
        }
        let in_role = |ts: usize, te: usize| role_tokens.iter().any(|&(a, b)| ts >= a && te <= b);

        // ---- Speakers ----
        // "According to X, ..." / "..., according to X."
        for k in 0..n.saturating_sub(2) {
            if toks[k].is("according") && toks[k + 1].is("to") {
                let (src_start, src_end, ent) = match self.source_after(s, k + 2) {
                    Some(x) => x,
                    None => continue,
                };
                let phrase_end = s_phrase_end(toks, src_end);
                let mut claim_tok = phrase_end;
                // "According to Fernando Arias, the OPCW's Director-General,
                // the milestone meant ...": the source's title is no part of
                // the claim.
                if let Some(re) = appositive_after(&role_tokens, toks, phrase_end)
                    && toks.get(re).is_some_and(|t| t.text == ",")
                {
                    claim_tok = re;
                }
                according_range = Some((k, claim_tok));
                let claim_text = if k == 0 || (k == 1 && toks[0].kind == Tk::Punct) {
                    // Claim follows the phrase.
                    let from = toks.get(claim_tok).map(|t| t.start).unwrap_or(text.len());
                    let tail = text[from..].trim_start_matches([',', ' ']);
                    // Time phrase inside the according-to phrase ("on the 17th").
                    let time = &text[toks[src_end.min(n - 1)].start.min(text.len())
                        ..toks[phrase_end.saturating_sub(1).max(src_end).min(n - 1)]
                            .end
                            .min(text.len())];
                    let time = if src_end < phrase_end {
                        time.trim().trim_end_matches(',')
                    } else {
                        ""
                    };
                    if time.is_empty() {
                        format!("reported that {}", clause_text(tail))
                    } else {
                        format!("reported {} that {}", time, clause_text(tail))
                    }
                } else {
                    // "The withdrawal will ..., according to X": "reported
                    // that the withdrawal will ...".
                    let head = &text[..toks[k].start];
                    format!("reported that {}", lower_initial(&clause_text(head)))
                };
                let (ent_id, answer, spans) = match ent {
                    Some(e) => (
                        Some(e),
                        strip_the(&text[src_start..src_end_byte(toks, src_end)]).to_string(),
                        self.spans_of(s, e),
                    ),
                    None => {
                        let raw = &text[src_start..src_end_byte(toks, src_end)];
                        (
                            None,
                            strip_the(raw).to_string(),
                            vec![(src_start, src_end_byte(toks, src_end))],
                        )
                    }
                };
                let class = ent.map(|e| self.ent(e).class).unwrap_or(EntClass::Source);
                let who = if class == EntClass::Person {
                    "Who"
                } else {
                    self.who(ent, class)
                };
                let who = if matches!(class, EntClass::Agency | EntClass::Source) {
                    "Which news outlet"
                } else {
                    who
                };
                let who = if class == EntClass::Source
                    && !answer.to_lowercase().contains("agency")
                    && !answer.to_lowercase().contains("news")
                {
                    "Which source"
                } else {
                    who
                };
                let q = format!("{} {}?", who, trim_words(&claim_text, 40));
                let accept = ent.map(|e| self.accept_for(e, &answer)).unwrap_or_default();
                if let Some(e) = ent {
                    speaker_ents.insert(e);
                }
                self.push(Fact {
                    kind: FactKind::Speaker,
                    sentence: si,
                    answer,
                    accept,
                    entity: ent_id,
                    spans,
                    question: Some(q),
                    resolved: None,
                    inferred: false,
                    pool: Pool::Entity(class),
                    standalone: false,
                    note: None,
                });
            }
        }

        // "X said ..." / "X issued a statement saying ..." / "said X".
        let mut quote_owner: Option<usize> = None;
        for v in 0..n {
            // "Has Moscow said anything about ...?" asks; it reports no claim.
            if interrogative && sent.quotes.is_empty() {
                break;
            }
            // "Russian officials say ...": a group's plain present.
            let group_says = v > 0
                && gazetteer::GROUP_SPEAKER_NOUNS.contains(&toks[v - 1].text)
                && gazetteer::PLURAL_PRESENT
                    .iter()
                    .any(|(p, _)| *p == toks[v].text && !matches!(*p, "have" | "are"));
            let is_speech = ((speech_at(toks, v) || group_says) && introduces_claim(toks, v))
                || (toks[v].is("saying")
                    && v >= 3
                    && (v.saturating_sub(4)..v).any(|k| toks[k].is("statement")));
            if !is_speech {
                continue;
            }
            let mut q_from = v;
            // Find the subject: mention ending before v (skipping adverbs /
            // an appositive / "issued a statement").
            let mut subj_end = v;
            if toks[v].is("saying") {
                // back over "X issued a statement"
                let mut k = v;
                while k > 0
                    && !(toks[k - 1].kind == Tk::Word
                        && matches!(
                            toks[k - 1].text,
                            "issued" | "released" | "published" | "made" | "put"
                        ))
                {
                    k -= 1;
                    if v - k > 5 {
                        break;
                    }
                }
                if k == 0 || v - k > 5 {
                    continue;
                }
                subj_end = k - 1;
                q_from = k - 1;
            }
            while subj_end > 0
                && toks[subj_end - 1].kind == Tk::Word
                && ADVERBS.contains(&toks[subj_end - 1].text)
            {
                subj_end -= 1;
            }
            // "The United States, Britain and France said": the last of a
            // list is not the speaker alone (the list is asked as a whole).
            // "The leaders of France and Germany said": the leaders speak,
            // not Germany.
            let owned_group = group_of_names_before(toks, subj_end).is_some();
            let mut subj = s
                .mentions
                .iter()
                .enumerate()
                .filter(|_| !owned_group)
                .find_map(|(mi, m)| {
                    (m.te == subj_end
                        && !m.possessive
                        && m.form != Form::Adjective
                        && !(listed.contains(&mi) && self.ent(m.entity).class != EntClass::Person)
                        // "members of the Security Council wrote": the
                        // members wrote, not the Council.
                        && !prev_content_word(toks, m.ts).is_some_and(|w| w.is("of")))
                    .then_some(m)
                });
            // "President Ana Ruiz of Chile said": the person from a place.
            let person_from = |end: usize| {
                let place = s
                    .mentions
                    .iter()
                    .find(|m| m.te == end && self.ent(m.entity).class == EntClass::Country)?;
                let of = place.ts.checked_sub(1).filter(|&k| toks[k].is("of"))?;
                s.mentions
                    .iter()
                    .find(|m| m.te == of && self.ent(m.entity).class == EntClass::Person)
            };
            if subj.is_none() && !owned_group {
                subj = person_from(subj_end);
            }
            if subj.is_none() && subj_end > 0 && toks[subj_end - 1].text == "," {
                // Appositive: "Medvedev, Vice President of ..., said".
                let close = subj_end - 1;
                if let Some(open) = (close.saturating_sub(16)..close)
                    .rev()
                    .find(|&k| toks[k].text == ",")
                {
                    subj = s
                        .mentions
                        .iter()
                        .find(|m| m.te == open && self.ent(m.entity).class == EntClass::Person)
                        .or_else(|| person_from(open));
                }
            }
            // Descriptive source subject ("Russian media revealed").
            let mut desc: Option<(usize, usize)> = None;
            // "Russian officials say", "the Trump administration argued":
            // a described group speaks; asked "Who ...?".
            let mut group_speaker = false;
            if subj.is_none()
                && let Some(st) = descriptive_source_before(toks, subj_end)
            {
                desc = Some((st, subj_end));
            } else if subj.is_none()
                && let Some(st) = described_group_before(toks, subj_end)
            {
                desc = Some((st, subj_end));
                group_speaker = true;
            }
            // Inverted: "..., said Ryabkov." / "said the Foreign Ministry".
            if subj.is_none() && desc.is_none() {
                let after = if toks.get(v + 1).is_some_and(|t| t.is("the")) {
                    v + 2
                } else {
                    v + 1
                };
                subj = s.mentions.iter().find(|m| {
                    m.ts == after
                        && !m.possessive
                        && (after + (m.te - m.ts) >= n - 1
                            || toks.get(m.te).is_some_and(|t| t.kind == Tk::Punct))
                });
                // Inverted only after a quote or a comma.
                if subj.is_some() && !(v > 0 && matches!(toks[v - 1].text, "," | "”" | "\"" | "’"))
                {
                    subj = None;
                }
            }
            // "the alliance said": the last entity of that sort.
            let mut anaphor: Option<(usize, usize)> = None;
            if subj.is_none()
                && desc.is_none()
                && subj_end >= 2
                && toks[subj_end - 2].is("the")
                && let Some(e) = self.resolve_anaphor(toks[subj_end - 1].text)
            {
                anaphor = Some((subj_end - 2, e));
            }
            // "the President said", "The Soviet leader told": the person
            // last named who holds such a post.
            if subj.is_none()
                && desc.is_none()
                && anaphor.is_none()
                && let Some(st) = (subj_end.saturating_sub(4)..subj_end.saturating_sub(1))
                    .rev()
                    .find(|&k| toks[k].is("the"))
                && (st == 0 || !toks[st - 1].is("of"))
                && let Some(e) = self.resolve_person_anaphor(&toks[st + 1..subj_end])
            {
                anaphor = Some((st, e));
            }
            // Pronoun subject: resolve to the last person.
            let mut pronoun = false;
            if subj.is_none()
                && desc.is_none()
                && subj_end > 0
                && matches!(toks[subj_end - 1].text, "he" | "she" | "He" | "She")
            {
                pronoun = true;
            }
            let (ent_id, answer, spans, class) = if let Some(m) = subj {
                if in_quote(m.start, m.end) {
                    continue;
                }
                let e = m.entity;
                let answer = if m.form == Form::Capital {
                    // "Moscow argued": the country is the answer.
                    self.ent(e).name.clone()
                } else {
                    strip_the(&text[m.start..m.end]).to_string()
                };
                (Some(e), answer, self.spans_of(s, e), self.ent(e).class)
            } else if let Some((st, e)) = anaphor {
                (
                    Some(e),
                    display(self.ent(e)),
                    vec![(toks[st].start, toks[subj_end - 1].end)],
                    self.ent(e).class,
                )
            } else if let Some((st, en)) = desc {
                let raw = &text[toks[st].start..toks[en - 1].end];
                (
                    None,
                    strip_the(raw).to_string(),
                    vec![(toks[st].start, toks[en - 1].end)],
                    EntClass::Source,
                )
            } else if pronoun {
                match self.last_person {
                    Some(e) => (
                        Some(e),
                        self.ent(e).name.clone(),
                        Vec::new(),
                        EntClass::Person,
                    ),
                    None => continue,
                }
            } else {
                continue;
            };
            if let Some(e) = ent_id {
                speaker_ents.insert(e);
                if class == EntClass::Person {
                    quote_owner = Some(e);
                }
            }
            if class == EntClass::Source && quote_owner.is_none() {
                quote_owner = None;
            }
            // Quote-introducing "said:" — the quote card covers it.
            let direct_quote_follows = toks.get(v + 1).is_some_and(|t| t.text == ":")
                && sent.quotes.iter().any(|&(a, _)| a > toks[v].end);
            let quote_before = sent.quotes.iter().any(|&(_, b)| b <= toks[v].start);
            if direct_quote_follows
                || (quote_before && sent.quotes.iter().all(|&(_, b)| b <= toks[v].start))
            {
                quote_owner = ent_id.or(quote_owner);
                continue;
            }
            if in_quote(toks[v].start, toks[v].end) {
                continue;
            }
            // What follows the verb is the speaker's claim; but whom a
            // charge names ("accused Russia of ...") is a party too.
            if !(toks[v].is("accused") || toks[v].is("accuses")) {
                claim_from.get_or_insert(v + 1);
            }
            // Question: "Who <adverbs> said that ...?"
            let from = toks[skip_back_adverbs(toks, q_from)].start;
            let mut rest = clause_text(&text[from..]);
            // "As Blinken has said, this decision is ...": the claim is the
            // main clause after the comma.
            if toks[0].is("As")
                && let Some((verb, claim)) = rest.split_once(", ")
                && verb.split_whitespace().count() <= 3
            {
                rest = format!("{verb} that {claim}");
            }
            // "..., the Kremlin said on Saturday, deepening a dispute": a
            // time and a participle follow the verb; the claim is before.
            let (verb, after) = rest.split_once(' ').unwrap_or((rest.as_str(), ""));
            let when_only = {
                let (head, tail) = after.split_once(", ").unwrap_or((after, ""));
                let first = head.split_whitespace().next().unwrap_or("");
                matches!(
                    first,
                    "on" | "in" | "at" | "late" | "early" | "earlier" | "today"
                ) && head.split_whitespace().count() <= 6
                    && (tail.is_empty()
                        || tail
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.len() > 4 && w.ends_with("ing")))
            };
            if when_only {
                let head = after.split_once(", ").map_or(after, |(h, _)| h);
                rest = format!("{verb} {}", head.trim_end_matches(['.', ',']));
            }
            // "..., the ministry said.": the claim stands before the speaker.
            if rest.split_whitespace().count() < 3 || when_only {
                let subj_start = subj
                    .map(|m| m.start)
                    .or(anaphor.map(|(st, _)| toks[st].start))
                    .or(desc.map(|(st, _)| toks[st].start))
                    .unwrap_or(from);
                // "..., Ms. Ruiz said.": the honorific is the speaker's.
                let before = text[..subj_start].trim_end();
                let before = gazetteer::HONORIFICS
                    .iter()
                    .chain(&[" the", " The"])
                    .find_map(|h| before.strip_suffix(h))
                    .unwrap_or(before);
                let before = before
                    .trim()
                    .trim_end_matches(',')
                    .trim_end_matches(['"', '”', ',']);
                if before.split_whitespace().count() >= 4 {
                    rest = format!("{} that {}", rest, lower_initial(before));
                }
            }
            let who = if class == EntClass::Person || group_speaker {
                "Who"
            } else {
                self.who(ent_id, class)
            };
            // "Russian officials say they ..." asks "Who says they ...?".
            if group_speaker
                && let Some((verb, tail)) = rest.split_once(' ')
                && let Some((_, one)) = gazetteer::PLURAL_PRESENT.iter().find(|(p, _)| *p == verb)
            {
                rest = format!("{one} {tail}");
            }
            // "..., and Russia and China have also rejected it" is not part
            // of what this speaker said.
            let rest = own_clause(&rest);
            // "He also said ..." asks "Who said ...?": "also" points elsewhere.
            let rest = rest
                .strip_prefix("also ")
                .map(str::to_string)
                .unwrap_or(rest);
            let q = format!("{} {}?", who, trim_words(&rest, 40));
            let accept = ent_id
                .map(|e| self.accept_for(e, &answer))
                .unwrap_or_default();
            let leaks = contains_any(
                &q,
                &ent_id
                    .map(|e| self.ent(e).all_names())
                    .unwrap_or_else(|| vec![answer.clone()]),
            );
            let before = self.facts.len();
            self.push(Fact {
                kind: FactKind::Speaker,
                sentence: si,
                answer,
                accept,
                entity: ent_id,
                spans,
                question: if leaks { None } else { Some(q) },
                resolved: None,
                inferred: false,
                pool: Pool::Entity(class),
                standalone: false,
                note: if pronoun {
                    Some("speaker resolved from the pronoun".into())
                } else {
                    None
                },
            });
            let main_at = (self.facts.len() > before).then_some(before);
            // Co-speakers: "Le Drian, Maas and British Foreign Secretary
            // Dominic Raab said ...": each person in the list spoke.
            if let Some(first) = subj.filter(|_| class == EntClass::Person) {
                let mut cur = first.ts;
                loop {
                    // Back over this person's title.
                    if let Some(&(rs, _)) = role_tokens.iter().find(|&&(_, re)| re == cur) {
                        cur = rs;
                    }
                    if cur == 0 || !matches!(toks[cur - 1].text, "," | "and") {
                        break;
                    }
                    let mut end = cur - 1;
                    if end > 0 && toks[end].is("and") && toks[end - 1].text == "," {
                        end -= 1;
                    }
                    let Some(prev) = s.mentions.iter().find(|m| m.te == end) else {
                        break;
                    };
                    if self.ent(prev.entity).class != EntClass::Person
                        || in_quote(prev.start, prev.end)
                    {
                        break;
                    }
                    speaker_ents.insert(prev.entity);
                    let f = self.mention_fact(
                        FactKind::Speaker,
                        si,
                        s,
                        prev,
                        Pool::Entity(EntClass::Person),
                    );
                    self.push(f);
                    // Several people said it: "Who said ...?" has no one answer.
                    if let Some(main) = main_at.and_then(|i| self.facts.get_mut(i)) {
                        main.question = None;
                    }
                    cur = prev.ts;
                }
            }
        }

        // "a statement reported by Reuters and TASS": each outlet a source.
        for k in 0..n.saturating_sub(1) {
            if !(toks[k].is("reported") || toks[k].is("carried") || toks[k].is("published"))
                || !toks[k + 1].is("by")
            {
                continue;
            }
            let mut j = k + 2;
            while let Some(m) = s
                .mentions
                .iter()
                .find(|m| m.ts == j || (m.ts == j + 1 && toks[j].is("the")))
            {
                let cls = self.ent(m.entity).class;
                if !matches!(cls, EntClass::Agency | EntClass::Source) {
                    break;
                }
                speaker_ents.insert(m.entity);
                let f = self.mention_fact(FactKind::Speaker, si, s, m, Pool::Entity(cls));
                self.push(f);
                j = m.te;
                if toks.get(j).is_some_and(|t| matches!(t.text, "," | "and")) {
                    j += 1;
                    if toks.get(j).is_some_and(|t| t.is("and")) {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
        }

        // ---- Quotations: one card per line unit of quoted text ----
        self.quote_facts(si, s, quote_owner, !speaker_ents.is_empty());

        // ---- Parties ----
        let mut seen_party: HashSet<usize> = HashSet::default();
        let mut party_cands: Vec<(u8, bool, Fact, PartyAt)> = Vec::new();
        for (mi, m) in s.mentions.iter().enumerate() {
            let ent = self.ent(m.entity);
            let class = ent.class;
            if matches!(
                class,
                EntClass::Treaty | EntClass::Agency | EntClass::Source
            ) {
                continue;
            }
            if m.form == Form::Adjective
                || m.aside
                || in_quote(m.start, m.end)
                || in_role(m.ts, m.te)
                // "The Russian Foreign Ministry said Russia would ...": in
                // a claim, a main country named twice gives itself away;
                // "Pompeo said Russia had violated the treaty" does not.
                || (claim_from.is_some_and(|c| m.ts >= c)
                    && class != EntClass::Person
                    && self.dominant.contains(&m.entity)
                    && (s.mentions
                        .iter()
                        .any(|o| o.entity == m.entity && o.ts != m.ts)
                        || ent.gaz.is_some_and(|gi| {
                            (0..s.words.len())
                                .filter(|&k| k < m.ts || k >= m.te)
                                .any(|k| {
                                    self.g
                                        .match_at(std::slice::from_ref(&s.words[k]), 0)
                                        .is_some_and(|x| x.entry == gi)
                                })
                        })
                        // "Putin said Russia would not deploy ...": the
                        // speaker's own country.
                        || speaker_ents.iter().any(|&p| {
                            self.g.person_country(&self.ent(p).name) == Some(ent.name.as_str())
                        })))
            {
                continue;
            }
            if speaker_ents.contains(&m.entity)
                || seen_party.contains(&m.entity)
                || role_subjects.contains(&m.entity)
            {
                continue;
            }
            if let Some((a, b)) = according_range
                && m.ts >= a
                && m.te <= b
            {
                continue;
            }
            let dominant = self.dominant.contains(&m.entity);
            if listed.contains(&mi) {
                continue;
            }
            // A capital names its government only as an actor ("Moscow
            // tried"), not as a place ("talks in Vienna").
            // Nor after a date ("Signed: December 8, 1987, Washington").
            // Nor a seat after a body's name at the end of a line
            // ("Implementing body: Joint Consultative Group, Vienna").
            let seat = m.ts >= 2
                && toks[m.ts - 1].text == ","
                && toks[m.ts - 2].is_cap()
                && toks
                    .get(m.te)
                    .is_none_or(|t| matches!(t.text, "." | ";" | ")"));
            // "Budapest was, in a sense, the moment ...": a city said to be
            // something is the place, not its government ("Moscow was the
            // first to sign" still acts).
            if m.form == Form::Capital && capital_is_described(toks, m.te) {
                continue;
            }
            // "The Moscow Helsinki Group": a capital before another name
            // is part of that name. And a field's value that opens with a
            // city ("First follow-up meeting: Belgrade, opened ...") gives
            // the place.
            if m.form == Form::Capital
                && (toks
                    .get(m.te)
                    .is_some_and(|t| t.kind == Tk::Word && t.is_cap() && !is_finite_verb(t.text))
                    || (sent.field.is_some_and(|f| toks[m.ts].start <= f + 1)
                        && toks.get(m.te).is_some_and(|t| t.text == ",")))
            {
                continue;
            }
            // ("In Moscow on August 5, 1963, ...": the opening preposition
            // is capitalised.)
            if m.form == Form::Capital
                && m.ts > 0
                && ((toks[m.ts - 1].kind == Tk::Word
                    && (!toks[m.ts - 1].is_cap()
                        || (m.ts == 1
                            && matches!(toks[0].text, "In" | "At" | "From" | "Near" | "Outside"))))
                    || seat
                    || (toks[m.ts - 1].text == ","
                        && s.dates.iter().any(|d| d.tok_end + 1 == m.ts)))
            {
                continue;
            }
            // Possessives quiz people and countries ("China's arsenal"), not
            // a body's decision or the main actor's every move.
            if m.possessive && class != EntClass::Person && (dominant || class != EntClass::Country)
            {
                continue;
            }
            // A name used as a modifier: "U.S. government", "UN arms
            // embargo", "IAEA reports", "Security Council Resolution 2231".
            // ("NATO members refused" stays: the members act.)
            let next = toks.get(m.te);
            let lower_noun = next.is_some_and(|t| {
                t.kind == Tk::Word
                    && t.text.chars().all(|c| c.is_lowercase())
                    && !FUNCTION_WORDS.contains(&t.text)
                    // "at the OSCE summit": the organisation hosts.
                    && !matches!(t.text, "summit" | "ministerial" | "conference")
                    && !is_finite_verb_strict(t.text)
                    && !ADVERBS.contains(&t.text)
            });
            let members_act = toks
                .get(m.te + 1)
                .is_some_and(|t| is_finite_verb_strict(t.text))
                && next.is_some_and(|t| t.text.ends_with('s'));
            let modifier = (lower_noun && !members_act && next.is_some_and(|t| is_noun_like(t.text)))
                    || next.is_some_and(|t| {
                        t.is_cap()
                            && (gazetteer::TREATY_HEADS.contains(&t.text)
                                || t.text == "Resolution"
                                // "a Georgia Democrat": a U.S. state's
                                // senator, no state acting.
                                || matches!(
                                    t.text,
                                    "Democrat" | "Democrats" | "Republican" | "Republicans"
                                ))
                    })
                    // "the U.S. Pershing II": a state's name before a
                    // system's is its maker, as "the Soviet SS-20" says.
                    || (class == EntClass::Country
                        && m.ts > 0
                        && toks[m.ts - 1].is("the")
                        && text[m.start..m.end].contains('.')
                        && next.is_some_and(|t| {
                            t.kind == Tk::Word
                                && !s.mentions.iter().any(|o| o.ts == m.te)
                                && if t.is_cap() {
                                    gazetteer::month_of(t.text).is_none()
                                        && !gazetteer::WEEKDAYS
                                            .contains(&t.text.to_ascii_lowercase().as_str())
                                } else {
                                    // "the U.S. action", not "the U.S. withdrew".
                                    !FUNCTION_WORDS.contains(&t.text)
                                        && !ADVERBS.contains(&t.text)
                                        && !is_finite_verb(t.text)
                                }
                        }));
            let person_modifier = class == EntClass::Person
                && next.is_some_and(|t| {
                    matches!(
                        t.text,
                        "administration"
                            | "government"
                            | "era"
                            | "team"
                            | "presidency"
                            | "doctrine"
                            | "camp"
                    )
                });
            if (modifier && class != EntClass::Person) || person_modifier {
                continue;
            }
            // Location "in Russia", "over Europe".
            if class == EntClass::Country
                && dominant
                && m.ts > 0
                && matches!(
                    toks[m.ts - 1].text,
                    "in" | "over" | "across" | "throughout" | "inside"
                )
            {
                continue;
            }
            // "between Russia and the United States": a relation, not an actor.
            let prev_word = prev_content_word(toks, m.ts);
            // Part of a title: "the President of the Security Council".
            if (m.ts.saturating_sub(6)..m.ts).any(|k| s.title(k).is_some_and(|l| k + l >= m.te)) {
                continue;
            }
            // A vocative: "Dr. Marwick, thank you for joining us." (Not
            // "Harriman, the Under Secretary of State, led ...": a post.)
            if m.ts <= 1
                && toks.get(m.te).is_some_and(|t| t.text == ",")
                && toks
                    .get(m.te + 1)
                    .is_some_and(|t| t.kind == Tk::Word && !t.is_cap())
                && class == EntClass::Person
                && appositive_after(&role_tokens, toks, m.te).is_none()
            {
                continue;
            }
            // "officials in Tianjin, China": the state after a place names
            // where the place is, which the place gives away.
            if class == EntClass::Country
                && m.ts >= 3
                && toks[m.ts - 1].text == ","
                && toks[m.ts - 2].is_cap()
                && !s.mentions.iter().any(|o| o.te == m.ts - 1)
                && matches!(toks[m.ts - 3].text, "in" | "at" | "from" | "near" | "to")
                // ("in Geneva, China refused": a subject after an opener.)
                && toks.get(m.te).is_none_or(|t| matches!(t.text, "," | "." | ";" | ")"))
            {
                continue;
            }
            // A venue: "negotiations at the Conference on Disarmament".
            if prev_word.is_some_and(|w| w.is("at"))
                && matches!(class, EntClass::Organisation | EntClass::Body)
                && !toks
                    .get(m.te)
                    .is_some_and(|t| matches!(t.text, "summit" | "ministerial" | "conference"))
            {
                continue;
            }
            if prev_word.is_some_and(|w| w.is("between"))
                || (prev_word.is_some_and(|w| w.is("and"))
                    && toks[..m.ts].iter().rev().take(8).any(|t| t.is("between")))
            {
                continue;
            }
            seen_party.insert(m.entity);
            let answer = if m.form == Form::Capital {
                ent.name.clone()
            } else {
                strip_the(&text[m.start..m.end]).to_string()
            };
            let mut question = None;
            // Subject question: mention at clause start followed by a verb.
            // Subject position: sentence start, or right after a short
            // introductory phrase ("Under the deal, Iran committed ...").
            // "On 13 October 1999 the Senate voted": after an opening date.
            let after_opening_date = m.ts >= 2
                && toks
                    .get(m.te)
                    .is_some_and(|t| is_finite_verb_strict(t.text))
                && s.dates.iter().any(|d| {
                    d.tok_end <= m.ts
                        && toks[..d.tok_start]
                            .iter()
                            .all(|t| matches!(t.text, "On" | "In" | "By" | "Late" | "Early"))
                        && toks[d.tok_end..m.ts]
                            .iter()
                            .all(|t| t.is("the") || t.text == ",")
                });
            let at_start = m.ts == 0
                || after_opening_date
                || (m.ts == 1 && toks[0].is("the"))
                || (m.ts >= 2
                    && m.ts <= 16
                    && (toks[m.ts - 1].text == ","
                        || (toks[m.ts - 1].is("the") && toks[m.ts - 2].text == ","))
                    && toks[0].kind == Tk::Word
                    && !gazetteer::SUBORDINATORS.contains(&toks[0].text));
            if at_start {
                // The subject noun phrase: "NATO", "NATO members", "Putin's statement".
                let who = if class == EntClass::Person {
                    "Who"
                } else {
                    self.who(Some(m.entity), class)
                };
                let mut head_end = m.te;
                let mut wh = who.to_string();
                if m.possessive {
                    head_end = m.te + 1;
                    wh = if class == EntClass::Person {
                        "Whose".to_string()
                    } else {
                        format!("{who}'s")
                    };
                } else if toks.get(m.te).is_some_and(|t| {
                    t.kind == Tk::Word
                        && !t.is_cap()
                        && t.text.ends_with('s')
                        && !is_finite_verb_strict(t.text)
                }) && toks
                    .get(m.te + 1)
                    .is_some_and(|t| is_finite_verb_strict(t.text))
                {
                    // "NATO members refused": the alliance's members.
                    wh = format!("{who}'s");
                }
                // "W. Averell Harriman, the Under Secretary of State, led
                // the delegation": "Who led the delegation?" (the post has
                // its own card).
                if class == EntClass::Person
                    && head_end == m.te
                    && let Some(re) = appositive_after(&role_tokens, toks, m.te)
                    && toks.get(re).is_some_and(|t| t.text == ",")
                    && toks
                        .get(skip_adverbs(toks, re + 1))
                        .is_some_and(|t| is_finite_verb_strict(t.text))
                {
                    head_end = re + 1;
                }
                let v = skip_adverbs(toks, head_end);
                let verb_ok = if (head_end == m.te || toks[head_end - 1].text == ",") && wh == who {
                    toks.get(v).is_some_and(|t| is_finite_verb(t.text))
                } else {
                    // After "Whose statement" / "Which alliance's members".
                    toks[head_end..]
                        .iter()
                        .take(3)
                        .any(|t| is_finite_verb_strict(t.text))
                };
                if verb_ok && toks.get(head_end).is_some() {
                    let rest = clause_text(&text[toks[head_end].start..]);
                    let q = format!("{wh} {}?", trim_words(&own_clause(&rest), 40));
                    let q = drop_repeated_noun(&q);
                    if !contains_any(&q, &ent.all_names()) {
                        question = Some(q);
                    }
                }
            }
            // "Kozyrev signed for Russia, ... alongside Pyotr Kravchenko for
            // Belarus": whom each signer stood for, one card each.
            let signed_for = (class == EntClass::Country)
                .then(|| signer_for(s, m, |e| self.ent(e).class == EntClass::Person))
                .flatten();
            if let Some(p) = signed_for {
                question = Some(format!("For which country did {} sign?", self.ent(p).name));
            }
            if class == EntClass::Person {
                self.last_person = Some(m.entity);
            }
            let accept = self.accept_for(m.entity, &answer);
            let spans = self.spans_of(s, m.entity);
            // Rank: a natural question, then an object of a verb or
            // preposition, then anything else.
            let rank = if question.is_some() || at_start {
                0
            } else if prev_word.is_some_and(|w| {
                w.kind == Tk::Word
                    && !w.is_cap()
                    && !matches!(
                        w.text,
                        "and"
                            | "or"
                            | "that"
                            | "but"
                            | "after"
                            | "before"
                            | "while"
                            | "when"
                            | "as"
                    )
            }) {
                1
            } else {
                2
            };
            party_cands.push((
                rank,
                self.dominant.contains(&m.entity)
                    && class != EntClass::Person
                    && signed_for.is_none(),
                Fact {
                    kind: FactKind::Party,
                    sentence: si,
                    answer,
                    accept,
                    entity: Some(m.entity),
                    spans,
                    question,
                    resolved: None,
                    inferred: false,
                    pool: if class == EntClass::Person
                        && role_tokens.iter().any(|&(_, re)| re == m.ts)
                    {
                        // "Russian President ___": only same-office people
                        // would be fair options, and the article rarely has three.
                        Pool::NoChoice
                    } else {
                        Pool::Entity(class)
                    },
                    standalone: false,
                    note: None,
                },
                PartyAt {
                    ts: m.ts,
                    te: m.te,
                    start: m.start,
                    end: m.end,
                    class,
                    plain: m.form != Form::Capital && !m.possessive,
                    at_start,
                    pair: None,
                    signed_for: signed_for.is_some(),
                },
            ));
        }
        if !interrogative {
            self.signing_pair(si, s);
            self.pair_parties(si, s, &mut party_cands);
            self.listed_subject(si, s);
            self.talks_between(si, s);
            self.listed_at_end(si, s);
        }
        // The article's dominant countries get at most one card a sentence.
        let best_dominant = party_cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.1)
            .min_by_key(|(i, c)| (c.0, *i))
            .map(|(i, _)| i);
        for (i, (rank, dominant, f, at)) in party_cands.into_iter().enumerate() {
            if interrogative {
                break;
            }
            if dominant && (Some(i) != best_dominant || rank > 1) {
                continue;
            }
            // At most three party cards per entity in an article.
            let es: Vec<usize> = match (f.entity, at.pair) {
                (Some(e), _) => vec![e],
                (None, Some((a, b))) => vec![a, b],
                (None, None) => Vec::new(),
            };
            if !at.signed_for
                && es
                    .iter()
                    .any(|e| self.party_count.get(e).is_some_and(|&n| n >= 3))
            {
                continue;
            }
            for e in es {
                *self.party_count.entry(e).or_insert(0) += 1;
            }
            self.push(f);
        }
        for m in &s.mentions {
            self.clock += 1;
            if self.last_seen.len() <= m.entity {
                self.last_seen.resize(m.entity + 1, 0);
            }
            self.last_seen[m.entity] = self.clock;
        }
        for m in &s.mentions {
            if self.ent(m.entity).class == EntClass::Person && !in_quote(m.start, m.end) {
                self.last_person = Some(m.entity);
            }
        }

        // ---- Treaties ----
        let mut seen_treaty: HashSet<usize> = HashSet::default();
        let mut prev_cued_end: Option<usize> = None;
        // "Its formal title is the Treaty Between ... Missiles, but ...".
        let formal_title = if interrogative {
            None
        } else {
            self.formal_title(si, s)
        };
        for m in &s.mentions {
            // "the Biological Weapons Convention (BWC)": a short name in
            // brackets right after the long one (an aside otherwise).
            let bracketed = m.ts >= 1
                && toks[m.ts - 1].text == "("
                && toks.get(m.te).is_some_and(|t| t.text == ")")
                && s.mentions
                    .iter()
                    .any(|o| o.entity == m.entity && o.te + 1 == m.ts && o.te - o.ts > m.te - m.ts);
            if self.ent(m.entity).class != EntClass::Treaty
                || interrogative
                || (m.aside && !bracketed)
            {
                continue;
            }
            if formal_title
                .as_ref()
                .is_some_and(|&(a, b, _)| m.ts >= a && m.te <= b)
            {
                continue;
            }
            // "commonly known as the CFE Treaty", "shortened it to the INF
            // Treaty": the short name of a long one just given.
            let j = with_the(toks, m.ts);
            let word = |k: usize| toks.get(k).map_or("", |t| t.text);
            // ("known almost everywhere as the Hotline agreement": up to
            // two adverbs between.)
            let known_as = word(j.saturating_sub(1)) == "as"
                && (2..=4)
                    .take_while(|&b| b <= j)
                    .find(|&b| word(j - b) == "known")
                    .is_some_and(|b| {
                        toks[j - b + 1..j - 1]
                            .iter()
                            .all(|t| t.text.chars().all(|c| c.is_ascii_lowercase()))
                    });
            let alias_cue = j >= 2
                && ((matches!(word(j - 1), "as" | "to")
                    && (matches!(word(j - 2), "shortened" | "abbreviated")
                        || (word(j - 2) == "it" && j >= 3 && word(j - 3) == "shortened")))
                    || known_as
                    || word(j - 1) == "called")
                // "widely known by its initials TPNW".
                || (j >= 3
                    && matches!(word(j - 1), "initials" | "acronym" | "abbreviation")
                    && matches!(word(j - 2), "its" | "the")
                    && word(j - 3) == "by");
            // "the Joint Comprehensive Plan of Action, the JCPOA, and":
            // a short name set beside the long one between commas.
            let apposed = j >= 1
                && word(j - 1) == ","
                && m.te < toks.len()
                && matches!(word(m.te), "," | ")" | "." | ";")
                && s.mentions
                    .iter()
                    .any(|o| o.entity == m.entity && o.te + 1 == j && o.te - o.ts > m.te - m.ts);
            // "the Biological Weapons Convention (BWC)": the long name's
            // card stays; the bracketed short one is asked for by it.
            if bracketed && !alias_cue && !apposed {
                let short = strip_the(&text[m.start..m.end]).to_string();
                let abbreviated = is_abbreviated(&short);
                // Only where the long name is the entity's first in the
                // sentence: after a formal title, the names are asked
                // by each other already.
                let first = s.mentions.iter().find(|o| o.entity == m.entity);
                if let Some(o) = first.filter(|o| abbreviated && o.te + 1 == m.ts) {
                    let long = strip_the(&text[o.start..o.end]);
                    self.short_name_fact(si, m, short, long);
                }
                continue;
            }
            // "The pact, widely known by its initials TPNW, ...": the
            // short name of a treaty named in full before this sentence.
            if alias_cue
                && !s
                    .mentions
                    .iter()
                    .any(|o| o.entity == m.entity && o.ts < m.ts)
                && formal_title.is_none()
            {
                let short = strip_the(&text[m.start..m.end]).to_string();
                // The longest name of it the article has used so far.
                let long = self
                    .ent(m.entity)
                    .all_names()
                    .into_iter()
                    .filter(|v| {
                        v.len() > short.len() + 4
                            && self.art.sentences[..si]
                                .iter()
                                .any(|p| p.text.contains(v.as_str()))
                    })
                    .max_by_key(|v| v.len());
                if let Some(long) = long.filter(|_| is_abbreviated(&short)) {
                    seen_treaty.insert(m.entity);
                    self.treaty_seen.insert(m.entity);
                    self.short_name_fact(si, m, short, &long);
                    continue;
                }
                // "The Mine Ban Treaty ... . It is widely called the Ottawa
                // Convention or Ottawa Treaty": another name of the treaty
                // just named, asked for by the name used before.
                let it_is = toks.first().is_some_and(|t| t.text == "It")
                    && toks.get(1).is_some_and(|t| t.is("is") || t.is("was"));
                let before = self
                    .ent(m.entity)
                    .all_names()
                    .into_iter()
                    .filter(|v| {
                        v.len() >= 6
                            && !v.contains(short.as_str())
                            && !short.contains(v.as_str())
                            && si > 0
                            && self.art.sentences[si - 1].text.contains(v.as_str())
                    })
                    .min_by_key(|v| v.len());
                if it_is && let Some(before) = before {
                    seen_treaty.insert(m.entity);
                    self.treaty_seen.insert(m.entity);
                    // "... or Ottawa Treaty": the other name is right too.
                    let or = s.mentions.iter().find(|o| {
                        o.entity == m.entity
                            && toks.get(m.te).is_some_and(|t| t.is("or"))
                            && (o.ts == m.te + 1 || (o.ts == m.te + 2 && toks[m.te + 1].is("the")))
                    });
                    let accept = or
                        .map(|o| vec![strip_the(&text[o.start..o.end]).to_string()])
                        .unwrap_or_default();
                    let end = or.map_or(m.end, |o| o.end);
                    self.push(Fact {
                        kind: FactKind::Treaty,
                        sentence: si,
                        answer: short,
                        accept,
                        entity: None,
                        spans: vec![(m.start, end)],
                        question: Some(format!("By what other name is the {before} known?")),
                        resolved: None,
                        inferred: false,
                        pool: Pool::NoChoice,
                        standalone: true,
                        note: None,
                    });
                    continue;
                }
            }
            let alias_cue = alias_cue || apposed;
            let long = s
                .mentions
                .iter()
                .find(|o| o.entity == m.entity && o.ts < m.ts && o.te - o.ts > m.te - m.ts)
                .map(|o| strip_the(&text[o.start..o.end]).to_string())
                .or_else(|| formal_title.as_ref().map(|(_, _, name)| name.clone()));
            if alias_cue && let Some(long) = long {
                seen_treaty.insert(m.entity);
                self.treaty_seen.insert(m.entity);
                let short = strip_the(&text[m.start..m.end]).to_string();
                // "The ___, commonly known as the ___": each name is asked
                // for by the other.
                // "the Moscow Treaty" is no short form of "the Strategic
                // Offensive Reductions Treaty": two names, neither in full.
                let abbreviated = is_abbreviated(&short);
                let formal = ["Treaty ", "Agreement ", "Convention ", "Protocol "]
                    .iter()
                    .any(|h| long.starts_with(h));
                let (this_q, other_q) = if abbreviated || formal {
                    (
                        format!("What is the full name of the {short}?"),
                        format!("By what short name is the {long} known?"),
                    )
                } else {
                    (
                        format!("By what other name is the {short} known?"),
                        format!("By what other name is the {long} known?"),
                    )
                };
                self.two_names(si, m, this_q, other_q);
                continue;
            }
            // "formally the Treaty between ...": quiz the formal name.
            let formal = m.ts >= 2
                && toks[m.ts.saturating_sub(4)..m.ts]
                    .iter()
                    .any(|t| t.is("formally") || t.is("officially"));
            if formal
                && let Some(other) = s
                    .mentions
                    .iter()
                    .find(|o| o.entity == m.entity && o.ts < m.ts && o.te - o.ts < m.te - m.ts)
            {
                let short = strip_the(&text[other.start..other.end]).to_string();
                let formal_name = strip_the(&text[m.start..m.end]).to_string();
                // "The ___, formally the ___": each name asked for by the other.
                self.two_names(
                    si,
                    m,
                    format!("By what name is the {formal_name} usually known?"),
                    format!("What is the formal name of the {short}?"),
                );
                continue;
            }
            if seen_treaty.contains(&m.entity) {
                continue;
            }
            let window = m.ts.saturating_sub(7)..m.ts;
            let cued_before = toks[window].iter().any(|t| is_treaty_cue(t.text));
            let cued_after = toks[m.te..(m.te + 3).min(n)]
                .iter()
                .any(|t| is_treaty_cue(t.text));
            // List continuation: "from the ABM Treaty, the INF Treaty and ..."
            let in_list = prev_cued_end.is_some_and(|pe| {
                m.ts > pe
                    && m.ts - pe <= 3
                    && toks[pe..m.ts]
                        .iter()
                        .all(|t| matches!(t.text, "," | "and" | "the" | "or"))
            });
            let first = !self.treaty_seen.contains(&m.entity);
            if !(cued_before || cued_after || in_list || first) {
                continue;
            }
            prev_cued_end = Some(m.te);
            seen_treaty.insert(m.entity);
            // A fact sheet's "Full name:" field leaves the name to be asked
            // again where the prose first uses it.
            if self.art.sentences[si].field.is_none() {
                self.treaty_seen.insert(m.entity);
            }
            // "Full name: Treaty Between ...": a formal title has no fair
            // options.
            let pool = match self.art.sentences[si].field {
                Some(l) if text[..l].contains("name") || text[..l].contains("title") => {
                    Pool::NoChoice
                }
                // "1974 protocol" among named treaties would stand out.
                _ if self
                    .ent(m.entity)
                    .name
                    .starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    Pool::NoChoice
                }
                _ => Pool::Entity(EntClass::Treaty),
            };
            let mut f = self.mention_fact(FactKind::Treaty, si, s, m, pool);
            // "Full name: Treaty Between ...": asked by the treaty's short
            // name, which the sheet's title gives.
            let name_field = self.art.sentences[si]
                .field
                .is_some_and(|l| text[..l].contains("name") || text[..l].contains("title"));
            if name_field
                && let Some(short) = self
                    .ent(m.entity)
                    .gaz
                    .map(|gi| self.g.entries[gi].name.clone())
                    .filter(|n| norm(n) != norm(&f.answer))
            {
                f.question = Some(format!("What is the formal name of the {short}?"));
                f.entity = None;
                f.accept.clear();
                f.standalone = true;
            }
            self.push(f);
        }

        // ---- Dates ----
        let mut date_facts: Vec<(String, Fact)> = Vec::new();
        // "On Tuesday, February 21, ...": the weekday belongs to the date.
        let weekday_of = |i: usize| -> Option<usize> {
            let d = s.dates.get(i)?;
            let prev = s.dates.get(i.checked_sub(1)?)?;
            (matches!(prev.expr, DateExpr::Weekday(_))
                && !matches!(d.expr, DateExpr::Weekday(_))
                && (d.tok_start == prev.tok_end
                    || (d.tok_start == prev.tok_end + 1 && toks[prev.tok_end].text == ",")))
                .then_some(prev.tok_start)
        };
        for (di, d) in s.dates.iter().enumerate().filter(|_| !interrogative) {
            if matches!(d.expr, DateExpr::Weekday(_)) && weekday_of(di + 1).is_some() {
                continue;
            }
            // "Fifty years ago today, on 14 February 1967": the date given
            // beside it is the one to quiz.
            if restated_beside(s, di) {
                continue;
            }
            let resolved = dates::resolve_in(toks, d, self.reference);
            // "last ___ (month)" while the year is unknown.
            let first = if resolved.is_none() && toks[d.tok_start].is("last") {
                d.tok_start + 1
            } else {
                d.tok_start
            };
            let start = toks[first].start;
            let end = toks[d.tok_end - 1].end;
            let blank_start = weekday_of(di).map_or(start, |w| toks[w].start);
            let surface = strip_the(&text[start..end]).to_string();
            if let DateExpr::Absolute(y) = d.expr
                && y.m.is_none()
            {
                // A bare year that repeats a fuller date of the sentence
                // ("December 2020, at the 2020 conference"), or a year
                // modifier already quizzed ("the 2002 resolution").
                let fuller = s.dates.iter().any(
                    |o| matches!(o.expr, DateExpr::Absolute(z) if z.y == y.y && z.m.is_some()),
                );
                if fuller {
                    continue;
                }
                if let Some(next) = toks
                    .get(d.tok_end)
                    .filter(|t| t.kind == Tk::Word && !t.is_cap())
                    && !self
                        .date_ctx_seen
                        .insert(format!("{}|{}", y.y, next.text.to_lowercase()))
                {
                    continue;
                }
            }
            // "Our briefers today are ...": in a transcript, "today" is the
            // day of the briefing, not a date in the history.
            // Nor is "today" in a sentence about the present ("Our briefers
            // today are ..."): nothing happened on that day.
            // Nor "Pompeo said today": the day a remark was made is no
            // fact of the history.
            if matches!(d.expr, DateExpr::DayRel(_))
                && (sent.label.is_some()
                    || (d.expr == DateExpr::DayRel(0) && !has_past_verb(toks))
                    || d.tok_start.checked_sub(1).is_some_and(|p| {
                        matches!(toks[p].text, "said" | "told" | "stated" | "added" | "says")
                    }))
            {
                continue;
            }
            // "“Today, I have given formal notice ...,” Bush said": a
            // speaker's "today" blanked would misquote them.
            if d.expr.is_relative() && sent.in_quote(start, end) {
                continue;
            }
            // "As of November 2024, 187 states had signed": the day a count
            // was taken, no event of the history.
            if d.tok_start >= 2 && toks[d.tok_start - 2].is("as") && toks[d.tok_start - 1].is("of")
            {
                continue;
            }
            let mut dateline_day: Option<String> = None;
            let (answer, inferred) = match (d.expr, resolved) {
                (DateExpr::Absolute(_), _) => (surface.clone(), false),
                // "the 1990s"; "by the late ___" wants "1990s" alone.
                (DateExpr::Decade(_), _)
                    if d.tok_start > 0
                        && matches!(
                            toks[d.tok_start - 1].text.to_ascii_lowercase().as_str(),
                            "early" | "mid" | "late"
                        ) =>
                {
                    (surface.clone(), false)
                }
                (DateExpr::Decade(_), _) => (format!("the {surface}"), false),
                (DateExpr::MonthDay(..), _) => (surface.clone(), resolved.is_some()),
                // "February 3, 2021" (options carry no weekday, so the
                // answer does not either).
                (DateExpr::Weekday(_), Some(r)) => (r.display(), true),
                // The year is unknown: the lede's weekday is the dateline's
                // day ("Monday, November 25"), typed, as no options fit a
                // date without its year.
                (DateExpr::Weekday(_), None)
                    if self.lede_weekday == Some((si, d.tok_start))
                        && let Some(r) = self.reference
                        && let (Some(m), Some(day)) = (r.date.m, r.date.d) =>
                {
                    let mn = dates::month_name(m);
                    dateline_day = Some(format!("{mn} {day}"));
                    (format!("{surface}, {mn} {day}"), true)
                }
                // Else a bare weekday is no fact to learn; nor a bare month
                // that the sentence names again ("In ___, ... until ___ 5,
                // 2026" would blank both).
                (DateExpr::Weekday(_), None) => continue,
                (DateExpr::Month(_), None)
                    if s.dates.iter().enumerate().any(|(oi, o)| {
                        oi != di
                            && toks[o.tok_start..o.tok_end]
                                .iter()
                                .any(|t| t.text.eq_ignore_ascii_case(&surface))
                    }) =>
                {
                    continue;
                }
                // Else the month as the text gives it.
                (DateExpr::Month(_), None) => (surface.clone(), false),
                (_, Some(r)) => (r.display(), true),
                (_, None) => continue,
            };
            let mut accept: Vec<String> = Vec::new();
            if let Some(day) = &dateline_day {
                accept.push(day.clone());
                if let Some((mn, n)) = day.split_once(' ')
                    && mn.len() > 4
                {
                    accept.push(format!("{}. {n}", &mn[..3]));
                    accept.push(format!("{n} {mn}"));
                }
            }
            if let Some(r) = resolved {
                accept.extend(r.variants());
                if matches!(d.expr, DateExpr::Weekday(_)) {
                    accept.push(format!("{surface}, {}", r.display()));
                }
            }
            // "today", "last year": words that answer nothing once the
            // card is read on another day.
            if !matches!(
                d.expr,
                DateExpr::DayRel(_)
                    | DateExpr::YearRel(_)
                    | DateExpr::MonthOffset(_)
                    | DateExpr::MonthRel(..)
            ) {
                accept.push(surface.clone());
                accept.push(text[toks[d.tok_start].start..end].to_string());
            }
            accept.retain(|a| norm(a) != norm(&answer));
            dedup(&mut accept);
            let key = norm(&answer);
            if let Some((_, f)) = date_facts.iter_mut().find(|(k, _)| *k == key) {
                // "today, August 2, 2019": one date said twice side by side
                // is one blank.
                match f.spans.last_mut() {
                    Some(last)
                        if last.1 <= blank_start
                            && text[last.1..blank_start]
                                .chars()
                                .all(|c| c == ',' || c.is_whitespace()) =>
                    {
                        last.1 = end;
                    }
                    _ => f.spans.push((blank_start, end)),
                }
                continue;
            }
            let precision = resolved.map(|r| r.precision()).unwrap_or(1);
            let note = if inferred {
                resolved
                    .map(|r| format!("inferred from the article's date: {}", r.display()))
                    .or_else(|| {
                        dateline_day
                            .as_ref()
                            .map(|day| format!("inferred from the dateline: {day}"))
                    })
            } else {
                None
            };
            date_facts.push((
                key,
                Fact {
                    kind: FactKind::Date,
                    sentence: si,
                    answer,
                    accept,
                    entity: None,
                    spans: vec![(blank_start, end)],
                    question: None,
                    resolved,
                    inferred,
                    // A span of days has no fair single-day options, nor
                    // has a day without its year.
                    pool: if surface.contains(" to ")
                        || surface.contains(['-', '–'])
                        || dateline_day.is_some()
                    {
                        Pool::NoChoice
                    } else {
                        Pool::Date(precision)
                    },
                    standalone: false,
                    note,
                },
            ));
        }
        for (_, f) in date_facts {
            self.push(f);
        }

        // ---- Numbers ----
        let date_tok: Vec<bool> = {
            let mut v = vec![false; n];
            for d in &s.dates {
                v[d.tok_start..d.tok_end].fill(true);
            }
            v
        };
        let mut k = 0;
        let mut numbers_here = 0;
        while k < n {
            let t = &toks[k];
            if date_tok[k]
                || s.mentions.iter().any(|m| k >= m.ts && k < m.te)
                || (t.kind == Tk::Number
                    && k > 0
                    && toks[k - 1].is_cap()
                    // "gave Russia 60 days": a name ends before the number.
                    && !s.mentions.iter().any(|m| m.te == k)
                    // "All 51 votes", "Only 12 states": an opening word.
                    && !(k == 1 && OPENING_QUANTIFIERS.contains(&toks[0].text))
                    && !toks[k - 1].is("Article")
                    && !toks[k - 1].is("Resolution")
                    && gazetteer::month_of(toks[k - 1].text).is_none())
                || (interrogative && t.kind == Tk::Number)
            {
                k += 1;
                continue;
            }
            let mut span_end = k + 1;
            let mut is_num = false;
            let mut answer_toks = (k, k + 1);
            if t.kind == Tk::Number
                && !t.text.to_ascii_lowercase().ends_with("th")
                && !t.text.ends_with("st")
                && !t.text.ends_with("nd")
                && !t.text.ends_with("rd")
            {
                is_num = true;
                // A vote: "by a vote of 88 to 2"; a range with its unit:
                // "1,000 to 5,500 km".
                let to_number = toks
                    .get(k + 1)
                    .is_some_and(|x| x.is("to") || x.text == "-" || x.text == "–")
                    && toks.get(k + 2).is_some_and(|x| x.kind == Tk::Number);
                let vote = toks[k.saturating_sub(4)..k]
                    .iter()
                    .any(|x| x.text.starts_with("vote"));
                let unit_after = toks.get(k + 3).is_some_and(|x| {
                    gazetteer::NUMBER_UNITS.contains(&x.text.to_lowercase().as_str())
                });
                let ranged = k > 0 && (toks[k - 1].is("from") || toks[k - 1].is("between"));
                if to_number && (vote || (unit_after && !ranged)) {
                    answer_toks = (k, k + 3);
                    span_end = k + 3;
                }
                // "to between 1,700 and 2,200", "ranges between 500 and
                // 5,500 kilometres", "from 500 to 5,500 km": the range is
                // the answer.
                if k > 0
                    && ((toks[k - 1].is("between") && toks.get(k + 1).is_some_and(|x| x.is("and")))
                        || (toks[k - 1].is("from") && to_number && unit_after))
                    && toks.get(k + 2).is_some_and(|x| x.kind == Tk::Number)
                {
                    answer_toks = (k - 1, k + 3);
                    span_end = k + 3;
                }
                // "wind-down periods of 90 and 180 days": two figures with
                // one unit are one answer.
                if !ranged
                    && toks.get(k + 1).is_some_and(|x| x.is("and") || x.is("or"))
                    && toks.get(k + 2).is_some_and(|x| x.kind == Tk::Number)
                    && toks.get(k + 3).is_some_and(|x| {
                        gazetteer::NUMBER_UNITS.contains(&x.text.to_lowercase().as_str())
                    })
                {
                    answer_toks = (k, k + 4);
                    span_end = k + 4;
                }
                // "paragraphs 36 and 37": one reference.
                if k > 0
                    && matches!(
                        toks[k - 1].text.to_lowercase().as_str(),
                        "paragraphs"
                            | "articles"
                            | "sections"
                            | "resolutions"
                            | "paragraph"
                            | "section"
                    )
                    && toks.get(k + 1).is_some_and(|x| x.is("and") || x.is("or"))
                    && toks.get(k + 2).is_some_and(|x| x.kind == Tk::Number)
                {
                    answer_toks = (k, k + 3);
                    span_end = k + 3;
                }
                // "resolution 67/234 B": a session and a number are one
                // symbol, not two figures.
                if toks.get(k + 1).is_some_and(|x| x.text == "/")
                    && toks.get(k + 2).is_some_and(|x| x.kind == Tk::Number)
                {
                    let letter = toks.get(k + 3).is_some_and(|x| {
                        x.text.len() == 1 && x.text.chars().all(|c| c.is_ascii_uppercase())
                    });
                    let e = k + 3 + usize::from(letter);
                    answer_toks = (k, e);
                    span_end = e;
                }
                // "Article 5" handled below; skip numbers in names ("P5+1").
                if k > 0
                    && toks[k - 1].is_cap()
                    && (toks[k - 1].is("Article") || toks[k - 1].is("Resolution"))
                {
                    answer_toks = (k - 1, k + 1);
                }
            } else if t.kind == Tk::Word
                && gazetteer::number_word(t.text).is_some()
                && (!t.is_cap() || k == 0)
            {
                // Spelled-out count followed by a plural noun, not "the two".
                let prev_the = k > 0
                    && (toks[k - 1].is("the")
                        || toks[k - 1].is("these")
                        || toks[k - 1].is("those"));
                // "four Republicans" counts people too.
                let plural = |x: &Token| {
                    x.kind == Tk::Word
                        && x.text.len() > 3
                        && x.text.ends_with('s')
                        && !x.text.ends_with("ss")
                        && (!x.is_cap()
                            || x.text.ends_with("ans")
                            || x.text.ends_with("ats")
                            // "twenty Governments", "all States Parties":
                            // an official text capitalises its actors.
                            || matches!(x.text, "Governments" | "States" | "Parties" | "Members"))
                };
                // A word between a count and its noun: "six nuclear tests",
                // "two missile defense sites", "two ABM deployment areas".
                // Not a superlative: "the two largest arsenals" ranks.
                let region = |x: &Token| gazetteer::REGION_WORDS.contains(&x.text);
                let modifier = |x: &Token| {
                    x.kind == Tk::Word
                        && !x.text.ends_with('s')
                        && !x.text.ends_with("est")
                        && (!x.is_cap()
                            || x.text.chars().all(|c| c.is_ascii_uppercase())
                            || region(x))
                        && !matches!(
                            x.text,
                            "of" | "to"
                                | "the"
                                | "and"
                                | "or"
                                | "in"
                                | "on"
                                | "at"
                                | "by"
                                | "for"
                                | "with"
                                | "from"
                                | "a"
                                | "an"
                                | "that"
                                | "which"
                        )
                };
                // "two annexes", "six nuclear tests", "Nine of them", "from two to one".
                let next_plural = (1..=3).any(|j| {
                    toks.get(k + j).is_some_and(plural) && toks[k + 1..k + j].iter().all(&modifier)
                }) || (k == 0 && toks.get(k + 1).is_some_and(|x| x.is("of")))
                    || (k >= 3
                        && toks[k - 1].is("to")
                        && toks[k - 3..k - 1].iter().any(|x| x.is("from")));
                let generic = toks.get(k + 1).is_some_and(|x| {
                    matches!(
                        x.text,
                        "countries"
                            | "sides"
                            | "nations"
                            | "leaders"
                            | "men"
                            | "presidents"
                            | "powers"
                            | "governments"
                            | "states"
                            | "parties"
                    )
                });
                // "the two countries" / "the three ministers" refer back; "the
                // four types of sensor" counts.
                let partitive = toks.get(k + 2).is_some_and(|x| x.is("of"));
                // "and now the number is nine": the figure a count reached.
                let reached = k >= 2
                    && matches!(toks[k - 1].text, "is" | "was" | "stands" | "stood")
                    && toks[k.saturating_sub(4)..k - 1]
                        .iter()
                        .any(|x| x.is("number") || x.is("total") || x.is("count"));
                // "The four other declared nuclear powers, Britain, China,
                // France and Russia, also signed": the list after it names
                // them all, so "the" refers back to nothing.
                let spelled_out = prev_the
                    && (1..=4).any(|j| {
                        toks.get(k + j).is_some_and(plural)
                            && toks[k + 1..k + j].iter().all(&modifier)
                    })
                    && gazetteer::number_word(t.text)
                        .and_then(|c| counted_list(toks, &s.mentions, k + 1, c))
                        .is_some();
                // "the five nuclear-weapon states", "the five permanent
                // members": a defining count, not one referring back.
                // ("the ten Southeast Asian states": a region's count.)
                let defining = prev_the
                    // Not after a list that spells the count out.
                    && !s.mentions.iter().enumerate().any(|(mi, m)| listed.contains(&mi) && m.te <= k)
                    && ((toks.get(k + 1).is_some_and(|x| {
                        x.text.contains('-')
                            || matches!(x.text, "permanent" | "original" | "founding" | "depositary")
                    }) && toks.get(k + 2).is_some_and(plural))
                        || (1..=3).any(|j| {
                            toks.get(k + j).is_some_and(plural)
                                && j > 1
                                && toks[k + 1..k + j].iter().all(region)
                        }));
                let value = gazetteer::number_word(t.text).unwrap_or(0);
                // "three to five days' notice", "two or three months": a
                // range of counts is one answer, not "three to ___".
                // ("from three to two sites" is a change, not a range.)
                let range = !prev_the
                    && toks.get(k + 1).is_some_and(|x| {
                        x.is("or") || (x.is("to") && !(k > 0 && toks[k - 1].is("from")))
                    })
                    && toks.get(k + 2).is_some_and(|x| {
                        x.kind == Tk::Word
                            && !x.is_cap()
                            && gazetteer::number_word(x.text).is_some()
                    })
                    && toks
                        .get(k + 3)
                        .is_some_and(|x| plural(x) || gazetteer::NUMBER_UNITS.contains(&x.text));
                // "four of them ratified it", "Sixteen of the signatories":
                // a count taken out of a group named before.
                let of_group = value >= 2
                    && !prev_the
                    && toks.get(k + 1).is_some_and(|x| x.is("of"))
                    && toks.get(k + 2).is_some_and(|x| {
                        matches!(x.text, "them" | "those" | "these" | "the" | "its" | "their")
                    });
                // "at a rate of twenty a year": a count per period.
                let rate = value >= 2
                    && toks
                        .get(k + 1)
                        .is_some_and(|x| x.is("a") || x.is("per") || x.is("each"))
                    && toks
                        .get(k + 2)
                        .is_some_and(|x| matches!(x.text, "year" | "month" | "week" | "day"));
                // "Sixteen of the signatories belonged to NATO and six to the
                // Warsaw Pact": the second count of a pair, its noun left out.
                let paired = value >= 2
                    && k >= 2
                    && toks[k - 1].is("and")
                    && toks.get(k + 1).is_some_and(|x| {
                        matches!(x.text, "to" | "in" | "for" | "from" | "against")
                    })
                    && toks[..k - 1].iter().enumerate().any(|(j, x)| {
                        x.kind == Tk::Word
                            && gazetteer::number_word(x.text).is_some()
                            && toks.get(j + 1).is_some_and(|y| y.is("of"))
                    });
                if range {
                    answer_toks = (k, k + 3);
                    span_end = k + 3;
                }
                if reached
                    || spelled_out
                    || defining
                    || range
                    || of_group
                    || rate
                    || paired
                    || (next_plural
                        && !(generic && (prev_the || (k > 0 && toks[k - 1].is("between"))))
                        && (!prev_the || partitive))
                {
                    is_num = true;
                }
            } else if t.kind == Tk::Word
                && is_designation(t.text)
                && !s.mentions.iter().any(|m| m.ts <= k && k < m.te)
                // ("its SS-20, SS-4 and SS-5 missiles": a list of them is
                // trivia.)
                && !(toks.get(k + 1).is_some_and(|x| x.text == "," || x.is("and"))
                    && toks.get(k + 2).is_some_and(|x| is_designation(x.text)))
                && !(k >= 2
                    && (toks[k - 1].text == "," || toks[k - 1].is("and"))
                    && is_designation(toks[k - 2].text))
            {
                // "the 9M729 cruise missile, which NATO calls the SSC-8":
                // a weapon's designation.
                is_num = true;
            } else if t.kind == Tk::Word && counted_compound(t.text).is_some() {
                // "a six-month arrangement", "a four-page document", "a
                // one-year moratorium": the count inside the compound.
                is_num = toks.get(k + 1).is_some_and(|x| {
                    x.kind == Tk::Word && !x.is_cap() && x.text.len() > 2 && !x.is("of")
                });
            } else if t.kind == Tk::Word && is_fraction(t.text) {
                // "two-thirds of the senators present", "a two-thirds majority".
                is_num = true;
            } else if (t.is("one") || t.is("One"))
                && toks
                    .get(k + 1)
                    .is_some_and(|x| matches!(x.text, "third" | "quarter" | "fifth" | "half"))
                && toks.get(k + 2).is_some_and(|x| x.is("of"))
            {
                // "more than approximately one third of the equipment".
                is_num = true;
                answer_toks = (k, k + 2);
                span_end = k + 2;
            } else if t.is("half")
                && toks.get(k + 1).is_some_and(|x| x.is("of"))
                && !(k > 0
                    && matches!(
                        toks[k - 1].text,
                        "the" | "a" | "first" | "second" | "latter" | "and" | "than"
                    ))
            {
                // "it will dilute half of its stockpile": a share. ("the
                // first half of 2019" is a time.)
                is_num = true;
            } else if t.is("one")
                && k >= 1
                && (matches!(
                    toks[k - 1].text,
                    "only" | "just" | "exactly" | "least" | "within"
                ) || (matches!(toks[k - 1].text, "Effective" | "effective" | "effect")
                    && toks
                        .get(k + 1)
                        .is_some_and(|x| matches!(x.text, "year" | "month" | "week" | "day"))))
                && toks
                    .get(k + 1)
                    .is_some_and(|x| x.kind == Tk::Word && !x.is_cap() && !x.is("of"))
            {
                // "each side was allowed only one defensive site", "within
                // one year of entry into force": a limit of one.
                is_num = true;
            } else if t.kind == Tk::Number
                && t.text.len() > 2
                && t.text.to_ascii_lowercase().ends_with("th")
                && t.text[..t.text.len() - 2]
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                && toks
                    .get(k + 1)
                    .is_some_and(|x| gazetteer::ORDINAL_NOUNS.contains(&x.text))
            {
                // "Honduras became the 50th state to ratify it": the place
                // in a count that mattered.
                is_num = true;
            } else if t.kind == Tk::Word
                && k >= 1
                && toks[k - 1].is("the")
                && gazetteer::ordinal_word(t.text).is_some_and(|o| o >= 2)
                && toks
                    .get(k + 1)
                    .is_some_and(|x| gazetteer::ORDINAL_NOUNS.contains(&x.text))
            {
                // "the eighth instrument of ratification", "the fortieth
                // anniversary": an ordinal written out. ("the first round"
                // is everywhere, and no count.)
                is_num = true;
            } else if t.is("one")
                && k >= 2
                && toks[k - 1].is("to")
                && ((k >= 3
                    && toks[k - 3].is("from")
                    && (toks[k - 2].kind == Tk::Number
                        || gazetteer::number_word(toks[k - 2].text).is_some()))
                    // "cut that number to one site": a limit lowered to one.
                    || (toks[k.saturating_sub(6)..k - 1].iter().any(|x| {
                        matches!(
                            x.text,
                            "cut" | "reduced" | "limited" | "lowered" | "capped" | "restricted"
                        )
                    }) && toks
                        .get(k + 1)
                        .is_some_and(|x| x.kind == Tk::Word && !x.is_cap())))
            {
                is_num = true;
            } else if t.is_cap()
                && t.is("Article")
                && let Some(nx) = toks.get(k + 1)
                && (nx.kind == Tk::Number || is_roman(nx.text))
            {
                is_num = true;
                answer_toks = (k, k + 2);
                span_end = k + 2;
            }
            if !is_num {
                k += 1;
                continue;
            }
            // Units kept with the number: "3.67 percent", "%". (Not after
            // an ordinal: "the fourth day" asks for "fourth".)
            let last = toks[answer_toks.1 - 1].text;
            let ordinal = gazetteer::ordinal_word(last).is_some()
                || (last.starts_with(|c: char| c.is_ascii_digit())
                    && last.ends_with(|c: char| c.is_ascii_alphabetic()));
            let mut e = answer_toks.1;
            while !ordinal
                && e < n
                && e < answer_toks.1 + 2
                && gazetteer::NUMBER_UNITS.contains(&toks[e].text.to_lowercase().as_str())
                // "one per side" is a rate, not a unit.
                && (toks[e].text != "per" || toks.get(e + 1).is_some_and(|x| x.is("cent")))
            {
                e += 1;
                if toks[e - 1].text == "per" {
                    // "per cent"
                    if toks.get(e).is_some_and(|x| x.is("cent")) {
                        e += 1;
                    }
                }
            }
            answer_toks.1 = e;
            span_end = span_end.max(e);
            let start = toks[answer_toks.0].start;
            let end = toks[answer_toks.1 - 1].end;
            let mut answer = text[start..end].to_string();
            if gazetteer::number_word(&answer).is_some() {
                // "Thirteen of the members": the word, not its capital.
                answer = answer.to_lowercase();
            }
            let mut accept = number_variants(&answer);
            accept.retain(|a| a != &answer);
            // A reference met again ("Under Resolution 2231, ..."): the first
            // two mentions are quizzed, later ones are reminders.
            if answer.starts_with(char::is_uppercase) && !answer.starts_with(char::is_numeric) {
                let seen = self
                    .reference_seen
                    .entry(answer.to_lowercase())
                    .or_insert(0);
                *seen += 1;
                if *seen > 2 {
                    k = span_end;
                    continue;
                }
            }
            // The same figure twice ("100 missiles and 100 launchers"): one
            // card that blanks both.
            if let Some(prev) = self
                .facts
                .iter_mut()
                .rev()
                .take_while(|x| x.sentence == si)
                .find(|x| x.kind == FactKind::Number && x.answer == answer)
            {
                prev.spans.push((start, end));
                k = span_end;
                continue;
            }
            // "two years ago": a time relative to the article, not a fact.
            if toks.get(answer_toks.1).is_some_and(|t| t.is("ago")) {
                k = span_end;
                continue;
            }
            // "Only four states, Russia, Belarus, Kazakhstan and Ukraine,
            // ratified it": the list spells the count out, so the list is
            // the answer.
            if let Some((ls, le)) = number_word_or_digits(&answer)
                .and_then(|c| counted_list(toks, &s.mentions, answer_toks.1, c))
            {
                let list = text[ls..le].to_string();
                self.push(Fact {
                    kind: FactKind::Party,
                    sentence: si,
                    answer: list,
                    accept: Vec::new(),
                    entity: None,
                    spans: vec![(ls, le)],
                    question: None,
                    resolved: None,
                    inferred: false,
                    pool: Pool::NoChoice,
                    standalone: false,
                    note: None,
                });
                k = span_end;
                continue;
            }
            // A long list of figures: the first five are enough.
            numbers_here += 1;
            if numbers_here > 5 {
                k = span_end;
                continue;
            }
            // A designation has no made-up twin, and another in the text
            // may name the same weapon.
            // Once per article.
            let pool = if is_designation(&answer) {
                if !self.designations_seen.insert(answer.clone()) {
                    k = span_end;
                    continue;
                }
                Pool::NoChoice
            } else {
                Pool::Number
            };
            self.push(Fact {
                kind: FactKind::Number,
                sentence: si,
                answer,
                accept,
                entity: None,
                // "six months' notice": the apostrophe stays outside the
                // blank ("on ___' notice"), so the filled sentence reads
                // as written.
                spans: vec![(start, end)],
                question: None,
                resolved: None,
                inferred: false,
                pool,
                standalone: false,
                note: None,
            });
            k = span_end;
        }
    }

    /// The person a transcript label ("MR. PRICE") names, looked up once
    /// per label: a transcript repeats them.
    fn label_person(&mut self, label: &str) -> Option<usize> {
        if let Some(&hit) = self.label_owner.get(label) {
            return hit;
        }
        let ents = self.ents;
        let hit = label_surname(label).and_then(|sur| {
            let sur = norm(&sur);
            ents.iter().position(|e| {
                e.class == EntClass::Person
                    && e.variants
                        .iter()
                        .chain(e.forms.iter())
                        .any(|v| norm(v) == sur)
            })
        });
        // "DR. LINDQVIST:", "PROF. HALL:": a scholar in a transcript
        // narrates history; their lines are quizzed as theirs only where
        // they give a view.
        if let Some(e) = hit
            && ["DR.", "DR ", "PROF.", "PROFESSOR "]
                .iter()
                .any(|p| label.to_ascii_uppercase().starts_with(p))
        {
            self.experts.insert(e);
        }
        self.label_owner.insert(label.to_string(), hit);
        hit
    }

    /// Where an agreement was made: "was signed in ___ on November 19,
    /// 1990", or a fact sheet's "Place of signing: ___, Czech Republic".
    fn place_fact(&mut self, si: usize, s: &Sent) {
        let sent = &self.art.sentences[si];
        let text = sent.text.as_str();
        let toks = &s.toks;
        let field_value = sent.field.filter(|&l| {
            // Whole words: "Treaty replaced" names no place.
            text[..l].split(|c: char| !c.is_alphanumeric()).any(|w| {
                ["place", "venue", "location", "signed", "signing"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        });
        let start = match field_value {
            // "Signed: 24 March 1992, Helsinki, Finland": the first place
            // in the value.
            Some(l) => (0..toks.len())
                .filter(|&i| toks[i].start > l)
                .find(|&i| self.g.place_at(&s.words, i).is_some()),
            None => (1..toks.len()).find(|&i| {
                (toks[i - 1].is("in") || toks[i - 1].is("at"))
                    && toks[..i - 1]
                        .iter()
                        .rev()
                        .take(10)
                        .take_while(|t| !matches!(t.text, ";" | ":" | "." | "\"" | "“" | "”"))
                        .any(|t| gazetteer::SIGNING_VERBS.contains(&t.text))
            }),
        };
        let Some(i) = start else {
            return;
        };
        let Some(len) = self.g.place_at(&s.words, i) else {
            return;
        };
        // "in London, Moscow and Washington": the three places are one
        // answer.
        // (Only a list closed by "and": "London, Moscow" alone is cut short.)
        let mut end = i + len;
        let mut closed = false;
        while !closed {
            let and = toks.get(end).is_some_and(|t| t.is("and"));
            if !(and || toks.get(end).is_some_and(|t| t.text == ",")) {
                break;
            }
            let Some(n) = self.g.place_at(&s.words, end + 1) else {
                break;
            };
            end += 1 + n;
            closed = and;
        }
        let (end, pool) = if closed {
            (end, Pool::NoChoice)
        } else {
            (i + len, Pool::Place)
        };
        let (a, b) = (toks[i].start, toks[end - 1].end);
        self.push(Fact {
            kind: FactKind::Party,
            sentence: si,
            answer: text[a..b].to_string(),
            accept: Vec::new(),
            entity: None,
            spans: vec![(a, b)],
            question: None,
            resolved: None,
            inferred: false,
            pool,
            standalone: false,
            note: None,
        });
    }

    /// One speaker card per line unit of quoted text, with its speaker.
    fn quote_facts(&mut self, si: usize, s: &Sent, owner_here: Option<usize>, reports: bool) {
        let sent = &self.art.sentences[si];
        // Quotations of three words or fewer are scare quotes ("Open
        // Skies"), not speech.
        let real_quotes: Vec<(usize, usize)> = sent
            .quotes
            .iter()
            .copied()
            .filter(|&(a, b)| {
                sent.text[a..b].split_whitespace().count() > 3 || (a == 0 && sent.starts_in_quote)
            })
            .collect();
        // A transcript turn's own words are its speaker's; a quotation in
        // it ("He put it bluntly: “…”") is someone else's, and a sentence
        // that reports speech ("Washington says ...") has its speech card.
        let owner = owner_here
            .or(if sent.starts_in_quote {
                self.quote_speaker
            } else {
                None
            })
            .or_else(|| {
                // "Let me be clear about the standard we will apply: “…”":
                // words the speaker sets out in the first person are theirs.
                let label = sent.label.as_deref()?;
                let &(q0, _) = real_quotes.first()?;
                let lead = sent.text[..q0].trim_end_matches(['"', '“', ' ']);
                let first_person = lead
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .any(|w| matches!(w, "I" | "we" | "We" | "me" | "us" | "Let"));
                (lead.ends_with(':')
                    && first_person
                    && !s
                        .mentions
                        .iter()
                        .any(|m| m.start < q0 && self.ent(m.entity).class == EntClass::Person))
                .then(|| self.label_person(label))
                .flatten()
            })
            .or_else(|| {
                // "It also said Russia would ...": a turn's sentence that
                // reports someone's speech is not the speaker's own claim.
                let label = sent.label.as_deref()?;
                let toks = &s.toks;
                if real_quotes.is_empty()
                    && !reports
                    && !(0..toks.len()).any(|v| speech_at(toks, v) && introduces_claim(toks, v))
                {
                    self.label_person(label)
                } else {
                    None
                }
            });
        // Carry the speaker while the quote stays open.
        let closes = sent.quotes.last().is_none_or(|&(_, b)| b < sent.text.len());
        self.quote_speaker = if closes && !sent.quotes.iter().any(|&(_, b)| b == sent.text.len()) {
            None
        } else {
            owner
        };
        if sent.starts_in_quote
            && sent
                .quotes
                .first()
                .is_some_and(|&(a, b)| a == 0 && b == sent.text.len())
        {
            self.quote_speaker = owner;
        }
        // "President Trump announced ..." in a briefer's turn is the
        // briefer's report; its speech card says who announced it.
        if let Some(l) = sent.label.as_deref()
            && real_quotes.is_empty()
            && owner_here.is_some()
            && owner_here != self.label_person(l)
        {
            return;
        }
        let Some(owner) = owner else {
            return;
        };
        // The quoted text of this sentence, or for a transcript turn the
        // whole sentence.
        let unfilled;
        let quoted: Vec<&str> = if real_quotes.is_empty() {
            if sent.label.is_some() {
                // "Well, ..." opens the answer; it is no part of the claim.
                unfilled = crate::core::text::strip_opening_filler(&sent.text);
                vec![unfilled.as_deref().unwrap_or(&sent.text)]
            } else {
                return;
            }
        } else {
            real_quotes.iter().map(|&(a, b)| &sent.text[a..b]).collect()
        };
        let unit = (sent.paragraph, sent.line);
        // One card per line of quotation; in a transcript turn, sentences
        // that state an opinion ("In my view", "I think") get their own.
        let opinion = real_quotes.is_empty() && is_opinion(&sent.text);
        // A quotation of someone else in the turn (“…,” Trump said) is
        // that person's card, not the briefer's second.
        // (A quotation the speaker sets out in their own turn is its own card.)
        if self.turn_carded == Some((unit, owner))
            && !opinion
            && (real_quotes.is_empty() || sent.label.is_none())
        {
            return;
        }
        // An analyst narrating history is not the source of that history.
        if real_quotes.is_empty() && self.experts.contains(&owner) && !opinion {
            return;
        }
        // "Thank you", "Good afternoon": courtesies say nothing to remember;
        // "I want to begin with ...": nor does a briefer's agenda.
        const STEERING: &[&str] = &[
            "Thank you",
            "Thanks",
            "Good morning",
            "Good afternoon",
            "Next question",
            "I want to begin",
            "I want to start",
            "I'd like to begin",
            "I'd like to start",
            "I would like to begin",
            "I would like to start",
            "Let me begin",
            "Let me start",
        ];
        if real_quotes.is_empty() && STEERING.iter().any(|p| sent.text.starts_with(p)) {
            return;
        }
        // "Putin linked the decision to ..." in a briefer's turn reports what
        // someone else did; it is not the briefer's own claim.
        if real_quotes.is_empty()
            && s.mentions.first().is_some_and(|m| {
                m.ts == 0 && m.entity != owner && self.ents[m.entity].class == EntClass::Person
            })
        {
            return;
        }
        // Quote text for the question: this sentence's quote, followed by
        // the next sentences of the same line while they stay quoted and short.
        let mut q = quoted.join(" … ");
        // "“NATO regrets this decision. It is a step in the wrong
        // direction,” the spokesman said.": the quotation began in the
        // sentence before, which named no speaker.
        if sent.starts_in_quote && real_quotes.first().is_some_and(|&(a, _)| a == 0) {
            let mut p = si;
            while p > 0 && q.split_whitespace().count() < 30 {
                let pv = &self.art.sentences[p - 1];
                if pv.line != sent.line || pv.fragment || pv.quotes.len() != 1 {
                    break;
                }
                let (a, b) = pv.quotes[0];
                if a > 3 || b != pv.text.len() {
                    break;
                }
                q = format!("{} {q}", pv.text[a..b].trim());
                if !pv.starts_in_quote {
                    break;
                }
                p -= 1;
            }
        }
        let mut k = si + 1;
        while !real_quotes.is_empty() && q.split_whitespace().count() < 12 {
            let Some(nx) = self.art.sentences.get(k) else {
                break;
            };
            if nx.line != sent.line || nx.fragment {
                break;
            }
            let part: Vec<&str> = if nx.quotes.is_empty() {
                if nx.label.is_some() && nx.label == sent.label {
                    vec![nx.text.as_str()]
                } else {
                    break;
                }
            } else {
                nx.quotes.iter().map(|&(a, b)| &nx.text[a..b]).collect()
            };
            let add = part.join(" … ");
            if q.split_whitespace().count() + add.split_whitespace().count() > 30 {
                break;
            }
            // “… let's be frank,” he said. “It is …”: the quote's own
            // sentence ends where the next begins.
            let trimmed = q.trim_end_matches(['”', '"', ' ']);
            if trimmed.ends_with(',')
                && add
                    .trim_start_matches(['“', '"'])
                    .starts_with(char::is_uppercase)
            {
                q.truncate(trimmed.len() - 1);
                q.push('.');
            }
            q.push(' ');
            q.push_str(&add);
            k += 1;
        }
        let q = q
            .trim()
            .trim_matches(|c| matches!(c, '“' | '”' | '"' | ' ' | ','))
            .to_string();
        let words = q.split_whitespace().count();
        // A transcript turn's card needs substance: a name, number or date
        // ("Thank you all very much." is no fact).
        let substantive = q.chars().any(|c| c.is_ascii_digit())
            || q.split_whitespace()
                .skip(1)
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        // A quote needs substance of its own: not "However, we consider it a
        // mistake" (what is "it"?).
        let first_word = q
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(',');
        let dangling = !real_quotes.is_empty()
            && words < 9
            && (matches!(
                first_word,
                "However" | "But" | "And" | "So" | "Also" | "Yet"
            ) || q.split_whitespace().take(1).any(|w| {
                matches!(
                    w.to_lowercase().trim_end_matches(','),
                    "it" | "this" | "that" | "they" | "these" | "those"
                )
            }));
        // "Cuba, which ratified the treaty in 2002.": a reply with no verb
        // of its own is no claim to attribute.
        if words < 4
            || dangling
            || (real_quotes.is_empty()
                && (words < 6 || !(substantive || opinion) || is_verbless(&s.toks)))
        {
            return;
        }
        let ent = &self.ents[owner];
        // The speaker named inside the quote is not given away: a person
        // is blanked, a body is written as an editor would, "all [its]
        // Allies" or "[the alliance] regrets".
        let mut q = q;
        let mut intro = None;
        for nm in ent.all_names() {
            let spans = super::cards::find_word_spans(&q, &nm);
            if spans.is_empty() {
                continue;
            }
            // "I am ___, Director General of ...": a speaker introducing
            // themselves is asked by the post they give ("Who introduced
            // themselves as Director General of ...?"), or not at all.
            let introduces = spans.iter().find(|&&(a, _)| {
                let before = q[..a].trim_end();
                ["I am", "I'm", "I’m", "name is", "This is", "this is"]
                    .iter()
                    .any(|p| before.ends_with(p))
            });
            if let Some(&(_, b)) = introduces.filter(|_| ent.class == EntClass::Person) {
                let post = q[b..]
                    .strip_prefix(", ")
                    .and_then(|r| r.split(". ").next())
                    .map(|r| r.trim_end_matches(['.', ',']))
                    .filter(|r| {
                        let n = r.split_whitespace().count();
                        (2..=14).contains(&n)
                            && !r.split_whitespace().any(|w| {
                                matches!(
                                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                                    "I" | "my" | "we" | "our" | "I'll" | "I’ll" | "I'm" | "I’m"
                                )
                            })
                    });
                match post {
                    Some(p) => {
                        intro = Some(format!("Who introduced themselves as {p}?"));
                        break;
                    }
                    None => return,
                }
            }
            q = if ent.class == EntClass::Person {
                super::cards::blank(&q, &spans)
            } else {
                bracket_names(&q, &spans, ent.class)
            };
        }
        self.turn_carded = Some((unit, owner));
        let q = trim_words(&q, 30);
        // `… Vienna.` inside the quote: the question mark follows the quote.
        let q = q.strip_suffix('.').unwrap_or(&q).to_string();
        let answer = if ent.class == EntClass::Person {
            ent.name.clone()
        } else {
            strip_the(&ent.name).to_string()
        };
        let accept = self.accept_for(owner, &answer);
        let who = if ent.class == EntClass::Person {
            "Who"
        } else {
            self.who(Some(owner), ent.class)
        };
        self.push(Fact {
            kind: FactKind::Speaker,
            sentence: si,
            answer,
            accept,
            entity: Some(owner),
            spans: Vec::new(),
            question: Some(if let Some(i) = intro {
                i
            } else if q.ends_with(['?', '!', '…']) {
                format!("{who} said: “{}”", balance_quotes(&q))
            } else {
                format!("{who} said: “{}”?", balance_quotes(&q))
            }),
            resolved: None,
            inferred: false,
            pool: Pool::Entity(ent.class),
            standalone: true,
            note: None,
        });
    }

    /// "the alliance" / "the ministry" / "the agency": the most recently
    /// named entity of that sort.
    /// "President", "Soviet leader", "foreign minister": the person seen
    /// most recently whose title in this article fits.
    fn resolve_person_anaphor(&self, words: &[Token]) -> Option<usize> {
        let (noun, mods) = words.split_last()?;
        let noun = noun.text.to_lowercase();
        const HEADS: &[&str] = &[
            "president",
            "leader",
            "minister",
            "secretary",
            "senator",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "chancellor",
            "premier",
            "ambassador",
            "envoy",
            "chairman",
            "chair",
            "director",
            "negotiator",
        ];
        if !HEADS.contains(&noun.as_str()) || mods.iter().any(|t| t.kind != Tk::Word) {
            return None;
        }
        let mods: Vec<String> = mods.iter().map(|t| t.text.to_lowercase()).collect();
        let mut order: Vec<(u64, usize)> = self
            .last_seen
            .iter()
            .enumerate()
            .filter(|&(e, &t)| t > 0 && self.ents[e].class == EntClass::Person)
            .map(|(e, &t)| (t, e))
            .collect();
        order.sort_unstable_by(|a, b| b.cmp(a));
        order.into_iter().map(|(_, e)| e).find(|&e| {
            let Some(role) = self
                .facts
                .iter()
                .find(|f| f.kind == FactKind::Role && f.entity == Some(e))
                .map(|f| f.answer.to_lowercase())
            else {
                return false;
            };
            let fits_noun = role.contains(noun.as_str())
                || (noun == "leader"
                    && [
                        "president",
                        "secretary",
                        "prime minister",
                        "chancellor",
                        "leader",
                    ]
                    .iter()
                    .any(|h| role.contains(h)));
            // "the Soviet leader": the adjective is in the role too.
            fits_noun && mods.iter().all(|m| role.contains(m.as_str()))
        })
    }

    fn resolve_anaphor(&self, noun: &str) -> Option<usize> {
        let noun = noun.to_lowercase();
        let mut order: Vec<(u64, usize)> = self
            .last_seen
            .iter()
            .enumerate()
            .filter(|&(_, &t)| t > 0)
            .map(|(e, &t)| (t, e))
            .collect();
        order.sort_unstable_by(|a, b| b.cmp(a));
        order.into_iter().map(|(_, e)| e).find(|&e| {
            let ent = &self.ents[e];
            match noun.as_str() {
                "alliance" | "bloc" => ent.class == EntClass::Alliance,
                "agency" => {
                    matches!(ent.class, EntClass::Agency | EntClass::Organisation)
                        && ent
                            .all_names()
                            .iter()
                            .any(|n| n.to_lowercase().contains("agency"))
                }
                "ministry" | "department" | "commission" | "committee" | "council"
                | "organization" | "organisation" => ent
                    .all_names()
                    .iter()
                    .any(|n| n.to_lowercase().contains(noun.as_str())),
                _ => false,
            }
        })
    }

    /// "X has served as CTBTO Executive Secretary", "X became President".
    fn role_predicate(&self, s: &Sent, name_end: usize) -> Option<(usize, usize)> {
        let toks = &s.toks;
        let mut k = name_end;
        // "Robert Floyd of Australia is the ...": the name's country.
        if toks.get(k).is_some_and(|t| t.is("of")) {
            k += 1;
            while toks.get(k).is_some_and(|t| t.is_cap()) {
                k += 1;
            }
        }
        while toks.get(k).is_some_and(|t| {
            matches!(
                t.text,
                "has" | "had" | "have" | "was" | "is" | "later" | "then" | "also"
            )
        }) {
            k += 1;
        }
        let w = toks.get(k)?.text;
        // "Dr. Ingrid Halvorsen is a seismologist who ...": a profession
        // as the predicate.
        if k > name_end && matches!(toks[k - 1].text, "is" | "was") && matches!(w, "a" | "an") {
            return profession_at(toks, k + 1).map(|e| (k + 1, e));
        }
        // "X is the Executive Secretary": a title as the whole predicate.
        // ("X is General Secretary of ...": a formal title needs no "the".)
        let copular = k > name_end
            && matches!(toks[k - 1].text, "is" | "was")
            && ((w == "the" && toks.get(k + 1).is_some_and(|t| t.is_cap()))
                || (toks[k].is_cap() && s.title(k).is_some()));
        if copular {
            // The article is skipped below.
        } else if matches!(w, "served" | "serves" | "serving")
            && toks.get(k + 1).is_some_and(|t| t.is("as"))
        {
            k += 2;
        } else if matches!(w, "became" | "becomes") {
            k += 1;
        } else if matches!(w, "appointed" | "named" | "elected") {
            k += 1;
            if toks.get(k).is_some_and(|t| t.is("as")) {
                k += 1;
            }
        } else {
            return None;
        }
        k = skip_article(toks, k);
        let start = k;
        let mut end = k;
        let mut has_title = false;
        while end < toks.len() && end - start < 14 {
            let t = &toks[end];
            if let Some(len) = s.title(end) {
                has_title = true;
                end += len;
                continue;
            }
            // ("Director of the Arms Control and Disarmament Agency".)
            let joiner = (matches!(t.text, "of" | "the" | "for")
                && toks.get(end + 1).is_some_and(|n| n.is_cap()))
                || (matches!(t.text, "of" | "for")
                    && toks.get(end + 1).is_some_and(|n| n.is("the"))
                    && toks.get(end + 2).is_some_and(|n| n.is_cap()))
                || (t.is("and") && end > start && toks.get(end + 1).is_some_and(|n| n.is_cap()));
            if t.is_cap() || joiner {
                end += 1;
                continue;
            }
            break;
        }
        while end > start && !toks[end - 1].is_cap() && s.title(end - 1).is_none() {
            end -= 1;
        }
        (has_title && end > start).then_some((start, end))
    }

    /// A title run ending right before token `name_start`.
    fn role_before(&self, s: &Sent, name_start: usize) -> Option<(usize, usize)> {
        // The title ends right before the name, or before a comma there:
        // "the EU High Representative, Josep Borrell" (and an honorific:
        // "The Ministry's spokesman, Mr. Anuwat Srisombat").
        // (Only a title someone's or something's: "the spokesman, Mr.
        // Halloran" in a note on the text says nothing.)
        let name_start = if name_start >= 4
            && gazetteer::HONORIFICS.contains(&s.toks[name_start - 1].text)
            && s.toks[name_start - 2].text == ","
            && (matches!(s.toks[name_start - 4].text, "'s" | "’s")
                || s.toks[name_start - 4].is_cap())
        {
            name_start - 1
        } else {
            name_start
        };
        let end = if name_start >= 2 && s.toks[name_start - 1].text == "," {
            name_start - 1
        } else {
            name_start
        };
        let mut best = None;
        for l in 1..=6 {
            if end < l {
                break;
            }
            let k = end - l;
            if let Some(len) = s.title(k)
                && k + len == end
            {
                best = Some(k);
            }
        }
        // "the Director General of the IAEA, Rafael Grossi": a title of a
        // body named right before the name.
        if best.is_none() && end < name_start {
            for l in 1..=6 {
                let Some(k) = end.checked_sub(l) else { break };
                let Some(m) = self.g.match_at(&s.words, k).filter(|m| k + m.len == end) else {
                    continue;
                };
                if !matches!(
                    self.g.entries[m.entry].kind,
                    EntKind::Organisation | EntKind::Body | EntKind::Alliance | EntKind::Agency
                ) {
                    continue;
                }
                let mut j = k;
                if j > 0 && s.toks[j - 1].is("the") {
                    j -= 1;
                }
                if j > 1 && s.toks[j - 1].is("of") {
                    let of = j - 1;
                    for l2 in 1..=4 {
                        let Some(k2) = of.checked_sub(l2) else { break };
                        if s.title(k2).is_some_and(|len| k2 + len == of) {
                            best = Some(k2);
                        }
                    }
                }
                if best.is_some() {
                    break;
                }
            }
        }
        let mut start = best?;
        let name_start = end;
        // Extend left over modifiers: country adjectives/names, bodies,
        // possessives, "former", "then-", other titles.
        loop {
            let mut moved = false;
            for l in (1..=6).rev() {
                if start < l {
                    continue;
                }
                let k = start - l;
                if let Some(m) = self.g.match_at(&s.words, k) {
                    let e = &self.g.entries[m.entry];
                    if k + m.len == start
                        && matches!(
                            e.kind,
                            EntKind::Country
                                | EntKind::Body
                                | EntKind::Organisation
                                | EntKind::Alliance
                        )
                    {
                        start = k;
                        moved = true;
                        break;
                    }
                    // "House Foreign Affairs Committee Chairman": a body
                    // whose name the title's first word ends.
                    if k + m.len > start
                        && k + m.len < name_start
                        && matches!(e.kind, EntKind::Body | EntKind::Organisation)
                    {
                        start = k;
                        moved = true;
                        break;
                    }
                    if k + m.len + 1 == start && matches!(s.words[start - 1], "'s" | "’s") {
                        start = k;
                        moved = true;
                        break;
                    }
                }
                if let Some(len) = s.title(k)
                    && k + len == start
                {
                    start = k;
                    moved = true;
                    break;
                }
            }
            if !moved && start > 0 {
                let w = s.toks[start - 1].text;
                if matches!(
                    w.to_lowercase().as_str(),
                    "former" | "then" | "acting" | "deputy" | "chief" | "senior" | "top" | "then-"
                ) {
                    start -= 1;
                    moved = true;
                }
            }
            if !moved {
                break;
            }
        }
        // Lone "President" style title without modifiers is still a role.
        Some((start, name_start))
    }

    /// An appositive title after the name: ", Vice President of the X,".
    fn role_after(&self, s: &Sent, mut name_end: usize) -> Option<(usize, usize)> {
        let toks = &s.toks;
        // "Hodding Carter III, Assistant Secretary ...": a generational
        // suffix closes the name.
        if toks
            .get(name_end)
            .is_some_and(|t| matches!(t.text, "Jr." | "Sr." | "II" | "III" | "IV"))
        {
            name_end += 1;
        }
        if toks.get(name_end).is_none_or(|t| t.text != ",") {
            return None;
        }
        let mut k = name_end + 1;
        // ", to send an expert mission": an infinitive, no appositive.
        if toks
            .get(k)
            .is_some_and(|t| t.is("to") || (t.kind == Tk::Word && is_finite_verb(t.text)))
        {
            return None;
        }
        // "Nursultan Nazarbayev, then President of ...": the time word
        // is no part of the post.
        if toks
            .get(k)
            .is_some_and(|t| matches!(t.text, "then" | "now" | "later" | "formerly"))
        {
            k += 1;
        }
        k = skip_article(toks, k);
        let start = k;
        let mut has_title = false;
        let mut end = k;
        while end < toks.len() && end - start < 14 {
            let t = &toks[end];
            if t.kind == Tk::Punct && t.text != "'s" && t.text != "’s" && t.text != "-" {
                break;
            }
            // "a senior fellow who follows arms control", "a historian
            // based in Stockholm": the title ends.
            if (t.is("who") || t.is("based") || t.is("located") || t.is("working")) && end > start {
                break;
            }
            // "director of the program at the Hartwell Institute and a
            // former inspector": a second description begins.
            let second = t.is("and")
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.is("a") || n.is("an") || n.is("former"));
            if second && end > start {
                break;
            }
            if t.is("who") || t.is("said") || speech_at(toks, end) {
                return None;
            }
            if s.title(end).is_some() {
                has_title = true;
            }
            end += 1;
        }
        if !has_title || end == start {
            return None;
        }
        // "Secretary of State Dean Rusk, Soviet Ambassador Anatoly
        // Dobrynin and ...": a list of titled people, no appositive.
        if s.mentions
            .iter()
            .any(|m| m.ts >= start && m.ts < end && self.ent(m.entity).class == EntClass::Person)
        {
            return None;
        }
        // Must close with a comma or the sentence end (an appositive).
        if end < toks.len()
            && toks[end].text != ","
            && toks[end].text != "."
            && !["who", "based", "located", "working", "and"]
                .iter()
                .any(|w| toks[end].is(w))
        {
            return None;
        }
        Some((start, end))
    }

    fn role_fact(&mut self, si: usize, s: &Sent, m: &Mention, rs: usize, mut re: usize) {
        let text = &self.art.sentences[si].text;
        // "an ambassador-at-large at the State Department and the chief
        // U.S. negotiator": two posts; the first is the answer, the whole
        // is accepted.
        let both = (rs + 1..re.saturating_sub(2))
            .find(|&k| {
                s.toks[k].is("and")
                    && s.toks[k + 1].is("the")
                    && s.toks[k + 2].kind == Tk::Word
                    && !s.toks[k + 2].is_cap()
            })
            .map(|k| {
                let full = text[s.toks[rs].start..s.toks[re - 1].end].to_string();
                re = k;
                full
            });
        // "a senior analyst at the Larchmont Centre for Verification
        // Studies": the post, and where it is held, are two facts.
        let employer = (rs + 1..re.saturating_sub(1))
            .filter(|&k| s.toks[k].is("at") || s.toks[k].is("with"))
            .find_map(|k| {
                let from = if s.toks[k + 1].is("the") {
                    k + 2
                } else {
                    k + 1
                };
                s.mentions
                    .iter()
                    .find(|o| {
                        o.ts == from
                            && o.te >= re.saturating_sub(1)
                            && matches!(
                                self.ent(o.entity).class,
                                EntClass::Body | EntClass::Organisation
                            )
                    })
                    .map(|o| (k, o.clone()))
            });
        if let Some((k, _)) = employer {
            re = k;
        }
        // "an arms control analyst at a Washington research institute":
        // the post is "arms control analyst"; an unnamed employer after
        // "at a" describes, and the whole stays an accepted answer.
        let described = (rs + 1..re.saturating_sub(1)).find(|&k| {
            matches!(s.toks[k].text, "at" | "with" | "for")
                && matches!(s.toks[k + 1].text, "a" | "an")
        });
        let long_form = described.map(|k| {
            let full = text[s.toks[rs].start..s.toks[re - 1].end].to_string();
            re = k;
            full
        });
        let role = text[s.toks[rs].start..s.toks[re - 1].end].to_string();
        let role = role.trim_end_matches(',').trim();
        // "former President" -> "President"; "Supreme Leader Ayatollah" ->
        // "Supreme Leader" (an honorific is not a post).
        let mut role = role.to_string();
        for p in ["former ", "Former ", "then-", "then ", "Then-"] {
            if let Some(r) = role.strip_prefix(p) {
                role = r.to_string();
            }
        }
        for h in [" Ayatollah", " Sheikh", " Dr.", " Mr.", " Ms."] {
            if let Some(r) = role.strip_suffix(h) {
                role = r.to_string();
            }
        }
        // "Senators Sam Nunn and Richard Lugar": each is a Senator.
        for (pl, sg) in [("Senators", "Senator"), ("Presidents", "President")] {
            if let Some(r) = role.strip_suffix(pl) {
                role = format!("{r}{sg}");
            }
        }
        if role.split_whitespace().count() > 14 || role.is_empty() {
            return;
        }
        // "director of our verification program": whose "our" depends on
        // who speaks, so the card says "the" (the words as written stay an
        // accepted answer).
        let as_written = role.clone();
        if role.split_whitespace().any(|w| {
            gazetteer::PERSONAL_POSSESSIVES
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        }) {
            role = role
                .split_whitespace()
                .map(|w| {
                    if gazetteer::PERSONAL_POSSESSIVES
                        .iter()
                        .any(|p| w.eq_ignore_ascii_case(p))
                    {
                        "the"
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
        if !self.role_seen.insert(m.entity) {
            return;
        }
        let lr = role.to_lowercase();
        if EXPERT_WORDS.iter().any(|w| lr.contains(w)) {
            self.experts.insert(m.entity);
        }
        let name = text[m.start..m.end].to_string();
        let famous = self.g.person_at(&s.words, m.ts).is_some()
            && TOP_OFFICES.iter().any(|o| role.to_lowercase().ends_with(o));
        let mut accept = Vec::new();
        // The role from its first title on ("spokesman" for "Russian Foreign
        // Ministry spokesman") and that title phrase alone.
        for st in rs..re {
            if let Some(len) = s.title(st) {
                accept.push(text[s.toks[st].start..s.toks[re - 1].end].to_string());
                accept.push(text[s.toks[st].start..s.toks[(st + len).min(re) - 1].end].to_string());
                break;
            }
        }
        accept.push(as_written);
        accept.extend(long_form);
        accept.extend(both);
        accept.retain(|a| a != &role);
        dedup(&mut accept);
        self.push(Fact {
            kind: FactKind::Role,
            sentence: si,
            answer: role,
            accept,
            entity: Some(m.entity),
            spans: vec![(s.toks[rs].start, s.toks[re - 1].end)],
            // "What position did Vladimir Putin hold?" asks what everyone
            // knows; the sentence's own context ("___ Vladimir Putin signed
            // a decree ...") makes it a fact about this history.
            question: (!famous).then(|| format!("What position did {name} hold?")),
            resolved: None,
            inferred: false,
            pool: Pool::Role,
            standalone: false,
            note: None,
        });
        if let Some((_, o)) = employer {
            let post = self
                .facts
                .last()
                .filter(|f| f.kind == FactKind::Role)
                .map(|f| f.answer.clone());
            if let Some(post) = post {
                let cls = self.ent(o.entity).class;
                let mut f = self.mention_fact(FactKind::Party, si, s, &o, Pool::Entity(cls));
                f.question = Some(format!("At which institution was {name} {post}?"));
                f.standalone = true;
                self.push(f);
            }
        }
    }

    /// The source named after "according to" at token `k`: a mention, or a
    /// descriptive phrase ("a Russian satellite news agency", "the website of X").
    fn source_after(&self, s: &Sent, k: usize) -> Option<(usize, usize, Option<usize>)> {
        let toks = &s.toks;
        let mut i = k;
        // "the website of X" / "a report by X" / "a statement from X".
        let mut j = i;
        while j < toks.len() && j - i < 5 && !matches!(toks[j].text, "of" | "by" | "from" | ",") {
            j += 1;
        }
        if j < toks.len()
            && matches!(toks[j].text, "of" | "by" | "from")
            && let Some(m) = s
                .mentions
                .iter()
                .find(|m| m.ts == j + 1 || (m.ts == j + 2 && toks[j + 1].is("the")))
        {
            let cls = self.ent(m.entity).class;
            if matches!(
                cls,
                EntClass::Agency | EntClass::Person | EntClass::Body | EntClass::Organisation
            ) {
                return Some((m.start, m.te, Some(m.entity)));
            }
        }
        if toks
            .get(i)
            .is_some_and(|t| t.is("the") || t.is("a") || t.is("an"))
        {
            i += 1;
        }
        if let Some(m) = s
            .mentions
            .iter()
            .find(|m| m.ts == i || (m.ts == k && m.te > i))
            && m.form != Form::Adjective
        {
            let cls = self.ent(m.entity).class;
            if cls == EntClass::Treaty {
                return None;
            }
            return Some((m.start, m.te, Some(m.entity)));
        }
        // Descriptive: words up to a source noun.
        let mut e = i;
        while e < toks.len() && e - i < 6 && toks[e].kind == Tk::Word {
            if gazetteer::SOURCE_NOUNS.contains(&toks[e].text.to_lowercase().as_str()) {
                let start_tok = if toks[k].is("a") || toks[k].is("the") || toks[k].is("an") {
                    k
                } else {
                    i
                };
                // Need at least one modifier ("Russian media", "a satellite news agency").
                if e > i {
                    return Some((toks[start_tok].start, e + 1, None));
                }
                return None;
            }
            e += 1;
        }
        None
    }
}

/// The name to show for an entity: its most used surface form.
fn display(e: &Entity) -> String {
    strip_the(e.forms.first().unwrap_or(&e.name)).to_string()
}

fn src_end_byte(toks: &[Token], te: usize) -> usize {
    toks[te - 1].end
}

/// End of an "according to X [on DATE]" phrase: the next comma or sentence end.
fn s_phrase_end(toks: &[Token], from: usize) -> usize {
    let mut k = from;
    while k < toks.len() && toks[k].text != "," && toks[k].text != "." {
        if k - from > 6 {
            return from;
        }
        k += 1;
    }
    k
}

fn skip_back_adverbs(toks: &[Token], v: usize) -> usize {
    let mut k = v;
    while k > 0
        && toks[k - 1].kind == Tk::Word
        && ADVERBS.contains(&toks[k - 1].text)
        && !matches!(
            toks[k - 1].text,
            "on" | "today" | "yesterday" | "had" | "has" | "have"
        )
    {
        k -= 1;
    }
    k
}

/// Verbs such as "announced" or "reported" report speech only when a claim
/// follows ("announced that", "reported on the 16th that", "warned:").
fn introduces_claim(toks: &[Token], v: usize) -> bool {
    let w = toks[v].text.to_ascii_lowercase();
    if matches!(
        w.as_str(),
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "stated"
            | "added"
            | "adds"
            | "noted"
            | "stressed"
            | "insisted"
            | "argued"
            | "claimed"
            | "explained"
            | "wrote"
            | "writes"
            | "declared"
            | "remarked"
            | "commented"
            | "emphasized"
            | "emphasised"
            | "reiterated"
            | "tweeted"
            | "pointed"
    ) {
        return true;
    }
    let window = &toks[v + 1..(v + 9).min(toks.len())];
    // "replied that ...", not "answered those concerns".
    if matches!(w.as_str(), "replied" | "answered" | "responded") {
        return toks.get(v + 1).is_none_or(|t| {
            matches!(
                t.text,
                "that" | ":" | "“" | "\"" | "," | "." | "with" | "to"
            )
        });
    }
    // "The United States accused Russia of violating the treaty": a
    // charge is a claim, when its accuser opens the sentence ("After the
    // United States accused ..., Russia hit back" is background).
    if w == "accused" || w == "accuses" {
        let opener = toks.first().is_some_and(|t| {
            gazetteer::SUBORDINATORS.contains(&t.text) || t.text == "After" || t.text == "Before"
        });
        return !opener && window.iter().take(6).any(|t| t.is("of") || t.is("that"));
    }
    if w == "called" {
        // "called the decision deeply regrettable", "called it a
        // mistake": a judgement; not "called for", "called on".
        return window.iter().any(|t| matches!(t.text, "“" | "\""))
            || toks.get(v + 1).is_some_and(|t| {
                matches!(t.text, "the" | "it" | "this" | "that" | "these" | "those")
            });
    }
    window
        .iter()
        .any(|t| matches!(t.text, "that" | ":" | "“" | "\"" | ","))
}

/// The index after an article ("the", "a", "an") at `k`, or `k`.
fn skip_article(toks: &[Token], k: usize) -> usize {
    if toks
        .get(k)
        .is_some_and(|t| t.is("the") || t.is("a") || t.is("an"))
    {
        k + 1
    } else {
        k
    }
}

/// The word before a mention, skipping a determiner.
fn prev_content_word<'t, 'a>(toks: &'t [Token<'a>], ts: usize) -> Option<&'t Token<'a>> {
    let mut k = ts;
    while k > 0 {
        k -= 1;
        if !toks[k].is("the") {
            return Some(&toks[k]);
        }
    }
    None
}

/// Indices of mentions that are members of a coordinated list of three or
/// more names: "A, B, C and D".
fn list_members(s: &Sent) -> HashSet<usize> {
    let mut out = HashSet::default();
    let ms = &s.mentions;
    let mut i = 0;
    while i < ms.len() {
        let mut j = i;
        while j + 1 < ms.len() {
            let gap = &s.toks[ms[j].te..ms[j + 1].ts];
            let joined = !gap.is_empty()
                && gap.len() <= 3
                && gap
                    .iter()
                    .all(|t| matches!(t.text, "," | "and" | "or" | "the" | "as" | "well"))
                && gap.iter().any(|t| matches!(t.text, "," | "and" | "or"));
            if !joined {
                break;
            }
            j += 1;
        }
        if j - i + 1 >= 3 {
            out.extend(i..=j);
        }
        i = j + 1;
    }
    out
}

/// "Given the special ..." -> "given the special ..." (keeps "Russia").
fn lower_initial(s: &str) -> String {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    // Lower-case an ordinary opening word, not a name ("Russia", "Putin").
    let next_cap = s
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let common = first.len() > 1
        && first.chars().skip(1).all(|c| c.is_lowercase())
        && !next_cap
        && gazetteer::get().match_at(&[first], 0).is_none()
        // "Secretary of State Colin Powell held talks": a title keeps its
        // capital.
        && gazetteer::get()
            .title_at(&s.split_whitespace().take(4).collect::<Vec<_>>(), 0)
            .is_none()
        && (gazetteer::is_not_name_word(first) || !first.ends_with(['a', 'o', 'i']));
    let head = if common {
        let mut c = first.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect::<String>())
            .unwrap_or_default()
    } else {
        first.to_string()
    };
    std::iter::once(head)
        .chain(words.map(String::from))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence about the document itself ("This statement sets out ...").
/// Offices every reader knows a famous holder of ("President" Putin).
const TOP_OFFICES: &[&str] = &[
    "president",
    "prime minister",
    "chancellor",
    "general secretary",
    "leader",
    "premier",
];

/// Words that open a sentence before a figure ("All 51 votes ...", "For
/// 15 years ..."): capitalised only by their place, never a name.
const OPENING_QUANTIFIERS: &[&str] = &[
    "For",
    "Within",
    "After",
    "Under",
    "With",
    "By",
    "All",
    "Only",
    "Some",
    "About",
    "Nearly",
    "Almost",
    "Around",
    "Over",
    "Roughly",
    "Just",
    "Another",
    "More",
    "Fewer",
    "Exactly",
    "Approximately",
];

/// A count as a whole number, spelled out or in digits.
fn number_word_or_digits(w: &str) -> Option<u64> {
    gazetteer::number_word(&w.to_lowercase()).or_else(|| w.parse().ok())
}

/// The names that spell out a count: after "four states" (up to six words
/// of noun), a comma, an optional "namely", then exactly `count` names
/// joined by commas and "and", closed by a comma or the sentence's end.
/// Byte span of the names.
fn counted_list(
    toks: &[Token],
    mentions: &[Mention],
    after: usize,
    count: u64,
) -> Option<(usize, usize)> {
    if !(2..=12).contains(&count) {
        return None;
    }
    let comma = (after..toks.len().min(after + 9)).find(|&i| toks[i].text == ",")?;
    // The noun phrase of the count holds no verb and no name ("declared"
    // before a noun is an adjective: "four declared nuclear powers").
    let phrase = &toks[after..comma];
    if phrase.iter().enumerate().any(|(i, t)| {
        t.kind != Tk::Word
            || (is_finite_verb_strict(t.text) && !(t.text.ends_with("ed") && i + 1 < phrase.len()))
    }) {
        return None;
    }
    let mut i = comma + 1;
    if toks.get(i).is_some_and(|t| t.is("namely")) {
        i += 1;
    }
    let start = toks.get(i)?.start;
    let mut items = 0;
    let mut end;
    loop {
        if toks.get(i).is_some_and(|t| t.is("the")) {
            i += 1;
        }
        let m = mentions.iter().find(|m| m.ts == i)?;
        items += 1;
        end = m.end;
        i = m.te;
        match toks.get(i) {
            Some(t) if t.text == "," && toks.get(i + 1).is_some_and(|n| n.is("and")) => i += 2,
            Some(t) if t.is("and") => i += 1,
            Some(t) if t.text == "," => {
                // Another name, or the list's end.
                if toks
                    .get(i + 1)
                    .is_some_and(|n| n.is("the") || mentions.iter().any(|m| m.ts == i + 1))
                    && items < count
                {
                    i += 1;
                } else {
                    break;
                }
            }
            Some(t) if t.kind == Tk::Punct => break,
            None => break,
            _ => return None,
        }
    }
    (items == count && items >= 2).then_some((start, end))
}

/// "9M729", "SSC-8", "OC-135B", "SS-20": a weapon's or system's
/// designation, capitals and digits. ("COVID-19" is no weapon; "G20" and
/// "P5+1" are groups, found as names first.)
fn is_designation(w: &str) -> bool {
    w.len() >= 3
        && w.len() <= 12
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().any(|b| b.is_ascii_uppercase())
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && !w.starts_with('-')
        && !w.ends_with('-')
        && !w.starts_with("COVID")
}

/// "six-month" -> (6, "month"): a count joined to the unit it counts, as
/// a word before a noun ("a six-month arrangement"). Lower case only:
/// "Eighteen-Nation Committee" is a name.
pub(crate) fn counted_compound(w: &str) -> Option<(u64, &str)> {
    if w.len() > 20 || !w.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let (n, unit) = w.split_once('-')?;
    let n = if n == "one" {
        1
    } else {
        gazetteer::number_word(n)?
    };
    gazetteer::COUNTED_UNITS
        .contains(&unit)
        .then_some((n, unit))
}

/// "two-thirds", "three-quarters", "one-half".
fn is_fraction(w: &str) -> bool {
    if !w.contains('-') || w.len() > 16 {
        return false;
    }
    let lw = w.to_ascii_lowercase();
    let Some((a, b)) = lw.split_once('-') else {
        return false;
    };
    gazetteer::number_word(a).is_some()
        && matches!(
            b,
            "half" | "halves" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
        )
}

/// "The Consultative Commission, which meets in Vienna.": an answer
/// fragment with no verb of its own (a relative clause does not count).
fn is_verbless(toks: &[Token]) -> bool {
    verbless(toks, true)
}

/// Verbless even in its relative clauses: none holds a finite verb, or
/// none tells of a past event ("…, which Ford and Brezhnev signed on May
/// 28, 1976" does).
fn is_verbless_in_clauses(toks: &[Token]) -> bool {
    verbless(toks, false) || !has_past_verb(toks)
}

/// No finite verb; with `skip_relative`, verbs of ", which ... ," clauses
/// do not count.
fn verbless(toks: &[Token], skip_relative: bool) -> bool {
    if toks.len() < 2 || toks.iter().any(|t| matches!(t.text, "\"" | "“" | "”")) {
        return false;
    }
    let mut in_relative = false;
    for (k, t) in toks.iter().enumerate() {
        if t.text == "," {
            in_relative = skip_relative
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.text, "which" | "who" | "where" | "whose"));
            continue;
        }
        // "I'm", "we're", "they've", "it's": a verb in the contraction.
        let contracted = t.text.rsplit_once(['\'', '’']).is_some_and(|(a, b)| {
            matches!(b, "m" | "re" | "ve" | "ll" | "d")
                || (b == "s"
                    && matches!(
                        a.to_lowercase().as_str(),
                        "it" | "that" | "there" | "he" | "she" | "what"
                    ))
        });
        // "We remain ready", "I want to begin": a plain verb after a
        // subject pronoun.
        let after_pronoun = k > 0
            && matches!(
                toks[k - 1].text,
                "I" | "we" | "We" | "you" | "You" | "they" | "They"
            )
            && t.text.chars().all(|c| c.is_ascii_lowercase());
        // "Canada and Hungary act as depositaries": a common plain verb,
        // not after "to" or a modal.
        let plain_verb = || {
            k > 0
                && gazetteer::PLAIN_VERBS.contains(&t.text)
                && !matches!(
                    toks[k - 1].text,
                    "to" | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "the"
                        | "a"
                        | "an"
                )
        };
        // "Today it applies", "the Treaty enters into force": any "-s"
        // word after a singular subject (a pronoun, or a treaty's head
        // word), whatever noun it could also be.
        let after_singular = || {
            let subject = |w: &Token| {
                matches!(
                    w.text,
                    "It" | "it" | "He" | "he" | "She" | "she" | "This" | "this"
                ) || (w.is_cap() && gazetteer::TREATY_HEADS.contains(&w.text))
            };
            verb_after_singular(t)
                && (k > 0 && subject(&toks[k - 1])
                    || (k > 1 && ADVERBS.contains(&toks[k - 1].text) && subject(&toks[k - 2])))
        };
        if !in_relative
            && t.kind == Tk::Word
            && (is_finite_verb(t.text)
                || contracted
                || after_pronoun
                || plain_verb()
                || after_singular())
        {
            return false;
        }
    }
    true
}

/// Does the sentence tell of something done: a past-tense verb ("signed",
/// "was", "took")?
fn has_past_verb(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        t.kind == Tk::Word
            && !t.is_cap()
            && (matches!(t.text, "was" | "were" | "had" | "did")
                || ((gazetteer::is_irregular_past(t.text)
                    || (t.text.len() > 4 && t.text.ends_with("ed")))
                    // "We are convinced", "it is called": a participle
                    // after a present "be" tells of now.
                    && !(k > 0 && matches!(toks[k - 1].text, "are" | "is" | "am"))))
    })
}

fn is_meta_sentence(s: &str) -> bool {
    const DOCS: &[&str] = &[
        "statement",
        "fact sheet",
        "article",
        "briefing",
        "report",
        "document",
        "paper",
        "note",
        "page",
        "summary",
        "transcript",
        "guide",
    ];
    let l = s.to_lowercase();
    ["this ", "the present "].iter().any(|p| {
        l.strip_prefix(p).is_some_and(|r| {
            DOCS.iter()
                .any(|d| r.starts_with(d) && r[d.len()..].starts_with(' '))
        })
    }) && !l.contains(" said")
}

/// "BWC", "INF Treaty", "START I": a name that opens with an acronym.
fn is_abbreviated(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// "Which country was the first country to sign" -> "Which country was
/// the first to sign": the asked-for noun once.
fn drop_repeated_noun(q: &str) -> String {
    let Some(rest) = q.strip_prefix("Which ") else {
        return q.to_string();
    };
    let noun = rest.split_whitespace().next().unwrap_or("");
    for ord in ["first", "only", "last", "second", "third"] {
        let twice = format!(" the {ord} {noun} ");
        if !noun.is_empty() && q.contains(&twice) {
            // "the only to have tested" needs its "one".
            let once = if ord == "only" {
                " the only one ".to_string()
            } else {
                format!(" the {ord} ")
            };
            return q.replacen(&twice, &once, 1);
        }
    }
    q.to_string()
}

/// Cut a claim before a new independent clause: ", and Russia ...", "; ...".
fn own_clause(s: &str) -> String {
    let mut cut = s.len();
    if let Some(p) = s.find("; ") {
        cut = cut.min(p);
    }
    let mut from = 0;
    let joint = |r: &str| match (r.find(", and "), r.find(", but ")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    while let Some(p) = joint(&s[from..]) {
        let at = from + p;
        let next = s[at + 6..].chars().next();
        // ", and the other 11 members abstained": a new subject and verb.
        let mut ws = s[at + 6..].split_whitespace();
        let first = ws.next();
        // ", and we call on ...": a personal pronoun is a new subject.
        let pronoun = first.is_some_and(|w| matches!(w, "we" | "they" | "I" | "he" | "she"));
        let new_subject = pronoun
            || first.is_some_and(|w| {
                matches!(
                    w,
                    "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "other"
                    // ", and it entered into force", ", and most allies took".
                    | "it"
                    | "they"
                    | "he"
                    | "she"
                    | "we"
                    | "most"
                    | "many"
                    | "some"
                    | "all"
                    | "both"
                    | "several"
                )
            }) && ws
                .take(12)
                .any(|w| is_finite_verb_strict(w.trim_end_matches([',', '.', ';'])));
        // ", and administration officials have said": a plain noun subject
        // and its verb within four words.
        let words: Vec<&str> = s[at + 6..].split_whitespace().take(4).collect();
        let noun_subject = words.first().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_lowercase())
                && !is_finite_verb(w)
                && !FUNCTION_WORDS.contains(w)
        }) && (1..words.len()).any(|k| {
            matches!(
                words[k],
                "have" | "has" | "had" | "said" | "say" | "were" | "are"
            )
        });
        if next.is_some_and(char::is_uppercase) || new_subject || noun_subject {
            cut = cut.min(at);
            break;
        }
        from = at + 6;
    }
    s[..cut].trim_end_matches([',', ' ']).to_string()
}

/// A first-person opinion: what an interviewee is quizzed on.
fn is_opinion(s: &str) -> bool {
    const MARKERS: &[&str] = &[
        "in my view",
        "in my opinion",
        "i think",
        "i believe",
        "i would argue",
        "i'd argue",
        "personally",
        "in our view",
        "we believe",
        "i am convinced",
        "my sense is",
        "i suspect",
        "i would say",
        "to my mind",
        "frankly",
        "my view",
        // A scholar's own framing: "I tell my students that ...".
        "i tell ",
        "i'd call",
        "i would call",
        "i'd say",
        "the way i see",
    ];
    let l = s.to_lowercase();
    MARKERS.iter().any(|m| l.contains(m))
}

/// "Russian media revealed": adjective(s) + a source noun right before `end`.
fn descriptive_source_before(toks: &[Token], end: usize) -> Option<usize> {
    if end == 0 {
        return None;
    }
    let head = &toks[end - 1];
    if !gazetteer::SOURCE_NOUNS.contains(&head.text.to_lowercase().as_str()) {
        return None;
    }
    let mut st = end - 1;
    while st > 0
        && end - st < 5
        && toks[st - 1].kind == Tk::Word
        && !matches!(
            toks[st - 1].text,
            "the" | "a" | "an" | "that" | "and" | "of" | "to"
        )
    {
        if toks[st - 1].text.ends_with("ed") || toks[st - 1].text.ends_with("ly") {
            break;
        }
        st -= 1;
    }
    (st < end - 1).then_some(st)
}

/// Start of "Russian officials", "NATO allies", "the Trump
/// administration" ending at `end`: a group noun after one to three words,
/// at least one capitalised (whose group it is).
fn described_group_before(toks: &[Token], end: usize) -> Option<usize> {
    let head = toks.get(end.checked_sub(1)?)?;
    if head.kind == Tk::Word
        && gazetteer::UNNAMED_SPEAKER_NOUNS
            .iter()
            .any(|n| head.text.eq_ignore_ascii_case(n))
    {
        // "a senior administration official": back to its "a" over up
        // to four words, none a verb. "The Government Spokesperson": with
        // "the", the body it speaks for is named.
        return (2..=5)
            .filter_map(|l| end.checked_sub(l))
            .take_while(|&k| {
                let t = &toks[k];
                t.kind == Tk::Word
                    && (t.is("a") || t.is("an") || t.is("the") || !is_finite_verb_strict(t.text))
            })
            .find(|&k| {
                toks[k].is("a")
                    || toks[k].is("an")
                    || (toks[k].is("the") && toks[k + 1..end - 1].iter().any(Token::is_cap))
            });
    }
    if head.kind != Tk::Word || !gazetteer::GROUP_SPEAKER_NOUNS.contains(&head.text) {
        return group_of_names_before(toks, end);
    }
    let mut st = end - 1;
    while st > 0
        && end - st <= 3
        && toks[st - 1].kind == Tk::Word
        && (toks[st - 1].is_cap() || toks[st - 1].text.contains('.'))
        && !gazetteer::NOT_NAMES.contains(&toks[st - 1].text)
    {
        st -= 1;
    }
    (st < end - 1).then_some(st)
}

/// "The leaders of France, Germany and the United Kingdom said": a group
/// named by whom it belongs to; where it starts (at "The").
fn group_of_names_before(toks: &[Token], end: usize) -> Option<usize> {
    // Back over the names: capitalised words, commas, "and", "the", and
    // a count ("the five nuclear-weapon States").
    let mut k = end;
    while k > 0 && end - k < 12 {
        let t = &toks[k - 1];
        let ok = match t.kind {
            Tk::Word => {
                t.is_cap()
                    || t.is("and")
                    || t.is("the")
                    || gazetteer::number_word(t.text).is_some()
                    || t.text.contains('-')
            }
            _ => t.text == "," || t.text == ".",
        };
        if !ok {
            break;
        }
        k -= 1;
    }
    // At least one capitalised name, after "<group noun> of".
    if k == end || !toks[k..end].iter().any(Token::is_cap) || k < 2 || !toks[k - 1].is("of") {
        return None;
    }
    let noun = &toks[k - 2];
    if noun.kind != Tk::Word || !gazetteer::GROUP_SPEAKER_NOUNS.contains(&noun.text) {
        return None;
    }
    // Back to "the" over up to two modifiers ("the foreign ministers").
    let mut st = k - 2;
    for j in 1..=3 {
        let Some(t) = (k - 2).checked_sub(j).map(|i| &toks[i]) else {
            break;
        };
        if t.is("the") {
            st = k - 2 - j;
            break;
        }
        if t.kind != Tk::Word || is_finite_verb(t.text) || j == 3 {
            break;
        }
    }
    Some(st)
}

/// A rough test for a finite verb after a subject (used only to phrase
/// "Who ...?" questions; a miss falls back to a cloze).
fn is_finite_verb(w: &str) -> bool {
    if w.is_empty() || w.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    const AUX: &[&str] = &[
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "should",
        "can", "may", "might", "must", "did", "does", "do",
    ];
    if AUX.contains(&w) {
        return true;
    }

    if gazetteer::is_irregular_past(w) {
        return true;
    }
    const NOUN_ENDINGS: &[&str] = &[
        "tions", "sions", "ments", "nesses", "ities", "ances", "ences", "ers", "ors", "als",
        "ists", "ants", "ents", "ies", "ships", "ics",
    ];
    // ("used" and "owed" are the short "-ed" verbs; "need", "seed" and
    // "shed" are not past tenses.)
    (w.ends_with("ed") && w.len() > 4)
        || matches!(w, "used" | "owed")
        || (w.ends_with('s')
            && !w.ends_with("ss")
            && w.len() > 3
            && !is_noun_like(w)
            && !NOUN_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// A verb after a singular subject ("It", "the ban"): a finite verb, or
/// any "-s" word ("It applies", "The ban also covers"), whatever noun it
/// could also be.
fn verb_after_singular(t: &Token) -> bool {
    is_finite_verb(t.text)
        || (t.text.ends_with('s')
            && !t.text.ends_with("ss")
            && t.text.chars().all(|c| c.is_ascii_lowercase()))
}

/// A plain lower-case noun, as after a name used as its modifier ("the
/// Warsaw Treaty signatories", "(INF) negotiations"): no function word,
/// verb or adverb.
fn is_plain_noun(t: &Token) -> bool {
    t.kind == Tk::Word
        && t.text.chars().all(|c| c.is_ascii_lowercase())
        && !FUNCTION_WORDS.contains(&t.text)
        && !is_finite_verb(t.text)
        && !ADVERBS.contains(&t.text)
}

/// "Outer Space Treaty", "Seabed Treaty": a name ending in its head word.
fn ends_in_head(form: &str) -> bool {
    form.split_whitespace()
        .next_back()
        .is_some_and(|w| gazetteer::TREATY_HEADS.contains(&w))
}

/// "seismologist", "senior historian" at token `k`: up to three lower-case
/// words ending in a person's line of work ("-ist", "-ian", "-or", "-er")
/// and ending the phrase. Returns the end.
fn profession_at(toks: &[Token], k: usize) -> Option<usize> {
    let mut e = k;
    while e < toks.len()
        && e - k < 3
        && toks[e].kind == Tk::Word
        && toks[e]
            .text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')
        && !FUNCTION_WORDS.contains(&toks[e].text)
    {
        e += 1;
    }
    let last = toks[..e].last().filter(|_| e > k)?.text;
    let worker = ["ist", "ian", "or", "er"].iter().any(|x| last.ends_with(x))
        && !matches!(
            last,
            "member" | "number" | "other" | "matter" | "letter" | "order" | "factor" | "border"
        );
    let closes = toks
        .get(e)
        .is_none_or(|t| matches!(t.text, "who" | "," | "." | "and" | "at" | "with" | "based"));
    (worker && closes).then_some(e)
}

/// The signer a state follows in "X signed for Russia" or "alongside Y
/// for Belarus", when the sentence is about signing.
fn signer_for(s: &Sent, m: &Mention, is_person: impl Fn(usize) -> bool) -> Option<usize> {
    let toks = &s.toks;
    let k = with_the(toks, m.ts);
    if k < 2 || !toks[k - 1].is("for") {
        return None;
    }
    if !toks
        .iter()
        .any(|t| t.is("signed") || t.is("signs") || t.is("sign"))
    {
        return None;
    }
    let before = if toks[k - 2].is("signed") {
        k - 2
    } else {
        k - 1
    };
    s.mentions
        .iter()
        .find(|p| p.te == before && is_person(p.entity))
        .map(|p| p.entity)
}

/// "Budapest was, in a sense, the moment ...", "Vienna is a hub": a copula
/// (past an aside set off by commas) and a noun phrase after a name at
/// token `te`; not "was the first to sign".
fn capital_is_described(toks: &[Token], te: usize) -> bool {
    if !toks.get(te).is_some_and(|t| t.is("was") || t.is("is")) {
        return false;
    }
    let mut k = te + 1;
    if toks.get(k).is_some_and(|t| t.text == ",") {
        let Some(c) = (k + 1..toks.len().min(k + 6)).find(|&c| toks[c].text == ",") else {
            return false;
        };
        k = c + 1;
    }
    toks.get(k)
        .is_some_and(|t| t.is("the") || t.is("a") || t.is("an"))
        && toks.get(k + 1).is_some_and(|t| {
            !matches!(
                t.text,
                "first" | "last" | "only" | "second" | "third" | "sole"
            )
        })
}

/// Where a mention at token `ts` starts with the "the" before it.
fn with_the(toks: &[Token], ts: usize) -> usize {
    if ts > 0 && toks[ts - 1].is("the") {
        ts - 1
    } else {
        ts
    }
}

/// Two parties asked as one answer ("Ronald Reagan and Mikhail Gorbachev",
/// "the United States and the Soviet Union"): no single entity, no options.
fn joint_fact(
    sentence: usize,
    answer: String,
    mut accept: Vec<String>,
    spans: Vec<(usize, usize)>,
    question: Option<String>,
) -> Fact {
    accept.retain(|x| *x != answer);
    dedup(&mut accept);
    Fact {
        kind: FactKind::Party,
        sentence,
        answer,
        accept,
        entity: None,
        spans,
        question,
        resolved: None,
        inferred: false,
        pool: Pool::NoChoice,
        standalone: false,
        note: None,
    }
}

/// A past-tense, auxiliary or irregular verb form (no guessing from "-s").
fn is_finite_verb_strict(w: &str) -> bool {
    is_finite_verb(w)
        && !(w.ends_with('s') && !w.ends_with("ss") && !matches!(w, "is" | "was" | "has" | "does"))
}

fn is_noun_like(w: &str) -> bool {
    const NOUN_HINTS: &[&str] = &[
        "arms",
        "embargo",
        "reports",
        "report",
        "draft",
        "resolution",
        "mission",
        "team",
        "staff",
        "inspectors",
        "inspections",
        "declaration",
        "notification",
        "budget",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "plan",
        "plans",
        "demands",
        "demand",
        "request",
        "offer",
        "letter",
        "law",
        "laws",
        "restrictions",
        "assessment",
        "assessments",
        "finding",
        "government",
        "military",
        "officials",
        "official",
        "forces",
        "troops",
        "side",
        "delegation",
        "administration",
        "president",
        "negotiators",
        "diplomats",
        "territory",
        "airspace",
        "allies",
        "partners",
        "leaders",
        "authorities",
        "army",
        "navy",
        "missile",
        "missiles",
        "weapons",
        "installations",
        "bases",
        "media",
        "relations",
        "policy",
        "position",
        "proposal",
        "interests",
        "nuclear",
        "arsenal",
        "warheads",
        "sanctions",
        "intelligence",
        "embassy",
        "envoy",
        "ambassador",
        "counterparts",
        "citizens",
        "people",
        "economy",
        "decision",
        "withdrawal",
        "compliance",
        "violation",
        "violations",
        "statement",
        "officials'",
    ];
    NOUN_HINTS.contains(&w)
}

fn is_treaty_cue(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    TREATY_CUES.iter().any(|c| l.starts_with(c))
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The value of a Roman numeral ("XV" -> 15); None if it is malformed.
fn roman_value(w: &str) -> Option<u32> {
    let val = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<u32> = w.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&n| n > d) {
            total -= d as i32;
        } else {
            total += d as i32;
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    // Only the canonical spelling: "IIX" is no numeral.
    (roman_numeral(n).as_deref() == Some(w)).then_some(n)
}

/// 1..=89 as a Roman numeral.
fn roman_numeral(mut n: u32) -> Option<String> {
    if !(1..90).contains(&n) {
        return None;
    }
    let mut out = String::new();
    for (v, s) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// The lower-cased word after byte `end` ("34 parties" -> "parties").
pub fn word_after(text: &str, end: usize) -> String {
    text.get(end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Other ways to write a number: without thousands separators, digits for
/// words and back, "%" for "percent".
pub fn number_variants(s: &str) -> Vec<String> {
    let mut v = Vec::new();
    let plain: String = s.chars().filter(|&c| c != ',').collect();
    if plain != s {
        v.push(plain.clone());
    }
    if let Some(n) = gazetteer::number_word(s) {
        v.push(n.to_string());
    }
    if let Ok(n) = plain.parse::<u64>()
        && let Some((w, _)) = gazetteer::NUMBER_WORDS.iter().find(|(_, x)| *x == n)
    {
        v.push(w.to_string());
    }
    if let Some(p) = s.strip_suffix(" percent") {
        v.push(format!("{p}%"));
        v.push(format!("{p} per cent"));
    }
    if let Some(p) = s.strip_suffix('%') {
        v.push(format!("{} percent", p.trim()));
    }
    // "Article XV" may be typed "Article 15", and the other way round.
    if let Some((head, num)) = s.rsplit_once(' ')
        && (gazetteer::PART_HEADS.contains(&head) || head == "Protocol")
    {
        if is_roman(num) {
            if let Some(n) = roman_value(num) {
                v.push(format!("{head} {n}"));
            }
        } else if let Ok(n) = num.parse::<u32>()
            && let Some(r) = roman_numeral(n)
        {
            v.push(format!("{head} {r}"));
        }
    }
    if s.contains('–') {
        v.push(s.replace('–', "-"));
    }
    if s.contains('-') && s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        v.push(s.replace('-', "–"));
        v.push(s.replace('-', " to "));
    }
    dedup(&mut v);
    v
}

pub fn dedup(v: &mut Vec<String>) {
    let mut seen = HashSet::default();
    v.retain(|x| seen.insert(norm(x)));
}

/// True when `hay` contains any of `needles` as a run of words.
pub fn contains_any(hay: &str, needles: &[String]) -> bool {
    let h = norm(hay);
    needles.iter().any(|n| {
        let n = norm(n);
        n.len() >= 3 && super::cards::contains_words(&h, &n)
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::parse;
    use super::*;

    /// Each speaker fact's answer and question.
    fn speaker_facts(ex: &Extraction) -> Vec<(&str, Option<&str>)> {
        ex.facts
            .iter()
            .filter(|f| f.kind == FactKind::Speaker)
            .map(|f| (f.answer.as_str(), f.question.as_deref()))
            .collect()
    }

    /// The first fact of `kind`, or a failure naming what was found.
    fn first_fact(ex: &Extraction, kind: FactKind) -> &Fact {
        ex.facts
            .iter()
            .find(|f| f.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} fact in {:?}", ex.facts))
    }

    /// The fact whose answer is `answer`; the test fails without one.
    fn fact_answering<'e>(ex: &'e Extraction, answer: &str) -> &'e Fact {
        ex.facts
            .iter()
            .find(|f| f.answer == answer)
            .unwrap_or_else(|| panic!("no fact answers {answer:?}: {:?}", ex.facts))
    }

    fn facts(text: &str) -> (Extraction, Vec<(FactKind, String)>) {
        let art = parse(text);
        let ex = extract(&art);
        let v = ex
            .facts
            .iter()
            .map(|f| (f.kind, f.answer.clone()))
            .collect();
        (ex, v)
    }

    #[test]
    fn labels_name_people_or_roles() {
        assert_eq!(label_surname("MR. PRICE").as_deref(), Some("Price"));
        assert_eq!(label_surname("SENIOR STATE DEPARTMENT OFFICIAL"), None);
        // SPOKESPERSON is also a title before a surname: here it ends the
        // label, so no person "Nato" is made up.
        assert_eq!(label_surname("NATO SPOKESPERSON"), None);
        assert_eq!(
            label_surname("SPOKESPERSON PRICE").as_deref(),
            Some("Price")
        );
        assert_eq!(label_description("MR. PRICE"), None);
        assert_eq!(
            label_description("SENIOR STATE DEPARTMENT OFFICIAL").as_deref(),
            Some("a senior State Department official")
        );
        assert_eq!(
            label_description("NATO SPOKESPERSON").as_deref(),
            Some("a NATO spokesperson")
        );
    }

    #[test]
    fn a_date_opening_a_reply_answers_when() {
        let (ex, _) = facts(
            "Q: When was the Vienna Accord signed?\n\n\
             A: On December 8, 1987, in the East Room of the White House.\n\n\
             Q: Where was it signed?\n\n\
             A: In Washington, on a cold day.",
        );
        let f = first_fact(&ex, FactKind::Date);
        assert_eq!(f.answer, "December 8, 1987");
        assert_eq!(
            f.question.as_deref(),
            Some("When was the Vienna Accord signed?")
        );
        // A question that is not "When" is not answered by a date.
        let (ex, _) =
            facts("Q: Who signed the Vienna Accord?\n\nA: On December 8, 1987, in the East Room.");
        assert!(ex.facts.iter().all(|f| f.kind != FactKind::Date));
    }

    #[test]
    fn a_described_group_of_officials_is_a_speaker() {
        let (ex, _) = facts(
            "Russian officials say they are only mirroring the United States. \
             The Trump administration argued that the Vienna Accord was outdated. \
             Officials said the talks would resume.",
        );
        assert_eq!(
            question_of(&ex, FactKind::Speaker, "Russian officials"),
            Some("Who says they are only mirroring the United States?")
        );
        assert_eq!(
            question_of(&ex, FactKind::Speaker, "Trump administration"),
            Some("Who argued that the Vienna Accord was outdated?")
        );
        // "Officials" alone says nothing of whose they are.
        assert!(
            !ex.facts
                .iter()
                .any(|f| f.kind == FactKind::Speaker && f.answer.contains("fficials said")),
            "{:?}",
            ex.facts.iter().map(|f| &f.answer).collect::<Vec<_>>()
        );
        assert!(
            !ex.facts
                .iter()
                .any(|f| f.kind == FactKind::Speaker && f.answer == "Officials"),
        );
    }

    #[test]
    fn an_opening_that_gives_todays_date_dates_the_text() {
        let (ex, _) = facts(
            "MODERATOR: Thanks for joining this call on today's announcement, Tuesday, May 8, 2018.\n\n\
             OFFICIAL: We will talk to our allies. In a televised address, Iranian \
             President Hassan Rouhani said Iran would remain in the deal for now.",
        );
        let r = ex.reference.expect("a reference date");
        assert!(r.explicit && r.year_known, "{r:?}");
        assert_eq!(r.date, Ymd::ymd(2018, 5, 8));
        assert!(
            ex.facts.iter().any(|f| f.question.as_deref()
                == Some("What office did Hassan Rouhani hold in May 2018?")),
            "{:?}",
            ex.facts.iter().map(|f| &f.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_quotation_in_a_turn_is_its_speakers_not_the_briefers() {
        let text = "MR. PRICE: As you saw, President Trump announced this afternoon that the \
                    United States is leaving the deal. \"This was a horrible one-sided deal that \
                    should have never been made,\" Trump said in his remarks. He put it bluntly: \
                    \"We gave Iran an ample window of time to change its ways.\" For its part, \
                    Tehran says it is still ready to talk. We will judge Iran by its actions, not \
                    its words, across the whole region.";
        let (ex, _) = facts(text);
        let quotes: Vec<(&str, &str)> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Speaker)
            .filter_map(|f| Some((f.question.as_deref()?, f.answer.as_str())))
            .filter(|(q, _)| q.starts_with("Who said: "))
            .collect();
        // Trump's words are his, though the briefer's turn spoke of him first.
        assert!(
            quotes
                .iter()
                .any(|(q, a)| q.contains("horrible") && a.contains("Trump")),
            "{quotes:?}"
        );
        // Neither the quotation after "He put it bluntly:" nor the report of
        // what Tehran says is the briefer's own claim.
        assert!(
            !quotes
                .iter()
                .any(|(q, a)| a.contains("Price") && (q.contains("ample") || q.contains("Tehran"))),
            "{quotes:?}"
        );
    }

    /// The question of the first fact of kind `k` answered `a`.
    fn question_of<'e>(ex: &'e Extraction, k: FactKind, a: &str) -> Option<&'e str> {
        ex.facts
            .iter()
            .find(|f| f.kind == k && f.answer == a)
            .and_then(|f| f.question.as_deref())
    }

    /// The questions of every fact of kind `k`, in order.
    fn questions_of(ex: &Extraction, k: FactKind) -> Vec<&str> {
        ex.facts
            .iter()
            .filter(|f| f.kind == k)
            .filter_map(|f| f.question.as_deref())
            .collect()
    }

    fn has(v: &[(FactKind, String)], k: FactKind, a: &str) -> bool {
        v.iter().any(|(kk, aa)| *kk == k && aa == a)
    }

    #[test]
    fn short_verbs_and_verbs_after_a_singular_subject_make_a_sentence() {
        // "used" is a past tense; "applies" and "enters" are verbs after
        // "it" and "the Treaty", whatever nouns they could be.
        let (_, v) = facts(
            "Italy, a party since 1928, used mustard gas in Ethiopia in 1935. \
             Today it applies among the 57 participating States. \
             In accordance with Article 16, the Treaty enters into force upon the deposit \
             of the seventh instrument of ratification.",
        );
        assert!(has(&v, FactKind::Party, "Italy"), "{v:?}");
        assert!(has(&v, FactKind::Number, "57"), "{v:?}");
        assert!(has(&v, FactKind::Number, "Article 16"), "{v:?}");
        assert!(has(&v, FactKind::Number, "seventh"), "{v:?}");
    }

    #[test]
    fn a_regions_count_defines_its_group_and_states_before_will_are_no_speech() {
        let (_, v) = facts(
            "The Treaty was signed in Bangkok in 1995 by the leaders of the ten Southeast Asian states. \
             Participating states will control all items on two lists, the List of Dual-Use \
             Goods and Technologies and the Munitions List.",
        );
        assert!(has(&v, FactKind::Number, "ten"), "{v:?}");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Speaker), "{v:?}");
    }

    #[test]
    fn posts_after_a_comma_and_an_honorific_and_titles_listing_abstract_nouns() {
        let (ex, v) = facts(
            "The Ministry's spokesman, Mr. Anuwat Srisombat, told reporters the Treaty was \
             historic. \"It is not directed against any state,\" said Ellen Marsh, a member \
             of the U.S. delegation. The idea traces back to the Declaration on a Zone of \
             Peace, Freedom and Neutrality, signed in Kuala Lumpur on 27 November 1971. \
             The chief delegates included Navy Minister Kato Tomosaburo for Japan.",
        );
        assert!(has(&v, FactKind::Role, "spokesman"), "{v:?}");
        assert!(
            has(&v, FactKind::Role, "member of the U.S. delegation"),
            "{v:?}"
        );
        assert!(has(&v, FactKind::Role, "Navy Minister"), "{v:?}");
        assert!(
            has(
                &v,
                FactKind::Treaty,
                "Declaration on a Zone of Peace, Freedom and Neutrality"
            ),
            "{v:?}"
        );
        assert!(
            question_of(&ex, FactKind::Role, "spokesman").is_some_and(|q| q.contains("Anuwat"))
        );
    }

    #[test]
    fn a_numbered_article_of_a_charter_and_a_post_after_was() {
        let (_, v) = facts(
            "\"We made progress,\" Gerard Smith said on Monday. Gerard Smith was Director of \
             the Arms Control and Disarmament Agency. Nothing in the agreement affects the right \
             of self-defense under Article 51 of the United Nations Charter. It builds on the \
             Basic Principles of Relations signed in Moscow in 1972.",
        );
        assert!(
            has(
                &v,
                FactKind::Role,
                "Director of the Arms Control and Disarmament Agency"
            ),
            "{v:?}"
        );
        assert!(has(&v, FactKind::Number, "Article 51"), "{v:?}");
        assert!(
            !v.iter().any(|(_, a)| a.starts_with("Article 51 of")),
            "{v:?}"
        );
        assert!(
            has(&v, FactKind::Treaty, "Basic Principles of Relations"),
            "{v:?}"
        );
    }

    #[test]
    fn two_actors_joined_by_and_make_one_card() {
        let (ex, v) = facts(
            "Brazil and Argentina both signed the safeguards agreement in 1991. Chile ratified it later.",
        );
        assert!(has(&v, FactKind::Party, "Brazil and Argentina"), "{v:?}");
        assert!(!has(&v, FactKind::Party, "Brazil"), "{v:?}");
        assert!(!has(&v, FactKind::Party, "Argentina"), "{v:?}");
        let f = ex
            .facts
            .iter()
            .find(|f| f.answer == "Brazil and Argentina")
            .expect("pair fact");
        assert!(f.accept.iter().any(|a| a == "Argentina and Brazil"));
        let q = f.question.as_deref().unwrap_or("");
        assert!(q.starts_with("Which two countries signed"), "{q}");
        assert!(!q.contains("Brazil") && !q.contains("Argentina"), "{q}");
    }

    #[test]
    fn a_famous_leaders_office_is_asked_at_a_moment_in_time() {
        let role_q = |text: &str, who: &str| -> Option<String> {
            let (ex, _) = facts(text);
            ex.facts
                .iter()
                .find(|f| {
                    f.kind == FactKind::Role
                        && f.question.as_deref().is_some_and(|q| q.contains(who))
                })
                .and_then(|f| f.question.clone())
        };
        // A date in the sentence: the one nearest the name.
        assert_eq!(
            role_q(
                "In October 2023 the Duma voted to revoke it, and President Vladimir Putin signed the law on 2 November 2023.",
                "Putin"
            )
            .as_deref(),
            Some("What office did Vladimir Putin hold on November 2, 2023?")
        );
        // Not a nearer date across a clause boundary: it is another's.
        assert_eq!(
            role_q(
                "President Dwight Eisenhower proposed aerial inspection in July 1955, and President George H. W. Bush revived the idea in 1989.",
                "Bush"
            )
            .as_deref(),
            Some("What office did George H. W. Bush hold in 1989?")
        );
        // A date a sentence or two before.
        assert_eq!(
            role_q(
                "The talks collapsed on 13 December 2001. Washington gave notice. President Vladimir Putin responded in a televised address.",
                "Putin"
            )
            .as_deref(),
            Some("What office did Vladimir Putin hold on December 13, 2001?")
        );
        // No date to anchor it, or only a guessed year for a sentence in the
        // present tense: no card rather than a wrong moment.
        assert_eq!(
            role_q(
                "President Vladimir Putin responded in a televised address.",
                "Putin"
            ),
            None
        );
        assert_eq!(
            role_q(
                "The deal was agreed in 2015. Sanctions returned in 2019. As President Joe Biden has said, the door is open.",
                "Biden"
            ),
            None
        );
    }

    #[test]
    fn a_post_and_where_it_is_held_are_two_facts() {
        let (ex, v) = facts(
            "The guest is Dr. Ana Ruiz, a senior fellow at the Halden Institute for Security Studies, a think tank.",
        );
        assert!(has(&v, FactKind::Role, "senior fellow"), "{v:?}");
        let f = fact_answering(&ex, "Halden Institute for Security Studies");
        assert_eq!(
            f.question.as_deref(),
            Some("At which institution was Ana Ruiz senior fellow?")
        );
    }

    #[test]
    fn co_speakers_get_no_single_who_question() {
        let (ex, v) = facts(
            "Foreign Minister Anna Lindqvist and Defence Minister Pekka Rautio said the treaty was vital.",
        );
        assert!(has(&v, FactKind::Speaker, "Pekka Rautio"), "{v:?}");
        assert!(has(&v, FactKind::Speaker, "Anna Lindqvist"), "{v:?}");
        for f in ex.facts.iter().filter(|f| f.kind == FactKind::Speaker) {
            assert!(f.question.is_none(), "{f:?}");
        }
    }

    #[test]
    fn an_opening_it_or_the_treaty_names_the_treaty() {
        let text = "The Treaty of Tlatelolco bans nuclear weapons in Latin America. \
            It was opened for signature on 14 February 1967. \
            The treaty entered into force on 22 April 1968. \
            Cuba ratified the Treaty of Tlatelolco in 2002.";
        let art = parse(text);
        let ex = extract(&art);
        let names: Vec<Option<&str>> = ex
            .topics
            .iter()
            .map(|t| t.as_ref().map(|t| t.name.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                None,
                Some("The Treaty of Tlatelolco"),
                Some("The Treaty of Tlatelolco"),
                None
            ]
        );
        let cards = super::super::cards::build(&art, &ex);
        let q = cards
            .iter()
            .find(|c| c.answer == "14 February 1967")
            .map(|c| c.question.as_str());
        assert_eq!(
            q,
            Some("The Treaty of Tlatelolco was opened for signature on ___.")
        );
    }

    #[test]
    fn a_chapters_numeral_is_no_treaty_name() {
        let (ex, _) = facts(
            "Lavrov said Russia would not accept a resolution under Chapter VII of the UN Charter in 2013.",
        );
        assert!(
            !ex.entities.iter().any(|e| e.name.starts_with("VII")),
            "{:?}",
            ex.entities
        );
    }

    #[test]
    fn a_gerund_does_not_start_a_treaty_name() {
        let (_, v) = facts(
            "\"Extending the Open Skies Treaty makes us safer,\" the minister said on 3 May 2019.",
        );
        assert!(has(&v, FactKind::Treaty, "Open Skies Treaty"), "{v:?}");
        assert!(!v.iter().any(|(_, a)| a.starts_with("Extending")), "{v:?}");
    }

    #[test]
    fn a_verbless_fragment_gives_no_cards() {
        let (_, v) = facts("The Joint Consultative Group, which meets in Vienna.");
        assert!(v.is_empty(), "{v:?}");
        let (_, v) = facts("The Joint Consultative Group meets in Vienna.");
        assert!(!v.is_empty(), "{v:?}");
        let (_, v) =
            facts("The Joint Consultative Group, which meets in Vienna, was set up in 1990.");
        assert!(has(&v, FactKind::Date, "1990"), "{v:?}");
        // The same reply to an interviewer's question answers it.
        let (ex, v) = facts(
            "HOST: Who settled disputes under the treaty?\n\nGUEST: The Joint Consultative Group, which meets in Vienna.",
        );
        assert!(
            has(&v, FactKind::Party, "Joint Consultative Group"),
            "{v:?}"
        );
        assert_eq!(
            ex.facts[0].question.as_deref(),
            Some("Who settled disputes under the treaty?")
        );
    }

    #[test]
    fn a_shared_capital_means_the_state_named_last() {
        let (_, v) = facts(
            "In 1955 the United States made an offer to the Soviet Union. Moscow rejected the offer within a week.",
        );
        assert!(has(&v, FactKind::Party, "Soviet Union"), "{v:?}");
        assert!(!has(&v, FactKind::Party, "Russia"), "{v:?}");
        let (_, v) = facts(
            "In 2020 the United States made an offer to Russia. Moscow rejected the offer within a week.",
        );
        assert!(!has(&v, FactKind::Party, "Soviet Union"), "{v:?}");
    }

    #[test]
    fn fractions_ranges_and_opening_counts_are_numbers() {
        let (_, v) = facts(
            "All 51 votes against came from one side, while four Republicans voted in favour.",
        );
        assert!(has(&v, FactKind::Number, "51"), "{v:?}");
        assert!(has(&v, FactKind::Number, "four"), "{v:?}");
        let (_, v) =
            facts("The constitution requires approval by two-thirds of the senators present.");
        assert!(has(&v, FactKind::Number, "two-thirds"), "{v:?}");
        let (_, v) = facts("Missiles reaching 1,000 to 5,500 km counted as intermediate-range.");
        assert!(has(&v, FactKind::Number, "1,000 to 5,500 km"), "{v:?}");
        // Two figures sharing one unit are one answer, not "___ and 60 days".
        let (_, v) = facts("Inspectors were given notice periods of 30 and 60 days.");
        assert!(has(&v, FactKind::Number, "30 and 60 days"), "{v:?}");
        assert!(!has(&v, FactKind::Number, "30"), "{v:?}");
        // A range of counts written out is one answer.
        let (_, v) =
            facts("Each side will normally give three to five days' notice of such actions.");
        assert!(has(&v, FactKind::Number, "three to five days"), "{v:?}");
        assert!(!has(&v, FactKind::Number, "five days"), "{v:?}");
        let (_, v) =
            facts("Negotiators stretched the breakout time from two or three months to a year.");
        assert!(has(&v, FactKind::Number, "two or three months"), "{v:?}");
    }

    #[test]
    fn counts_out_of_a_group_per_period_and_in_pairs_are_numbers() {
        let (_, v) = facts(
            "When 94 states signed the convention in Oslo, four of them ratified it at the same ceremony.",
        );
        assert!(has(&v, FactKind::Number, "four"), "{v:?}");
        let (_, v) =
            facts("Sixteen of the signatories belonged to NATO and six to the Warsaw Pact.");
        assert!(has(&v, FactKind::Number, "sixteen"), "{v:?}");
        assert!(has(&v, FactKind::Number, "six"), "{v:?}");
        let (_, v) = facts(
            "Short-notice inspections ran at a rate of twenty a year for the first three years.",
        );
        assert!(has(&v, FactKind::Number, "twenty"), "{v:?}");
        // Shares written in words.
        let (_, v) = facts(
            "No single state may hold more than approximately one third of the equipment, and Iran will dilute half of its stockpile.",
        );
        assert!(has(&v, FactKind::Number, "one third"), "{v:?}");
        assert!(has(&v, FactKind::Number, "half"), "{v:?}");
        let (_, v) = facts("The talks resumed in the first half of 2019.");
        assert!(!has(&v, FactKind::Number, "half"), "{v:?}");
        // "the two of them" refers back; "one of them" is no count.
        let (_, v) = facts("The two of them met in Geneva, and one of them signed the treaty.");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Number), "{v:?}");
    }

    #[test]
    fn an_appositive_role_wins_and_ends_before_who() {
        let (_, v) = facts(
            "For two years Senator Jesse Helms, the chairman of the Senate Foreign Relations Committee, declined to act.",
        );
        assert!(
            has(
                &v,
                FactKind::Role,
                "chairman of the Senate Foreign Relations Committee"
            ),
            "{v:?}"
        );
        let (_, v) = facts(
            "Good morning and welcome to the briefing on the treaty. I'm Claire Dunmore, director of communications at the Forum. Our guest is Dr. Piet Halvorsen, a senior fellow who follows arms control.",
        );
        assert!(has(&v, FactKind::Role, "senior fellow"), "{v:?}");
        // The host's own introduction is no fact of the history.
        assert!(
            !has(
                &v,
                FactKind::Role,
                "director of communications at the Forum"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn the_president_said_means_the_president_last_named() {
        let text = "Soviet leader Mikhail Gorbachev and President Ronald Reagan met on 8 December 1987. \
            The Soviet leader told the guests that the day would be remembered. \
            Later the President said that the treaty was a good one.";
        let (ex, _) = facts(text);
        let speakers: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Speaker)
            .map(|f| f.answer.as_str())
            .collect();
        assert_eq!(
            speakers,
            vec!["Mikhail Gorbachev", "Ronald Reagan"],
            "{:?}",
            ex.facts
        );
    }

    #[test]
    fn formal_titles_and_short_names_get_their_own_questions() {
        let (ex, v) = facts(
            "The Tlatelolco pact was signed in 1967. Its formal title is the Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean, but most people soon shortened it to the Treaty of Tlatelolco.",
        );
        let long =
            "Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean";
        assert!(has(&v, FactKind::Treaty, long), "{v:?}");
        assert!(has(&v, FactKind::Treaty, "Treaty of Tlatelolco"), "{v:?}");
        let q = |a: &str| {
            ex.facts
                .iter()
                .find(|f| f.answer == a)
                .and_then(|f| f.question.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            q("Treaty of Tlatelolco"),
            format!("By what short name is the {long} known?")
        );
        assert!(
            q(long).starts_with("What is the formal name of the"),
            "{}",
            q(long)
        );
    }

    #[test]
    fn subjects_after_an_opening_date_and_summit_hosts_are_parties() {
        let (ex, v) =
            facts("On 13 October 1999 the United States Senate voted 48 to 51 against the treaty.");
        assert!(has(&v, FactKind::Party, "United States Senate"), "{v:?}");
        let q = ex
            .facts
            .iter()
            .find(|f| f.kind == FactKind::Party)
            .and_then(|f| f.question.clone());
        assert_eq!(
            q.as_deref(),
            Some("Which body voted 48 to 51 against the treaty?")
        );
        let (_, v) = facts(
            "In 1999, at the OSCE summit in Istanbul, 30 states signed the Agreement on Adaptation.",
        );
        assert!(has(&v, FactKind::Party, "OSCE"), "{v:?}");
    }

    #[test]
    fn an_opening_he_names_the_one_person_just_named() {
        let art = parse(
            "President Bill Clinton signed the treaty on 24 September 1996. \
             He transmitted the treaty to the Senate on 22 September 1997.",
        );
        let ex = extract(&art);
        let cards = super::super::cards::build(&art, &ex);
        let q = cards
            .iter()
            .find(|c| c.answer == "22 September 1997")
            .map(|c| c.question.as_str());
        assert_eq!(
            q,
            Some("Bill Clinton transmitted the treaty to the Senate on ___.")
        );
    }

    #[test]
    fn a_plural_opener_is_not_a_speaker() {
        let (_, v) = facts(
            "The treaty was signed in 1996. Opponents argued that the treaty could not be verified.",
        );
        assert!(!v.iter().any(|(_, a)| a == "Opponents"), "{v:?}");
        let (_, v) =
            facts("The treaty was signed in 1996. Ivanenko argued that the treaty was dead.");
        assert!(has(&v, FactKind::Speaker, "Ivanenko"), "{v:?}");
    }

    #[test]
    fn the_articles_treaty_is_named_where_a_card_leaves_it_unsaid() {
        let text = "The Comprehensive Nuclear-Test-Ban Treaty (CTBT) bans all nuclear explosions. \
            The CTBT was opened for signature on 24 September 1996. \
            Russia ratified the treaty in 2000. \
            Fiji was the first state to ratify, on 10 October 1996.";
        let art = parse(text);
        let ex = extract(&art);
        let sub = ex.subject.as_ref().expect("subject");
        assert_eq!(
            (sub.tag.as_str(), sub.inline.as_str()),
            ("CTBT", "the CTBT")
        );
        let cards = super::super::cards::build(&art, &ex);
        let q = |a: &str| {
            cards
                .iter()
                .find(|c| c.answer == a)
                .map(|c| c.question.clone())
                .unwrap_or_default()
        };
        assert_eq!(q("2000"), "Russia ratified the CTBT in ___.");
        assert_eq!(
            q("10 October 1996"),
            "CTBT: Fiji was the first state to ratify, on ___."
        );
        // A card whose answer is the treaty is not tagged with it.
        assert!(!q("CTBT").starts_with("CTBT:"), "{}", q("CTBT"));
    }

    #[test]
    fn a_long_name_with_its_short_one_is_asked_for_by_it() {
        let (ex, _) = facts(
            "The Treaty on Conventional Armed Forces in Europe, commonly known as the CFE Treaty, was signed in Paris in 1990.",
        );
        let questions: Vec<String> = questions_of(&ex, FactKind::Treaty)
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            questions,
            vec![
                "What is the full name of the CFE Treaty?".to_string(),
                "By what short name is the Treaty on Conventional Armed Forces in Europe known?"
                    .to_string()
            ]
        );
        let (_, v) = facts("New START nearly lapsed two years ago, in 2021.");
        assert!(!has(&v, FactKind::Number, "two years"), "{v:?}");
        // Adverbs between "known" and "as".
        let (ex, _) = facts(
            "The Treaty on Conventional Armed Forces in Europe, known almost everywhere as the CFE Treaty, was signed in 1990.",
        );
        assert_eq!(
            question_of(&ex, FactKind::Treaty, "CFE Treaty"),
            Some("By what short name is the Treaty on Conventional Armed Forces in Europe known?")
        );
        // Two names, neither a short form of the other.
        let (ex, _) = facts(
            "The Strategic Offensive Reductions Treaty, also known as the Moscow Treaty, was signed in 2002.",
        );
        assert_eq!(
            question_of(
                &ex,
                FactKind::Treaty,
                "Strategic Offensive Reductions Treaty"
            ),
            Some("By what other name is the Moscow Treaty known?")
        );
        // The short name set beside the long one between commas.
        let (ex, _) = facts(
            "The United States left the Joint Comprehensive Plan of Action, the JCPOA, in 2018.",
        );
        assert!(
            question_of(&ex, FactKind::Treaty, "Joint Comprehensive Plan of Action")
                == Some("What is the full name of the JCPOA?"),
            "{:?}",
            ex.facts.iter().map(|f| &f.question).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_headline_clause_is_not_part_of_a_treaty_name() {
        let (ex, _) = facts(
            "An Interview on the Treaty That Let Rivals Look\n\nThe Treaty on Open Skies was signed in 1992.",
        );
        assert!(
            !ex.entities
                .iter()
                .any(|e| e.all_names().iter().any(|n| n.contains("That Let"))),
            "{:?}",
            ex.entities
        );
        // Nor is "Interview on the Treaty" a treaty of its own.
        assert!(
            !ex.entities
                .iter()
                .any(|e| e.all_names().iter().any(|n| n.contains("Interview"))),
            "{:?}",
            ex.entities
        );
    }

    #[test]
    fn a_dummy_it_is_not_a_treaty() {
        let art = parse(
            "The INF Treaty banned ground-launched missiles. It is unclear whether talks will resume.",
        );
        let ex = extract(&art);
        assert!(ex.topics.iter().all(Option::is_none), "{:?}", ex.topics);
    }

    #[test]
    fn the_asked_for_noun_is_said_once() {
        assert_eq!(
            drop_repeated_noun("Which country was the first country to sign?"),
            "Which country was the first to sign?"
        );
        assert_eq!(
            drop_repeated_noun("Which country is the only country to test?"),
            "Which country is the only one to test?"
        );
        assert_eq!(
            drop_repeated_noun("Which country was the first state to sign?"),
            "Which country was the first state to sign?"
        );
    }

    #[test]
    fn a_question_stops_where_a_new_subject_begins() {
        assert_eq!(
            own_clause("voted against, and the other members abstained"),
            "voted against"
        );
        assert_eq!(
            own_clause("asked Lott to wait, but the request was refused"),
            "asked Lott to wait"
        );
        assert_eq!(
            own_clause("approved it in 2010, and it entered into force in 2011"),
            "approved it in 2010"
        );
        assert_eq!(
            own_clause("stopped sharing data, and most allies took similar steps"),
            "stopped sharing data"
        );
        assert_eq!(
            own_clause("reaffirms its readiness to host talks, and we call on all states to act"),
            "reaffirms its readiness to host talks"
        );
        assert_eq!(
            own_clause("limited tanks, and the artillery of both sides"),
            "limited tanks, and the artillery of both sides"
        );
    }

    #[test]
    fn speaker_role_and_date_from_a_reporting_sentence() {
        let (_, v) = facts(
            "Deputy Foreign Minister Sergei Ryabkov said on March 3, 2021 that Moscow was ready to talk.",
        );
        assert!(has(&v, FactKind::Speaker, "Sergei Ryabkov"), "{v:?}");
        assert!(has(&v, FactKind::Role, "Deputy Foreign Minister"), "{v:?}");
        assert!(has(&v, FactKind::Date, "March 3, 2021"), "{v:?}");
    }

    #[test]
    fn a_claim_before_an_honoured_speaker_leaves_the_honorific_out() {
        let (ex, v) = facts(
            "Ana Ruiz is a senior fellow at the Madrid Institute. \
             Spain will keep pressing the holdouts to ratify, Ms. Ruiz said.",
        );
        let q = ex
            .facts
            .iter()
            .find(|f| f.kind == FactKind::Speaker)
            .and_then(|f| f.question.clone())
            .unwrap_or_else(|| panic!("no speaker question: {v:?}"));
        assert_eq!(
            q,
            "Who said that Spain will keep pressing the holdouts to ratify?"
        );
    }

    #[test]
    fn a_year_naming_a_treaty_does_not_date_a_leaders_office() {
        let (ex, _) = facts(
            "President George W. Bush announced on Thursday that the United States will leave the 1972 ABM Treaty.\n\n\
             \"The 1972 ABM treaty was signed in a different world,\" Bush said.\n\n\
             In Moscow, Russian President Vladimir Putin called the decision a mistake.\n\n\
             The treaty was signed on May 26, 1972, by President Richard Nixon.",
        );
        let offices: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.pool == Pool::Office)
            .filter_map(|f| f.question.as_deref())
            .collect();
        assert_eq!(
            offices,
            vec!["What office did Richard Nixon hold on May 26, 1972?"]
        );
    }

    #[test]
    fn a_title_of_a_named_body_before_a_comma_makes_a_person() {
        let (ex, _) = facts(
            "The Chairman of the State Duma, Gennady Seleznyov, said the chamber would vote on START II in April.",
        );
        let roles: Vec<(&str, &str)> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Role)
            .filter_map(|f| Some((ex.entities[f.entity?].name.as_str(), f.answer.as_str())))
            .collect();
        assert_eq!(
            roles,
            vec![("Gennady Seleznyov", "Chairman of the State Duma")]
        );
    }

    #[test]
    fn the_leaders_of_named_states_speak_as_one_group() {
        let (ex, _) = facts(
            "The foreign ministers of Britain, France and Germany said the deal was working.\n\n\
             The leaders of India and Pakistan said the tests were a response to each other.",
        );
        let speakers: Vec<(&str, Option<&str>)> = ex
            .facts
            .iter()
            .filter(|f| {
                f.kind == FactKind::Speaker
                    || f.question.as_deref().is_some_and(|q| q.contains(" said "))
            })
            .map(|f| (f.answer.as_str(), f.question.as_deref()))
            .collect();
        assert_eq!(
            speakers,
            vec![
                (
                    "foreign ministers of Britain, France and Germany",
                    Some("Who said the deal was working?")
                ),
                (
                    "leaders of India and Pakistan",
                    Some("Who said the tests were a response to each other?")
                ),
            ]
        );
    }

    #[test]
    fn an_unnamed_official_is_a_speaker_and_a_title_keeps_its_capital() {
        let (ex, _) = facts(
            "Secretary of State James Baker met Eduard Shevardnadze in Wyoming, a senior State Department official told reporters.",
        );
        assert_eq!(
            speaker_facts(&ex),
            vec![(
                "senior State Department official",
                Some(
                    "Who told reporters that Secretary of State James Baker met Eduard Shevardnadze in Wyoming?"
                )
            )]
        );
    }

    #[test]
    fn a_spokesperson_named_by_the_body_is_a_speaker() {
        let (ex, _) = facts(
            "The treaty was signed in Paris.\n\n\
             The Government Spokesperson stated that the treaty removes the capability for a surprise attack.\n\n\
             The spokesman said the decision was final.",
        );
        assert_eq!(
            speaker_facts(&ex),
            vec![(
                "Government Spokesperson",
                Some("Who stated that the treaty removes the capability for a surprise attack?")
            )]
        );
    }

    #[test]
    fn an_accuser_is_asked_and_the_accused_stays_a_party() {
        let (ex, _) = facts(
            "India accused Pakistan of testing a missile with a banned range.\n\n\
             After Pakistan accused India of stalling, the talks collapsed.",
        );
        assert_eq!(
            speaker_facts(&ex),
            vec![(
                "India",
                Some("Which country accused Pakistan of testing a missile with a banned range?")
            )]
        );
        assert!(
            ex.facts
                .iter()
                .any(|f| f.kind == FactKind::Party && f.sentence == 0 && f.answer == "Pakistan"),
            "{:?}",
            ex.facts
        );
    }

    #[test]
    fn calling_a_decision_something_is_speech_but_calling_for_is_not() {
        let speakers = |t: &str| -> Vec<String> {
            let (ex, _) = facts(t);
            questions_of(&ex, FactKind::Speaker)
                .into_iter()
                .map(String::from)
                .collect()
        };
        assert_eq!(
            speakers("Kofi Annan called the vote a serious setback for nuclear disarmament."),
            vec!["Who called the vote a serious setback for nuclear disarmament?"]
        );
        assert!(speakers("Kofi Annan called for a moratorium on nuclear testing.").is_empty());
        assert!(speakers("Kofi Annan called on India to sign the treaty.").is_empty());
    }

    #[test]
    fn read_is_a_past_tense_verb() {
        // Before, no verb was found and the sentence was read as a verbless
        // fragment: not one fact.
        let (_, v) = facts("Intro.\n\nOn 14 July 2015, Zarif read out the joint statement.");
        assert!(has(&v, FactKind::Date, "14 July 2015"), "{v:?}");
    }

    #[test]
    fn the_count_a_list_spells_out_asks_for_the_list() {
        let (_, v) = facts(
            "The treaty opened in 1996. The four other declared nuclear powers, Britain, China, \
             France and Russia, also signed on the first day.",
        );
        assert!(
            has(&v, FactKind::Party, "Britain, China, France and Russia"),
            "{v:?}"
        );
        // "The two countries" with no list refers back: no count to ask.
        let (_, v) =
            facts("The treaty opened in 1996. The two countries also signed on the first day.");
        assert!(!has(&v, FactKind::Number, "two"), "{v:?}");
    }

    #[test]
    fn a_briefers_agenda_is_no_claim() {
        let (ex, _) = facts(
            "MR. PRICE: I want to begin with New START. The extension took effect on February 3, 2021.\n",
        );
        let said = questions_of(&ex, FactKind::Speaker);
        assert!(said.iter().all(|q| !q.contains("begin")), "{said:?}");
        assert!(
            said.iter().any(|q| q.contains("extension took effect")),
            "{said:?}"
        );
    }

    #[test]
    fn a_dotted_state_before_a_noun_is_its_adjective() {
        let (ex, _) = facts(
            "The systems removed included the U.S. Pershing II and the Soviet SS-20. \
             NATO allies said they supported the U.S. action. The U.S. withdrew in 2019.",
        );
        let asked: Vec<usize> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Party && f.answer == "U.S.")
            .map(|f| f.sentence)
            .collect();
        assert_eq!(asked, vec![2], "{:?}", ex.facts);
    }

    #[test]
    fn two_people_with_one_title_are_two_roles() {
        let art = parse(
            "The treaty was signed on 19 November 1990. Among those who signed were President \
             Anna Berg of Sweden and President Mikhail Gorbachev of the Soviet Union.",
        );
        let ex = extract(&art);
        let people: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Role && f.answer == "President")
            .filter_map(|f| f.entity.map(|e| ex.entities[e].name.as_str()))
            .collect();
        assert_eq!(people.len(), 2, "{people:?}");
        // Each gets its own card and its own id.
        let cards = crate::core::cards::build(&art, &ex);
        let ids: Vec<&str> = cards
            .iter()
            .filter(|c| c.answer == "President")
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2, "{cards:?}");
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn an_unnamed_employer_is_no_part_of_the_post() {
        let (ex, _) = facts(
            "\"The arsenals go down,\" said Ellen Marsh, an arms control analyst at a Washington research institute.",
        );
        let f = first_fact(&ex, FactKind::Role);
        assert_eq!(f.answer, "arms control analyst");
        assert!(
            f.accept
                .iter()
                .any(|a| a == "arms control analyst at a Washington research institute"),
            "{:?}",
            f.accept
        );
        // A line of work as the predicate.
        let (ex, _) = facts(
            "Dr. Ingrid Halvorsen is a seismologist who has written a history of test bans in 2019.",
        );
        assert_eq!(first_fact(&ex, FactKind::Role).answer, "seismologist");
        let (_, v) = facts("Helen Marsh is a member of the board since 2019.");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Role), "{v:?}");
        // Two posts joined by "and the": the first is the answer.
        let (ex, _) = facts(
            "The deal was signed in 1994 by Robert Gallucci, an ambassador-at-large at the \
             State Department and the chief U.S. negotiator.",
        );
        let f = first_fact(&ex, FactKind::Role);
        assert_eq!(f.answer, "ambassador-at-large");
        assert!(
            f.accept
                .iter()
                .any(|a| a.ends_with("and the chief U.S. negotiator")),
            "{:?}",
            f.accept
        );
    }

    #[test]
    fn a_seat_after_a_body_is_no_government() {
        let (_, v) = facts(
            "Title: CFE Treaty fact sheet\n\nSigned: November 19, 1990, Paris\n\
             Implementing body: Joint Consultative Group, Vienna\n\nMoscow rejected the plan in 2007.\n",
        );
        // "Moscow rejected": the capital acts for its state.
        assert!(has(&v, FactKind::Party, "Russia"), "{v:?}");
        // ", Vienna" after the body is its seat, not Austria's government.
        assert!(!has(&v, FactKind::Party, "Austria"), "{v:?}");
        // A city said to be something is the place.
        let (_, v) = facts("In 1994 Budapest was, in a sense, the moment that promise was kept.");
        assert!(!has(&v, FactKind::Party, "Hungary"), "{v:?}");
        let (_, v) = facts("In 1994 Budapest was the first to sign the treaty.");
        assert!(has(&v, FactKind::Party, "Hungary"), "{v:?}");
        // "In Moscow" opening a sentence is a place too.
        let (_, v) =
            facts("In Moscow, President Vladimir Putin said in 2001 that it was a mistake.");
        assert!(
            !has(&v, FactKind::Party, "Russia") && !has(&v, FactKind::Party, "Soviet Union"),
            "{v:?}"
        );
    }

    #[test]
    fn each_signer_is_asked_for_the_state_they_signed_for() {
        let (ex, _) = facts(
            "Russia and Ukraine signed the protocol in 1992. Russia and Ukraine agreed. \
             Foreign Minister Andrei Kozyrev signed for Russia, and Anatoly Zlenko signed for \
             Ukraine.",
        );
        let qs: Vec<(&str, &str)> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Party && f.sentence == 2)
            .filter_map(|f| Some((f.question.as_deref()?, f.answer.as_str())))
            .collect();
        assert_eq!(
            qs,
            vec![
                ("For which country did Andrei Kozyrev sign?", "Russia"),
                ("For which country did Anatoly Zlenko sign?", "Ukraine"),
            ]
        );
    }

    #[test]
    fn a_cast_line_gives_posts_and_a_quote_a_speaker_sets_out_is_theirs() {
        let (ex, v) = facts(
            "Joint press conference on the framework\n\
             Geneva, 14 September 2013 (condensed transcript)\n\n\
             Participants: U.S. Secretary of State John Kerry and Russian Foreign Minister \
             Sergey Lavrov\n\n\
             SECRETARY KERRY: We have agreed on a framework with Russia. Let me be clear \
             about the standard we will apply: \"There can be no room for games, or anything \
             less than full compliance.\"",
        );
        assert!(has(&v, FactKind::Role, "U.S. Secretary of State"), "{v:?}");
        assert!(has(&v, FactKind::Role, "Russian Foreign Minister"), "{v:?}");
        // The turn's first sentence and the quotation each have theirs.
        let kerry = v
            .iter()
            .filter(|(k, a)| *k == FactKind::Speaker && a == "John Kerry")
            .count();
        assert_eq!(kerry, 2, "{v:?}");
        // The place-and-date line under the title dates the text.
        let r = ex.reference.expect("a reference date");
        assert!(r.explicit && r.date == Ymd::ymd(2013, 9, 14), "{r:?}");
    }

    #[test]
    fn a_service_secretary_is_a_post_not_a_body() {
        let (_, v) = facts(
            "The accord was signed by Secretary of the Navy John W. Warner and Admiral \
             Sergei G. Gorshkov.",
        );
        assert!(has(&v, FactKind::Role, "Secretary of the Navy"), "{v:?}");
        assert!(!v.iter().any(|(_, a)| a == "Navy"), "{v:?}");
    }

    #[test]
    fn initials_inside_a_treaty_name_stay_out_of_its_answer() {
        let (ex, _) = facts(
            "Gorbachev dropped his demand. That opened the way to the Intermediate-Range \
             Nuclear Forces (INF) Treaty, which the two leaders signed in 1987.",
        );
        let f = first_fact(&ex, FactKind::Treaty);
        assert_eq!(f.answer, "Intermediate-Range Nuclear Forces Treaty");
        assert!(
            f.accept
                .iter()
                .any(|a| a == "Intermediate-Range Nuclear Forces (INF) Treaty"),
            "{:?}",
            f.accept
        );
    }

    #[test]
    fn welcoming_or_denouncing_in_quoted_words_is_speech() {
        for text in [
            "George Bush welcomed the Soviet steps as \"good news for the whole world.\"",
            "George Bush denounced the agreement as \"a historic mistake for the world.\"",
        ] {
            let (_, v) = facts(text);
            assert!(
                has(&v, FactKind::Speaker, "George H. W. Bush"),
                "{text}: {v:?}"
            );
        }
    }

    #[test]
    fn two_signers_with_titles_are_one_answer() {
        for (text, q, a) in [
            (
                "The INF Treaty was signed in Washington on December 8, 1987, by U.S. President \
                 Ronald Reagan and Mikhail Gorbachev, General Secretary of the Communist Party.",
                "Which two leaders signed the INF Treaty?",
                "Ronald Reagan and Mikhail Gorbachev",
            ),
            (
                "New START, which Presidents Barack Obama and Dmitry Medvedev signed in Prague, \
                 sets three limits.",
                "Which two leaders signed New START?",
                "Barack Obama and Dmitry Medvedev",
            ),
            (
                "Ronald Reagan spoke. Reagan and General Secretary Mikhail Gorbachev signed \
                 the INF Treaty in Washington.",
                "Which two leaders signed the INF Treaty?",
                "Ronald Reagan and Mikhail Gorbachev",
            ),
            (
                "Signed: 26 May 1972\nSignatories: U.S. President Richard Nixon and Leonid \
                 Brezhnev, General Secretary of the Communist Party",
                "Which two leaders signed the treaty?",
                "Richard Nixon and Leonid Brezhnev",
            ),
        ] {
            let (ex, _) = facts(text);
            assert!(
                ex.facts
                    .iter()
                    .any(|f| f.question.as_deref() == Some(q) && f.answer == a),
                "{text}: {:?}",
                ex.facts
                    .iter()
                    .map(|f| (&f.question, &f.answer))
                    .collect::<Vec<_>>()
            );
        }
        // A post set off by commas that runs past the next name is no
        // post of the first signer's (this used to index out of range).
        let (ex, _) = facts(
            "The INF Treaty was signed in 1987 by Ronald Reagan, a friend of Margaret \
             Thatcher and others, and Mikhail Gorbachev.",
        );
        assert!(!ex.facts.iter().any(|f| f.answer.contains("Thatcher and")));
        // Not a signing: two people who met.
        let (ex, _) = facts("President Ronald Reagan and Mikhail Gorbachev met in Geneva.");
        assert!(
            !ex.facts
                .iter()
                .any(|f| f.question.as_deref().is_some_and(|q| q.contains("signed")))
        );
    }

    #[test]
    fn a_person_from_a_named_place_is_a_speaker() {
        for text in [
            "Robert Smith of Chile said the network was ready.",
            "Robert Smith of Chile, the Executive Secretary, said the network was ready.",
        ] {
            let (_, v) = facts(text);
            assert!(has(&v, FactKind::Speaker, "Robert Smith"), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_place_after_of_before_an_appositive_is_no_person() {
        let (ex, _) = facts(
            "Senator Richard Lugar of Indiana, the chairman of the Senate Foreign Relations Committee, backed the treaty.",
        );
        let people: Vec<&str> = ex
            .entities
            .iter()
            .filter(|e| e.class == EntClass::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert!(!people.contains(&"Indiana"), "{people:?}");
    }

    #[test]
    fn an_undated_leaders_office_is_asked_by_its_sentence() {
        // No date anywhere: the sentence is the office's context, so the
        // card is its cloze.
        let (ex, _) = facts(
            "At a White House ceremony, President Barack Obama praised the negotiators of the nuclear deal with Iran.",
        );
        let office: Vec<(&str, bool)> = ex
            .facts
            .iter()
            .filter(|f| f.pool == Pool::Office)
            .map(|f| (f.answer.as_str(), f.question.is_none()))
            .collect();
        assert_eq!(office, vec![("President", true)]);
        // Two presidents: blanking "President" would leave two blanks.
        let (ex, _) = facts(
            "Russian President Vladimir Putin and U.S. President Joe Biden agreed on the extension by telephone.",
        );
        assert!(
            !ex.facts.iter().any(|f| f.pool == Pool::Office),
            "{:?}",
            ex.facts
        );
    }

    #[test]
    fn a_list_of_states_opening_a_sentence_is_one_answer() {
        let (ex, _) = facts(
            "India, North Korea and Pakistan have not even signed. China, France and Russia voted against the plan. \
             Only Russia, Belarus and Ukraine have ratified it. NATO and the Warsaw Pact signed the CFE Treaty.",
        );
        let got: Vec<(&str, Option<&str>)> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Party && f.answer.contains(" and "))
            .map(|f| (f.answer.as_str(), f.question.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "India, North Korea and Pakistan",
                    Some("Which three countries have not even signed?")
                ),
                (
                    "China, France and Russia",
                    Some("Which three countries voted against the plan?")
                ),
                (
                    "Russia, Belarus and Ukraine",
                    Some("Which three countries have ratified it?")
                ),
                // A pair is answered as written, with its "the".
                (
                    "NATO and the Warsaw Pact",
                    Some("Which two alliances signed the CFE Treaty?")
                ),
            ]
        );
        // After an opening date (which the question keeps), and before an
        // aside ("as successor states ..."); a comma inside the list opens
        // nothing.
        let (ex, _) = facts(
            "In 2025 Estonia, Latvia, Lithuania and Finland announced that they would leave. \
             Under the protocol, Belarus, Kazakhstan and Ukraine, as successor states of the \
             Soviet Union, undertook to join the NPT.",
        );
        let lists: Vec<(&str, Option<&str>)> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Party && f.entity.is_none())
            .map(|f| (f.answer.as_str(), f.question.as_deref()))
            .collect();
        assert_eq!(
            lists,
            vec![
                (
                    "Estonia, Latvia, Lithuania and Finland",
                    Some("In 2025, which four countries announced that they would leave?")
                ),
                (
                    "Belarus, Kazakhstan and Ukraine",
                    Some(
                        "Which three countries, as successor states of the Soviet Union, \
                         undertook to join the NPT?"
                    )
                ),
            ]
        );
    }

    #[test]
    fn a_relative_date_is_no_accepted_answer() {
        let (ex, _) = facts(
            "Date: 2021-01-17\n\nSpain left the Ottawa Treaty last year. Portugal left it today.",
        );
        for f in ex.facts.iter().filter(|f| f.kind == FactKind::Date) {
            assert!(
                f.accept
                    .iter()
                    .all(|a| !a.contains("last year") && a != "today"),
                "{f:?}"
            );
        }
        assert!(
            ex.facts
                .iter()
                .any(|f| f.kind == FactKind::Date && f.answer == "2020")
        );
    }

    #[test]
    fn a_resolution_number_is_one_answer() {
        let (_, v) = facts("The treaty was adopted in 2013 through resolution 67/234 B by a vote.");
        assert!(has(&v, FactKind::Number, "67/234 B"), "{v:?}");
        assert!(!has(&v, FactKind::Number, "234"), "{v:?}");
    }

    #[test]
    fn a_list_whose_aside_ends_the_text_is_no_panic() {
        let (_, v) =
            facts("Under the deal, Belarus, Kazakhstan and Ukraine, as states that have weapons,");
        assert!(v.iter().all(|(_, a)| !a.contains(" and ")), "{v:?}");
    }

    #[test]
    fn a_navy_is_a_body_and_the_post_after_a_rank_wins() {
        let (ex, v) = facts(
            "The accord was signed by Admiral Sergei G. Gorshkov, commander in chief of the Soviet Navy.",
        );
        assert!(
            ex.entities
                .iter()
                .all(|e| e.class != EntClass::Person || !e.name.contains("Navy")),
            "{:?}",
            ex.entities
        );
        assert!(
            has(&v, FactKind::Role, "commander in chief of the Soviet Navy"),
            "{v:?}"
        );
    }

    #[test]
    fn a_protocol_numbered_in_digits_is_a_treaty() {
        let (_, v) = facts(
            "Protocol 2, open to the five nuclear-weapon states, bars the use of nuclear arms against the parties.",
        );
        assert!(has(&v, FactKind::Treaty, "Protocol 2"), "{v:?}");
        // Not a year or a long number.
        let (_, v) = facts("Protocol 1990 is no name, and the Protocol 12 drafts were lost.");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Treaty), "{v:?}");
    }

    #[test]
    fn a_weapons_designation_is_asked_once() {
        assert!(is_designation("9M729"));
        assert!(is_designation("SSC-8"));
        assert!(is_designation("OC-135B"));
        assert!(!is_designation("NATO"));
        assert!(!is_designation("COVID-19"));
        assert!(!is_designation("1987"));
        let (_, v) = facts(
            "Russia fielded the 9M729 cruise missile, which NATO calls the SSC-8, in 2017. \
             NATO said in 2018 that the 9M729 broke the INF Treaty.",
        );
        let asked: Vec<&str> = v
            .iter()
            .filter(|(k, a)| *k == FactKind::Number && is_designation(a))
            .map(|(_, a)| a.as_str())
            .collect();
        assert_eq!(asked, ["9M729", "SSC-8"], "{v:?}");
        // A list of them is no card.
        let (_, v) =
            facts("The Soviet Union dismantled its SS-20, SS-4 and SS-5 missiles in 1991.");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Number), "{v:?}");
    }

    #[test]
    fn a_count_joined_to_its_unit_is_a_number() {
        assert_eq!(counted_compound("six-month"), Some((6, "month")));
        assert_eq!(counted_compound("one-year"), Some((1, "year")));
        assert_eq!(counted_compound("Eighteen-Nation"), None);
        assert_eq!(counted_compound("long-term"), None);
        let (_, v) = facts("Gorbachev announced a one-year moratorium on nuclear testing in 1991.");
        assert!(has(&v, FactKind::Number, "one-year"), "{v:?}");
        // Not where it ends the sentence or names something.
        let (_, v) =
            facts("The moratorium was one-year. The Eighteen-Nation Committee met in 1962.");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Number), "{v:?}");
    }

    #[test]
    fn a_list_of_places_of_signing_is_one_answer() {
        let (_, v) = facts(
            "The convention was opened for signature in London, Moscow and Washington in 1972.",
        );
        assert!(
            has(&v, FactKind::Party, "London, Moscow and Washington"),
            "{v:?}"
        );
        assert!(!has(&v, FactKind::Party, "London"), "{v:?}");
        // A list that does not close with "and" is no list of places.
        let (_, v) = facts("The convention was signed in London, with Moscow following in 1972.");
        assert!(has(&v, FactKind::Party, "London"), "{v:?}");
    }

    #[test]
    fn a_list_of_states_after_a_colon_is_one_answer() {
        let (_, v) = facts(
            "The Treaty recognises five nuclear-weapon States: China, France, Russia, the United Kingdom and the United States.",
        );
        assert!(
            has(
                &v,
                FactKind::Party,
                "China, France, Russia, the United Kingdom and the United States"
            ),
            "{v:?}"
        );
        // A list that goes on past the states is no answer of its own.
        let (_, v) = facts("They named three states: China, France and Russia as sponsors.");
        assert!(!v.iter().any(|(_, a)| a.contains(" and ")), "{v:?}");
        // After a copula or "including" as well.
        for (text, list) in [
            (
                "The signatories are Belarus, Kazakhstan, Russia and Ukraine.",
                "Belarus, Kazakhstan, Russia and Ukraine",
            ),
            (
                "The states voting against were Iran, Syria and North Korea.",
                "Iran, Syria and North Korea",
            ),
            (
                "Several powers remain outside it, including the United States, Russia and China, \
                 as well as India.",
                "United States, Russia and China",
            ),
        ] {
            let (_, v) = facts(text);
            assert!(has(&v, FactKind::Party, list), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_month_after_a_given_name_is_a_surname() {
        let (ex, v) = facts(
            "Prime Minister Theresa May of the United Kingdom said on May 8, 2018 that she regretted it.",
        );
        assert!(has(&v, FactKind::Party, "Theresa May"), "{v:?}");
        assert!(has(&v, FactKind::Date, "May 8, 2018"), "{v:?}");
        // "May" alone stays a month: no spelling of her name.
        let e = ex
            .entities
            .iter()
            .find(|e| e.name == "Theresa May")
            .expect("an entity");
        assert!(!e.variants.iter().any(|v| v == "May"), "{e:?}");
    }

    #[test]
    fn a_dated_reports_reaction_dates_a_leaders_office_by_its_month() {
        let (ex, _) = facts(
            "Statement on the Ottawa Treaty\nVienna, Austria\nMay 8, 2018\n\n\
             The United States left the Ottawa Treaty today.\n\n\
             We regret it. In a joint statement, President Emmanuel Macron of France said he took note of the decision.",
        );
        let offices: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.pool == Pool::Office)
            .filter_map(|f| f.question.as_deref())
            .collect();
        assert_eq!(
            offices,
            vec!["What office did Emmanuel Macron hold in May 2018?"]
        );
    }

    #[test]
    fn a_quotation_begun_a_sentence_earlier_is_asked_whole() {
        let (ex, _) = facts(
            "The alliance met in 2007.\n\n\"NATO regrets this decision by the Russian Federation. \
             It is a step in the wrong direction,\" NATO spokesman James Appathurai said in Brussels.",
        );
        let q = question_of(&ex, FactKind::Speaker, "James Appathurai");
        assert_eq!(
            q,
            Some(
                "Who said: “NATO regrets this decision by the Russian Federation. It is a step in the wrong direction”?"
            )
        );
    }

    #[test]
    fn a_durations_possessive_apostrophe_stays_outside_the_blank() {
        let (ex, _) = facts("Either side could withdraw on three months' written notice.");
        let f = first_fact(&ex, FactKind::Number);
        assert_eq!(f.answer, "three months");
        let text = "Either side could withdraw on three months' written notice.";
        assert_eq!(
            super::super::cards::blank(text, &f.spans),
            "Either side could withdraw on ___' written notice."
        );
    }

    #[test]
    fn a_question_about_it_keeps_the_treaty_and_an_opening_phrase_keeps_the_subject() {
        let (ex, _) = facts(
            "HOST: New START was extended in 2021 for five years. When does it run out?\n\n\
             GUEST: It expires on February 5, 2026, and it cannot be extended again.",
        );
        let t = ex.topics[2].as_ref().expect("a topic for It");
        assert_eq!(t.name, "New START");
        // A question about something else lets the treaty go.
        let (ex, _) = facts(
            "HOST: New START was extended in 2021 for five years. Who was there?\n\n\
             GUEST: It was a small meeting in Geneva.",
        );
        assert!(ex.topics[2].is_none(), "{:?}", ex.topics);
        let (ex, _) = facts(
            "Under the accord, Iran will cap enrichment at 3.67 percent. \
             It will keep only 5,060 centrifuges at Natanz.",
        );
        let t = ex.topics[1].as_ref().expect("a topic for It");
        assert_eq!(t.name, "Iran");
        // "It remains in force" is said of a treaty, not of the last subject.
        let (ex, _) = facts(
            "The Senate approved the Threshold Test Ban Treaty by a vote of 98 to 0 in 1990. \
             It remains in force between the United States and Russia.",
        );
        let t = ex.topics[1].as_ref().expect("a topic for It");
        assert_eq!(t.name, "The Threshold Test Ban Treaty");
        let (ex, _) = facts("The Senate approved the budget in 1990. It remains in force today.");
        assert!(ex.topics[1].is_none(), "{:?}", ex.topics);
        // A name ending in its head word takes "The" as a subject.
        let (ex, _) = facts(
            "Outer Space Treaty signatories met in 1967. Outer Space Treaty parties met in 1968. \
             The treaty grew out of efforts at the United Nations.",
        );
        let t = ex.topics[2].as_ref().expect("a topic for The treaty");
        assert_eq!(t.name, "The Outer Space Treaty");
        // "the treaty" as a subject, with no treaty named, is the article's.
        let (ex, _) = facts(
            "SALT II was signed in Vienna in June 1979.\n\n\
             Within it, the treaty set a sublimit of 1,320 launchers. \
             It further limited launchers of MIRVed ICBMs to 820. \
             It was the first time that such a sublimit had been set.",
        );
        let t = ex.topics[2].as_ref().expect("a topic for It");
        assert_eq!(t.name, "SALT II");
        assert!(ex.topics[3].is_none(), "{:?}", ex.topics);
        // Not after "under the accord": the subject is Iran.
        let (ex, _) = facts(
            "The JCPOA was agreed in Vienna in July 2015.\n\n\
             Under the accord, Iran will cap enrichment at 3.67 percent. \
             It will keep only 5,060 centrifuges.",
        );
        let t = ex.topics[2].as_ref().expect("a topic for It");
        assert_eq!(t.name, "Iran");
    }

    #[test]
    fn a_relative_date_inside_a_quotation_is_not_blanked() {
        let (ex, _) = facts(
            "Date: December 13, 2001\n\n\
             \"Today, I have given formal notice to Russia that the United States is withdrawing from the ABM Treaty,\" Bush said in the Rose Garden.",
        );
        assert!(
            !ex.facts.iter().any(|f| f.kind == FactKind::Date),
            "{:?}",
            ex.facts
        );
        // Outside the quotation it is the day of the event.
        let (ex, _) = facts(
            "Date: December 13, 2001\n\nToday Bush gave formal notice to Russia that the United States is withdrawing from the ABM Treaty.",
        );
        assert!(
            ex.facts.iter().any(|f| f.kind == FactKind::Date),
            "{:?}",
            ex.facts
        );
    }

    #[test]
    fn a_given_name_and_a_surname_are_a_person() {
        let (_, v) = facts(
            "In July 1982 Paul Nitze and Yuli Kvitsinsky took a walk in the woods near Geneva.",
        );
        assert!(
            has(&v, FactKind::Party, "Paul Nitze and Yuli Kvitsinsky"),
            "{v:?}"
        );
        // A body named after a person is no person.
        let (ex, _) = facts("The Paul Nitze School opened a programme in 1999.");
        assert!(
            !ex.entities.iter().any(|e| e.class == EntClass::Person),
            "{:?}",
            ex.entities
        );
    }

    #[test]
    fn the_two_sides_of_talks_are_one_answer() {
        let (_, v) = facts(
            "The negotiations were a series of talks between the United States and the Soviet Union \
             that produced the INF Treaty.",
        );
        assert!(
            has(&v, FactKind::Party, "United States and the Soviet Union"),
            "{v:?}"
        );
        // A relation that no negotiation names is not asked.
        let (_, v) =
            facts("Relations between the United States and the Soviet Union improved in 1987.");
        assert!(!v.iter().any(|(_, a)| a.contains(" and ")), "{v:?}");
        // The parties a treaty is in force between.
        let (_, v) = facts(
            "The Threshold Test Ban Treaty entered into force in 1990. \
             The Threshold Test Ban Treaty remains in force between the United States and Russia.",
        );
        assert!(
            has(&v, FactKind::Party, "United States and Russia"),
            "{v:?}"
        );
    }

    #[test]
    fn a_reply_word_before_a_treaty_keeps_it_in_view() {
        let (ex, _) = facts(
            "HOST: Was there a companion agreement?\n\n\
             GUEST: Yes, the Peaceful Nuclear Explosions Treaty, which Ford and Brezhnev signed in \
             May 1976. It capped group explosions at 1,500 kilotons.",
        );
        let t = ex.topics[2].as_ref().expect("a topic for It");
        assert_eq!(t.name, "The Peaceful Nuclear Explosions Treaty");
    }

    #[test]
    fn a_speaker_introducing_themselves_is_not_asked_who_said_it() {
        let text = |intro: &str| {
            format!(
                "INTERVIEWER: What exactly is your job?\n\n\
                 GROSSI: {intro}, Director General of the International Atomic Energy Agency. \
                 Our inspectors verify that nuclear material is not diverted from peaceful uses."
            )
        };
        let asked = |intro: &str| {
            let (ex, _) = facts(&text(intro));
            questions_of(&ex, FactKind::Speaker)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            asked("I am Rafael Grossi"),
            vec![
                "Who introduced themselves as Director General of the International Atomic Energy Agency?"
            ]
        );
        // With no post after the name, the line is not asked.
        let (ex, _) = facts(
            "INTERVIEWER: Who is on the line?\n\n\
             DALTON: I'm Jonathan Dalton from the Office of the Spokesperson, and I'll be moderating today's call.",
        );
        assert!(
            !ex.facts
                .iter()
                .filter_map(|f| f.question.as_deref())
                .any(|q| q.contains("___")),
            "{:?}",
            ex.facts
        );
        // Named as a third person would name him, the line is his claim.
        assert!(
            asked("We report to Rafael Grossi")
                .iter()
                .any(|q| q.contains("Director General")),
            "{:?}",
            asked("We report to Rafael Grossi")
        );
    }

    #[test]
    fn a_cut_quotation_closes_the_quotes_it_opened() {
        assert_eq!(
            balance_quotes("the word \"suspending,\" not \"withdrawing"),
            "the word \"suspending,\" not \"withdrawing\""
        );
        assert_eq!(balance_quotes("a “mistake"), "a “mistake”");
        assert_eq!(balance_quotes("Russia's “mistake”"), "Russia's “mistake”");
    }

    #[test]
    fn a_question_reports_no_claim_and_as_x_said_asks_the_main_clause() {
        let (ex, _) = facts(
            "Has Moscow said anything about the limits? \
             As Secretary Blinken has said, this decision is deeply unfortunate.",
        );
        let qs = questions_of(&ex, FactKind::Speaker);
        assert_eq!(
            qs,
            vec!["Who said that this decision is deeply unfortunate?"]
        );
    }

    #[test]
    fn an_instrument_named_by_its_year_is_a_treaty() {
        let (_, v) = facts(
            "The ABM Treaty was signed in 1972. A 1974 protocol cut that number to one site. \
             Russia kept notifying launches under a 1988 agreement. The 1972 treaty lapsed in 2002.",
        );
        assert!(has(&v, FactKind::Treaty, "1974 protocol"), "{v:?}");
        assert!(has(&v, FactKind::Treaty, "1988 agreement"), "{v:?}");
        assert!(has(&v, FactKind::Date, "1974"), "{v:?}");
        // The article's known treaty of that year is not a new one.
        assert!(!has(&v, FactKind::Treaty, "1972 treaty"), "{v:?}");
    }

    #[test]
    fn a_claim_before_the_speaker_and_a_time_after_the_verb() {
        let (ex, _) = facts(
            "President Vladimir Putin has signed a decree suspending the CFE Treaty, the Kremlin said on Saturday, deepening a dispute with NATO.",
        );
        let q = question_of(&ex, FactKind::Speaker, "Kremlin");
        assert_eq!(
            q,
            Some(
                "Which body said on Saturday that President Vladimir Putin has signed a decree suspending the CFE Treaty?"
            )
        );
    }

    #[test]
    fn headline_words_and_treaty_bodies_are_not_treaty_names() {
        let (ex, _) = facts(
            "The Test-Ban Treaty After Russia's Step Back\n\n\
             Delegates met at the Tenth Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons in 2022.",
        );
        let treaties: Vec<&str> = ex
            .entities
            .iter()
            .filter(|e| e.class == EntClass::Treaty)
            .map(|e| e.name.as_str())
            .collect();
        assert!(
            treaties
                .iter()
                .all(|t| !t.contains("After") && !t.contains("Conference")),
            "{treaties:?}"
        );
    }

    #[test]
    fn the_treaty_a_header_title_names_is_the_subject() {
        // The body names the adapted treaty twice and the CFE Treaty only
        // by its formal title, once; the title says which one the sheet is
        // about, and the formal title gives way to the short name.
        let text = "Title: Fact Sheet: Treaty on Conventional Armed Forces in Europe (CFE)\n\n\
                    Full name: Treaty on Conventional Armed Forces in Europe\n\
                    Adapted CFE Treaty: signed November 19, 1999, Istanbul\n\n\
                    The treaty was signed in Paris. The parties signed the Adapted CFE Treaty in Istanbul in 1999.\n";
        let (ex, _) = facts(text);
        let sub = ex.subject.expect("a subject");
        assert_eq!(ex.entities[sub.entity].name, "CFE Treaty");
        assert_eq!(sub.inline, "the CFE Treaty");
        assert_eq!(
            ex.topics[2].as_ref().map(|t| t.name.as_str()),
            Some("The CFE Treaty")
        );
        // Without the title, the treaty named most is the subject.
        let (ex, _) = facts(text.split_once("\n\n").map_or(text, |(_, b)| b));
        let sub = ex.subject.expect("a subject");
        assert_eq!(ex.entities[sub.entity].name, "Adapted CFE Treaty");
    }

    #[test]
    fn an_acronym_subject_takes_the_unless_read_as_a_word() {
        let (ex, _) = facts(
            "Short name: CTBT\nSigned: 24 September 1996\n\nCTBT bans all nuclear explosions. CTBT has 187 signatories.\n",
        );
        assert_eq!(ex.subject.expect("a subject").inline, "the CTBT");
        let (ex, _) = facts(
            "Short name: START\nSigned: 31 July 1991\n\nSTART cut warheads. START expired in 2009.\n",
        );
        assert_eq!(ex.subject.expect("a subject").inline, "START");
        // A name ending in its head word takes "the" too.
        let (ex, _) = facts(
            "Short names: Seabed Treaty\nSigned: 11 February 1971\n\nSeabed Treaty bans \
             weapons. Seabed Treaty has 90 parties.\n",
        );
        assert_eq!(ex.subject.expect("a subject").inline, "the Seabed Treaty");
    }

    #[test]
    fn a_heading_names_no_subject_of_its_own() {
        let (ex, _) = facts(
            "The Rise and Fall of the CFE Treaty\n\n\
             The CFE Treaty was signed in Paris in 1990. Russia left the CFE Treaty in 2023.\n",
        );
        let sub = ex.subject.expect("a subject");
        assert_eq!(sub.inline, "the CFE Treaty");
    }

    #[test]
    fn a_treaty_named_in_passing_or_beside_another_instrument_is_no_subject() {
        // A heading that names another instrument: the treaty the body
        // names more often is not the article's.
        let (ex, _) = facts(
            "FACT SHEET: U.S.-SOVIET KESTREL DESTRUCTION AGREEMENT (1990)\n\n\
             Signed: June 1, 1990\n\n\
             The Chemical Weapons Convention (CWC) opened for signature in 1993. \
             The CWC entered into force in 1997. Russia completed destruction under the CWC in 2017.\n",
        );
        assert!(ex.subject.is_none(), "{:?}", ex.subject);
        // ... and where the body names it by a name ending as the heading
        // does, that one is the subject.
        let (ex, _) = facts(
            "FACT SHEET: U.S.-SOVIET KESTREL DESTRUCTION AGREEMENT (1990)\n\n\
             Short names: Bilateral Destruction Agreement\n\
             Signed: June 1, 1990\n\n\
             The Chemical Weapons Convention (CWC) opened for signature in 1993. \
             The CWC entered into force in 1997. Russia completed destruction under the CWC in 2017.\n",
        );
        assert_eq!(
            ex.subject.as_ref().map(|s| s.tag.as_str()),
            Some("Bilateral Destruction Agreement")
        );
        // Nor one whose name opens with its head word: that one is.
        let (ex, _) = facts(
            "Joint press availability on the Framework for Elimination of Kestrel Weapons\n\n\
             Syria will join the Chemical Weapons Convention (CWC). The CWC entered into force in 1997.\n",
        );
        assert_eq!(
            ex.subject.as_ref().map(|s| s.tag.as_str()),
            Some("Framework for Elimination of Kestrel Weapons")
        );
        // "Europe arms treaty" in a heading names no instrument.
        let (ex, _) = facts(
            "Putin suspends Europe arms treaty\n\n\
             The CFE Treaty was signed in Paris in 1990. Russia left the CFE Treaty in 2023.\n",
        );
        assert!(ex.subject.is_some(), "no subject");
        // Named twice, late, among other instruments, and never called
        // "the treaty": in passing.
        let (ex, _) = facts(
            "The fourth round of talks ended today with a Joint Statement. The six parties met in Beijing. \
             The North agreed to give up its weapons. It will return to the Treaty on the \
             Non-Proliferation of Nuclear Weapons (NPT). Japan recalled the 2002 Pyongyang Declaration. \
             The talks resume in November. Aid comes once the North rejoins the NPT.",
        );
        assert!(ex.subject.is_none(), "{:?}", ex.subject);
        // Named late but then called "the treaty" again and again: the
        // briefing's subject.
        let (ex, _) = facts(
            "Good afternoon. Thank you for coming. I have one announcement. I want to begin with \
             the Kestrel Treaty. Russia has suspended the treaty. Japan recalled the 2002 Pyongyang \
             Declaration. The Kestrel Treaty has no clause on suspension. We will keep the treaty alive.",
        );
        assert!(ex.subject.is_some(), "no subject");
        // Named late, but in the heading: the subject.
        let (ex, _) = facts(
            "Kestrel Treaty at fifty\n\n\
             Good afternoon. Thank you for coming. I have one announcement. I want to begin with \
             the Kestrel Treaty. Japan recalled the 2002 Pyongyang Declaration. The Kestrel Treaty \
             turns fifty today.",
        );
        assert!(ex.subject.is_some(), "no subject");
        // An organisation the heading and the lead name, more than twice
        // as often as the treaty: the text is about it.
        let (ex, _) = facts(
            "Nuclear Suppliers Group\n\n\
             The Nuclear Suppliers Group (NSG) is a group of supplier states. The NSG was founded in 1975. \
             Members of the NSG must respect the NPT. The NSG adopted guidelines in 1978. The NPT entered \
             into force in 1970. The NSG meets once a year.\n",
        );
        assert!(ex.subject.is_none(), "{:?}", ex.subject);
    }

    #[test]
    fn a_long_subject_is_tagged_by_its_acronym() {
        let (ex, _) = facts(
            "Iran signed the Joint Comprehensive Plan of Action in 2015. The Joint Comprehensive Plan of Action capped enrichment. \
             The Joint Comprehensive Plan of Action was endorsed by the UN.",
        );
        let sub = ex.subject.expect("a subject");
        assert_eq!(sub.tag, "JCPOA");
        assert_eq!(sub.inline, "the Joint Comprehensive Plan of Action");
    }

    #[test]
    fn the_treaty_a_wires_lead_names_wins_a_tie() {
        // Two treaties each named in two sentences: the one the first
        // sentence names is the story's.
        let (ex, _) = facts(
            "The Treaty on the Prohibition of Nuclear Weapons entered into force on Friday. \
             The pact, known as the TPNW, had 50 ratifications. The five states recognised under the \
             Nuclear Non-Proliferation Treaty stayed away. They say the ban undermines the NPT. \
             The treaty opened for signature in 2017.",
        );
        let sub = ex.subject.expect("a subject");
        assert_eq!(sub.tag, "TPNW");
    }

    #[test]
    fn it_after_a_body_the_treaty_creates_is_not_written_in_as_the_treaty() {
        let (ex, _) = facts(
            "The Comprehensive Nuclear-Test-Ban Treaty was opened for signature in 1996. \
             The CTBT bans all nuclear explosions. The pact also creates a Comprehensive \
             Nuclear-Test-Ban Treaty Organization, to be based in Vienna. It will run 321 stations.",
        );
        let topic = ex.topics.last().and_then(Option::as_ref);
        assert!(topic.is_none(), "{:?}", topic.map(|t| &t.name));
    }

    #[test]
    fn a_ledes_weekday_is_the_datelines_day_when_the_year_is_unknown() {
        let text = "THE HAGUE, Nov. 25 - Ninety-three countries signed up on Monday to a code \
                    against missile proliferation.\n\n\
                    Delegates will meet again on Tuesday to decide how the code will be run.\n";
        let (ex, _) = facts(text);
        let dates: Vec<&Fact> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Date)
            .collect();
        assert_eq!(dates.len(), 1, "{dates:?}");
        let f = dates[0];
        assert_eq!(f.answer, "Monday, November 25");
        assert!(f.accept.contains(&"Nov. 25".to_string()), "{:?}", f.accept);
        assert!(f.accept.contains(&"Monday".to_string()), "{:?}", f.accept);
        assert!(f.inferred && f.pool == Pool::NoChoice, "{f:?}");
        assert_eq!(
            f.note.as_deref(),
            Some("inferred from the dateline: November 25")
        );
        // Without a dateline the weekday names no day.
        let (ex, _) = facts(text.split_once(" - ").map_or(text, |(_, b)| b));
        assert!(!ex.facts.iter().any(|f| f.kind == FactKind::Date));
    }

    #[test]
    fn a_verbless_list_of_signatories_gives_posts_at_the_texts_date() {
        let (ex, _) = facts(
            "Date: 1 August 1975\n\nThe Final Act was signed in Helsinki by 35 states.\n\n\
             Selected signatories\n\
             - Gerald Ford, President of the United States\n\
             - Harold Wilson, Prime Minister of the United Kingdom\n",
        );
        let role = |who: &str| {
            ex.facts
                .iter()
                .find(|f| {
                    f.kind == FactKind::Role && f.entity.is_some_and(|e| ex.entities[e].name == who)
                })
                .unwrap_or_else(|| panic!("no post for {who}: {:?}", ex.facts))
        };
        let wilson = role("Harold Wilson");
        assert_eq!(wilson.answer, "Prime Minister of the United Kingdom");
        assert_eq!(
            wilson.question.as_deref(),
            Some("What position did Harold Wilson hold in August 1975?")
        );
        assert_eq!(role("Gerald Ford").answer, "President of the United States");
        // The list line gives posts and nothing else.
        let lines: Vec<usize> = ex
            .facts
            .iter()
            .filter(|f| f.kind != FactKind::Role)
            .map(|f| f.sentence)
            .collect();
        assert!(lines.iter().all(|&si| si < 3), "{:?}", ex.facts);
    }

    #[test]
    fn a_capital_inside_a_name_or_opening_a_fields_place_is_no_state() {
        let (_, v) = facts(
            "The Moscow Helsinki Group, founded in 1976 by Yuri Orlov, monitored Soviet compliance.\n\n\
             First follow-up meeting: Belgrade, opened 4 October 1977\n",
        );
        assert!(
            !v.iter()
                .any(|(k, a)| *k == FactKind::Party && (a == "Russia" || a == "Yugoslavia")),
            "{v:?}"
        );
        // A capital acting for its state still does.
        let (_, v) = facts("Moscow rejected the proposal in 1976, and Belgrade abstained.");
        assert!(
            v.iter()
                .any(|(k, a)| *k == FactKind::Party && a == "Russia"),
            "{v:?}"
        );
    }

    #[test]
    fn a_quoted_today_is_dated_in_brackets_and_a_quoted_tomorrow_is_left_as_said() {
        let (ex, _) = facts(
            "Date: December 13, 2001\n\n\
             “Today I have given formal notice to Russia,” Bush said. \
             “We judge a treaty not by what we say today but by what we do tomorrow,” he added.",
        );
        let rel: Vec<&(String, String)> = ex.relative_dates.iter().flatten().collect();
        assert!(
            rel.iter()
                .any(|(a, b)| a == "Today" && b == "Today [December 13, 2001]"),
            "{rel:?}"
        );
        assert!(!rel.iter().any(|(a, _)| a == "tomorrow"), "{rel:?}");
    }

    #[test]
    fn an_instrument_named_once_then_called_by_its_head_word_is_the_subject() {
        // "the Convention" (capitalised) and "the code" (the name's own
        // head word) say the text is about the one instrument it names.
        for text in [
            "The United States ratified the Environmental Modification Convention in 1980. \
             The Convention entered into force in 1978.",
            "Ninety states launched the Hague Code of Conduct in 2002. The code is politically binding.",
        ] {
            let (ex, _) = facts(text);
            assert!(ex.subject.is_some(), "no subject: {text}");
        }
        // "the regime" is no head word of the code's name: no subject.
        let (ex, _) = facts(
            "The regime was set up in 1987. Ninety states launched the Hague Code of Conduct in 2002.",
        );
        assert!(ex.subject.is_none());
    }

    #[test]
    fn a_bare_surname_is_the_namesake_the_text_names_not_the_famous_one() {
        let (ex, _) = facts(
            "The statement was read on January 17, 1980 by Hodding Carter III, Assistant Secretary \
             of State for Public Affairs. \"The treaty keeps nature from war,\" Mr. Carter said.",
        );
        let people: Vec<&str> = ex
            .entities
            .iter()
            .filter(|e| e.class == EntClass::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, ["Hodding Carter"]);
        // The suffix closes the name; the post follows it.
        assert!(
            ex.facts.iter().any(|f| f.kind == FactKind::Role
                && f.answer == "Assistant Secretary of State for Public Affairs"),
            "{:?}",
            ex.facts
        );
        // With no namesake, "Mr. Carter" is the well-known one.
        let (ex, _) = facts("\"The treaty keeps nature from war,\" Mr. Carter said in 1980.");
        assert!(ex.entities.iter().any(|e| e.name == "Jimmy Carter"));
    }

    #[test]
    fn a_post_held_then_is_read_past_its_time_word_and_a_states_form_is_no_name() {
        let (ex, v) = facts(
            "On 29 August 1991, Nursultan Nazarbayev, then President of the Kazakh Soviet Socialist \
             Republic, signed a decree closing the test site.",
        );
        assert!(
            v.contains(&(
                FactKind::Role,
                "President of the Kazakh Soviet Socialist Republic".into()
            )),
            "{v:?}"
        );
        assert!(
            !ex.entities.iter().any(|e| e.name == "Socialist"),
            "{:?}",
            ex.entities
        );
        // "a Georgia Democrat" is a senator's U.S. state, no state acting.
        let (_, v) = facts(
            "Sam Nunn, a Georgia Democrat who chaired the Senate Armed Services Committee, wrote the law in 1991.",
        );
        assert!(!v.iter().any(|(_, a)| a == "Georgia"), "{v:?}");
    }

    #[test]
    fn a_spokesperson_reading_out_terms_is_no_source_but_their_view_is_theirs() {
        let (ex, _) = facts(
            "DEPARTMENT OF STATE DAILY PRESS BRIEFING\n\
             Tuesday, September 23, 1986\n\
             Briefer: Charles E. Redman, Deputy Spokesman\n\n\
             MR. REDMAN: Each state must give at least 42 days' notice of military activities involving 13,000 troops.\n\n\
             QUESTION: Is that enough?\n\n\
             MR. REDMAN: In our view it is the real breakthrough of the Stockholm Conference.\n",
        );
        let said: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Speaker)
            .filter_map(|f| f.question.as_deref())
            .collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("real breakthrough"), "{said:?}");
        // The briefer's line gives the post.
        assert!(
            ex.facts
                .iter()
                .any(|f| f.kind == FactKind::Role && f.answer == "Deputy Spokesman"),
            "{:?}",
            ex.facts
        );
    }

    #[test]
    fn a_doctor_in_a_transcript_narrates_and_their_framing_is_theirs() {
        let (ex, _) = facts(
            "THE KESTREL ACCORD: A CONVERSATION\n\n\
             INTERVIEWER: Where did the summit happen?\n\n\
             DR. LINDQVIST: Gerald Ford and Leonid Brezhnev met near Vladivostok in November 1974. \
             It was bitterly cold.\n\n\
             INTERVIEWER: And the limit?\n\n\
             DR. LINDQVIST: I tell my students that 2,400 was a ceiling, not a cut.\n",
        );
        let said: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Speaker)
            .filter_map(|f| f.question.as_deref())
            .collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("ceiling, not a cut"), "{said:?}");
    }

    #[test]
    fn a_count_of_capitalised_governments_is_a_number() {
        let (_, v) = facts(
            "Under Article IX, the Convention was to enter into force once twenty Governments had \
             deposited instruments of ratification.",
        );
        assert!(v.contains(&(FactKind::Number, "twenty".into())), "{v:?}");
        // A count in a name is none: "the Five Eyes".
        let (_, v) = facts("The Five Eyes shared the data in 2019.");
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Number), "{v:?}");
    }

    #[test]
    fn a_regime_known_by_an_organisations_name_is_the_subject_where_no_treaty_is() {
        let text = "The Missile Technology Control Regime was announced in April 1987. \
                    The MTCR restricts exports of missiles. India joined the MTCR in 2016.";
        let (ex, _) = facts(text);
        let sub = ex.subject.expect("a subject");
        assert_eq!(sub.tag, "MTCR");
        // A treaty the text is about comes first.
        let (ex, _) = facts(&format!(
            "{text} Ninety states signed the Comprehensive Nuclear-Test-Ban Treaty in 1996. \
             India refused the Comprehensive Nuclear-Test-Ban Treaty. Russia ratified the \
             Comprehensive Nuclear-Test-Ban Treaty in 2000."
        ));
        let sub = ex.subject.expect("a subject");
        assert_ne!(sub.tag, "MTCR");
    }

    #[test]
    fn an_according_to_phrase_that_ends_the_text_does_not_panic() {
        // Found by the property test: the source runs to the last token.
        for text in [
            "“ according to U.S.",
            "according to U.S.",
            "“ according to the U.S",
        ] {
            let _ = facts(text);
        }
    }

    #[test]
    fn a_subject_with_a_common_noun_head_is_written_in_with_the() {
        let (ex, _) = facts(
            "Under a 1974 protocol, each side kept one site. A 1974 protocol cut the sites to one. \
             The Soviet Union kept its site around Moscow under the treaty.",
        );
        let sub = ex.subject.expect("a subject");
        assert_eq!(sub.inline, "the 1974 protocol");
    }

    #[test]
    fn a_main_country_in_a_claim_is_asked_unless_the_sentence_gives_it_away() {
        let (ex, _) = facts(
            "Russian jets flew in 2021. Russian officials met in 1992. \
             Russian diplomats spoke in 2000. Russian inspectors came in 2005.\n\n\
             Pompeo said Russia had violated the treaty for years. \
             The Russian Foreign Ministry said Russia would keep its limits. \
             Vladimir Putin said Russia would not deploy new missiles.",
        );
        let russia: Vec<usize> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Party && f.answer == "Russia")
            .map(|f| f.sentence)
            .collect();
        assert!(russia.contains(&4), "{russia:?}");
        assert!(!russia.contains(&5), "{russia:?}");
        assert!(!russia.contains(&6), "{russia:?}");
    }

    #[test]
    fn a_post_is_asked_by_the_time_its_own_sentence_gives() {
        let (ex, _) = facts(
            "The treaty was signed in 2000.\n\n\
             On 12 May 2018, National Security Adviser John Bolton said the deal was over. \
             Secretary of State Colin Powell discussed the issue with Putin earlier this week.",
        );
        let q = questions_of(&ex, FactKind::Role);
        assert!(
            q.contains(&"What position did John Bolton hold in May 2018?"),
            "{q:?}"
        );
        // No date of its own: the story's other dates may be another's.
        assert!(q.contains(&"What position did Colin Powell hold?"), "{q:?}");
        // "since 1997" is the edge of a span, not the time of the post.
        let (ex, _) = facts(
            "The treaty was signed in 1993.\n\n\
             According to Fernando Arias, the OPCW's Director-General, every stockpile \
             declared since 1997 had been destroyed.",
        );
        let q = questions_of(&ex, FactKind::Role);
        assert!(q.iter().all(|q| !q.contains("1997")), "{q:?}");
        assert!(!q.is_empty(), "{q:?}");
        // Right after the post, "since" dates the post itself.
        let (ex, _) = facts(
            "The treaty was signed in 1996.\n\n\
             Robert Floyd has served as CTBTO Executive Secretary since 2021.",
        );
        let q = questions_of(&ex, FactKind::Role);
        assert!(
            q.contains(&"What position did Robert Floyd hold in 2021?"),
            "{q:?}"
        );
    }

    #[test]
    fn a_reply_with_its_verb_in_a_relative_clause_tells_of_an_event() {
        let (ex, v) = facts(
            "HOST: Was there an earlier accord?\n\n\
             PROF. LINDQVIST: Yes, the Anti-Ballistic Missile Treaty, which Richard Nixon and \
             Leonid Brezhnev signed in Moscow on May 26, 1972.",
        );
        assert!(has(&v, FactKind::Date, "May 26, 1972"), "{v:?}");
        assert!(
            has(&v, FactKind::Party, "Richard Nixon and Leonid Brezhnev"),
            "{v:?}"
        );
        // The reply is no claim of the speaker's to attribute.
        assert!(questions_of(&ex, FactKind::Speaker).is_empty(), "{v:?}");
    }

    #[test]
    fn the_state_after_a_place_is_no_party() {
        let (_, v) = facts(
            "Sherman came to Geneva after meeting officials in Tianjin, China, earlier in the week.",
        );
        assert!(!has(&v, FactKind::Party, "China"), "{v:?}");
        // A state acting after a comma still is one.
        let (_, v) = facts("After the talks in Geneva, China refused to join the treaty.");
        assert!(has(&v, FactKind::Party, "China"), "{v:?}");
    }

    #[test]
    fn after_was_a_rank_is_no_post_and_the_subject_names_it() {
        let (_, v) = facts(
            "The On-Site Inspection Agency was created in January 1988, and its first director \
             was Brigadier General Roland Lajoie.",
        );
        assert!(has(&v, FactKind::Role, "first director"), "{v:?}");
        assert!(!has(&v, FactKind::Role, "Brigadier General"), "{v:?}");
    }

    #[test]
    fn a_person_with_a_post_after_the_name_is_asked_by_the_deed() {
        let (ex, _) = facts(
            "The talks opened in Moscow in July 1963.\n\n\
             W. Averell Harriman, the Under Secretary of State for Political Affairs, \
             led the United States delegation.",
        );
        let q = questions_of(&ex, FactKind::Party);
        assert!(
            q.contains(&"Who led the United States delegation?"),
            "{q:?}"
        );
        // An initial and two capitalised words make a person.
        let (_, v) = facts(
            "The talks opened in Moscow in July 1963. J. Robert Oppenheimer signed the letter for the United States.",
        );
        assert!(has(&v, FactKind::Party, "J. Robert Oppenheimer"), "{v:?}");
    }

    #[test]
    fn a_charter_is_named_in_full() {
        let (_, v) = facts(
            "The summit that produced the Charter of Paris for a New Europe closed on 21 November 1990.",
        );
        assert!(
            has(&v, FactKind::Treaty, "Charter of Paris for a New Europe"),
            "{v:?}"
        );
    }

    #[test]
    fn initials_given_later_are_asked_by_the_long_name() {
        let (ex, _) = facts(
            "The Treaty on the Prohibition of Nuclear Weapons entered into force on Friday. \
             The pact, widely known by its initials TPNW, crossed the threshold last October.",
        );
        let q: Vec<(&str, Option<&str>)> = ex
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Treaty)
            .map(|f| (f.answer.as_str(), f.question.as_deref()))
            .collect();
        assert!(
            q.contains(&(
                "TPNW",
                Some(
                    "By what short name is the Treaty on the Prohibition of Nuclear Weapons known?"
                )
            )),
            "{q:?}"
        );
    }

    #[test]
    fn initials_in_brackets_that_spell_a_name_make_it_a_body() {
        let (_, v) = facts(
            "Civil society was led by the Global Campaign Against Cluster Bombs (GCACB), \
             a coalition launched in 1992.",
        );
        assert!(
            has(&v, FactKind::Party, "Global Campaign Against Cluster Bombs"),
            "{v:?}"
        );
        // Not initials that spell something else, nor a name used before a noun.
        let (_, v) =
            facts("It was led by the Global Campaign Against Cluster Bombs (ICBL) in 1992.");
        assert!(
            !has(&v, FactKind::Party, "Global Campaign Against Cluster Bombs"),
            "{v:?}"
        );
        let (_, v) = facts(
            "The Intermediate-Range Nuclear Forces (INF) negotiations opened in Geneva in 1981.",
        );
        assert!(
            !has(&v, FactKind::Party, "Intermediate-Range Nuclear Forces"),
            "{v:?}"
        );
    }

    #[test]
    fn it_is_called_gives_another_name_of_the_treaty_just_named() {
        let (ex, _) = facts(
            "The Mine Ban Treaty is a multilateral agreement that outlaws landmines. It is \
             widely called the Ottawa Convention or Ottawa Treaty, after the Canadian capital.",
        );
        let f = fact_answering(&ex, "Ottawa Convention");
        assert_eq!(
            f.question.as_deref(),
            Some("By what other name is the Mine Ban Treaty known?")
        );
        assert_eq!(f.accept, vec!["Ottawa Treaty".to_string()]);
    }

    #[test]
    fn a_formal_title_with_commas_and_a_bracketed_short_name() {
        let (ex, _) = facts(
            "The Chemical Weapons Convention (CWC) bans a whole class of weapons. Its full title is the \
             Convention on the Prohibition of the Development, Production, Stockpiling and Use of \
             Chemical Weapons and on their Destruction.",
        );
        let q = |a: &str| {
            ex.facts
                .iter()
                .find(|f| f.answer == a)
                .and_then(|f| f.question.clone())
        };
        assert_eq!(
            q("CWC").as_deref(),
            Some("By what short name is the Chemical Weapons Convention known?")
        );
        assert_eq!(
            q("Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on their Destruction").as_deref(),
            Some("What is the formal name of the Chemical Weapons Convention?")
        );
    }

    #[test]
    fn an_appositive_role_stops_before_where_it_is_based() {
        let (_, v) = facts(
            "My guest today is Professor Karin Lindqvist, a historian of arms control based in Stockholm.",
        );
        assert!(
            has(&v, FactKind::Role, "historian of arms control"),
            "{v:?}"
        );
    }

    #[test]
    fn a_common_plain_verb_makes_a_sentence() {
        let (_, v) =
            facts("The governments of Canada and Hungary act as the depositaries of the treaty.");
        assert!(has(&v, FactKind::Party, "Canada and Hungary"), "{v:?}");
        assert!(is_verbless(&tokenize(
            "Ratification: a plan to limit the arsenal"
        )));
        // What a treaty's parties do, in a fact sheet's present.
        let (_, v) =
            facts("States parties also submit annual transparency reports under Article 7.");
        assert!(has(&v, FactKind::Number, "Article 7"), "{v:?}");
    }

    #[test]
    fn a_plain_verb_after_we_makes_a_sentence() {
        let (_, v) = facts(
            "MR. PRICE: We remain ready to talk about arms limitations with Russia at any time.",
        );
        assert!(has(&v, FactKind::Party, "Russia"), "{v:?}");
        assert!(is_verbless(&tokenize(
            "Signed: December 8, 1987, Washington"
        )));
    }

    #[test]
    fn a_title_of_a_body_before_a_name_is_a_role() {
        let (_, v) = facts(
            "We fully support the efforts of the Director General of the IAEA, Rafael Mariano Grossi, to send a mission.",
        );
        assert!(
            has(&v, FactKind::Role, "Director General of the IAEA"),
            "{v:?}"
        );
        // ", to send a mission" is no appositive title.
        assert!(
            !v.iter()
                .any(|(k, a)| *k == FactKind::Role && a.contains("mission")),
            "{v:?}"
        );
    }

    #[test]
    fn a_host_introducing_herself_is_no_role_fact() {
        let (_, v) = facts(
            "MODERATOR: Good morning. I'm Claire Dunmore, director of communications at the Northfield Forum.",
        );
        assert!(!v.iter().any(|(k, _)| *k == FactKind::Role), "{v:?}");
        // A guest's office in a named body is a fact.
        let (_, v) = facts(
            "MODERATOR: Welcome.\n\nGROSSI: I am Rafael Grossi, Director General of the International Atomic Energy Agency, the IAEA.",
        );
        assert!(
            has(
                &v,
                FactKind::Role,
                "Director General of the International Atomic Energy Agency"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn a_title_as_the_whole_predicate_is_a_role() {
        let (_, v) = facts(
            "The CTBTO runs the monitoring network. Robert Floyd of Australia is the Executive Secretary.",
        );
        assert!(has(&v, FactKind::Role, "Executive Secretary"), "{v:?}");
    }

    #[test]
    fn it_after_a_treaty_named_by_was_is_that_treaty() {
        let (ex, _) = facts(
            "The talks produced two documents. The first was the Anti-Ballistic Missile Treaty. \
             It allowed each side two sites.",
        );
        let t = ex.topics[2].as_ref().expect("a topic for It");
        assert_eq!(t.name, "The Anti-Ballistic Missile Treaty");
    }

    #[test]
    fn it_has_is_the_treaty_just_named() {
        let (ex, _) =
            facts("The Kestrel Treaty entered into force in 2002. It had 34 states parties.");
        let t = ex.topics[1].as_ref().expect("a topic for It");
        assert_eq!(t.name, "The Kestrel Treaty");
    }

    #[test]
    fn the_two_leaders_are_the_two_people_just_named() {
        let (ex, _) = facts(
            "Ronald Reagan met Mikhail Gorbachev in Washington. The two leaders signed the accord in 1987. \
             Spain and Portugal objected. The two governments wrote to Chile. The two sides met again.",
        );
        let names: Vec<Option<&str>> = ex
            .topics
            .iter()
            .map(|t| t.as_ref().map(|t| t.name.as_str()))
            .collect();
        assert_eq!(names[1], Some("Ronald Reagan and Mikhail Gorbachev"));
        assert_eq!(names[3], Some("Spain and Portugal"));
        // The sentence before names Spain, Portugal and Chile: not two.
        assert_eq!(names[4], None);
    }

    #[test]
    fn it_after_a_bodys_sentence_is_that_body() {
        let (ex, _) = facts(
            "The Russian Foreign Ministry has said Russia will respect the limits. \
             It also said Russia would keep notifying Spain of launches.",
        );
        let t = ex.topics[1].as_ref().expect("a topic for It");
        assert_eq!(t.name, "The Russian Foreign Ministry");
    }

    #[test]
    fn appositive_role_and_according_to_source() {
        let (_, v) = facts(
            "Dmitry Peskov, the Kremlin spokesman, told reporters the talks would go on. According to Interfax, the meeting was held in Geneva.",
        );
        assert!(has(&v, FactKind::Role, "Kremlin spokesman"), "{v:?}");
        assert!(has(&v, FactKind::Speaker, "Dmitry Peskov"), "{v:?}");
        assert!(has(&v, FactKind::Speaker, "Interfax"), "{v:?}");
        // A claim before "according to" opens the question in lower case.
        let (ex, _) =
            facts("The withdrawal will take effect in June, according to the White House.");
        let f = first_fact(&ex, FactKind::Speaker);
        let q = f.question.as_deref().unwrap_or("");
        assert!(q.contains("reported that the withdrawal"), "{q}");
        // The source's title after its name is no part of the claim.
        let (ex, _) = facts(
            "According to Fernando Arias, the OPCW's Director-General, the milestone \
             meant that every declared stockpile had been destroyed.",
        );
        let f = first_fact(&ex, FactKind::Speaker);
        let q = f.question.as_deref().unwrap_or("");
        assert!(q.contains("reported that the milestone meant"), "{q}");
        assert!(!q.contains("Director-General"), "{q}");
        // A second description after "and a" ends the first.
        let (_, v) = facts(
            "My guest is Caroline Westbrook, director of the Nuclear Verification Program at the \
             Hartwell Institute for Security Policy and a former U.S. arms control inspector.",
        );
        assert!(
            has(
                &v,
                FactKind::Role,
                "director of the Nuclear Verification Program"
            ),
            "{v:?}"
        );
        assert!(
            has(
                &v,
                FactKind::Party,
                "Hartwell Institute for Security Policy"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn treaties_known_and_unknown() {
        let (ex, v) = facts(
            "Washington withdrew from the Anti-Ballistic Missile Treaty in 2002. Both sides later signed the Treaty on Friendly Skies.",
        );
        assert!(
            has(&v, FactKind::Treaty, "Anti-Ballistic Missile Treaty"),
            "{v:?}"
        );
        assert!(
            has(&v, FactKind::Treaty, "Treaty on Friendly Skies"),
            "{v:?}"
        );
        let abm = ex
            .facts
            .iter()
            .find(|f| f.answer == "Anti-Ballistic Missile Treaty")
            .unwrap();
        assert!(
            abm.accept.iter().any(|a| a == "ABM Treaty"),
            "{:?}",
            abm.accept
        );
    }

    #[test]
    fn numbers_with_units_and_counts() {
        let (_, v) = facts(
            "The deal capped enrichment at 3.67 percent and allowed 300 kilograms. The treaty has 34 parties and two annexes.",
        );
        assert!(has(&v, FactKind::Number, "3.67 percent"), "{v:?}");
        assert!(has(&v, FactKind::Number, "300 kilograms"), "{v:?}");
        assert!(has(&v, FactKind::Number, "34"), "{v:?}");
        assert!(has(&v, FactKind::Number, "two"), "{v:?}");
        // A preposition opening the sentence is no name before the figure.
        let (_, v) = facts("For 15 years, Iran could enrich uranium only up to 3.67 percent.");
        assert!(has(&v, FactKind::Number, "15 years"), "{v:?}");
        // A limit of one, a count reached, a place in a count.
        let (_, v) = facts(
            "Under a 1974 protocol each side was allowed only one defensive site. \
             The first meeting must be held within one year of entry into force. \
             Eight of those states were outstanding, and now the number is nine. \
             Honduras became the 50th state to ratify it. \
             In the 20th century, one of them tested.",
        );
        for a in ["one", "one year", "nine", "50th"] {
            assert!(has(&v, FactKind::Number, a), "{a}: {v:?}");
        }
        assert!(!has(&v, FactKind::Number, "20th"), "{v:?}");
        // The time a step takes effect.
        let (_, v) =
            facts("A withdrawal takes effect one year after written notice to the depositaries.");
        assert!(has(&v, FactKind::Number, "one year"), "{v:?}");
        // Names that spell a count out are the answer, not the count.
        let (_, v) = facts(
            "Only four states, Russia, Belarus, Kazakhstan and Ukraine, ratified it. \
             The treaty has three annexes, and Russia signed it.",
        );
        assert!(
            has(
                &v,
                FactKind::Party,
                "Russia, Belarus, Kazakhstan and Ukraine"
            ),
            "{v:?}"
        );
        assert!(!has(&v, FactKind::Number, "four"), "{v:?}");
        assert!(has(&v, FactKind::Number, "three"), "{v:?}");
    }

    #[test]
    fn spelling_variants_of_a_person_merge() {
        let (ex, _) = facts(
            "Foreign Ministry spokeswoman Maria Zakharova said the move was final. Later, Zaharova said it was irreversible.",
        );
        let people: Vec<&Entity> = ex
            .entities
            .iter()
            .filter(|e| e.class == EntClass::Person)
            .collect();
        assert_eq!(people.len(), 1, "{people:?}");
        let names = people[0].all_names();
        assert!(
            names.iter().any(|n| n == "Zaharova") && names.iter().any(|n| n == "Maria Zakharova"),
            "{names:?}"
        );
    }

    #[test]
    fn quote_spanning_lines_has_one_speaker() {
        let (_, v) = facts(
            "The president said: “What should we do if they leave the treaty now?\nYou are all smart people, so why do you treat us as fools?”\nMr. Ivanov disagreed.",
        );
        let _ = v;
        let (ex, _) = facts(
            "Putin said: “What should we do if the United States withdraws from the treaty?\nYou are all smart people, so why do you treat us as fools?”",
        );
        let quotes: Vec<&Fact> = ex
            .facts
            .iter()
            .filter(|f| {
                f.kind == FactKind::Speaker
                    && f.question.as_deref().is_some_and(|q| q.contains('“'))
            })
            .collect();
        assert_eq!(quotes.len(), 2, "{:?}", ex.facts);
        assert!(
            quotes.iter().all(|f| f.answer.ends_with("Putin")),
            "{quotes:?}"
        );
    }

    #[test]
    fn weeks_mornings_and_years_ago_are_written_out() {
        let (ex, _) = facts(
            "Date: August 2, 2019\n\n\
             Pompeo said in his statement this morning that Russia was responsible. \
             Putin and Biden agreed on the extension in a call last week. \
             Thirty years ago today, Reagan and Gorbachev signed the INF Treaty.",
        );
        let rel = |si: usize| ex.relative_dates.get(si).cloned().unwrap_or_default();
        assert_eq!(
            rel(0),
            vec![("this morning".to_string(), "on August 2, 2019".to_string())]
        );
        assert_eq!(
            rel(1),
            vec![(
                "last week".to_string(),
                "in the week before August 2, 2019".to_string()
            )]
        );
        assert_eq!(
            rel(2),
            vec![(
                "Thirty years ago today".to_string(),
                "on August 2, 1989".to_string()
            )]
        );
        // The date thirty years back is the fact's own date.
        assert!(
            ex.facts
                .iter()
                .any(|f| f.kind == FactKind::Date && f.resolved == Some(Ymd::ymd(1989, 8, 2))),
            "{:?}",
            ex.facts
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_reference() {
        let (ex, v) = facts(
            "On December 22, 2020, Moscow sent a note. TASS reported on the 16th that talks had failed in May last year.",
        );
        assert_eq!(ex.reference.unwrap().date, Ymd::ymd(2020, 12, 22));
        // "last year" from a December 2020 reference is 2019.
        assert!(has(&v, FactKind::Date, "May 2019"), "{v:?}");
        assert!(has(&v, FactKind::Date, "December 16, 2020"), "{v:?}");
    }

    #[test]
    fn the_same_day_is_not_a_deadline_or_a_day_looked_back_to() {
        let (ex, _) = facts(
            "Date: January 28, 2021\n\n\
             Putin and Biden discussed the move in a call on Jan. 26, their first since Biden \
             took office on Jan. 20. They agreed to complete the extension by Feb. 5. \
             Putin sent the extension to parliament the same day.",
        );
        let shown: Vec<String> = ex
            .relative_dates
            .iter()
            .flatten()
            .map(|(_, shown)| shown.clone())
            .collect();
        assert!(
            shown.iter().any(|s| s.contains("January 26, 2021")),
            "{shown:?}"
        );
    }

    #[test]
    fn today_beside_a_date_and_today_as_the_present() {
        // "N years ago today, on DATE": the date beside it is the one fact.
        let (ex, v) = facts(
            "Date: 14 February 2017\n\n\
             Fifty years ago today, on 14 February 1967, the treaty was opened for signature.",
        );
        let dates: Vec<&String> = v
            .iter()
            .filter(|(k, _)| *k == FactKind::Date)
            .map(|(_, a)| a)
            .collect();
        assert_eq!(dates, vec!["14 February 1967"], "{v:?}");
        // ... and the card reads "On 14 February 1967, ...".
        assert_eq!(
            ex.relative_dates.first().cloned().unwrap_or_default(),
            vec![("Fifty years ago today, on".to_string(), "on".to_string())]
        );
        // "Today" opening a sentence in the present is the text's date.
        let (ex, v) = facts(
            "Date: 14 February 2017\n\n\
             Today it is called the Treaty of Tlatelolco, and all 33 states of the region are parties.",
        );
        assert_eq!(
            ex.relative_dates.first().cloned().unwrap_or_default(),
            vec![("Today".to_string(), "As of February 14, 2017,".to_string())]
        );
        assert!(v.iter().all(|(k, _)| *k != FactKind::Date), "{v:?}");
        // "We are convinced ... today": a participle after "are" is no past
        // event, so "today" dates nothing.
        let (_, v) = facts(
            "Date: 18 June 2019\n\n\
             We are convinced that the lessons of SALT II remain relevant today.",
        );
        assert!(v.iter().all(|(k, _)| *k != FactKind::Date), "{v:?}");
        // A date line under a sender's line dates the text as a header does.
        let (ex, _) = facts(
            "PRESS BRIEFING\nAgency for the Prohibition of Nuclear Weapons in Latin America\n\
             Mexico City, 14 February 2017\n\n\
             Today it is called the Treaty of Tlatelolco, and all 33 states are parties.",
        );
        let r = ex.reference.expect("a reference date");
        assert!(r.explicit && r.date == Ymd::ymd(2017, 2, 14), "{r:?}");
        // So does a place and date under a note that ends in a full stop,
        // whatever later dates the text gives.
        let (ex, _) = facts(
            "PRESS BRIEFING ON THE PROTOCOL\nIllustrative transcript written for study.\n\
             Lisbon, 23 May 1992\n\n\
             MR. HALL: Earlier today five ministers signed a protocol. It entered into force \
             on 5 December 1994.",
        );
        let r = ex.reference.expect("a reference date");
        assert!(r.explicit && r.date == Ymd::ymd(1992, 5, 23), "{r:?}");
    }

    #[test]
    fn a_weekday_resolves_to_a_date_without_the_weekday() {
        let (ex, _) = facts(
            "Date: 2021-02-05\n\nSpain left the Ottawa Treaty on Wednesday, the ministry said.",
        );
        let f = first_fact(&ex, FactKind::Date);
        // Options carry no weekday, so neither does the answer.
        assert_eq!(f.answer, "February 3, 2021");
        assert!(
            f.accept.iter().any(|a| a == "Wednesday, February 3, 2021"),
            "{:?}",
            f.accept
        );
    }

    #[test]
    fn a_body_named_in_its_own_quote_is_bracketed() {
        let q = "a decision fully supported by all NATO Allies";
        let at = q.find("NATO").unwrap();
        assert_eq!(
            bracket_names(q, &[(at, at + 4)], EntClass::Alliance),
            "a decision fully supported by all [its] Allies"
        );
        let q = "We think NATO was wrong, and the NATO members agree";
        let spans: Vec<(usize, usize)> = q.match_indices("NATO").map(|(i, _)| (i, i + 4)).collect();
        assert_eq!(
            bracket_names(q, &spans, EntClass::Alliance),
            "We think [the alliance] was wrong, and the [alliance] members agree"
        );
        let q = "The NATO Allies agree";
        assert_eq!(
            bracket_names(q, &[(4, 8)], EntClass::Alliance),
            "[Its] Allies agree"
        );
        let (ex, _) =
            facts("\"This is a decision fully supported by all NATO Allies,\" NATO said.");
        let q = question_of(&ex, FactKind::Speaker, "NATO").expect("a speaker card");
        assert!(q.contains("all [its] Allies") && !q.contains("___"), "{q}");
    }

    #[test]
    fn a_place_of_signing_is_asked_after_a_verb_of_signing() {
        let (ex, v) =
            facts("The Ottawa Accord was signed in Geneva on May 3, 1990. Spain lives in Geneva.");
        let places: Vec<&Fact> = ex.facts.iter().filter(|f| f.pool == Pool::Place).collect();
        assert_eq!(places.len(), 1, "{v:?}");
        assert_eq!(places[0].answer, "Geneva");
        assert_eq!(places[0].sentence, 0);
        // A fact sheet's field names its place without a verb.
        let (ex, _) = facts(
            "Ottawa Accord\n\nSigned: May 3, 1990\nPlace of signing: New York, United States\n",
        );
        assert!(
            ex.facts
                .iter()
                .any(|f| f.pool == Pool::Place && f.answer == "New York"),
            "{:?}",
            ex.facts
        );
        // "signed in December": no place.
        let (ex, _) = facts("The Ottawa Accord was signed in December 1990.");
        assert!(ex.facts.iter().all(|f| f.pool != Pool::Place));
        // The place in a "Signed:" field after its date; the place of a
        // signature; no place in a label that only contains the word.
        let (ex, _) = facts(
            "Ottawa Accord\n\nSigned: 24 March 1992, Helsinki, Finland\n\
             Treaty replaced: the Moscow Treaty\n\n\
             The Government welcomes the signature today in Paris of the accord.\n",
        );
        let places: Vec<&str> = ex
            .facts
            .iter()
            .filter(|f| f.pool == Pool::Place)
            .map(|f| f.answer.as_str())
            .collect();
        assert_eq!(places, ["Helsinki", "Paris"]);
    }

    #[test]
    fn a_list_of_limits_is_asked_figure_by_figure_up_to_five() {
        let (_, v) = facts(
            "Each side was allowed no more than 20,000 tanks, 30,000 armoured vehicles, \
             6,800 combat aircraft, 2,000 attack helicopters, 1,500 bridges and 900 boats.",
        );
        for a in ["20,000", "30,000", "6,800", "2,000", "1,500"] {
            assert!(has(&v, FactKind::Number, a), "{a}: {v:?}");
        }
        assert!(!has(&v, FactKind::Number, "900"), "{v:?}");
    }

    #[test]
    fn a_capital_before_a_head_word_names_an_instrument() {
        let (ex, v) = facts(
            "The successor states divided the allocations in the Tashkent Agreement of May 1992.",
        );
        assert!(has(&v, FactKind::Treaty, "Tashkent Agreement"), "{v:?}");
        // Tashkent is no mention of Uzbekistan here.
        assert!(
            ex.entities.iter().all(|e| e.name != "Uzbekistan"),
            "{:?}",
            ex.entities
        );
    }

    #[test]
    fn a_treaty_named_once_then_called_the_treaty_is_the_subject() {
        let (ex, _) = facts(
            "The Kestrel Treaty bans landmines.\n\n\
             Spain signed the treaty in 1997. Portugal left the treaty in 2001.",
        );
        assert!(ex.subject.is_some(), "no subject");
        // Two treaties named once each: no subject.
        let (ex, _) = facts(
            "The Kestrel Treaty bans landmines. The Osprey Treaty bans mines too.\n\n\
             Spain signed the treaty in 1997.",
        );
        assert!(ex.subject.is_none());
        // A long name and its initials name a treaty once: a wire on the
        // Agreed Framework that names the NPT in one sentence is not about it.
        let (ex, _) = facts(
            "The deal, known as the Osprey Framework, was signed in 1994. In 1993 Korea said it \
             would leave the Treaty on the Non-Proliferation of Nuclear Weapons (NPT). It will \
             now remain a party.",
        );
        assert!(ex.subject.is_none(), "{:?}", ex.subject);
        // Named once beside its initials, in passing: no subject.
        let (ex, _) = facts(
            "The Regime was set up in 1987 by seven states. The Regime is complemented by the \
             Hague Code of Conduct against Ballistic Missile Proliferation (HCOC), adopted in 2002.",
        );
        assert!(ex.subject.is_none(), "{:?}", ex.subject);
        // Named once, then called "the deal": its subject.
        let (ex, _) = facts(
            "The Kestrel Treaty was agreed in Vienna in 2015.\n\n\
             Iran accepted the deal in 2016. Critics called the deal weak.",
        );
        assert!(ex.subject.is_some(), "no subject");
        // An official text calling it "the Treaty" is about the one it names.
        let (ex, _) = facts(
            "Ministers welcomed the Treaty on Conventional Armed Forces in Europe (CFE Treaty) \
             and the Charter of Paris for a New Europe. The Treaty was signed by 22 states. \
             The Treaty sets ceilings.",
        );
        assert!(ex.subject.is_some(), "no subject");
    }

    #[test]
    fn it_after_the_ban_is_the_articles_treaty() {
        let (ex, _) = facts(
            "The Kestrel Treaty was signed in 1971. The Kestrel Treaty was ratified in 1972.\n\n\
             States parties undertake not to place weapons on the seabed. The ban also covers \
             launching installations. It applies beyond a 12-mile zone.",
        );
        let topic = ex.topics.get(4).cloned().flatten();
        assert_eq!(topic.map(|t| t.name).as_deref(), Some("The Kestrel Treaty"));
    }

    #[test]
    fn namesakes_are_two_people_and_a_bare_surname_is_the_one_named_last() {
        let (ex, _) = facts(
            "President George H. W. Bush signed the Kestrel Treaty in 1991. Bush praised it. \
             President George W. Bush left the Kestrel Treaty in 2001. Bush and Putin met.",
        );
        let bushes: Vec<&Entity> = ex
            .entities
            .iter()
            .filter(|e| e.class == EntClass::Person && e.name.ends_with("Bush"))
            .collect();
        assert_eq!(bushes.len(), 2, "{bushes:?}");
        for b in &bushes {
            let both = ["George H. W. Bush", "George W. Bush"]
                .iter()
                .all(|n| b.name == *n || b.variants.iter().any(|v| v == n));
            assert!(!both, "{b:?}");
        }
        // The last sentence's "Bush" is George W. Bush.
        let last = ex
            .sentence_entities
            .last()
            .expect("entities of the last sentence");
        assert!(
            last.iter()
                .any(|&e| ex.entities[e].name == "George W. Bush"),
            "{:?}",
            last.iter()
                .map(|&e| &ex.entities[e].name)
                .collect::<Vec<_>>()
        );
        assert!(other_namesake(
            &["George", "H.", "W.", "Bush"],
            &["George".into(), "W.".into(), "Bush".into()]
        ));
        assert!(!other_namesake(
            &["Michael", "R.", "Pompeo"],
            &["Mike".into(), "Pompeo".into()]
        ));
    }

    #[test]
    fn a_decade_after_late_is_answered_without_the() {
        let (_, v) =
            facts("By the late 1990s the Kestrel Treaty no longer matched the map of Europe.");
        assert!(has(&v, FactKind::Date, "1990s"), "{v:?}");
        let (_, v) = facts("In the 1990s the Kestrel Treaty no longer matched the map of Europe.");
        assert!(has(&v, FactKind::Date, "the 1990s"), "{v:?}");
    }

    #[test]
    fn run_together_initials_and_a_committee_chairs_title() {
        let (_, v) = facts("President George H.W. Bush revived the Kestrel Treaty in 1989.");
        assert!(v.iter().all(|(_, a)| a != "George"), "{v:?}");
        assert!(v.iter().any(|(_, a)| a.contains("Bush")), "{v:?}");
        let (_, v) = facts(
            "Lawmakers, including House Foreign Affairs Committee Chairman Eliot Engel, said the \
             Kestrel Treaty mattered.",
        );
        assert!(
            has(
                &v,
                FactKind::Role,
                "House Foreign Affairs Committee Chairman"
            ),
            "{v:?}"
        );
    }

    #[test]
    fn the_last_of_a_list_of_states_is_not_the_speaker_alone() {
        let (_, v) = facts(
            "When the treaty was adopted in 2017, the United States, Britain and France issued a \
             joint statement saying they would not sign the Kestrel Treaty.",
        );
        assert!(!has(&v, FactKind::Speaker, "France"), "{v:?}");
        // The list itself is asked, after the opening clause.
        assert!(
            has(&v, FactKind::Party, "United States, Britain and France"),
            "{v:?}"
        );
    }

    #[test]
    fn member_states_are_no_speech_verb() {
        let (_, v) = facts(
            "The Baltic states of Estonia, Latvia and Lithuania are not parties to the CFE Treaty.",
        );
        assert!(v.iter().all(|(k, _)| *k != FactKind::Speaker), "{v:?}");
        let (_, v) = facts("The Kremlin states that Russia will leave the CFE Treaty.");
        assert!(has(&v, FactKind::Speaker, "Kremlin"), "{v:?}");
    }

    #[test]
    fn pronouns_and_demonyms_are_not_answers() {
        let (_, v) = facts("He said that American officials were wrong.");
        assert!(v.iter().all(|(_, a)| a != "He" && a != "American"), "{v:?}");
    }

    #[test]
    fn a_claim_ends_where_another_clause_begins() {
        assert_eq!(
            own_clause(
                "said that the declaration has no legal effect, and Russia and China have also rejected it"
            ),
            "said that the declaration has no legal effect"
        );
        assert_eq!(
            own_clause("said that it was late, and that it was wrong"),
            "said that it was late, and that it was wrong"
        );
    }

    #[test]
    fn number_variants_cover_common_spellings() {
        let v = number_variants("1,550");
        assert!(v.contains(&"1550".to_string()));
        let v = number_variants("two");
        assert!(v.contains(&"2".to_string()));
        let v = number_variants("48-51");
        assert!(v.contains(&"48–51".to_string()));
        assert!(number_variants("Article XV").contains(&"Article 15".to_string()));
        assert!(number_variants("Article I").contains(&"Article 1".to_string()));
        assert!(number_variants("Article 6").contains(&"Article VI".to_string()));
        assert!(
            number_variants("Article IIX")
                .iter()
                .all(|a| !a.contains(char::is_numeric))
        );
    }
}
