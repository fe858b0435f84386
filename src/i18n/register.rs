//! Wording of registration at the counter, the plan's lists and the
//! cashless share: refusals, labels of reasons, steps and missing papers,
//! and the titles and column headings of the lists.

use super::{Lang, Localize};
use crate::domain::registration::{AccountStep, HomeReason, Missing, PapersError};
use crate::service::register::{AccountApproval, RegisterError};
use crate::text::for_display;

impl Localize for PapersError {
    fn vi(&self) -> String {
        match self {
            PapersError::IssuedInFuture { issued } => format!(
                "Ngày cấp {} là ngày trong tương lai. Xem lại ngày cấp trên thẻ.",
                issued.format("%d/%m/%Y")
            ),
            PapersError::NoNumber => {
                "Có ngày cấp hoặc nơi cấp mà chưa có số CCCD/CMND. Nhập số trên thẻ.".into()
            }
        }
    }

    fn en(&self) -> String {
        match self {
            PapersError::IssuedInFuture { issued } => {
                format!(
                    "The issue date {} is in the future.",
                    issued.format("%d/%m/%Y")
                )
            }
            PapersError::NoNumber => "An issue date or place without an ID number.".into(),
        }
    }
}

impl Localize for RegisterError {
    fn vi(&self) -> String {
        match self {
            RegisterError::Phone(e) => e.vi(),
            RegisterError::Account(e) => e.vi(),
            RegisterError::IdNumber(e) => e.vi(),
            RegisterError::Papers(e) => e.vi(),
            RegisterError::UnknownHomeReason(t) => format!(
                "Không hiểu lý do chi tại nhà «{}». Chọn: ốm đau (ill), già yếu (old), không có người ủy quyền (no_proxy), không dùng được điện thoại (no_phone).",
                for_display(t)
            ),
            RegisterError::HomeReasonMissing => {
                "Chi tại nhà cần lý do: ốm đau, già yếu, không có người ủy quyền, hoặc không dùng được điện thoại.".into()
            }
            RegisterError::AccountMissing => {
                "Tài khoản cần cả số tài khoản và ngân hàng (hoặc nhà cung cấp ví). Nếu chưa có tài khoản, bỏ trống số tài khoản: người này vào danh sách mở tài khoản.".into()
            }
            RegisterError::NeedsApproval(AccountApproval::OtherName { holder, person }) => format!(
                "Chủ tài khoản «{}» không phải «{}»: cần trưởng bưu cục xác nhận (tên và mã PIN).",
                for_display(holder),
                for_display(person)
            ),
            RegisterError::NeedsApproval(AccountApproval::IdReplaces { before }) => format!(
                "Số CCCD/CMND mới thay số {} trong hồ sơ (quầy sẽ đối chiếu giấy tờ của người nhận với số mới): cần trưởng bưu cục xem giấy tờ gốc và xác nhận (tên và mã PIN).",
                for_display(before)
            ),
            RegisterError::NeedsApproval(AccountApproval::Replaces { before }) => format!(
                "Tài khoản mới thay tài khoản {} đang nhận tiền: cần trưởng bưu cục xem giấy tờ của người hưởng và xác nhận (tên và mã PIN).",
                for_display(before)
            ),
            RegisterError::NeedsApproval(AccountApproval::Shared { account, code, name }) => format!(
                "Tài khoản {} đã đăng ký cho {} ({}): cần trưởng bưu cục xác nhận (tên và mã PIN) trước khi dùng chung một tài khoản.",
                for_display(account),
                for_display(name),
                for_display(code)
            ),
            RegisterError::MethodForProxy => {
                "Người được ủy quyền không có hình thức nhận riêng: chỉ đăng ký điện thoại và giấy tờ.".into()
            }
            RegisterError::UnknownProxy => {
                "Người được ủy quyền này không có trong hồ sơ của đối tượng. Xem lại danh sách người được ủy quyền.".into()
            }
            RegisterError::Nothing => {
                "Chưa nhập gì để đăng ký: hình thức nhận, điện thoại hoặc giấy tờ.".into()
            }
            RegisterError::NoAccountAsked => {
                "Người này chưa đăng ký mở tài khoản: đăng ký hình thức chuyển khoản trước.".into()
            }
            RegisterError::NotPayable(status) => format!(
                "Người này {}: không chi trả nữa, nên không đăng ký hình thức nhận hay tài khoản. Khoản còn nợ của người đã mất chi cho người thừa kế tại quầy.",
                crate::i18n::labels::status(Lang::Vi, *status).to_lowercase()
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            RegisterError::Phone(e) => e.en(),
            RegisterError::Account(e) => e.en(),
            RegisterError::IdNumber(e) => e.en(),
            RegisterError::Papers(e) => e.en(),
            RegisterError::UnknownHomeReason(t) => format!(
                "Unknown home-payment reason «{}»: use ill, old, no_proxy or no_phone.",
                for_display(t)
            ),
            RegisterError::HomeReasonMissing => "Paying at home needs a reason.".into(),
            RegisterError::AccountMissing => {
                "An account needs its number and its bank or provider.".into()
            }
            RegisterError::NeedsApproval(AccountApproval::OtherName { holder, person }) => format!(
                "The account holder «{}» is not «{}»: a supervisor must confirm (name and PIN).",
                for_display(holder),
                for_display(person)
            ),
            RegisterError::NeedsApproval(AccountApproval::IdReplaces { before }) => format!(
                "The new ID number replaces {} on file (the counter will check the receiver's card against the new one): a supervisor must see the original papers and confirm (name and PIN).",
                for_display(before)
            ),
            RegisterError::NeedsApproval(AccountApproval::Replaces { before }) => format!(
                "The new account replaces {}, which the money goes to now: a supervisor must see the person's papers and confirm (name and PIN).",
                for_display(before)
            ),
            RegisterError::NeedsApproval(AccountApproval::Shared {
                account,
                code,
                name,
            }) => format!(
                "The account {} is registered for {} ({}): a supervisor must confirm (name and PIN) before one account is shared.",
                for_display(account),
                for_display(name),
                for_display(code)
            ),
            RegisterError::MethodForProxy => {
                "A proxy has no payment method of their own: register only phone and papers.".into()
            }
            RegisterError::UnknownProxy => "This proxy is not on the person's file.".into(),
            RegisterError::Nothing => "Nothing to register.".into(),
            RegisterError::NoAccountAsked => {
                "This person has not asked for an account: register a transfer method first.".into()
            }
            RegisterError::NotPayable(status) => format!(
                "This person is {}: never paid again, so no method or account is registered. What a deceased person is still owed is paid to the heir at the counter.",
                crate::i18n::labels::status(Lang::En, *status).to_lowercase()
            ),
        }
    }
}

crate::localized_error!(PapersError, RegisterError);

pub fn home_reason(lang: Lang, r: HomeReason) -> &'static str {
    match r {
        HomeReason::Ill => lang.pick("Ốm đau", "Ill"),
        HomeReason::Old => lang.pick("Già yếu", "Old"),
        HomeReason::NobodyToAuthorise => {
            lang.pick("Không có người ủy quyền", "Nobody to authorise")
        }
        HomeReason::CannotUsePhone => lang.pick("Không dùng được điện thoại", "Cannot use a phone"),
    }
}

