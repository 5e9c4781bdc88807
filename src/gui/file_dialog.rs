//! A native "Open file" dialog without linking a GUI toolkit: the desktop's
//! own chooser runs as a helper program (zenity or kdialog on Linux,
//! AppleScript on macOS, PowerShell on Windows) on a background thread, so
//! the window keeps drawing while it is open. When no chooser exists the
//! learner is told so and the path field still works.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What the chooser said: a file, or nothing (cancelled).
pub type Choice = Result<Option<PathBuf>, String>;

/// A chooser that is open (or about to be).
pub struct Pending(Receiver<Choice>);

impl Pending {
    /// The learner's choice once the chooser has closed.
    pub fn poll(&self) -> Option<Choice> {
        match self.0.try_recv() {
            Ok(c) => Some(c),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("The file chooser stopped unexpectedly.".into()))
            }
        }
    }
}

/// The chooser programs to try, in order, on this system.
pub fn default_choosers() -> Vec<Vec<String>> {
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    if cfg!(target_os = "macos") {
        vec![v(&[
            "osascript",
            "-e",
            "POSIX path of (choose file with prompt \"Open an article\")",
        ])]
    } else if cfg!(target_os = "windows") {
        vec![v(&[
            "powershell",
            "-NoProfile",
            "-Command",
            "Add-Type -AssemblyName System.Windows.Forms; \
             $d = New-Object System.Windows.Forms.OpenFileDialog; \
             $d.Filter = 'Articles (*.txt;*.md)|*.txt;*.md|All files (*.*)|*.*'; \
             if ($d.ShowDialog() -eq 'OK') { $d.FileName }",
        ])]
    } else {
        vec![
            v(&[
                "zenity",
                "--file-selection",
                "--title=Open an article",
                "--file-filter=Articles | *.txt *.md",
                "--file-filter=All files | *",
            ]),
            v(&["kdialog", "--getopenfilename", ".", "*.txt *.md|Articles"]),
            v(&["yad", "--file", "--title=Open an article"]),
        ]
    }
}

/// Open the first chooser that can be started. Each candidate is a program
/// and its arguments; it prints the chosen path and exits 0, or exits
/// non-zero when cancelled.
pub fn open(candidates: Vec<Vec<String>>) -> Pending {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(run(&candidates));
    });
    Pending(rx)
}

fn run(candidates: &[Vec<String>]) -> Choice {
    for cmd in candidates {
        let Some((prog, args)) = cmd.split_first() else {
            continue;
        };
        let out = Command::new(prog)
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output();
        let Ok(out) = out else {
            // Not installed: try the next one.
            continue;
        };
        if !out.status.success() {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let path = text.trim_end_matches(['\r', '\n']);
        return Ok((!path.is_empty()).then(|| PathBuf::from(path)));
    }
    Err(
        "No file chooser is installed (zenity or kdialog on Linux); type the file's path instead."
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(p: Pending) -> Choice {
        for _ in 0..500 {
            if let Some(c) = p.poll() {
                return c;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("chooser never answered")
    }

    #[test]
    fn the_first_chooser_that_starts_answers() {
        let missing = vec!["treatydeck-no-such-chooser".to_string()];
        let echo = vec!["echo".to_string(), "/tmp/article.txt".to_string()];
        let c = wait(open(vec![missing.clone(), echo]));
        assert_eq!(c, Ok(Some(PathBuf::from("/tmp/article.txt"))));
        // Cancelled (non-zero exit): nothing chosen, no error.
        let c = wait(open(vec![vec!["false".to_string()]]));
        assert_eq!(c, Ok(None));
        // None installed: a sentence saying so.
        let c = wait(open(vec![missing]));
        assert!(c.is_err_and(|e| e.contains("No file chooser")));
    }
}
