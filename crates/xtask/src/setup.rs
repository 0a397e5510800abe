//! Installs what building and testing the page needs when it is missing: the wasm32 target,
//! the toolchain `wasm-pack.toml` builds the module with (its `rust-src` and wasm32 target),
//! wasm-bindgen-cli at exactly the version in Cargo.lock, wasm-pack, the npm packages of
//! `web/` (esbuild, CodeMirror, wasm-opt from binaryen, playwright-core) and Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, run, workspace_root};

/// Output of a command, or `None` when it cannot start or fails.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Puts cargo's install folder and `web/node_modules/.bin` in front of PATH, so the tools
/// installed here (and wasm-opt from npm, not an older system one) are the ones found.
pub fn set_path() {
    let mut dirs: Vec<PathBuf> = vec![workspace_root().join("web/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        std::env::set_var("PATH", joined);
    }
}

/// Whether `rustup` lists `item` (a line of its output, up to a space) for `args`.
fn rustup_lists(args: &[&str], item: &str) -> bool {
    output_of("rustup", args)
        .unwrap_or_default()
        .lines()
        .any(|l| l.split_whitespace().next() == Some(item))
}

/// The rustup toolchain `toolchain` (such as `nightly`) with the standard library's source
/// (for `-Zbuild-std`) and the wasm32 target, installing what is missing.
pub fn ensure_toolchain(toolchain: &str) -> Result<(), String> {
    let installed = output_of("rustup", &["toolchain", "list"]).unwrap_or_default();
    let known = installed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .any(|listed| is_toolchain(listed, toolchain));
    if !known {
        let mut cmd = Command::new("rustup");
        cmd.args(["toolchain", "install", toolchain, "--profile", "minimal"]);
        run(cmd)?;
    }
    if !rustup_lists(
        &["component", "list", "--installed", "--toolchain", toolchain],
        "rust-src",
    ) {
        let mut cmd = Command::new("rustup");
        cmd.args(["component", "add", "rust-src", "--toolchain", toolchain]);
        run(cmd)?;
    }
    if !rustup_lists(
        &["target", "list", "--installed", "--toolchain", toolchain],
        "wasm32-unknown-unknown",
    ) {
        let mut cmd = Command::new("rustup");
        cmd.args([
            "target",
            "add",
            "wasm32-unknown-unknown",
            "--toolchain",
            toolchain,
        ]);
        run(cmd)?;
    }
    Ok(())
}

/// Whether `listed`, a name `rustup toolchain list` prints (`nightly-x86_64-unknown-linux-gnu`),
/// is the toolchain `wanted` (`nightly`, or a dated `nightly-2026-05-19`) for this host.
fn is_toolchain(listed: &str, wanted: &str) -> bool {
    match listed.strip_prefix(wanted) {
        Some("") => true,
        // What follows is the host triple, not more of a date or version.
        Some(rest) => rest.starts_with('-') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()),
        None => false,
    }
}

/// The version of `name` recorded in Cargo.lock.
fn locked_version(name: &str) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Lock {
        package: Vec<Package>,
    }
    #[derive(serde::Deserialize)]
    struct Package {
        name: String,
        version: String,
    }
    let path = workspace_root().join("Cargo.lock");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let lock: Lock = toml::from_str(&text).map_err(|e| format!("Cargo.lock: {e}"))?;
    lock.package
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.version)
        .ok_or_else(|| format!("Cargo.lock has no `{name}`"))
}

/// Everything `cargo xtask build` needs.
pub fn ensure_page_tools() -> Result<(), String> {
    set_path();
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        let mut cmd = Command::new("rustup");
        cmd.args(["target", "add", "wasm32-unknown-unknown"]);
        run(cmd)?;
    }

    let wanted = locked_version("wasm-bindgen")?;
    let have = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(wanted.as_str()) {
        eprintln!(
            "xtask: wasm-bindgen-cli {wanted} is needed (found: {})",
            have.trim()
        );
        let mut cmd = cargo();
        cmd.args(["install", "wasm-bindgen-cli", "--version", &wanted]);
        run(cmd)?;
    }

    if output_of("wasm-pack", &["--version"]).is_none() {
        let mut cmd = cargo();
        cmd.args(["install", "wasm-pack"]);
        run(cmd)?;
    }

    ensure_npm_packages(&workspace_root().join("web"))
}

/// `npm ci` in `web/` unless node_modules already matches package-lock.json.
fn ensure_npm_packages(web: &Path) -> Result<(), String> {
    if output_of("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    let lock = web.join("package-lock.json");
    let installed = web.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&lock), modified(&installed)) {
        (Some(l), Some(i)) => i >= l,
        _ => false,
    };
    if !fresh {
        let mut cmd = Command::new("npm");
        cmd.args(["ci", "--no-audit", "--no-fund"]).current_dir(web);
        run(cmd)?;
    }
    Ok(())
}

/// The Chromium the browser tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Installs Debian's Chromium when it is missing.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    apt_install(&["chromium"])
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let mut update = Command::new("apt-get");
    update.arg("update");
    run(update)?;
    let mut install = Command::new("apt-get");
    install
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive");
    run(install)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolchain_names_match_with_their_host() {
        assert!(is_toolchain("nightly-x86_64-unknown-linux-gnu", "nightly"));
        assert!(is_toolchain("nightly", "nightly"));
        assert!(!is_toolchain(
            "nightly-2026-05-19-x86_64-unknown-linux-gnu",
            "nightly"
        ));
        assert!(is_toolchain(
            "nightly-2026-05-19-x86_64-unknown-linux-gnu",
            "nightly-2026-05-19"
        ));
        assert!(!is_toolchain("stable-x86_64-unknown-linux-gnu", "nightly"));
    }

    #[test]
    fn finds_the_locked_wasm_bindgen_version() {
        let v = locked_version("wasm-bindgen").unwrap();
        let parts: Vec<&str> = v.split('.').collect();
        assert_eq!(parts.len(), 3, "{v} is a full version");
        assert!(parts.iter().all(|p| p.parse::<u32>().is_ok()), "{v}");
        assert!(locked_version("no-such-crate-here").is_err());
    }
}
