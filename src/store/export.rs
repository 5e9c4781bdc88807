//! Exports for other programs: Anki's plain-text import format, an Anki
//! package (`.apkg`) and the card JSON contract.
//!
//! The text formats are pure functions returning bytes; [`write_apkg`] builds
//! a SQLite file, so it lives here in the store (the only module that does
//! file I/O).
//!
//! # Note policy
//!
//! One Anki note per TreatyDeck card, never two:
//!
//! * a card whose question is its fill-in-the-blank sentence (its `question`
//!   equals its `cloze` and has a `___` blank) becomes a **Cloze** note: every
//!   `___` turns into `{{c1::answer}}`;
//! * every other card (a "Which body ...?" question) becomes a **Basic**
//!   note: Front = question, Back = answer.
//!
//! Both note types also carry `Variants` (the other accepted answers,
//! `; `-separated) and `Source` (the article sentence). Cards are tagged
//! `treatydeck kind::<kind>` and are exported as new cards (no scheduling).
//! Note guids are `td-<card id>`, so exporting again updates the same notes.
//! The plain-text format has no second note type: there every card is a
//! Basic note (Front, Back, tags).

use std::fs;
use std::io;
use std::path::Path;

use crate::core::Card;
use crate::core::cards::fnv1a;

/// Basic and Cloze note type ids (fixed, so re-imports update them).
const BASIC_ID: i64 = 1_733_000_000_001;
const CLOZE_ID: i64 = 1_733_000_000_002;
/// Anki's default deck options group.
const DCONF_ID: i64 = 1;

/// The tags of a card: `treatydeck kind::<kind>`.
pub fn tags(card: &Card) -> String {
    format!("treatydeck kind::{}", card.kind.as_str())
}

/// A field as Anki HTML: `& < > " '` escaped, newlines (`\n` or `\r\n`)
/// as `<br>`, tabs as `&#9;` (a raw tab would end the field in the text
/// format).
pub fn html_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '\t' => out.push_str("&#9;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Anki's plain-text import format (File > Import, "Text separated by
/// tabs"): header lines, then `Front<TAB>Back<TAB>tags` per card.
pub fn anki_txt(deck: &str, cards: &[Card]) -> String {
    let mut out = String::new();
    out.push_str("#separator:tab\n#html:true\n#notetype:Basic\n");
    // A newline or tab in a deck name would break the header line.
    let deck_name: String = deck
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    out.push_str(&format!("#deck:{deck_name}\n#tags column:3\n"));
    for c in cards {
        out.push_str(&html_field(&c.question));
        out.push('\t');
        out.push_str(&html_field(&c.answer));
        out.push('\t');
        out.push_str(&tags(c));
        out.push('\n');
    }
    out
}

/// Which Anki note type a card becomes (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnkiNote {
    /// Front and Back.
    Basic { front: String, back: String },
    /// The cloze text with `{{c1::...}}`.
    Cloze { text: String },
}

/// The note for a card: Cloze if its question is its blanked sentence (and
/// the answer cannot break Anki's `{{c1::...}}` syntax), else Basic.
pub fn anki_note(card: &Card) -> AnkiNote {
    let is_cloze = !card.cloze.is_empty()
        && card.question == card.cloze
        && card.cloze.contains("___")
        && !card.answer.contains("::")
        && !card.answer.contains("}}")
        && !card.answer.contains("{{");
    if is_cloze {
        let blank = format!("{{{{c1::{}}}}}", html_field(&card.answer));
        let text = card
            .cloze
            .split("___")
            .map(html_field)
            .collect::<Vec<_>>()
            .join(&blank);
        AnkiNote::Cloze { text }
    } else {
        AnkiNote::Basic {
            front: html_field(&card.question),
            back: html_field(&card.answer),
        }
    }
}

/// HTML tags stripped, for Anki's sort field and checksum.
fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Anki's field checksum: the first 8 hex digits of SHA-1 of the stripped
/// first field, as an integer.
fn field_checksum(first: &str) -> i64 {
    let d = sha1(strip_html(first).as_bytes());
    i64::from(u32::from_be_bytes([d[0], d[1], d[2], d[3]]))
}

