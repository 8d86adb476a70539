//! Output files: written atomically (temporary file + rename), never over an input, and a
//! clear error when the path cannot be written.

use std::path::Path;
use tempograph_cli::write_output;

fn leftovers(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    v.sort();
    v
}

#[test]
fn writes_and_replaces_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.yaml");
    write_output(Some(&out), "first\n", &[]).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "first\n");
    write_output(Some(&out), "second\n", &[]).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "second\n");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn refuses_to_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    std::fs::write(&input, "12/17/14 Sony\n").unwrap();
    let inputs = vec![dir.path().join("other.txt"), input.clone()];
    // The same file by its own name, through `..`, and through a symlink.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let link = dir.path().join("link.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, &link).unwrap();
    for out in [input.clone(), sub.join("..").join("article.txt"), link] {
        if !out.exists() {
            continue;
        }
        let e = write_output(Some(&out), "clobbered", &inputs).unwrap_err();
        assert!(e.is_usage(), "{e}");
        assert!(e.to_string().contains("it is one of the input files"), "{e}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "12/17/14 Sony\n");
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn unwritable_destinations_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist.
    let missing = dir.path().join("no/such/folder/out.yaml");
    let e = write_output(Some(&missing), "x", &[]).unwrap_err();
    assert!(e.is_io(), "{e}");
    assert!(e.to_string().starts_with(&missing.display().to_string()), "{e}");
    // A path that is an existing folder: the rename fails and the temporary file is removed.
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let e = write_output(Some(&folder), "x", &[]).unwrap_err();
    assert!(e.is_io(), "{e}");
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
    assert!(folder.is_dir());
    // A path below a regular file.
    let file = dir.path().join("file");
    std::fs::write(&file, "keep").unwrap();
    assert!(write_output(Some(&file.join("out.yaml")), "x", &[])
        .unwrap_err()
        .is_io());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
    // The root folder's "file name" does not exist.
    assert!(write_output(Some(Path::new("/")), "x", &[]).is_err());
}

#[cfg(target_os = "linux")]
#[test]
fn a_pseudo_file_system_is_an_error() {
    // Even as root, no temporary file can be created in /proc.
    let e = write_output(Some(Path::new("/proc/version")), "x", &[]).unwrap_err();
    assert!(e.is_io(), "{e}");
}