pub fn step(lang: Lang, s: AccountStep) -> &'static str {
    match s {
        AccountStep::Asked => lang.pick("Đã đề nghị mở", "Asked"),
        AccountStep::Opened => lang.pick("Đã mở", "Opened"),
        AccountStep::CardGiven => lang.pick("Đã giao thẻ", "Card handed over"),
        AccountStep::Shown => lang.pick("Đã hướng dẫn sử dụng", "Shown how to use it"),
    }
}

pub fn missing(lang: Lang, m: Missing) -> &'static str {
    match m {
        Missing::IdNumber => lang.pick("số CCCD", "ID number"),
        Missing::Cccd => lang.pick("CCCD (chỉ có CMND)", "CCCD (only a CMND)"),
        Missing::IssueDate => lang.pick("ngày cấp", "issue date"),
        Missing::IssuePlace => lang.pick("nơi cấp", "issue place"),
        Missing::Phone => lang.pick("số điện thoại", "phone"),
    }
}

/// The words of the plan's lists.
pub struct ListWords {
    pub national: &'static str,
    pub motto: &'static str,
    pub classify_name: &'static str,
    pub classify_title: &'static str,
    pub accounts_name: &'static str,
    pub accounts_title: &'static str,
    pub cashless_name: &'static str,
    pub cashless_title: &'static str,
    pub changes_name: &'static str,
    pub changes_title: &'static str,
    pub cash: &'static str,
    pub can_open: &'static str,
    pub missing_papers: &'static str,
    pub proxies_can_open: &'static str,
    pub proxies_missing: &'static str,
    pub need_cccd: &'static str,
    pub counts: &'static str,
    /// Short headings of the counts table, in the order of the lists.
    pub count_heads: [&'static str; 6],
    pub whole_commune: &'static str,
    pub no_hamlet: &'static str,
    pub none: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_hamlet: &'static str,
    pub col_id: &'static str,
    pub col_phone: &'static str,
    pub col_missing: &'static str,
    pub col_for: &'static str,
    pub col_method: &'static str,
    pub col_account: &'static str,
    pub col_step: &'static str,
    pub col_since: &'static str,
    pub col_issued: &'static str,
    pub col_place: &'static str,
    pub col_people: &'static str,
    pub col_cashless_people: &'static str,
    pub col_share: &'static str,
    pub col_amount: &'static str,
    pub col_cashless_amount: &'static str,
    pub col_registered: &'static str,
    pub col_what: &'static str,
    pub col_payer_says: &'static str,
    pub col_office_says: &'static str,
    pub target: &'static str,
    pub period: &'static str,
    pub total: &'static str,
    pub number: &'static str,
    pub proxy_of: &'static str,
    pub maker: &'static str,
    pub head: &'static str,
    pub sign_hint: &'static str,
}

pub fn list_words(lang: Lang) -> &'static ListWords {
    static VI: ListWords = ListWords {
        national: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto: "Độc lập - Tự do - Hạnh phúc",
        classify_name: "Phan loai",
        classify_title: "DANH SÁCH PHÂN LOẠI ĐỐI TƯỢNG THEO HÌNH THỨC NHẬN VÀ GIẤY TỜ",
        accounts_name: "Mo tai khoan",
        accounts_title: "DANH SÁCH ĐỀ NGHỊ MỞ TÀI KHOẢN VÀ TÌNH TRẠNG TÀI KHOẢN",
        cashless_name: "Khong dung tien mat",
        cashless_title: "TỶ LỆ CHI TRẢ KHÔNG DÙNG TIỀN MẶT",
        changes_name: "Thay doi dang ky",
        changes_title: "DANH SÁCH THAY ĐỔI THÔNG TIN ĐĂNG KÝ",
        cash: "Nhận tiền mặt (tại quầy và tại nhà)",
        can_open: "Đủ điều kiện mở tài khoản (đủ giấy tờ)",
        missing_papers: "Còn thiếu giấy tờ",
        proxies_can_open: "Người được ủy quyền đủ điều kiện mở tài khoản",
        proxies_missing: "Người được ủy quyền còn thiếu giấy tờ",
        need_cccd: "Chưa có CCCD (gửi Công an xã)",
        counts: "Số lượng theo thôn",
        count_heads: [
            "Tiền mặt",
            "Đủ GT",
            "Thiếu GT",
            "UQ đủ GT",
            "UQ thiếu",
            "Chưa CCCD",
        ],
        whole_commune: "Toàn xã",
        no_hamlet: "(không ghi thôn)",
        none: "Không có ai.",
        col_code: "Mã hồ sơ",
        col_name: "Họ và tên",
        col_hamlet: "Thôn",
        col_id: "Số CCCD/CMND",
        col_phone: "Điện thoại",
        col_missing: "Còn thiếu",
        col_for: "Ủy quyền cho",
        col_method: "Hình thức",
        col_account: "Tài khoản",
        col_step: "Tình trạng",
        col_since: "Từ ngày",
        col_issued: "Ngày cấp",
        col_place: "Nơi cấp",
        col_people: "Số người",
        col_cashless_people: "Không TM",
        col_share: "Tỷ lệ %",
        col_amount: "Tổng tiền",
        col_cashless_amount: "Tiền không TM",
        col_registered: "Đã đăng ký",
        col_what: "Thay đổi",
        col_payer_says: "Danh sách chi trả ghi",
        col_office_says: "Bưu điện đăng ký",
        target: "Mục tiêu",
        period: "Kỳ",
        total: "Cộng",
        number: "STT",
        proxy_of: "ủy quyền cho",
        maker: "Người lập",
        head: "Trưởng bưu cục",
        sign_hint: "(Ký, ghi rõ họ tên)",
    };
    static EN: ListWords = ListWords {
        national: "SOCIALIST REPUBLIC OF VIET NAM",
        motto: "Independence - Freedom - Happiness",
        classify_name: "Classification",
        classify_title: "PEOPLE BY PAYMENT METHOD AND PAPERS",
        accounts_name: "Accounts",
        accounts_title: "ACCOUNT-OPENING LIST AND ACCOUNT STATES",
        cashless_name: "Cashless",
        cashless_title: "SHARE PAID WITHOUT CASH",
        changes_name: "Registration changes",
        changes_title: "REGISTRATION CHANGES",
        cash: "Paid in cash (counter and home)",
        can_open: "Able to open an account (papers complete)",
        missing_papers: "Missing papers",
        proxies_can_open: "Proxies able to open an account",
        proxies_missing: "Proxies missing papers",
        need_cccd: "Without a CCCD card (for the commune police)",
        counts: "Counts by hamlet",
        count_heads: [
            "Cash",
            "Can open",
            "Missing",
            "Proxy can",
            "Proxy miss",
            "No CCCD",
        ],
        whole_commune: "Whole commune",
        no_hamlet: "(no hamlet)",
        none: "Nobody.",
        col_code: "Code",
        col_name: "Full name",
        col_hamlet: "Hamlet",
        col_id: "ID number",
        col_phone: "Phone",
        col_missing: "Missing",
        col_for: "Proxy for",
        col_method: "Method",
        col_account: "Account",
        col_step: "State",
        col_since: "Since",
        col_issued: "Issued",
        col_place: "Place",
        col_people: "People",
        col_cashless_people: "Cashless",
        col_share: "Share %",
        col_amount: "Amount",
        col_cashless_amount: "Cashless amount",
        col_registered: "Registered",
        col_what: "Change",
        col_payer_says: "Payer's list says",
        col_office_says: "Office registered",
        target: "Target",
        period: "Period",
        total: "Total",
        number: "No.",
        proxy_of: "proxy for",
        maker: "Prepared by",
        head: "Head of office",
        sign_hint: "(Signature, full name)",
    };
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The words of the registration form at the counter.
pub struct FormWords {
    pub title: &'static str,
    pub key: &'static str,
    pub hint: &'static str,
    pub method: &'static str,
    pub account: &'static str,
    pub bank: &'static str,
    pub holder: &'static str,
    pub reason: &'static str,
    pub phone: &'static str,
    pub id: &'static str,
    pub issued: &'static str,
    pub place: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub bad_method: &'static str,
    pub bad_date: &'static str,
    pub lists_title: &'static str,
    pub lists_menu: &'static str,
    pub lists_tabs: [&'static str; 5],
    pub lists_key: &'static str,
    pub lists_short: &'static str,
}

pub fn form_words(lang: Lang) -> &'static FormWords {
    static VI: FormWords = FormWords {
        title: "ĐĂNG KÝ HÌNH THỨC NHẬN, ĐIỆN THOẠI, GIẤY TỜ",
        key: "Đăng ký hình thức nhận, SĐT, giấy tờ",
        hint: "Hình thức: Q tại quầy, N tại nhà, T tài khoản ngân hàng, S tài khoản số. Lý do chi tại nhà: 1 ốm đau, 2 già yếu, 3 không có người ủy quyền, 4 không dùng được điện thoại. Muốn mở tài khoản: chọn T, bỏ trống số tài khoản.",
        method: "Hình thức",
        account: "Số tài khoản",
        bank: "Ngân hàng/nhà cung cấp",
        holder: "Chủ TK (nếu khác)",
        reason: "Lý do chi tại nhà",
        phone: "Điện thoại di động",
        id: "Số CCCD/CMND",
        issued: "Ngày cấp (dd/mm/yyyy)",
        place: "Nơi cấp",
        save: "Lưu",
        saved: "Đã đăng ký",
        bad_method: "Hình thức nhận: gõ Q (tại quầy), N (tại nhà), T (ngân hàng) hoặc S (tài khoản số).",
        bad_date: "Ngày cấp viết dd/mm/yyyy, ví dụ 04/05/2021.",
        lists_title: "DANH SÁCH THEO KẾ HOẠCH",
        lists_menu: "Danh sách, tỷ lệ không tiền mặt",
        lists_tabs: ["Phân loại", "Công an", "Mở TK", "Không TM", "Thay đổi"],
        lists_key: "Chọn danh sách",
        lists_short: "Danh sách",
    };
    static EN: FormWords = FormWords {
        title: "REGISTER METHOD, PHONE, PAPERS",
        key: "Register payment method, phone, papers",
        hint: "Method: Q counter, N home, T bank account, S digital account. Home reason: 1 ill, 2 old, 3 nobody to authorise, 4 cannot use a phone. To open an account: choose T, leave the number empty.",
        method: "Method",
        account: "Account number",
        bank: "Bank/provider",
        holder: "Holder (if other)",
        reason: "Home reason",
        phone: "Mobile phone",
        id: "ID number",
        issued: "Issued (dd/mm/yyyy)",
        place: "Place of issue",
        save: "Save",
        saved: "Registered",
        bad_method: "Method: type Q (counter), N (home), T (bank) or S (digital account).",
        bad_date: "Write the issue date dd/mm/yyyy, e.g. 04/05/2021.",
        lists_title: "THE PLAN'S LISTS",
        lists_menu: "Lists, cashless share",
        lists_tabs: ["Classify", "Police", "Accounts", "Cashless", "Changes"],
        lists_key: "Choose a list",
        lists_short: "List",
    };
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The lists screen's print key.
pub fn print_list_key(lang: Lang) -> &'static str {
    lang.pick("In danh sách đang xem", "Print the list shown")
}

/// A list written to the spool folder (and printed, when a printer is set).
pub fn list_printed(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã in danh sách (tệp {file})."),
        Lang::En => format!("List printed (file {file})."),
    }
}