/// SHA-1 (for Anki's duplicate-check checksum only; not for security).
pub fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// CRC-32 (IEEE, as zip uses).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A zip archive of `files` (name, bytes), stored without compression.
/// Enough for Anki packages: no zip64, so each file and the whole archive
/// must stay under 4 GB.
pub fn stored_zip(files: &[(&str, &[u8])]) -> io::Result<Vec<u8>> {
    let too_big = || io::Error::other("the export is too large for a zip file (4 GB)");
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let crc = crc32(data);
        let size = u32::try_from(data.len()).map_err(|_| too_big())?;
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0x0800u16.to_le_bytes()); // flags: UTF-8 names
        out.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        out.extend_from_slice(&0u16.to_le_bytes()); // time
        out.extend_from_slice(&0x0021u16.to_le_bytes()); // date: 1980-01-01
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&20u16.to_le_bytes()); // needed
        central.extend_from_slice(&0x0800u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0x0021u16.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 6]); // extra, comment, disk number
        central.extend_from_slice(&[0; 6]); // internal, external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).map_err(|_| too_big())?;
    let cd_size = u32::try_from(central.len()).map_err(|_| too_big())?;
    let n = u16::try_from(files.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    Ok(out)
}

/// Write `bytes` to `out` through a temporary file and a rename, so a
/// failed export leaves no half file.
pub fn write_file(out: &Path, bytes: &[u8]) -> io::Result<()> {
    let (parent, base) = beside(out);
    let tmp = parent.join(format!(".{base}.tmp"));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, out).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// The folder of `out` and its file name.
fn beside(out: &Path) -> (std::path::PathBuf, String) {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let base = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    (parent, base)
}

/// Anki's deck id for a TreatyDeck deck name: stable, positive, not 1.
fn deck_id(deck: &str) -> i64 {
    ((fnv1a(deck.as_bytes()) >> 12) as i64).max(2)
}

fn field_json(name: &str, ord: usize) -> serde_json::Value {
    serde_json::json!({
        "name": name, "ord": ord, "sticky": false, "rtl": false,
        "font": "Arial", "size": 20, "media": []
    })
}

const CSS: &str = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }\n";

fn models_json(did: i64, mod_s: i64) -> serde_json::Value {
    let latex_pre = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n";
    let extra = "{{#Variants}}<br><small>Also accepted: {{Variants}}</small>{{/Variants}}<br><small>{{Source}}</small>";
    let basic = serde_json::json!({
        "id": BASIC_ID, "name": "TreatyDeck Basic", "type": 0, "mod": mod_s, "usn": -1,
        "sortf": 0, "did": did, "tags": [], "vers": [],
        "flds": [field_json("Front", 0), field_json("Back", 1),
                 field_json("Variants", 2), field_json("Source", 3)],
        "tmpls": [{
            "name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
            "afmt": format!("{{{{FrontSide}}}}<hr id=answer>{{{{Back}}}}{extra}"),
            "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0
        }],
        "css": CSS, "latexPre": latex_pre, "latexPost": "\\end{document}", "latexsvg": false,
        "req": [[0, "any", [0]]]
    });
    let cloze = serde_json::json!({
        "id": CLOZE_ID, "name": "TreatyDeck Cloze", "type": 1, "mod": mod_s, "usn": -1,
        "sortf": 0, "did": did, "tags": [], "vers": [],
        "flds": [field_json("Text", 0), field_json("Variants", 1), field_json("Source", 2)],
        "tmpls": [{
            "name": "Cloze", "ord": 0, "qfmt": "{{cloze:Text}}",
            "afmt": format!("{{{{cloze:Text}}}}{extra}"),
            "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0
        }],
        "css": CSS, "latexPre": latex_pre, "latexPost": "\\end{document}", "latexsvg": false,
        "req": [[0, "any", [0]]]
    });
    serde_json::json!({ BASIC_ID.to_string(): basic, CLOZE_ID.to_string(): cloze })
}

fn deck_json(id: i64, name: &str, mod_s: i64) -> serde_json::Value {
    serde_json::json!({
        "id": id, "name": name, "mod": mod_s, "usn": -1, "desc": "", "dyn": 0,
        "conf": DCONF_ID, "collapsed": false, "browserCollapsed": false,
        "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0]
    })
}

