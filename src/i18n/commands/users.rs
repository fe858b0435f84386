//! The fixed words of `chitra init`, `chitra user` and the PIN prompts of
//! every command that signs in (`cli/users.rs`, `cli/context.rs`), in
//! Vietnamese and English.

use crate::i18n::Lang;

pub fn created_database(lang: Lang, db: &str, supervisor: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã tạo cơ sở dữ liệu {db} với trưởng bưu cục {supervisor}."),
        Lang::En => format!("Created the database {db} with supervisor {supervisor}."),
    }
}

pub fn locked_mark(lang: Lang) -> &'static str {
    lang.pick("ĐÃ KHÓA", "LOCKED")
}

pub fn added_user(lang: Lang, name: &str, role: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã thêm {name} ({role})."),
        Lang::En => format!("Added {name} ({role})."),
    }
}

pub fn user_locked(lang: Lang, name: &str, locked: bool) -> String {
    match (lang, locked) {
        (Lang::Vi, true) => format!("Đã khóa {name}."),
        (Lang::Vi, false) => format!("Đã mở khóa {name}."),
        (Lang::En, true) => format!("Locked {name}."),
        (Lang::En, false) => format!("Unlocked {name}."),
    }
}

pub fn pin_changed(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã đổi mã PIN của {name}."),
        Lang::En => format!("Changed the PIN of {name}."),
    }
}

pub fn pin_of(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Mã PIN của {name}: "),
        Lang::En => format!("PIN for {name}: "),
    }
}

pub fn new_pin(lang: Lang) -> &'static str {
    lang.pick("Mã PIN mới (4–12 chữ số): ", "New PIN (4–12 digits): ")
}

pub fn new_pin_again(lang: Lang) -> &'static str {
    lang.pick("Nhập lại mã PIN mới: ", "New PIN again: ")
}

pub fn pins_differ(lang: Lang) -> &'static str {
    lang.pick(
        "Hai lần nhập PIN không giống nhau: chạy lại lệnh và gõ cùng một mã hai lần.",
        "The two PINs differ: run the command again and type the same PIN twice.",
    )
}
