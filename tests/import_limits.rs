//! Hostile list files, made at test time, imported by the real `chitra`
//! binary: each is refused (exit code 2, one JSON object naming the row,
//! the column and the limit) — never a crash — and the process stays under
//! 200 MB of memory, read from the kernel for that one child (`wait4`).
//!
//! The files are small on disk: the zip bombs are a few MB that unpack to
//! gigabytes; the text files are written in a moment.
#![allow(
    unsafe_code,
    reason = "a child's memory limit and its usage are read through libc"
)]

use crate::common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{SUPERVISOR, config_in};

/// Peak memory allowed to one import, in bytes.
const MEMORY_LIMIT: u64 = 200 * 1024 * 1024;

/// A new office made by `chitra init`, in a temporary folder.
struct Office {
    dir: tempfile::TempDir,
    config: PathBuf,
}

fn office() -> Office {
    let dir = tempfile::tempdir().unwrap();
    config_in(dir.path(), (1, 31));
    let config = dir.path().join("chitra.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_chitra"))
        .arg("--config")
        .arg(&config)
        .args(["init", "--supervisor", SUPERVISOR.0])
        .env("CHITRA_NEW_PIN", SUPERVISOR.1)
        .env_remove("CHITRA_DB")
        .env_remove("CHITRA_CONFIG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Office { dir, config }
}

/// What one import did.
struct Outcome {
    code: i32,
    json: serde_json::Value,
    stderr: String,
    peak: u64,
}

impl Outcome {
    /// The reason of the first rejection.
    fn reason(&self) -> &str {
        self.json["rejected"][0]["reason"]
            .as_str()
            .unwrap_or_default()
    }

    /// Refused with exit code 2, the reason holding every one of `words`,
    /// under the memory limit.
    fn refused_with(&self, words: &[&str]) {
        assert_eq!(self.code, 2, "stdout {}\nstderr {}", self.json, self.stderr);
        assert_eq!(self.json["committed"], false);
        for w in words {
            assert!(
                self.reason().contains(w),
                "{w:?} not in {:?}",
                self.reason()
            );
        }
        self.small();
    }

    fn small(&self) {
        assert!(
            self.peak < MEMORY_LIMIT,
            "peak memory {:.1} MB",
            self.peak as f64 / 1e6
        );
    }
}

impl Office {
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `chitra import FILE --dry-run --json` as the supervisor, its peak
    /// memory taken from the kernel when it is reaped.
    fn import(&self, file: &Path) -> Outcome {
        use std::os::unix::process::CommandExt;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_chitra"));
        cmd.arg("--config")
            .arg(&self.config)
            .arg("import")
            .arg(file)
            .args(["--period", "2026-11", "--dry-run", "--json"])
            .env("CHITRA_USER", SUPERVISOR.0)
            .env("CHITRA_PIN", SUPERVISOR.1)
            .env_remove("CHITRA_DB")
            .env_remove("CHITRA_CONFIG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // A backstop for a shared machine: a reader gone wrong fails the
        // test (an allocation refused) instead of eating gigabytes.
        // SAFETY: only setrlimit, which is async-signal-safe, runs in the child.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 2 << 30,
                    rlim_max: 2 << 30,
                };
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                Ok(())
            });
        }
        // Reaped below with wait4, which also gives its peak memory.
        #[allow(clippy::zombie_processes)]
        let mut child = cmd.spawn().unwrap();
        let mut err = child.stderr.take().unwrap();
        let errors = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            s
        });
        let mut stdout = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
        let mut status = 0;
        // SAFETY: rusage is a plain C struct; all zeroes is valid.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits for our own child and fills structs we own.
        let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
        assert_eq!(pid, child.id() as i32);
        let code = if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            128 + libc::WTERMSIG(status)
        };
        Outcome {
            code,
            json: serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null),
            stderr: errors.join().unwrap(),
            // ru_maxrss is in KiB on Linux.
            peak: usage.ru_maxrss as u64 * 1024,
        }
    }
}

