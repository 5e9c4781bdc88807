//! Date mentions: recognition over tokens, the article's reference date, and
//! resolution of relative dates ("on the 16th", "May last year", "Tuesday").

use super::gazetteer::{MONTH_NAMES, WEEKDAYS, month_of};
use super::text::{Tk, Token};

/// A calendar date of some precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub y: i32,
    pub m: Option<u32>,
    pub d: Option<u32>,
}

#[allow(clippy::self_named_constructors)]
impl Ymd {
    pub fn year(y: i32) -> Ymd {
        Ymd {
            y,
            m: None,
            d: None,
        }
    }
    pub fn ym(y: i32, m: u32) -> Ymd {
        Ymd {
            y,
            m: Some(m),
            d: None,
        }
    }
    pub fn ymd(y: i32, m: u32, d: u32) -> Ymd {
        Ymd {
            y,
            m: Some(m),
            d: Some(d),
        }
    }
    /// ISO-like key: 2020, 2020-12, 2020-12-22.
    pub fn iso(&self) -> String {
        // Written by hand: `format!` costs more than the card around it.
        let mut s = String::with_capacity(10);
        push_num(&mut s, i64::from(self.y), 4);
        if let Some(m) = self.m {
            s.push('-');
            push_num(&mut s, i64::from(m), 2);
            if let Some(d) = self.d {
                s.push('-');
                push_num(&mut s, i64::from(d), 2);
            }
        }
        s
    }
    /// "December 22, 2020", "December 2020", "2020".
    pub fn display(&self) -> String {
        let mut s = String::with_capacity(18);
        if let Some(m) = self.m {
            s.push_str(month_name(m));
            s.push(' ');
            if let Some(d) = self.d {
                push_num(&mut s, i64::from(d), 1);
                s.push_str(", ");
            }
        }
        push_num(&mut s, i64::from(self.y), 1);
        s
    }
    /// Other ways a learner may type this date.
    pub fn variants(&self) -> Vec<String> {
        let mut v = vec![self.display(), self.iso()];
        if let (Some(m), Some(d)) = (self.m, self.d) {
            let mn = month_name(m);
            let mut day = String::with_capacity(2);
            push_num(&mut day, i64::from(d), 1);
            let mut year = String::with_capacity(4);
            push_num(&mut year, i64::from(self.y), 1);
            v.push([day.as_str(), " ", mn, " ", &year].concat());
            v.push([mn, " ", &day].concat());
            v.push([day.as_str(), " ", mn].concat());
            if mn.len() > 4 {
                v.push([&mn[..3], ". ", &day, ", ", &year].concat());
            }
        } else if let Some(m) = self.m {
            v.push(month_name(m).to_string());
        }
        v
    }
    pub fn precision(&self) -> u8 {
        match (self.m, self.d) {
            (Some(_), Some(_)) => 3,
            (Some(_), None) => 2,
            _ => 1,
        }
    }
    pub fn days(&self) -> i64 {
        days_from_civil(self.y, self.m.unwrap_or(1), self.d.unwrap_or(1))
    }
    pub fn from_days(z: i64) -> Ymd {
        let (y, m, d) = civil_from_days(z);
        Ymd::ymd(y, m, d)
    }
}

/// Append `n` in decimal, zero-padded to `width` digits.
fn push_num(s: &mut String, n: i64, width: usize) {
    if n < 0 {
        s.push('-');
    }
    let mut n = n.unsigned_abs();
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let i = i.min(buf.len().saturating_sub(width));
    s.extend(buf[i..].iter().map(|&b| char::from(b)));
}

pub fn month_name(m: u32) -> &'static str {
    MONTH_NAMES[(m.clamp(1, 12) - 1) as usize]
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// 0 = Monday.
pub fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7)) as u32
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    };
    (next - days_from_civil(y, m, 1)) as u32
}

/// What a date mention says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// Fully explicit (year given).
    Absolute(Ymd),
    /// Month and day without a year: "January 25".
    MonthDay(u32, u32),
    /// A month alone: "in May".
    Month(u32),
    /// "May last year" (month, year offset).
    MonthRel(u32, i32),
    /// "the 16th".
    DayOfMonth(u32),
    /// "on Tuesday" (0 = Monday).
    Weekday(u32),
    /// today / yesterday / tomorrow: day offset.
    DayRel(i64),
    /// last year / this year / next year.
    YearRel(i32),
    /// last month / this month / next month.
    MonthOffset(i32),
    /// "the 1990s".
    Decade(i32),
    /// "thirty years ago" (a year), "thirty years ago today" (that day).
    YearsAgo(i32, bool),
}

impl DateExpr {
    pub fn is_relative(&self) -> bool {
        !matches!(self, DateExpr::Absolute(_) | DateExpr::Decade(_))
    }
}

/// A date mention in a sentence: token range and expression.
#[derive(Debug, Clone, Copy)]
pub struct DateMention {
    pub tok_start: usize,
    pub tok_end: usize,
    pub expr: DateExpr,
}

/// Words that put a date in the future of the text ("in force until 2026").
const FUTURE_MARKERS: &[&str] = &[
    "until", "till", "through", "expire", "expires", "expiring", "due",
];

