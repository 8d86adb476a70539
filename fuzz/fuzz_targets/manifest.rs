//! Hostile manifests (`sources.yaml`) loaded from a real folder that also holds the traps a
//! manifest can point at: a file outside the folder, a symbolic link leading out, a link to
//! `/dev/zero`, a FIFO, a folder, a huge-looking name.
//!
//! Checked beyond "no panic" (and beyond not hanging on the FIFO or reading `/dev/zero`):
//! - without `allow_outside`, every document loaded is a regular file inside the folder;
//! - every error names a path (the manifest or an entry's file);
//! - a date that loads is a real day, four-digit year.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tempograph_timeline::document::{load_manifest_with, ManifestOptions};

/// `ROOT/outside.txt`, `ROOT/m/{a.txt, b.txt, sub/c.txt, link.txt -> ../outside.txt,
/// zero -> /dev/zero, fifo, dir/}`; manifests are written to `ROOT/m/sources.yaml`.
fn folder() -> &'static (PathBuf, PathBuf) {
    static DIR: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("tempograph-fuzz-manifest-{}", std::process::id()));
        let m = root.join("m");
        std::fs::create_dir_all(m.join("sub")).unwrap();
        std::fs::create_dir_all(m.join("dir")).unwrap();
        std::fs::write(root.join("outside.txt"), "Dec. 17, 2014\nA secret outside.\n").unwrap();
        std::fs::write(m.join("a.txt"), "12/17/14\nSony canceled the release on Wednesday.\n").unwrap();
        std::fs::write(m.join("b.txt"), "No dateline here, only next week.\n").unwrap();
        std::fs::write(m.join("sub/c.txt"), "2014-12-18\nyesterday\n").unwrap();
        let _ = std::os::unix::fs::symlink("../outside.txt", m.join("link.txt"));
        let _ = std::os::unix::fs::symlink("/dev/zero", m.join("zero"));
        let _ = std::process::Command::new("mkfifo").arg(m.join("fifo")).status();
        (root, m)
    })
}

fuzz_target!(|data: &[u8]| {
    let (_, m) = folder();
    let manifest = m.join("sources.yaml");
    if std::fs::write(&manifest, data).is_err() {
        return;
    }
    let inside = std::fs::canonicalize(m).unwrap();
    for allow_outside in [false, true] {
        let opts = ManifestOptions { allow_outside };
        let Ok((docs, errors)) = load_manifest_with(&manifest, None, &opts) else {
            continue;
        };
        for d in &docs {
            let real = std::fs::canonicalize(&d.path).expect("a loaded document exists");
            assert!(std::fs::metadata(&real).unwrap().is_file(), "{} is not a regular file", real.display());
            if !allow_outside {
                assert!(real.starts_with(&inside), "{} was read from outside {}", real.display(), inside.display());
            }
            let s = d.dct.format("%Y-%m-%d").to_string();
            assert_eq!(s.len(), 10, "{s}");
        }
        for e in &errors {
            let loc = e.location().expect("an entry's error names a file");
            assert!(loc.path != Path::new(""), "{e}");
        }
    }
});