/// While a list is being printed.
pub fn printing_list(lang: Lang, printer: &str) -> String {
    match lang {
        Lang::Vi => format!("Đang in danh sách ra máy in {printer}…"),
        Lang::En => format!("Printing the list on {printer}…"),
    }
}

/// The words of the account-step form on the account-opening list.
pub struct StepWords {
    pub title: &'static str,
    pub key: &'static str,
    pub short: &'static str,
    pub hint: &'static str,
    pub who: &'static str,
    pub step: &'static str,
    pub saved: &'static str,
    pub several: &'static str,
    pub bad_step: &'static str,
}

pub fn step_words(lang: Lang) -> &'static StepWords {
    static VI: StepWords = StepWords {
        title: "GHI TÌNH TRẠNG TÀI KHOẢN",
        key: "Ghi tình trạng tài khoản",
        short: "Ghi tình trạng",
        hint: "Gõ mã hồ sơ hoặc số giấy tờ như trong danh sách. Tình trạng: 1 đã đề nghị mở, 2 đã mở, 3 đã giao thẻ, 4 đã hướng dẫn sử dụng.",
        who: "Mã hồ sơ/số giấy tờ",
        step: "Tình trạng (1–4)",
        saved: "Đã ghi",
        several: "Mã hồ sơ này có cả người hưởng và người được ủy quyền trong danh sách: gõ số giấy tờ của người cần ghi.",
        bad_step: "Tình trạng: gõ 1 (đã đề nghị mở), 2 (đã mở), 3 (đã giao thẻ) hoặc 4 (đã hướng dẫn sử dụng).",
    };
    static EN: StepWords = StepWords {
        title: "RECORD AN ACCOUNT'S STATE",
        key: "Record an account's state",
        short: "Record state",
        hint: "Type the record code or ID number as the list shows it. State: 1 asked, 2 opened, 3 card handed over, 4 shown how to use it.",
        who: "Record code/ID number",
        step: "State (1–4)",
        saved: "Recorded",
        several: "This record code has both the person and a proxy on the list: type the ID number of the one to record.",
        bad_step: "State: type 1 (asked), 2 (opened), 3 (card handed over) or 4 (shown how to use it).",
    };
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Someone typed on the account-step form who is not on the list.
pub fn not_on_account_list(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "\"{typed}\" không có trong danh sách đề nghị mở tài khoản: gõ mã hồ sơ hoặc số giấy tờ như trong danh sách."
        ),
        Lang::En => format!(
            "\"{typed}\" is not on the account-opening list: type the record code or ID number as the list shows it."
        ),
    }
}