fn dconf_json() -> serde_json::Value {
    serde_json::json!({ DCONF_ID.to_string(): {
        "id": DCONF_ID, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60,
        "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
        "new": { "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                 "ints": [1, 4, 0], "order": 1, "perDay": 20 },
        "lapse": { "delays": [10.0], "leechAction": 1, "leechFails": 8,
                   "minInt": 1, "mult": 0.0 },
        "rev": { "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                 "perDay": 200, "hardFactor": 1.2 }
    }})
}

const SCHEMA_11: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

fn sql_err(e: rusqlite::Error) -> io::Error {
    io::Error::other(format!("cannot build the Anki collection: {e}"))
}

/// Write an Anki package to `out`: a zip of `collection.anki2` (legacy
/// schema 11) and `media` (`{}`). `now` is Unix seconds. The SQLite file is
/// built beside `out` and removed; `out` is written via a temporary file and
/// renamed, so a failed export leaves no half file.
pub fn write_apkg(out: &Path, deck: &str, cards: &[Card], now: i64) -> io::Result<()> {
    let (parent, base) = beside(out);
    let db_path = parent.join(format!(".{base}.collection.anki2.tmp"));
    let _ = fs::remove_file(&db_path);
    let built = build_collection(&db_path, deck, cards, now).and_then(|()| fs::read(&db_path));
    let _ = fs::remove_file(&db_path);
    let db = built?;
    let zip = stored_zip(&[("collection.anki2", &db), ("media", b"{}")])?;
    write_file(out, &zip)
}

fn build_collection(path: &Path, deck: &str, cards: &[Card], now: i64) -> io::Result<()> {
    let mut conn = rusqlite::Connection::open(path).map_err(sql_err)?;
    conn.execute_batch(SCHEMA_11).map_err(sql_err)?;
    let did = deck_id(deck);
    let now_ms = now.saturating_mul(1000);
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck_json(1, "Default", now));
    decks.insert(did.to_string(), deck_json(did, deck, now));
    let conf = serde_json::json!({
        "activeDecks": [did], "curDeck": did, "curModel": BASIC_ID.to_string(),
        "nextPos": cards.len() + 1, "sortType": "noteFld", "sortBackwards": false,
        "addToCur": true, "newSpread": 0, "dueCounts": true, "estTimes": true,
        "collapseTime": 1200, "timeLim": 0
    });
    let tx = conn.transaction().map_err(sql_err)?;
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        rusqlite::params![
            now,
            now_ms,
            conf.to_string(),
            models_json(did, now).to_string(),
            serde_json::Value::Object(decks).to_string(),
            dconf_json().to_string(),
        ],
    )
    .map_err(sql_err)?;
    for (i, card) in cards.iter().enumerate() {
        let id = now_ms + i as i64;
        let variants = html_field(&card.accept.join("; "));
        let source = html_field(&card.sentence);
        let (mid, fields) = match anki_note(card) {
            AnkiNote::Basic { front, back } => (BASIC_ID, vec![front, back, variants, source]),
            AnkiNote::Cloze { text } => (CLOZE_ID, vec![text, variants, source]),
        };
        let sfld = strip_html(&fields[0]);
        let csum = field_checksum(&fields[0]);
        tx.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
            rusqlite::params![
                id,
                format!("td-{}", card.id),
                mid,
                now,
                format!(" {} ", tags(card)),
                fields.join("\u{1f}"),
                sfld,
                csum
            ],
        )
        .map_err(sql_err)?;
        tx.execute(
            "INSERT INTO cards VALUES (?1, ?1, ?2, 0, ?3, -1, 0, 0, ?4, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            rusqlite::params![id, did, now, i as i64 + 1],
        )
        .map_err(sql_err)?;
    }
    tx.commit().map_err(sql_err)?;
    conn.close().map_err(|(_, e)| sql_err(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_and_crc32_match_known_vectors() {
        let hex = |d: &[u8]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn html_field_escapes_and_keeps_one_line() {
        assert_eq!(
            html_field("a<b> & \"c\"\td\r\ne\n'"),
            "a&lt;b&gt; &amp; &quot;c&quot;&#9;d<br>e<br>&#x27;"
        );
    }

    #[test]
    fn zip_has_local_and_central_entries() {
        let z = stored_zip(&[("a", b"hello"), ("media", b"{}")]).unwrap();
        assert_eq!(&z[..4], b"PK\x03\x04");
        let eocd = z.len() - 22;
        assert_eq!(&z[eocd..eocd + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([z[eocd + 10], z[eocd + 11]]), 2);
        let hello = z.windows(5).position(|w| w == b"hello").unwrap();
        assert_eq!(hello, 30 + 1);
        assert_eq!(
            u32::from_le_bytes([z[14], z[15], z[16], z[17]]),
            crc32(b"hello")
        );
        // The central directory starts where the end record says, and each
        // entry's name sits right after its 46-byte fixed part.
        let cd = u32::from_le_bytes([z[eocd + 16], z[eocd + 17], z[eocd + 18], z[eocd + 19]]);
        let cd = cd as usize;
        assert_eq!(&z[cd..cd + 4], b"PK\x01\x02");
        assert_eq!(&z[cd + 46..cd + 47], b"a");
        assert_eq!(&z[cd + 47..cd + 51], b"PK\x01\x02");
    }
}
