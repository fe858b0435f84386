//! Words that agree: every Vietnamese text the program shows or prints
//! (`src/i18n/`) and every guide (`docs/`, the README) places tones the
//! old way, as the rest of chitra does ("hòa", "xóa", "thủy", "khỏe"; not
//! "hoà", "xoá", "thuỷ", "khoẻ"), and says "đã mất" of a person who died,
//! never "đã chết".

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "md")) {
            out.push(path);
        }
    }
}

/// A word whose tone sits on the second vowel of "oa", "oe" or "uy" with
/// nothing after it: the new style ("hoà"). After "q" the "u" belongs to
/// the consonant, so "quỹ" and "quý" are right.
fn new_style(word: &str) -> bool {
    let lower = word.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let n = chars.len();
    if n < 2 || lower.starts_with("qu") {
        return false;
    }
    let (first, last) = (chars[n - 2], chars[n - 1]);
    (first == 'o' && "áàảãạéèẻẽẹ".contains(last)) || (first == 'u' && "ýỳỷỹỵ".contains(last))
}

#[test]
fn tones_are_placed_the_old_way_and_the_dead_are_da_mat() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src/i18n"), &mut all);
    files(&root.join("docs"), &mut all);
    all.push(root.join("README.md"));
    assert!(all.len() > 20, "the texts were found: {}", all.len());
    let mut wrong = Vec::new();
    for path in &all {
        let text = std::fs::read_to_string(path).unwrap();
        for (i, line) in text.lines().enumerate() {
            // A line that names the wrong forms on purpose, to forbid them.
            if line.contains("wrong") {
                continue;
            }
            for word in line.split(|c: char| !c.is_alphanumeric()) {
                if new_style(word) {
                    wrong.push(format!("{}:{}: {word}", path.display(), i + 1));
                }
            }
            if line.to_lowercase().contains("đã chết") {
                wrong.push(format!("{}:{}: đã chết", path.display(), i + 1));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The check itself tells the two styles apart.
    assert!(new_style("hoà") && new_style("Thuỷ") && new_style("khoẻ"));
    assert!(!new_style("hòa") && !new_style("quỹ") && !new_style("hoàn"));
}
