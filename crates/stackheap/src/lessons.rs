//! The example programs that teach the chapter, built into the engine so that the CLI's
//! tests, the snapshot tests and the page all use the same files (`lessons/*.rs`). Each file
//! starts with `// title:` and `// teaches:` comment lines.

/// One example program.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Lesson {
    /// File name without `.rs`.
    pub name: &'static str,
    pub title: &'static str,
    /// One line on what it teaches.
    pub teaches: &'static str,
    pub source: &'static str,
}

macro_rules! lessons {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../lessons/", $name, ".rs")))),*]
    };
}

const FILES: &[(&str, &str)] = lessons![
    "heap_years",
    "stack_arguments",
    "build_and_return",
    "push_relocates",
    "with_capacity",
    "recursion",
    "two_calls",
    "stack_overflow",
    "manual_dealloc_at_end",
    "manual_dealloc_after_last_use",
    "manual_dealloc_too_early",
    "manual_dealloc_too_early_unchecked",
    "manual_double_free",
    "manual_double_free_unchecked",
    "manual_leak",
    "struct_padding",
    "struct_owns_vecs",
    "linked_list",
];

fn header<'a>(source: &'a str, key: &str) -> &'a str {
    source
        .lines()
        .take_while(|l| l.starts_with("//"))
        .find_map(|l| {
            l.strip_prefix("//")
                .map(str::trim)
                .and_then(|l| l.strip_prefix(key))
        })
        .map(str::trim)
        .unwrap_or("")
}

/// Every example program, in teaching order.
pub fn all() -> Vec<Lesson> {
    FILES
        .iter()
        .map(|(name, source)| Lesson {
            name,
            title: header(source, "title:"),
            teaches: header(source, "teaches:"),
            source,
        })
        .collect()
}

/// The example called `name`.
pub fn get(name: &str) -> Option<Lesson> {
    all().into_iter().find(|l| l.name == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_lesson_has_a_title_and_a_description() {
        for l in super::all() {
            assert!(!l.title.is_empty(), "{} has no title", l.name);
            assert!(!l.teaches.is_empty(), "{} has no description", l.name);
        }
    }
}
