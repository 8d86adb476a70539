//! Where the CLI's output goes: standard output, or a path given with `-o` / `--out-dir`.
//!
//! | target of `-o PATH`                  | what happens                                              |
//! |--------------------------------------|-----------------------------------------------------------|
//! | nothing there yet                    | written to a temporary file beside it, then renamed       |
//! | a regular file                       | replaced the same way (atomically; its permissions kept)  |
//! | a symbolic link (a chain of them)    | its final target is replaced atomically; the link stays   |
//! | a character device, a FIFO           | written straight to it (`-o /dev/null`, `-o fifo`)        |
//! | a directory, a socket, a block device | refused: nothing is replaced                             |
//! | one of the command's input files     | refused: nothing is replaced                              |
//!
//! A non-regular file is never replaced by a regular one: before this table, `render … -o
//! /dev/null` run as root turned the machine's `/dev/null` into a file (issue #18, row 3).
//!
//! On standard output, a closed pipe (`tempograph check … | head`) ends the program quietly
//! with exit status 0, as ripgrep does; any other write error (`> /dev/full`) is an error
//! naming `<stdout>` (exit 2). See: #18.

use std::io::Write;
use std::path::{Path, PathBuf};
use tempograph_core::error::Error;

/// Write `content` to standard output. A closed pipe exits the process with status 0 (the
/// reader has all it wanted; nothing more can be said); another error is returned.
pub fn to_stdout(content: &[u8]) -> crate::Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(content).and_then(|_| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) => Err(stdout_error(e)),
    }
}

/// The error for a failed write to standard output; a broken pipe exits quietly (status 0).
pub fn stdout_error(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        closed_pipe();
    }
    Error::io("<stdout>", e)
}

/// The reader of standard output went away: stop now, successfully.
pub fn closed_pipe() -> ! {
    std::process::exit(0)
}

/// The file a write to `path` lands in: `path` itself, or the end of the chain of symbolic
/// links that starts there (which need not exist yet). Loops are refused.
fn final_target(path: &Path) -> crate::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p).map_err(|e| Error::io(&p, e))?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(Error::usage(format!(
        "refusing to write output to {}: too many levels of symbolic links",
        path.display()
    )))
}

/// Write `content` to the file at `path` as the table in the module docs says. Refuses to
/// overwrite any of `inputs`.
pub fn to_path(path: &Path, content: &[u8], inputs: &[PathBuf]) -> crate::Result<()> {
    let canon_out = std::fs::canonicalize(path).ok();
    for inp in inputs {
        if let (Some(o), Ok(i)) = (&canon_out, std::fs::canonicalize(inp)) {
            if *o == i {
                return Err(Error::usage(format!(
                    "refusing to write output to {}: it is one of the input files",
                    path.display()
                )));
            }
        }
    }
    let target = final_target(path)?;
    let meta = match std::fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, e)),
    };
    match meta {
        None => replace_atomically(&target, content, None).map_err(|e| Error::io(path, e)),
        Some(m) if m.is_file() => {
            replace_atomically(&target, content, Some(m.permissions())).map_err(|e| Error::io(path, e))
        }
        Some(m) if m.is_dir() => Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory; give the output a file name",
            ),
        )),
        Some(m) => {
            use std::os::unix::fs::FileTypeExt;
            let ft = m.file_type();
            if ft.is_char_device() || ft.is_fifo() {
                write_in_place(&target, content).map_err(|e| Error::io(path, e))
            } else {
                let what = if ft.is_socket() {
                    "a socket"
                } else if ft.is_block_device() {
                    "a block device"
                } else {
                    "not a regular file"
                };
                Err(Error::usage(format!(
                    "refusing to write output to {}: it is {what}",
                    path.display()
                )))
            }
        }
    }
}

/// Open an existing device or FIFO for writing (never creating or truncating a file) and
/// write everything to it.
fn write_in_place(target: &Path, content: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).open(target)?;
    f.write_all(content)?;
    f.flush()
}

/// Write to a temporary file in the target's folder, sync it, and rename it over `target`.
/// The temporary file is removed when anything fails; `target` is then untouched.
fn replace_atomically(target: &Path, content: &[u8], perms: Option<std::fs::Permissions>) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let res = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(content)?;
            if let Some(p) = perms {
                f.set_permissions(p)?;
            }
            f.sync_all()
        })
        .and_then(|_| std::fs::rename(&tmp, target));
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlink_target_is_replaced_and_link_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        to_path(&link, b"new", &[]).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        // A dangling link: its target is created.
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
        to_path(&dangling, b"x", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("made.txt")).unwrap(), "x");
        // A loop is refused.
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(to_path(&a, b"x", &[])
            .unwrap_err()
            .to_string()
            .contains("symbolic links"));
    }

    #[test]
    fn devices_are_written_not_replaced_and_dirs_refused() {
        to_path(Path::new("/dev/null"), b"nothing", &[]).unwrap();
        let m = std::fs::symlink_metadata("/dev/null").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(m.file_type().is_char_device());
        let dir = tempfile::tempdir().unwrap();
        let e = to_path(dir.path(), b"x", &[]).unwrap_err();
        assert!(e.is_io() && e.to_string().contains("is a directory"), "{e}");
    }

    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("out.yaml");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
        to_path(&f, b"new", &[]).unwrap();
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "new");
    }
}

/// What `build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The YAML timeline (`schema: tempograph/1`).
    Yaml,
    /// The same timeline as JSON (what `render --format json` writes).
    Json,
    /// A table of the ordered events with their dates and derivations, for reading.
    #[value(name = "text", alias = "table")]
    Table,
}

impl Format {
    /// The timeline written in this format (`all`: the table lists the unlisted events too).
    pub fn write(self, t: &crate::timeline::Timeline, all: bool) -> tempograph_core::error::Result<String> {
        match self {
            Format::Yaml => t.to_yaml(),
            Format::Json => tempograph_render::render(t, tempograph_render::Format::Json),
            Format::Table => Ok(tempograph_render::table_with(t, all)),
        }
    }
}

/// The folder relative paths in a timeline are written against: that of `-o OUT`, else the
/// working directory.
pub fn base(output: Option<&Path>) -> Option<PathBuf> {
    match output {
        Some(o) => o.parent().map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        }),
        None => Some(PathBuf::from(".")),
    }
}
