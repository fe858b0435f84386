//! Writes the starting corpus of each fuzz target (small, sound list files
//! of each kind) into the folder given, `corpus` by default:
//! `cargo run --example seeds` from fuzz/.

use std::io::Read;
use std::path::{Path, PathBuf};

use chitra::demo::{ListHeading, office_people, write_monthly_csv, write_monthly_xlsx};
use chitra_fuzz::{PART_SEPARATOR, PARTS, stored_zip};

fn put(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// The parts of a zip, unpacked, in the order they are stored.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            (part.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// Unicode → TCVN3 (ABC): each letter beside its TCVN3 code (the codes are
/// Latin-1 bytes); capitals share the lower-case codes.
const TCVN3: &str = "ă¨â©êªô«ơ¬ư\u{ad}đ®Ă¡Â¢Ê£Ô¤Ơ¥Ư¦Đ§\
    àµả¶ã·á¸ạ¹ằ»ẳ¼ẵ½ắ¾ặÆầÇẩÈẫÉấÊậËèÌẻÎẽÏéÐẹÑềÒểÓễÔếÕệÖì×ỉØĩÜíÝịÞ\
    òßỏáõâóãọäồåổæỗçốèộéờêởëỡìớíợîùïủñũòúóụôừõửöữ÷ứøựùỳúỷûỹüýýỵþ";

fn tcvn3(s: &str) -> Vec<u8> {
    let chart: Vec<char> = TCVN3.chars().filter(|c| !c.is_whitespace()).collect();
    let code = |c: char| chart.chunks(2).find(|p| p[0] == c).map(|p| p[1]);
    s.chars()
        .filter_map(|c| {
            let c = code(c)
                .or_else(|| c.to_lowercase().next().and_then(code))
                .unwrap_or(c);
            u8::try_from(u32::from(c)).ok()
        })
        .collect()
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "corpus".into()));
    let tmp = std::env::temp_dir().join(format!("chitra-seeds-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let people = office_people(7, 3);

    let csv = root.join("csv");
    for (name, delimiter, bom) in [("excel.csv", b';', true), ("comma.csv", b',', false)] {
        let path = tmp.join(name);
        write_monthly_csv(&path, (2026, 11), &people, delimiter, bom).unwrap();
        put(&csv, name, &std::fs::read(&path).unwrap());
    }
    let plain = std::fs::read_to_string(tmp.join("comma.csv")).unwrap();
    put(&csv, "tcvn3.csv", &tcvn3(&plain));
    let tabs = plain.replace(',', "\t");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tabs.encode_utf16().flat_map(u16::to_le_bytes));
    put(&csv, "unicode_text.txt", &utf16);
    put(
        &csv,
        "quoted.csv",
        "Họ và tên;Số CCCD;Số tiền\n\"Lê \"\"Văn\"\"\nA\";046123456789;\"1.000\"\n\n;;\n"
            .as_bytes(),
    );

    let xlsx_path = tmp.join("monthly.xlsx");
    write_monthly_xlsx(&xlsx_path, &ListHeading::demo(), (2026, 11), &people).unwrap();
    let xlsx = std::fs::read(&xlsx_path).unwrap();
    let parts = unzip(&xlsx);
    let stored: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    put(&root.join("xlsx"), "monthly.xlsx", &xlsx);
    put(&root.join("xlsx"), "stored.xlsx", &stored_zip(&stored));

    let part = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    };
    let joined = PARTS
        .iter()
        .map(|name| part(name))
        .collect::<Vec<_>>()
        .join(PART_SEPARATOR);
    put(&root.join("xlsx_parts"), "monthly", &joined);

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    for name in ["monthly_list.xls", "password.xlsx"] {
        put(&root.join("xls"), name, &std::fs::read(fixtures.join(name)).unwrap());
    }
    std::fs::remove_dir_all(&tmp).unwrap();
    for kind in ["csv", "xlsx", "xlsx_parts", "xls"] {
        let dir = root.join(kind);
        let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        println!("{}: {n} seeds", dir.display());
    }
}