/// The words of registering a proxy or guardian from the person's file.
pub struct ProxyWords {
    pub title: &'static str,
    pub whose: &'static str,
    pub the_person: &'static str,
    pub proxy: &'static str,
    pub guardian: &'static str,
    pub of: &'static str,
    pub hint: &'static str,
    pub document: &'static str,
    pub certified: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub bad_date: &'static str,
}

pub fn proxy_words(lang: Lang) -> &'static ProxyWords {
    static VI: ProxyWords = ProxyWords {
        title: "ĐĂNG KÝ NGƯỜI ĐƯỢC ỦY QUYỀN, GIÁM HỘ",
        whose: "Đăng ký cho ai",
        the_person: "Chính người hưởng",
        proxy: "Người được ủy quyền",
        guardian: "Người giám hộ",
        of: "nhận thay",
        hint: "Giấy ủy quyền phải có xác nhận của UBND xã, hiệu lực tối đa một năm (người giám hộ có thể bỏ trống ngày hết hạn). Ngày viết dd/mm/yyyy. Đổi giấy ủy quyền thì ghi thành một giấy mới.",
        document: "Giấy ủy quyền số",
        certified: "Xác nhận của (UBND xã)",
        from: "Hiệu lực từ",
        to: "Đến ngày",
        bad_date: "Ngày viết dd/mm/yyyy, ví dụ 01/12/2026.",
    };
    static EN: ProxyWords = ProxyWords {
        title: "REGISTER A PROXY OR GUARDIAN",
        whose: "Register whom",
        the_person: "The person themself",
        proxy: "Proxy",
        guardian: "Guardian",
        of: "collecting for",
        hint: "The authorisation is certified by the commune's People's Committee and valid at most a year (a guardian may have no end). Dates dd/mm/yyyy. A changed authorisation is recorded as a new one.",
        document: "Authorisation no.",
        certified: "Certified by (commune)",
        from: "Valid from",
        to: "Until",
        bad_date: "Write dates dd/mm/yyyy, e.g. 01/12/2026.",
    };
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Registered papers with another number than the payer's list's.
pub fn other_id_registered(lang: Lang, on_list: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Lưu ý: từ nay quầy đối chiếu giấy tờ người nhận với số vừa đăng ký; danh sách của cơ quan chi trả vẫn ghi số {on_list}: gửi họ danh sách thay đổi (F2 › Danh sách)."
        ),
        Lang::En => format!(
            "Note: the counter now checks the receiver's card against the number just registered; the payer's list still has {on_list}: send them the list of changes (F2 › Lists)."
        ),
    }
}

/// Registered papers for someone the payer's list has no number for.
pub fn id_not_on_list(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => {
            "Lưu ý: danh sách của cơ quan chi trả chưa có số này, nên quầy chưa chi chính chủ theo số này (chi qua người được ủy quyền/giám hộ) cho đến khi danh sách ghi số (gửi danh sách thay đổi)."
        }
        Lang::En => {
            "Note: the payer's list has no number for this person, so the counter does not pay them in person by it (pay a proxy or guardian) until the list has it (send the list of changes)."
        }
    }
}