const TITLE: &str = "DANH SÁCH CHI TRẢ TRỢ CẤP THÁNG 11 NĂM 2026";
const HEADER: &str = "STT;Mã đối tượng;Họ và tên;Số CCCD/CMND;Thôn;Trợ cấp";

/// A list of `n` people as CSV text (title, header, rows from row 3).
fn csv_rows(n: usize) -> String {
    let mut s = format!("{TITLE}\n{HEADER}\n");
    for i in 0..n {
        s.push_str(&format!(
            "{};HD-{i:05};Nguyễn Văn An;0460480{i:05};Thôn Đông;2.789.000\n",
            i + 1
        ));
    }
    s
}

// ---------------------------------------------------------------- xlsx ----

/// A zip written by hand, so that a part can declare any size: each part
/// is (name, raw deflate data or stored bytes, deflated?, declared size,
/// CRC-32 of the unpacked bytes).
fn zip(parts: &[(&str, Vec<u8>, bool, u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, deflated, declared, crc) in parts {
        let method: u16 = if *deflated { 8 } else { 0 };
        let offset = out.len() as u32;
        let mut local = Vec::new();
        local.extend(0x0403_4b50u32.to_le_bytes());
        local.extend([20, 0, 0, 0]);
        local.extend(method.to_le_bytes());
        local.extend([0; 4]);
        local.extend(crc.to_le_bytes());
        local.extend((data.len() as u32).to_le_bytes());
        local.extend(declared.to_le_bytes());
        local.extend((name.len() as u16).to_le_bytes());
        local.extend([0, 0]);
        out.extend(&local);
        out.extend(name.as_bytes());
        out.extend(data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend([20, 0]);
        central.extend(&local[4..28]);
        central.extend([0; 12]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend([0, 0]);
    out
}

/// Raw deflate of `head`, then `repeat` times `chunk`, then `tail`, without
/// compressing the repeats one by one: `chunk` is compressed once and its
/// blocks copied (each piece comes from a fresh compressor, so it refers to
/// nothing before it).
fn deflate_repeated(head: &[u8], chunk: &[u8], repeat: usize, tail: &[u8]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let piece = |data: &[u8], last: bool| {
        let mut c = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(data.len() / 2 + 1024);
        let flush = if last {
            FlushCompress::Finish
        } else {
            FlushCompress::Sync
        };
        c.compress_vec(data, &mut out, flush).unwrap();
        out
    };
    let mut out = piece(head, false);
    let block = piece(chunk, false);
    for _ in 0..repeat {
        out.extend(&block);
    }
    out.extend(piece(tail, true));
    out
}

fn deflate(data: &[u8]) -> Vec<u8> {
    deflate_repeated(data, b"", 0, b"")
}

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

fn crc32(data: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(data);
    crc.sum()
}

/// An xlsx whose sheet and shared strings are given as raw deflate data
/// with the sizes they declare. Their CRC is left 0: every test refuses
/// them before their end, where it would be checked.
fn xlsx(sheet: (Vec<u8>, u32), shared: Option<(Vec<u8>, u32)>) -> Vec<u8> {
    let small = |s: &str| (deflate(s.as_bytes()), s.len() as u32, crc32(s.as_bytes()));
    let mut parts = vec![
        ("_rels/.rels", small(RELS)),
        ("xl/workbook.xml", small(WORKBOOK)),
        ("xl/_rels/workbook.xml.rels", small(WORKBOOK_RELS)),
        ("xl/worksheets/sheet1.xml", (sheet.0, sheet.1, 0)),
    ];
    if let Some(s) = shared {
        parts.push(("xl/sharedStrings.xml", (s.0, s.1, 0)));
    }
    let parts: Vec<_> = parts
        .into_iter()
        .map(|(n, (data, size, crc))| (n, data, true, size, crc))
        .collect();
    zip(&parts)
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";

#[test]
fn a_2_kb_xlsx_with_one_cell_at_xfd1048576_is_refused_by_its_column() {
    let o = office();
    let path = o.dir.path().join("xfd.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, TITLE).unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
    o.import(&path)
        .refused_with(&["dòng 1.048.576, cột XFD", "quá giới hạn 256 cột", "Hãy"]);
}

/// 3 GB of the letter "a" inside one cell's text, deflated to ~3 MB.
fn bomb_sheet() -> Vec<u8> {
    let head = format!(r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>"#);
    deflate_repeated(
        head.as_bytes(),
        &vec![b'a'; 1 << 20],
        3 * 1024,
        format!("</t></is></c></row>{SHEET_TAIL}").as_bytes(),
    )
}

#[test]
fn a_zip_bomb_is_refused_whatever_size_it_declares() {
    let o = office();
    let sheet = bomb_sheet();
    assert!(sheet.len() < 8 << 20, "{} bytes", sheet.len());
    // Declared honestly (3 GB): refused before a byte is unpacked.
    let honest = o.write("bomb_3gb.xlsx", &xlsx((sheet.clone(), 3_221_225_600), None));
    o.import(&honest)
        .refused_with(&["sheet1.xml", "giải nén lớn hơn 1 GB"]);
    // Declared small: refused as soon as it unpacks to more than it says.
    let liar = o.write("bomb_10kb.xlsx", &xlsx((sheet.clone(), 10_000), None));
    o.import(&liar).refused_with(&["không đọc được", "bị hỏng"]);
    // Declared just under the limit: the cell's text is refused long before.
    let near = o.write("bomb_1gb.xlsx", &xlsx((sheet, (1 << 30) - 1), None));
    o.import(&near)
        .refused_with(&["sheet1.xml", "dài hơn 256 KB"]);
}

#[test]
fn a_shared_strings_bomb_is_refused_by_its_size_or_the_size_of_its_text() {
    let o = office();
    let sheet = format!(r#"{SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>{SHEET_TAIL}"#);
    let one = format!("<si><t>{}</t></si>", "a".repeat(30_000));
    // 100 000 texts of 30 000 letters: 3 GB unpacked.
    let shared = deflate_repeated(
        br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        one.as_bytes(),
        100_000,
        b"</sst>",
    );
    assert!(shared.len() < 8 << 20, "{} bytes", shared.len());
    let sheet = (deflate(sheet.as_bytes()), sheet.len() as u32);
    let honest = (100_000 * one.len() + 200) as u32;
    let path = o.write(
        "sst_3gb.xlsx",
        &xlsx(sheet.clone(), Some((shared.clone(), honest))),
    );
    o.import(&path)
        .refused_with(&["sharedStrings.xml", "giải nén lớn hơn 512 MB"]);
    // Declared under its limit: the texts kept are counted as they come.
    let path = o.write("sst_lie.xlsx", &xlsx(sheet, Some((shared, 500 << 20))));
    o.import(&path)
        .refused_with(&["hơn 64 MB chữ", "hãy kiểm tra"]);
}

#[test]
fn an_xlsx_row_past_excels_last_is_refused() {
    let o = office();
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>{TITLE}</t></is></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row>{SHEET_TAIL}"#
    );
    let path = o.write(
        "rows.xlsx",
        &xlsx((deflate(sheet.as_bytes()), sheet.len() as u32), None),
    );
    o.import(&path)
        .refused_with(&["hơn 1.048.576 dòng", "dòng 1.048.577"]);
}

// ----------------------------------------------------------------- csv ----

#[test]
fn a_name_of_50_mb_in_csv_is_refused_naming_its_cell() {
    let o = office();
    // Written and dropped before the import: a child forked from this
    // process counts the parent's memory until it runs chitra.
    let path = {
        let mut list = csv_rows(5).into_bytes();
        list.extend(b"6;HD-99999;");
        list.extend(std::iter::repeat_n(b'A', 50 << 20));
        list.extend(";046048099999;Thôn Đông;2.789.000\n".as_bytes());
        o.write("ten_50mb.csv", &list)
    };
    o.import(&path)
        .refused_with(&["dòng 8, cột C", "dài hơn 32.767 ký tự", "Hãy sửa"]);
}

#[test]
fn a_row_of_a_million_columns_is_refused() {
    let o = office();
    let mut list = csv_rows(3).into_bytes();
    list.extend("x;".repeat(1_000_000).as_bytes());
    list.push(b'\n');
    let path = o.write("cot.csv", &list);
    o.import(&path)
        .refused_with(&["dòng 6", "quá giới hạn 256 cột"]);
}

#[test]
fn a_huge_cell_and_a_huge_row_are_refused() {
    let o = office();
    let mut list = csv_rows(2);
    list.push_str(&format!(
        "3;HD-3;An;046048000003;{};1\n",
        "Đ".repeat(40_000)
    ));
    let path = o.write("o.csv", list.as_bytes());
    o.import(&path)
        .refused_with(&["dòng 5, cột E", "32.767 ký tự"]);

    let mut list = csv_rows(2);
    let cell = "b".repeat(30_000);
    list.push_str(&format!("3;HD-3;An;046048000003;{cell};{cell};{cell}\n"));
    let path = o.write("dong.csv", list.as_bytes());
    o.import(&path)
        .refused_with(&["dòng 5", "dòng dài hơn 65.536 ký tự"]);
}

#[test]
fn too_many_rows_are_refused() {
    let o = office();
    let mut list = csv_rows(2);
    list.push_str(&"\n".repeat(1_048_576));
    let path = o.write("dai.csv", list.as_bytes());
    o.import(&path)
        .refused_with(&["hơn 1.048.576 dòng", "dòng 1.048.577"]);
}

#[test]
fn a_bad_utf8_byte_in_row_903_names_that_row_not_a_missing_header() {
    let o = office();
    let mut list = csv_rows(900).into_bytes();
    list.extend(b"901;HD-X;Tr\xC7n V\xE3n B;046048099999;Th\xF4n;1\n");
    let path = o.write("utf8.csv", &list);
    let out = o.import(&path);
    out.refused_with(&["Dòng 903", "UTF-8", "byte"]);
    assert!(!out.reason().contains("tên cột"), "{}", out.reason());
}

#[test]
fn an_overlong_name_rejects_its_row_with_row_column_and_limit() {
    let o = office();
    let mut list = csv_rows(3);
    list.push_str(&format!(
        "4;HD-4;{};046048000004;Thôn Đông;2.789.000\n",
        "Nguyễn ".repeat(100)
    ));
    let path = o.write("ten_dai.csv", list.as_bytes());
    let out = o.import(&path);
    out.refused_with(&["Họ và tên dài 699 ký tự", "quá giới hạn 150 ký tự"]);
    let first = &out.json["rejected"][0];
    assert_eq!(first["row"], 6);
    assert!(
        first["column"].as_str().unwrap().starts_with("C"),
        "{first}"
    );
    assert_eq!(out.json["rejected"].as_array().unwrap().len(), 1);
}

#[test]
fn an_ordinary_list_still_imports() {
    let o = office();
    let path = o.write("ok.csv", csv_rows(50).as_bytes());
    let out = o.import(&path);
    assert_eq!(out.code, 0, "{}", out.json);
    assert_eq!(out.json["rows"], 50);
    out.small();
}

#[test]
fn unicode_text_cut_after_an_odd_byte_is_read_to_its_end() {
    let o = office();
    let text = csv_rows(3).replace(';', "\t").replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.push(b'x');
    let path = o.write("cut.txt", &bytes);
    let out = o.import(&path);
    assert_eq!(out.code, 0, "stdout {}\nstderr {}", out.json, out.stderr);
    assert_eq!(out.json["rows"], 3);
    assert_eq!(out.json["rejected_count"], 0);
    out.small();
}