/// Is the mention introduced by a future marker (within two tokens), or
/// by a "will" of its own clause ("the exit will take effect in six
/// months, on June 13, 2002")?
pub fn is_future(toks: &[Token], m: &DateMention) -> bool {
    let from = m.tok_start.saturating_sub(2);
    if toks[from..m.tok_start]
        .iter()
        .any(|t| FUTURE_MARKERS.contains(&t.text.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    for k in (m.tok_start.saturating_sub(16)..m.tok_start).rev() {
        match toks[k].text {
            "." | ";" | "was" | "were" | "had" | "did" => return false,
            "will" | "shall" => return true,
            // "The parties agreed to hold the fifth round in early
            // November": a plan is for a time to come.
            "agreed" | "decided" | "planned" | "scheduled" | "expected" | "plan" | "plans"
                if toks.get(k + 1).is_some_and(|t| t.text == "to") =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

fn year_of(t: &Token) -> Option<i32> {
    if t.kind != Tk::Number || t.text.len() != 4 || !t.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

fn day_of(t: &Token) -> Option<u32> {
    if t.kind != Tk::Number {
        return None;
    }
    let digits: String = t.text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t.text[digits.len()..];
    if !(rest.is_empty()
        || matches!(
            rest.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        ))
    {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// "6-8" (one token): the first and last day.
fn day_range(t: &Token) -> Option<(u32, u32)> {
    if t.kind != Tk::Number {
        return None;
    }
    let (a, b) = t.text.split_once(['-', '–'])?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    ((1..=31).contains(&a) && (1..=31).contains(&b) && b > a).then_some((a, b))
}

fn is_ordinal(t: &Token) -> bool {
    let l = t.text.to_ascii_lowercase();
    t.kind == Tk::Number
        && (l.ends_with("st") || l.ends_with("nd") || l.ends_with("rd") || l.ends_with("th"))
}

/// A short word lower-cased on the stack: the date finder compares every
/// token with its small vocabularies and must not allocate for each.
struct Lower<'a> {
    /// The word itself when it has no capitals (most words).
    plain: Option<&'a str>,
    buf: [u8; 24],
    len: usize,
}

impl<'a> Lower<'a> {
    fn new(w: &'a str) -> Lower<'a> {
        let mut buf = [0u8; 24];
        let b = w.as_bytes();
        // Longer words are in no vocabulary here: they compare as "".
        if b.len() > buf.len() || !w.is_ascii() {
            return Lower {
                plain: Some(""),
                buf,
                len: 0,
            };
        }
        if !b.iter().any(u8::is_ascii_uppercase) {
            return Lower {
                plain: Some(w),
                buf,
                len: 0,
            };
        }
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Lower {
            plain: None,
            buf,
            len: b.len(),
        }
    }
    fn as_str(&self) -> &str {
        match self.plain {
            Some(p) => p,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default(),
        }
    }
}

/// Find date mentions in a token list. Mentions do not overlap.
pub fn find(toks: &[Token]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let n = toks.len();
    let mut i = 0;
    let word = |k: usize| toks.get(k).map(|t| t.text).unwrap_or("");
    let lw = |k: usize| Lower::new(word(k));
    while i < n {
        let t = &toks[i];
        // ISO 2021-02-03 (tokenised as "2021-02" "-" "03").
        if t.kind == Tk::Number
            && t.text.len() == 7
            && t.text.as_bytes()[4] == b'-'
            && let (Ok(y), Ok(m)) = (t.text[..4].parse::<i32>(), t.text[5..].parse::<u32>())
            && (1..=12).contains(&m)
            && word(i + 1) == "-"
            && let Some(d) = toks.get(i + 2).and_then(day_of)
        {
            out.push(DateMention {
                tok_start: i,
                tok_end: i + 3,
                expr: DateExpr::Absolute(Ymd::ymd(y, m, d)),
            });
            i += 3;
            continue;
        }
        // Month-led: "December 22, 2020", "Dec. 22", "December 2020", "May last year", "in May".
        if t.kind == Tk::Word && t.is_cap() {
            if let Some(m) = month_of(t.text) {
                // "May" the verb: require a date-like neighbour or a preposition before.
                let next = toks.get(i + 1);
                if let Some(d) = next.and_then(|x| day_of(x).or(day_range(x).map(|r| r.0))) {
                    let mut j = i + 2;
                    // "October 6-8, 1999", "October 6 to 8".
                    if matches!(word(j), "to" | "-" | "–")
                        && toks.get(j + 1).and_then(day_of).is_some_and(|d2| d2 > d)
                    {
                        j += 2;
                    }
                    let day_end = j;
                    if word(j) == "," {
                        j += 1;
                    }
                    if let Some(y) = toks.get(j).and_then(year_of) {
                        out.push(DateMention {
                            tok_start: i,
                            tok_end: j + 1,
                            expr: DateExpr::Absolute(Ymd::ymd(y, m, d)),
                        });
                        i = j + 1;
                        continue;
                    }
                    let end = day_end;
                    out.push(DateMention {
                        tok_start: i,
                        tok_end: end,
                        expr: DateExpr::MonthDay(m, d),
                    });
                    i = end;
                    continue;
                }
                if let Some(y) = next.and_then(year_of) {
                    out.push(DateMention {
                        tok_start: i,
                        tok_end: i + 2,
                        expr: DateExpr::Absolute(Ymd::ym(y, m)),
                    });
                    i += 2;
                    continue;
                }
                if let Some(off) = rel_year(lw(i + 1).as_str(), lw(i + 2).as_str()) {
                    out.push(DateMention {
                        tok_start: i,
                        tok_end: i + 3,
                        expr: DateExpr::MonthRel(m, off),
                    });
                    i += 3;
                    continue;
                }
                let prev = if i > 0 { lw(i - 1) } else { Lower::new("") };
                let is_may = t.text == "May";
                if matches!(
                    prev.as_str(),
                    "in" | "since"
                        | "until"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "from"
                        | "through"
                        | "of"
                        | "last"
                        | "next"
                        | "this"
                ) && !(is_may
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.kind == Tk::Word && !n.is_cap()))
                {
                    // "last October" is one mention, the last such month
                    // before the text's date; "next October" is left as
                    // written (no month of the past).
                    if prev.as_str() != "next" {
                        out.push(DateMention {
                            tok_start: if prev.as_str() == "last" { i - 1 } else { i },
                            tok_end: i + 1,
                            expr: DateExpr::Month(m),
                        });
                    }
                    i += 1;
                    continue;
                }
            }
            // Weekday (not "Friday's deal": a day named as a modifier).
            if let Some(wd) = WEEKDAYS.iter().position(|w| t.text.eq_ignore_ascii_case(w))
                && !toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text, "'s" | "’s" | "'" | "’"))
            {
                out.push(DateMention {
                    tok_start: i,
                    tok_end: i + 1,
                    expr: DateExpr::Weekday(wd as u32),
                });
                i += 1;
                continue;
            }
        }
        // A span of days: "6 to 8 October 1999", "6-8 October 1999".
        let span = if let Some((d, _)) = day_range(t) {
            Some((d, i + 1))
        } else if let Some(d) = day_of(t)
            && matches!(word(i + 1), "to" | "-" | "–" | "and")
            && toks.get(i + 2).and_then(day_of).is_some_and(|d2| d2 > d)
        {
            Some((d, i + 3))
        } else {
            None
        };
        if let Some((d, mi)) = span
            && let Some(m) = toks
                .get(mi)
                .filter(|x| x.is_cap())
                .and_then(|x| month_of(x.text))
        {
            let mut j = mi + 1;
            if word(j) == "," {
                j += 1;
            }
            let (end, expr) = match toks.get(j).and_then(year_of) {
                Some(y) => (j + 1, DateExpr::Absolute(Ymd::ymd(y, m, d))),
                None => (mi + 1, DateExpr::MonthDay(m, d)),
            };
            out.push(DateMention {
                tok_start: i,
                tok_end: end,
                expr,
            });
            i = end;
            continue;
        }
        // Day-led: "22 December 2020", "5 February".
        if let Some(d) = day_of(t) {
            if let Some(m) = toks
                .get(i + 1)
                .filter(|x| x.is_cap())
                .and_then(|x| month_of(x.text))
            {
                let mut j = i + 2;
                if word(j) == "," {
                    j += 1;
                }
                if let Some(y) = toks.get(j).and_then(year_of) {
                    out.push(DateMention {
                        tok_start: i,
                        tok_end: j + 1,
                        expr: DateExpr::Absolute(Ymd::ymd(y, m, d)),
                    });
                    i = j + 1;
                    continue;
                }
                out.push(DateMention {
                    tok_start: i,
                    tok_end: i + 2,
                    expr: DateExpr::MonthDay(m, d),
                });
                i += 2;
                continue;
            }
            // "the 16th" (ordinal, preceded by "the").
            if is_ordinal(t) && i > 0 && toks[i - 1].is("the") {
                let next = lw(i + 1);
                let next_is_noun = toks.get(i + 1).is_some_and(|x| x.kind == Tk::Word)
                    && !matches!(
                        next.as_str(),
                        "that" | "and" | "or" | "when" | "of" | "to" | "in" | "at"
                    );
                let centuryish =
                    next.as_str() == "century" || next.as_str().starts_with("anniversar");
                if !next_is_noun && !centuryish {
                    out.push(DateMention {
                        tok_start: i - 1,
                        tok_end: i + 1,
                        expr: DateExpr::DayOfMonth(d),
                    });
                    i += 1;
                    continue;
                }
            }
        }
        // Year alone / decade.
        if let Some(y) = year_of(t) {
            // Not a quantity: "2000 warheads" is a number, not a year.
            let next = lw(i + 1);
            let quantity = matches!(
                next.as_str(),
                "warheads"
                    | "missiles"
                    | "troops"
                    | "soldiers"
                    | "tanks"
                    | "people"
                    | "kilograms"
                    | "tonnes"
                    | "tons"
                    | "km"
                    | "kilometres"
                    | "kilometers"
                    | "miles"
                    | "launchers"
                    | "weapons"
                    | "aircraft"
                    | "inspections"
                    | "sites"
                    | "units"
                    | "pieces"
            );
            let prev = if i > 0 { word(i - 1) } else { "" };
            let counted = prev.eq_ignore_ascii_case("some")
                || prev.eq_ignore_ascii_case("about")
                || prev.eq_ignore_ascii_case("than");
            if !quantity && !counted {
                out.push(DateMention {
                    tok_start: i,
                    tok_end: i + 1,
                    expr: DateExpr::Absolute(Ymd::year(y)),
                });
                i += 1;
                continue;
            }
        }
        if t.kind == Tk::Number
            && t.text.len() == 5
            && t.text.ends_with('s')
            && let Ok(y) = t.text[..4].parse::<i32>()
            && (1800..=2100).contains(&y)
            && y % 10 == 0
        {
            out.push(DateMention {
                tok_start: i,
                tok_end: i + 1,
                expr: DateExpr::Decade(y),
            });
            i += 1;
            continue;
        }
        // Relative words.
        if t.kind == Tk::Word {
            let l = Lower::new(t.text);
            // "Thirty years ago today": the day that many years back.
            let ago = |k: usize| toks.get(k).is_some_and(|x| x.text == "ago");
            let count = || {
                super::gazetteer::number_word(t.text)
                    .map(|n| n as i64)
                    .or_else(|| t.text.parse().ok())
            };
            if t.kind == Tk::Word
                && ago(i + 2)
                && matches!(lw(i + 1).as_str(), "years" | "year")
                && let Some(n) = count().filter(|n| (1..=200).contains(n))
            {
                let today = lw(i + 3).as_str() == "today";
                out.push(DateMention {
                    tok_start: i,
                    tok_end: i + 3 + usize::from(today),
                    expr: DateExpr::YearsAgo(n as i32, today),
                });
                i += 3 + usize::from(today);
                continue;
            }
            let rel = match l.as_str() {
                "today" => Some((DateExpr::DayRel(0), 1)),
                // "said this morning": today.
                "this" if matches!(lw(i + 1).as_str(), "morning" | "afternoon" | "evening") => {
                    Some((DateExpr::DayRel(0), 2))
                }
                "yesterday" => Some((DateExpr::DayRel(-1), 1)),
                "tomorrow" => Some((DateExpr::DayRel(1), 1)),
                "last" | "this" | "next" | "past" => {
                    let n = lw(i + 1);
                    let off = match l.as_str() {
                        "last" | "past" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    match n.as_str() {
                        "year" => Some((DateExpr::YearRel(off), 2)),
                        "month" => Some((DateExpr::MonthOffset(off), 2)),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some((expr, len)) = rel {
                // "earlier this year" etc.: keep the qualifier out of the span.
                out.push(DateMention {
                    tok_start: i,
                    tok_end: i + len,
                    expr,
                });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn rel_year(a: &str, b: &str) -> Option<i32> {
    if b != "year" {
        return None;
    }
    match a {
        "last" => Some(-1),
        "this" => Some(0),
        "next" => Some(1),
        _ => None,
    }
}

/// The article's reference date ("now" of the text), inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: Ymd,
    /// True when it came from a Date header or dateline rather than guesswork.
    pub explicit: bool,
    /// False when the year is a guess (a dateline without a year): then
    /// relative dates that need the year are not resolved.
    pub year_known: bool,
}

/// Parse a header date: "2021-01-17", "January 17, 2021", "17 January 2021".
pub fn parse_date_text(s: &str) -> Option<Ymd> {
    let toks = super::text::tokenize(s);
    let found = find(&toks);
    found.iter().find_map(|m| match m.expr {
        DateExpr::Absolute(y) => Some(y),
        _ => None,
    })
}

/// Infer the reference date: header, else dateline (+ latest year), else the
/// latest explicit date with day-of-month mentions anchored in its month.
pub fn infer_reference(
    header: Option<&str>,
    dateline: Option<&str>,
    mentions: &[DateExpr],
) -> Option<Reference> {
    if let Some(d) = header.and_then(parse_date_text) {
        return Some(Reference {
            date: d,
            explicit: true,
            year_known: true,
        });
    }
    let latest = mentions
        .iter()
        .filter_map(|e| match e {
            DateExpr::Absolute(y) => Some(*y),
            _ => None,
        })
        .max_by_key(|y| (y.y, y.m.unwrap_or(0), y.d.unwrap_or(0)));
    if let Some(dl) = dateline {
        let toks = super::text::tokenize(dl);
        for m in find(&toks) {
            match m.expr {
                DateExpr::Absolute(d) => {
                    return Some(Reference {
                        date: d,
                        explicit: true,
                        year_known: true,
                    });
                }
                DateExpr::MonthDay(mo, d) => {
                    let Some(l) = latest else {
                        return Some(Reference {
                            date: Ymd::ymd(0, mo, d),
                            explicit: true,
                            year_known: false,
                        });
                    };
                    let y = if l.m.is_some_and(|lm| lm > mo + 6) {
                        l.y + 1
                    } else {
                        l.y
                    };
                    // The year is only sure when the text dates something in
                    // the same month of that year.
                    let year_known = mentions
                        .iter()
                        .any(|e| matches!(e, DateExpr::Absolute(z) if z.y == y && z.m == Some(mo) && z.d.is_none_or(|zd| zd <= d)));
                    return Some(Reference {
                        date: Ymd::ymd(y, mo, d),
                        explicit: true,
                        year_known,
                    });
                }
                _ => {}
            }
        }
    }
    let latest = latest?;
    let mut best = latest;
    if let Some(m) = latest.m {
        for e in mentions {
            if let DateExpr::DayOfMonth(d) = e
                && *d <= days_in_month(latest.y, m)
            {
                let cand = Ymd::ymd(latest.y, m, *d);
                if cand > best || best.d.is_none() {
                    best = cand;
                }
            }
        }
    }
    // Guessed from the text: trusted only when the latest date is at least a
    // month ("Beginning in 2019" says nothing about what "this year" is).
    Some(Reference {
        date: best,
        explicit: false,
        year_known: best.m.is_some(),
    })
}

/// Prepositions a date may follow as it is ("on May 8", "since 2019"):
/// a date standing without one needs "on" or "in" when written out.
pub const DATE_PREPOSITIONS: &[&str] = &[
    "on", "in", "by", "since", "until", "till", "before", "after", "of", "from", "to", "during",
    "through", "as", "between", "and", "or", "at", "for", "than", "within", "over",
];

/// The preposition a date written out after the word `prev` needs: none
/// after a preposition ("since May 2020"), else "on" for a day ("said on
/// August 2, 2019") and "in" for a month or a year ("left in 2020").
/// Words after which a date is used as a modifier ("the May 2020 decision").
const DATE_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her",
];

pub fn preposition_for(prev: &str, date: Ymd) -> Option<&'static str> {
    // "by the September 11 attacks": after a determiner the date qualifies
    // a noun and wants no preposition.
    // "in early November" reads "in early November 2005"; "working late
    // on May 24" keeps its "on".
    let part_of_month = date.precision() < 3
        && ["early", "late", "mid", "mid-"]
            .iter()
            .any(|p| prev.eq_ignore_ascii_case(p));
    if part_of_month
        || DATE_PREPOSITIONS
            .iter()
            .chain(DATE_DETERMINERS)
            .any(|p| prev.eq_ignore_ascii_case(p))
    {
        None
    } else if date.precision() == 3 {
        Some("on")
    } else {
        Some("in")
    }
}

/// A date that points back to one already given: "that date", "the same
/// day", "that year", "the following year".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateAnaphor {
    /// Tokens covered.
    pub tok_start: usize,
    pub tok_end: usize,
    /// The unit it names: 3 day, 2 month, 1 year.
    pub precision: u8,
    /// 0 for "that/the same", 1 for "the following/next".
    pub offset: i32,
    /// "that date" names the date itself; "the same day" says when.
    pub names_date: bool,
}

/// Date anaphors in a sentence's tokens.
pub fn find_anaphors(toks: &[Token]) -> Vec<DateAnaphor> {
    // Compared on the stack, as the date finder does.
    let lower = |i: usize| Lower::new(toks.get(i).map_or("", |t| t.text));
    let unit = |w: &str| match w {
        "date" | "day" | "point" => Some(3),
        "month" => Some(2),
        "year" => Some(1),
        _ => None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "that date", "that same day", "the same year", "the following day".
        let (skip, offset) = match (lower(i).as_str(), lower(i + 1).as_str()) {
            ("that", "same") => (2, 0),
            ("that", _) => (1, 0),
            ("the", "same") => (2, 0),
            ("the", "following" | "next") => (2, 1),
            _ => {
                i += 1;
                continue;
            }
        };
        if i + skip >= toks.len() {
            break;
        }
        let u = lower(i + skip);
        let u = u.as_str();
        let possessive = toks.get(i + skip + 1).is_some_and(|t| t.text == "'s");
        // "From that point" is a date; "at that point" a moment.
        let point_ok = u != "point"
            || (offset == 0
                && i > 0
                && matches!(
                    lower(i - 1).as_str(),
                    "from" | "since" | "after" | "until" | "before"
                ));
        match unit(u) {
            // "the next date" names nothing known; "the same date as ...".
            Some(p) if point_ok && !(possessive || (u == "date" && offset == 1)) => {
                out.push(DateAnaphor {
                    tok_start: i,
                    tok_end: i + skip + 1,
                    precision: p,
                    offset,
                    names_date: u == "date" || u == "point",
                });
                i += skip + 1;
            }
            _ => i += 1,
        }
    }
    out
}

impl DateAnaphor {
    /// The date meant, given the date it points back to.
    pub fn resolve(&self, back: Ymd) -> Option<Ymd> {
        if back.precision() < self.precision {
            return None;
        }
        Some(match self.precision {
            3 => Ymd::from_days(back.days() + i64::from(self.offset)),
            2 => {
                let m = back.m? as i32 - 1 + self.offset;
                Ymd::ym(back.y + m.div_euclid(12), (m.rem_euclid(12) + 1) as u32)
            }
            _ => Ymd::year(back.y + self.offset),
        })
    }

    /// The anaphor written out, after the word `prev`: "the same day" ->
    /// "on May 8, 2018"; "on that day" keeps its "on".
    pub fn shown(&self, date: Ymd, prev: &str) -> String {
        let d = date.display();
        match preposition_for(prev, date).filter(|_| !self.names_date) {
            Some(p) => format!("{p} {d}"),
            None => d,
        }
    }
}

/// "WASHINGTON, Dec. 13 — ... announced on Thursday ... will take effect on
/// June 13, 2002": a dateline's day without a year is the last such day
/// before the text's earliest future date, when a weekday the text names
/// confirms it.
pub fn year_before_future(
    month: u32,
    day: u32,
    future: &[Ymd],
    weekdays: &[u32],
    not_before: Option<i32>,
) -> Option<i32> {
    let f = future
        .iter()
        .filter(|f| f.d.is_some())
        .min_by_key(|f| f.days())?;
    let (fm, fd) = (f.m?, f.d?);
    let latest = if (month, day) <= (fm, fd) {
        f.y
    } else {
        f.y - 1
    };
    // The latest such day whose weekday the text confirms, no earlier than
    // the latest past year the text states ("until Feb. 5, 2026" after an
    // extension "on Wednesday", February 3: 2021, not 2026).
    let floor = not_before.unwrap_or(latest).max(latest - 10);
    (floor..=latest).rev().find(|&y| {
        day <= days_in_month(y, month)
            && weekdays.contains(&weekday(days_from_civil(y, month, day)))
    })
}

/// "GENEVA, Oct. 21 — ... signed here on Friday": with no future date to
/// count back from, the one year within the span of years the text names
/// (`years`) in which that day fell on the weekday; `None` when none or
/// several do. A year the text writes beside a month ("In May 1967") is
/// not the dateline's: a wire gives the year only for another year.
pub fn year_by_weekday(
    month: u32,
    day: u32,
    weekdays: &[u32],
    years: &[i32],
    other_years: &[i32],
) -> Option<i32> {
    let (&lo, &hi) = (years.iter().min()?, years.iter().max()?);
    if hi - lo > 30 {
        return None;
    }
    let mut fits = (lo..=hi).filter(|&y| {
        !other_years.contains(&y)
            && day <= days_in_month(y, month)
            && weekdays.contains(&weekday(days_from_civil(y, month, day)))
    });
    let y = fits.next()?;
    fits.next().is_none().then_some(y)
}

/// Resolve a mention in its sentence: as [`resolve`], but a month the
/// sentence plans for ("agreed to hold the next round in early November",
/// said in September) is the coming one, not the last.
pub fn resolve_in(toks: &[Token], m: &DateMention, r: Option<Reference>) -> Option<Ymd> {
    let resolved = resolve(m.expr, r)?;
    match (m.expr, r) {
        (DateExpr::Month(mo), Some(rf)) if resolved.y < rf.date.y && is_future(toks, m) => {
            Some(Ymd::ym(resolved.y + 1, mo))
        }
        _ => Some(resolved),
    }
}

/// Resolve a mention against the reference date. `None` when it cannot be.
pub fn resolve(expr: DateExpr, r: Option<Reference>) -> Option<Ymd> {
    match expr {
        DateExpr::Absolute(d) => Some(d),
        DateExpr::Decade(_) => None,
        _ => {
            let rf = r?;
            if !rf.year_known {
                return None;
            }
            let r = rf.date;
            match expr {
                DateExpr::MonthDay(m, d) => Some(Ymd::ymd(r.y, m, d)),
                DateExpr::Month(m) => {
                    let y = if r.m.is_some_and(|rm| m > rm) {
                        r.y - 1
                    } else {
                        r.y
                    };
                    Some(Ymd::ym(y, m))
                }
                DateExpr::MonthRel(m, off) => Some(Ymd::ym(r.y + off, m)),
                DateExpr::YearRel(off) => Some(Ymd::year(r.y + off)),
                DateExpr::MonthOffset(off) => {
                    let m = r.m? as i32 - 1 + off;
                    Some(Ymd::ym(
                        r.y + m.div_euclid(12),
                        (m.rem_euclid(12) + 1) as u32,
                    ))
                }
                DateExpr::DayOfMonth(d) => {
                    let m = r.m?;
                    (d <= days_in_month(r.y, m)).then(|| Ymd::ymd(r.y, m, d))
                }
                DateExpr::DayRel(off) => {
                    r.d?;
                    Some(Ymd::from_days(r.days() + off))
                }
                DateExpr::Weekday(wd) => {
                    r.d?;
                    let today = r.days();
                    let back = (i64::from(weekday(today)) - i64::from(wd)).rem_euclid(7);
                    Some(Ymd::from_days(today - back))
                }
                DateExpr::YearsAgo(n, day) => {
                    if day {
                        let (m, d) = (r.m?, r.d?);
                        Some(Ymd::ymd(r.y - n, m, d.min(days_in_month(r.y - n, m))))
                    } else {
                        Some(Ymd::year(r.y - n))
                    }
                }
                DateExpr::Absolute(_) | DateExpr::Decade(_) => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    #[test]
    fn dates_are_written_in_full_in_iso_and_as_typed() {
        let d = Ymd::ymd(2020, 12, 2);
        assert_eq!(d.display(), "December 2, 2020");
        assert_eq!(d.iso(), "2020-12-02");
        assert_eq!(
            d.variants(),
            [
                "December 2, 2020",
                "2020-12-02",
                "2 December 2020",
                "December 2",
                "2 December",
                "Dec. 2, 2020"
            ]
        );
        let m = Ymd {
            y: 987,
            m: Some(3),
            d: None,
        };
        assert_eq!(m.display(), "March 987");
        assert_eq!(m.iso(), "0987-03");
        assert_eq!(m.variants(), ["March 987", "0987-03", "March"]);
        let y = Ymd {
            y: 1972,
            m: None,
            d: None,
        };
        assert_eq!(
            (y.display(), y.iso()),
            ("1972".to_string(), "1972".to_string())
        );
    }

    #[test]
    fn a_date_after_a_preposition_or_a_determiner_takes_no_preposition() {
        let day = Ymd::ymd(2001, 9, 11);
        assert_eq!(preposition_for("said", day), Some("on"));
        assert_eq!(preposition_for("since", day), None);
        // "by the September 11 attacks"
        assert_eq!(preposition_for("the", day), None);
        assert_eq!(preposition_for("left", Ymd::year(2001)), Some("in"));
        // "in early November 2005", not "in early in November 2005".
        assert_eq!(preposition_for("early", Ymd::ym(2005, 11)), None);
        assert_eq!(preposition_for("late", Ymd::ymd(1972, 5, 24)), Some("on"));
    }

    fn exprs(s: &str) -> Vec<DateExpr> {
        find(&tokenize(s)).into_iter().map(|m| m.expr).collect()
    }

    #[test]
    fn a_datelines_year_comes_from_the_next_future_date_and_its_weekday() {
        let june = [Ymd::ymd(2002, 6, 13)];
        // December 13, 2001 was a Thursday (weekday 3, Monday = 0).
        assert_eq!(year_before_future(12, 13, &june, &[3], None), Some(2001));
        // A weekday that does not fit: no year is guessed.
        assert_eq!(year_before_future(12, 13, &june, &[0], None), None);
        // Before the future date in its own year.
        let sept = [Ymd::ymd(2019, 9, 2)];
        let wd = weekday(days_from_civil(2019, 8, 2));
        assert_eq!(year_before_future(8, 2, &sept, &[wd], None), Some(2019));
        assert_eq!(year_before_future(8, 2, &[], &[wd], None), None);
        // "until Feb. 5, 2026", "on Wednesday", Feb 3, past dates up to
        // 2011: the Wednesday, February 3 is in 2021.
        let feb = [Ymd::ymd(2026, 2, 5)];
        assert_eq!(year_before_future(2, 3, &feb, &[2], Some(2011)), Some(2021));
        // Not before the text's latest past year.
        assert_eq!(year_before_future(2, 3, &feb, &[2], Some(2022)), None);
    }

    #[test]
    fn a_datelines_year_is_the_one_in_the_texts_span_with_its_weekday() {
        // October 21 was a Friday (weekday 4) in 1994, and in no other year
        // from 1993 to 2003.
        assert_eq!(
            year_by_weekday(10, 21, &[4], &[1993, 2003, 1995], &[]),
            Some(1994)
        );
        // Two such years in the span: no guess.
        assert_eq!(year_by_weekday(10, 21, &[4], &[1993, 2006], &[]), None);
        assert_eq!(year_by_weekday(10, 21, &[], &[1993, 2003], &[]), None);
        assert_eq!(year_by_weekday(10, 21, &[4], &[], &[]), None);
        // May 25 was a Thursday (weekday 3) in 1967 and in 1972; "In May
        // 1967" is written with its year, so it is another year.
        assert_eq!(year_by_weekday(5, 25, &[3], &[1967, 1975], &[]), None);
        assert_eq!(
            year_by_weekday(5, 25, &[3], &[1967, 1975], &[1967]),
            Some(1972)
        );
    }

    #[test]
    fn a_weekday_as_a_possessive_is_no_date() {
        assert!(find(&tokenize("Under Friday's deal it stays a party.")).is_empty());
        assert_eq!(find(&tokenize("It was signed on Friday.")).len(), 1);
    }

    #[test]
    fn a_planned_month_is_the_coming_one() {
        let r = Some(Reference {
            date: Ymd::ymd(2005, 9, 19),
            explicit: true,
            year_known: true,
        });
        let month = |text: &str| {
            let toks = tokenize(text);
            let m = find(&toks).into_iter().next().expect("a date");
            resolve_in(&toks, &m, r)
        };
        assert_eq!(
            month("The parties agreed to hold the next round in early November."),
            Some(Ymd::ym(2005, 11))
        );
        assert_eq!(
            month("The parties met in Beijing in November."),
            Some(Ymd::ym(2004, 11))
        );
    }

    #[test]
    fn a_date_in_a_will_clause_is_in_the_future() {
        let future = |text: &str| {
            let toks = tokenize(text);
            find(&toks)
                .iter()
                .map(|m| is_future(&toks, m))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            future("The exit will take effect in six months, on June 13, 2002."),
            vec![true]
        );
        assert_eq!(
            future("The treaty, which will expire in 2026, was signed on April 8, 2010."),
            vec![true, false]
        );
        assert_eq!(
            future("It entered into force on June 1, 1988."),
            vec![false]
        );
        // A plan is for a time to come.
        assert_eq!(
            future("The parties agreed to hold the fifth round in Beijing in early November."),
            vec![true]
        );
        assert_eq!(
            future("The parties agreed on the text in early November."),
            vec![false]
        );
        assert_eq!(
            future(
                "Under the decree, the suspension will take effect 150 days after the other treaty states are notified, on December 12, 2007."
            ),
            vec![true]
        );
    }

    #[test]
    fn date_anaphors_are_found_and_written_out() {
        let text = "NATO declared the same day that it agreed, within three years of that date. \
                    The following year it met again, and later that year the next day's talks failed.";
        let toks = tokenize(text);
        let found = find_anaphors(&toks);
        let spans: Vec<&str> = found
            .iter()
            .map(|a| &text[toks[a.tok_start].start..toks[a.tok_end - 1].end])
            .collect();
        assert_eq!(
            spans,
            vec![
                "the same day",
                "that date",
                "The following year",
                "that year"
            ]
        );
        let back = Ymd::ymd(2019, 8, 2);
        let shown: Vec<String> = found
            .iter()
            .map(|a| {
                let prev = toks[..a.tok_start].last().map_or("", |t| t.text);
                a.shown(a.resolve(back).expect("resolvable"), prev)
            })
            .collect();
        assert_eq!(
            shown,
            vec!["on August 2, 2019", "August 2, 2019", "in 2020", "in 2019"]
        );
        // A year cannot say which day "the same day" was.
        assert_eq!(found[0].resolve(Ymd::year(2019)), None);
        // "From that point" names a date; "at that point" does not.
        let toks = tokenize("From that point Russia stopped, and at that point it left.");
        assert_eq!(find_anaphors(&toks).len(), 1);
        // December's next month is January of the next year.
        let next_month = DateAnaphor {
            tok_start: 0,
            tok_end: 3,
            precision: 2,
            offset: 1,
            names_date: false,
        };
        assert_eq!(
            next_month.resolve(Ymd::ym(1991, 12)),
            Some(Ymd::ym(1992, 1))
        );
    }

    #[test]
    fn a_span_of_days_is_one_date() {
        for text in [
            "They met from 6 to 8 October 1999 in Vienna.",
            "They met from 6-8 October 1999 in Vienna.",
            "They met on October 6-8, 1999 in Vienna.",
            "They met on October 6 to 8, 1999 in Vienna.",
        ] {
            let toks = tokenize(text);
            let found = find(&toks);
            assert_eq!(
                found.iter().map(|m| m.expr).collect::<Vec<_>>(),
                vec![DateExpr::Absolute(Ymd::ymd(1999, 10, 6))],
                "{text}"
            );
            let m = found[0];
            let surface = &text[toks[m.tok_start].start..toks[m.tok_end - 1].end];
            assert!(
                surface.contains('6') && surface.ends_with("1999"),
                "{surface}"
            );
        }
        assert_eq!(
            exprs("They met on October 6 in Vienna."),
            vec![DateExpr::MonthDay(10, 6)]
        );
    }

    #[test]
    fn recognises_date_forms() {
        assert_eq!(
            exprs("On December 22, 2020, and by 1 January 2021 or Dec. 5 in May 1972"),
            vec![
                DateExpr::Absolute(Ymd::ymd(2020, 12, 22)),
                DateExpr::Absolute(Ymd::ymd(2021, 1, 1)),
                DateExpr::MonthDay(12, 5),
                DateExpr::Absolute(Ymd::ym(1972, 5)),
            ]
        );
        assert_eq!(
            exprs("entered into force in 2002"),
            vec![DateExpr::Absolute(Ymd::year(2002))]
        );
        assert_eq!(
            exprs("in May last year, on the 16th and on Tuesday, 2021-02-03"),
            vec![
                DateExpr::MonthRel(5, -1),
                DateExpr::DayOfMonth(16),
                DateExpr::Weekday(1),
                DateExpr::Absolute(Ymd::ymd(2021, 2, 3)),
            ]
        );
    }

    #[test]
    fn last_october_is_one_mention_and_next_october_none() {
        let toks = tokenize("They met in Moscow last October.");
        let found = find(&toks);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (toks[found[0].tok_start].text, found[0].expr),
            ("last", DateExpr::Month(10))
        );
        assert!(exprs("They will meet again next October.").is_empty());
    }

    #[test]
    fn quantities_and_modal_may_are_not_dates() {
        assert!(exprs("limits of 1550 warheads").is_empty());
        assert!(exprs("Russia May withdraw, and it may not").is_empty());
        assert!(exprs("the 16th century").is_empty());
    }

    #[test]
    fn reference_from_latest_date_and_day_ordinals() {
        let m = vec![
            DateExpr::Absolute(Ymd::ymd(2020, 12, 22)),
            DateExpr::Absolute(Ymd::ymd(2021, 1, 1)),
            DateExpr::DayOfMonth(16),
            DateExpr::DayOfMonth(17),
        ];
        let r = infer_reference(None, None, &m).unwrap();
        assert_eq!(r.date, Ymd::ymd(2021, 1, 17));
        assert!(!r.explicit);
        assert_eq!(
            resolve(DateExpr::MonthRel(5, -1), Some(r)),
            Some(Ymd::ym(2020, 5))
        );
        assert_eq!(
            resolve(DateExpr::YearRel(-1), Some(r)),
            Some(Ymd::year(2020))
        );
        assert_eq!(
            resolve(DateExpr::DayOfMonth(15), Some(r)),
            Some(Ymd::ymd(2021, 1, 15))
        );
        // 2021-01-17 was a Sunday; the Tuesday before is the 12th.
        assert_eq!(
            resolve(DateExpr::Weekday(1), Some(r)),
            Some(Ymd::ymd(2021, 1, 12))
        );
        assert_eq!(
            resolve(DateExpr::DayRel(-1), Some(r)),
            Some(Ymd::ymd(2021, 1, 16))
        );
    }

    #[test]
    fn a_bare_year_is_no_reference_for_relative_dates() {
        let r = infer_reference(None, None, &[DateExpr::Absolute(Ymd::year(2019))]).unwrap();
        assert!(!r.year_known);
        assert_eq!(resolve(DateExpr::YearRel(0), Some(r)), None);
    }

    #[test]
    fn header_and_dateline_win() {
        let r = infer_reference(Some("2019-08-02"), None, &[]).unwrap();
        assert_eq!(r.date, Ymd::ymd(2019, 8, 2));
        let r =
            infer_reference(None, Some("Feb 3"), &[DateExpr::Absolute(Ymd::year(2021))]).unwrap();
        assert_eq!(r.date, Ymd::ymd(2021, 2, 3));
    }

    #[test]
    fn civil_round_trip() {
        for z in [-800_000i64, -1, 0, 1, 18_000, 19_000, 30_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(weekday(days_from_civil(1970, 1, 1)), 3); // Thursday
    }
}
