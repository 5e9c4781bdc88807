//! All file I/O lives here.
//!
//! * article reading (this file): [`read_article`], [`decode_article`];
//! * [`progress`]: the durable progress store (collection, review log,
//!   backups and the single-instance lock);
//! * [`export`]: Anki packages and text, card JSON;
//! * [`backup`]: whole-collection backup and restore;
//! * [`merge`]: merging another data folder and sync-conflict copies.

pub mod backup;
pub mod export;
mod log;
pub mod merge;
pub mod progress;

pub use progress::{
    BACKUPS_KEPT, COLLECTION_VERSION, CardEdit, DATA_DIR_ENV, Deck, Notice, Regenerated, Store,
    StoreError, resolve_data_dir,
};

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest article accepted (bytes). Generation is linear, so this only
/// guards against pointing the app at a disk image by mistake.
pub const MAX_ARTICLE_BYTES: u64 = 512 * 1024 * 1024;

/// Why an article file could not be read.
#[derive(Debug)]
pub enum ArticleError {
    NotFound(PathBuf),
    IsDirectory(PathBuf),
    NotAFile(PathBuf),
    TooLarge(PathBuf, u64),
    Binary(PathBuf),
    NotUtf8(PathBuf, usize),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::NotFound(p) => write!(f, "'{}': no such file", p.display()),
            ArticleError::IsDirectory(p) => {
                write!(f, "'{}' is a directory, not an article file", p.display())
            }
            ArticleError::NotAFile(p) => write!(
                f,
                "'{}' is not a regular file (a pipe or device?); give a .txt or .md file",
                p.display()
            ),
            ArticleError::TooLarge(p, n) => write!(
                f,
                "'{}' is {} MB; articles larger than {} MB are refused",
                p.display(),
                n / (1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
            ArticleError::Binary(p) => write!(
                f,
                "'{}' looks like a binary file (it contains NUL bytes), not text",
                p.display()
            ),
            ArticleError::NotUtf8(p, at) => write!(
                f,
                "'{}' is not UTF-8 text (invalid byte at offset {at}); save it as UTF-8 and try again",
                p.display()
            ),
            ArticleError::Io(p, e) => write!(f, "cannot read '{}': {e}", p.display()),
        }
    }
}

impl std::error::Error for ArticleError {}

/// Read an article file as UTF-8 text, refusing directories, pipes,
/// binaries and other encodings with a clear error.
pub fn read_article(path: &Path) -> Result<String, ArticleError> {
    let p = path.to_path_buf();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ArticleError::NotFound(p));
        }
        Err(e) => return Err(ArticleError::Io(p, e)),
    };
    if meta.is_dir() {
        return Err(ArticleError::IsDirectory(p));
    }
    if !meta.is_file() {
        return Err(ArticleError::NotAFile(p));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge(p, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| ArticleError::Io(p.clone(), e))?;
    decode_article(bytes).map_err(|e| match e {
        DecodeError::Binary => ArticleError::Binary(p),
        DecodeError::NotUtf8(at) => ArticleError::NotUtf8(p, at),
    })
}

/// Why bytes are not an article.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    NotUtf8(usize),
}

/// Bytes to text: UTF-8 only (a BOM is fine), no NUL bytes.
pub fn decode_article(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| DecodeError::NotUtf8(e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_nul_and_latin1() {
        assert_eq!(decode_article(b"a\0b".to_vec()), Err(DecodeError::Binary));
        assert_eq!(
            decode_article(b"caf\xe9".to_vec()),
            Err(DecodeError::NotUtf8(3))
        );
        assert_eq!(
            decode_article("\u{feff}ok".as_bytes().to_vec()).unwrap(),
            "\u{feff}ok"
        );
    }

    #[test]
    fn read_article_reports_missing_and_directories() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            read_article(&dir),
            Err(ArticleError::IsDirectory(_))
        ));
        let missing = dir.join("treatydeck-no-such-file-xyz.txt");
        assert!(matches!(
            read_article(&missing),
            Err(ArticleError::NotFound(_))
        ));
    }
}
