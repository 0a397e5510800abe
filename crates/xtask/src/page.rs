//! Building, serving, testing and measuring the page: wasm-pack with the settings in
//! `wasm-pack.toml`, wasm-opt, the esbuild bundle (`web/build.mjs`) into `web/dist`, a static
//! file server on 127.0.0.1 (tiny_http), and the browser tests and size/speed report.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::thread;

use serde::Deserialize;

use crate::{run, setup, workspace_root};

/// `wasm-pack.toml`.
#[derive(Deserialize)]
pub(crate) struct WasmPackToml {
    pub(crate) build: BuildSection,
    #[serde(rename = "wasm-opt")]
    wasm_opt: WasmOptSection,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct BuildSection {
    #[serde(rename = "crate")]
    krate: String,
    target: String,
    out_dir: String,
    out_name: String,
    profile: String,
    typescript: bool,
    /// The rustup toolchain to build with.
    pub(crate) toolchain: String,
    /// Passed on to `cargo build`.
    cargo_args: Vec<String>,
}

#[derive(Deserialize)]
struct WasmOptSection {
    enabled: bool,
    flags: Vec<String>,
}

pub(crate) fn read_config() -> Result<WasmPackToml, String> {
    let path = workspace_root().join("wasm-pack.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("wasm-pack.toml: {e}"))
}

/// Builds the WebAssembly module as `wasm-pack.toml` says, then optimises it with wasm-opt
/// (from npm's binaryen: wasm-pack's own wasm-opt download is not used).
fn build_wasm() -> Result<(), String> {
    let config = read_config()?;
    setup::ensure_toolchain(&config.build.toolchain)?;
    let root = workspace_root();
    let b = &config.build;
    let out_dir = root.join(&b.out_dir);
    let mut cmd = Command::new("wasm-pack");
    cmd.current_dir(&root)
        .env("RUSTUP_TOOLCHAIN", &b.toolchain)
        .arg("build")
        .arg(root.join(&b.krate))
        .args(["--target", &b.target, "--out-name", &b.out_name, "--no-opt"])
        .arg("--out-dir")
        .arg(&out_dir)
        .args(match b.profile.as_str() {
            "release" => vec!["--release"],
            "dev" => vec!["--dev"],
            "profiling" => vec!["--profiling"],
            custom => vec!["--profile", custom],
        });
    if !b.typescript {
        cmd.arg("--no-typescript");
    }
    if !b.cargo_args.is_empty() {
        cmd.arg("--").args(&b.cargo_args);
    }
    run(cmd)?;
    if config.wasm_opt.enabled {
        let wasm = out_dir.join(format!("{}_bg.wasm", b.out_name));
        let mut cmd = Command::new("wasm-opt");
        cmd.args(&config.wasm_opt.flags)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm);
        run(cmd)?;
    }
    Ok(())
}

/// The example programs as the page loads them: `[{name, title, teaches, source}]`, in
/// teaching order, from the engine's lessons (the same files its tests and the CLI use),
/// so that their text is not part of the WebAssembly module.
fn lessons_json() -> String {
    serde_json::to_string(&stackheap::lessons::all()).expect("lessons serialise")
}

/// Writes `lessons.json` into the module's output folder, next to the module.
fn write_lessons() -> Result<(), String> {
    let config = read_config()?;
    let path = workspace_root()
        .join(&config.build.out_dir)
        .join("lessons.json");
    std::fs::write(&path, lessons_json()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Installs what is missing and builds the static page; returns its folder.
pub fn build() -> Result<PathBuf, String> {
    setup::ensure_page_tools()?;
    build_wasm()?;
    write_lessons()?;
    let web = workspace_root().join("web");
    let mut cmd = Command::new("node");
    cmd.arg("build.mjs").current_dir(&web);
    run(cmd)?;
    Ok(web.join("dist"))
}

pub fn build_and_serve(port: u16) -> Result<(), String> {
    let dist = build()?;
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("stackheap playground: http://127.0.0.1:{port}/  (Ctrl-C stops it)");
    serve(server, dist);
    Ok(())
}

/// Starts a server on a free port in a background thread; returns its base URL.
fn serve_in_background(dist: PathBuf) -> Result<String, String> {
    let server = tiny_http::Server::http("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or("the server has no IP address")?;
    thread::spawn(move || serve(server, dist));
    Ok(format!("http://127.0.0.1:{port}/"))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file under `dist`, refusing anything that climbs out of it.
fn resolve(dist: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = dist.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn serve(server: tiny_http::Server, dist: PathBuf) {
    for request in server.incoming_requests() {
        let response = match resolve(&dist, request.url())
            .and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)))
        {
            Some((file, bytes)) => {
                let header =
                    tiny_http::Header::from_bytes("Content-Type", content_type(&file)).unwrap();
                let no_cache = tiny_http::Header::from_bytes("Cache-Control", "no-cache").unwrap();
                tiny_http::Response::from_data(bytes)
                    .with_header(header)
                    .with_header(no_cache)
                    .boxed()
            }
            None => tiny_http::Response::from_string("not found")
                .with_status_code(404)
                .boxed(),
        };
        let _ = request.respond(response);
    }
}

/// The facade's wasm-bindgen tests, under node.
pub fn test_facade() -> Result<(), String> {
    let mut cmd = Command::new("wasm-pack");
    cmd.current_dir(workspace_root())
        .args(["test", "--node", "crates/stackheap-wasm"]);
    run(cmd)
}

/// Builds the page, serves it and runs the browser tests (`web/tests/*.test.mjs`) against it.
pub fn test_browser() -> Result<(), String> {
    let dist = build()?;
    let url = serve_in_background(dist)?;
    let web = workspace_root().join("web");
    let mut cmd = Command::new("node");
    cmd.current_dir(&web)
        .args(["--test", "--test-concurrency=1", "tests/"])
        .env("STACKHEAP_URL", &url)
        .env("CHROMIUM", setup::CHROMIUM);
    run(cmd)
}

fn gzipped_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory").len()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files_under(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// Prints the page's gzipped sizes and the step and edit timings measured in Chromium.
pub fn report() -> Result<(), String> {
    setup::ensure_browser()?;
    let dist = build()?;
    let mut files = Vec::new();
    files_under(&dist, &mut files);
    let mut total = 0;
    let mut wasm = 0;
    for f in &files {
        let bytes = std::fs::read(f).map_err(|e| e.to_string())?;
        let g = gzipped_len(&bytes);
        total += g;
        if f.extension().is_some_and(|e| e == "wasm") {
            wasm += g;
        }
    }
    let kb = |n: usize| n as f64 / 1024.0;
    println!("size (gzipped)");
    println!("  wasm module     {:7.1} KB   budget 150 KB", kb(wasm));
    println!("  whole page      {:7.1} KB   budget 400 KB", kb(total));
    let url = serve_in_background(dist)?;
    let mut cmd = Command::new("node");
    cmd.current_dir(workspace_root().join("web"))
        .arg("tests/report.mjs")
        .env("STACKHEAP_URL", &url)
        .env("CHROMIUM", setup::CHROMIUM);
    run(cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_dist() {
        let dist = workspace_root().join("crates");
        assert_eq!(
            resolve(&dist, "/xtask/Cargo.toml?x=1"),
            Some(dist.join("xtask/Cargo.toml"))
        );
        assert_eq!(resolve(&dist, "/../Cargo.toml"), None);
        assert_eq!(resolve(&dist, "/nope.txt"), None);
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(
            content_type(Path::new("a/stackheap_bg.wasm")),
            "application/wasm"
        );
        assert!(content_type(Path::new("index.html")).starts_with("text/html"));
    }

    #[test]
    fn config_file_parses() {
        let c = read_config().unwrap();
        assert_eq!(c.build.target, "web");
        assert_eq!(c.build.krate, "crates/stackheap-wasm");
        assert!(c.wasm_opt.enabled);
        assert!(!c.build.toolchain.is_empty());
        assert!(c
            .build
            .cargo_args
            .iter()
            .any(|a| a.starts_with("-Zbuild-std=")));
    }

    #[test]
    fn lessons_json_has_titles_and_sources() {
        let list: Vec<serde_json::Value> = serde_json::from_str(&lessons_json()).unwrap();
        assert!(list.len() >= 7);
        assert_eq!(list[0]["name"], "heap_years", "teaching order");
        for l in &list {
            for key in ["name", "title", "teaches"] {
                assert!(!l[key].as_str().unwrap().is_empty(), "{key} of {l}");
            }
            assert!(l["source"].as_str().unwrap().contains("fn main"));
        }
    }

    #[test]
    fn gzip_shrinks_repetition() {
        assert!(gzipped_len(&[0u8; 10000]) < 100);
    }
}
