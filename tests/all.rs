//! The integration tests, in one binary: one link of the library instead of
//! one per file, which keeps the build small and quick. Each file is a module;
//! what they share (`common`, the offices) is declared here once.
//! `print_cups` is a binary of its own, so that no other test prints through
//! the CUPS queue while it reads back what was printed.

mod common;
mod day_report_facts;
mod deploy_office;
mod print_tools;
#[path = "import_source/fixtures.rs"]
mod source_fixtures;
mod tui_office;
mod tui_small;

mod audit_log;
mod bank_batch;
mod bank_result_file;
mod bank_rounds;
mod cli_day;
mod close_killed;
mod concurrency;
mod day;
mod day_report_cli;
mod day_report_render;
mod demo_dates;
mod demo_files;
mod doctor;
mod e2e_tmux;
mod file_modes;
mod gate;
mod heir;
mod home_round;
mod import;
mod import_changes;
mod import_hostile;
mod import_limits;
mod import_person_details;
mod import_preview;
mod import_shape;
mod import_sheet_tricks;
mod import_source;
mod import_source_bad;
mod lists;
mod month_ends;
mod month_simulation;
mod month_tui;
mod out_files;
mod pay;
mod period;
mod period_close;
mod pin_lock_parallel;
mod print_pdf;
mod print_screen;
mod refusals;
mod register;
mod register_tui;
mod rounds;
mod rounds_tui;
mod search_order;
mod signing_list;
mod tamper;
mod time_zone;
mod tui_counter;
mod tui_counter_look;
mod tui_day;
mod tui_day_look;
mod tui_heir;
mod tui_keys_shown;
mod tui_lock;
mod tui_look;
mod tui_navigation;
mod tui_pay;
mod tui_quick_pay;
mod tui_sign_in;
mod tui_status;
mod tui_stop;
mod tui_words;
mod words;
