//! A small office for the screen tests that need no list: a supervisor
//! and two clerks, on 10/11/2026, at the sign-in screen.
#![allow(dead_code)]

use std::sync::Arc;

use chitra::config::Config;
use chitra::domain::user::Role;
use chitra::service::{FixedClock, Service};
use chitra::tui::testing::{press, type_text};
use chitra::tui::{App, Theme};
use crossterm::event::KeyCode;
use tempfile::TempDir;

const CONFIG: &str = include_str!("../../config/chitra.toml");

/// An office with a supervisor (truong, PIN 3917) and two clerks (lan, PIN
/// 2468; minh, PIN 9753), on 10/11/2026, at the sign-in screen.
pub fn office() -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::parse(CONFIG, &dir.path().join("chitra.toml")).unwrap();
    let mut service = Service::init(
        Arc::new(config),
        &dir.path().join("chitra.db"),
        "truong",
        "Trần Văn Trưởng",
        "3917",
    )
    .unwrap()
    .with_clock(Arc::new(FixedClock::at("2026-11-10T09:00:00+07:00")));
    let boss = service.sign_in("truong", "3917").unwrap();
    service
        .add_user(&boss, "lan", "Nguyễn Thị Lan", Role::Clerk, "2468")
        .unwrap();
    service
        .add_user(&boss, "minh", "Phạm Văn Minh", Role::Clerk, "9753")
        .unwrap();
    (dir, App::new(service, Theme::colored()))
}

pub fn sign_in(app: &mut App, name: &str, pin: &str) {
    type_text(app, name);
    press(app, KeyCode::Enter);
    type_text(app, pin);
    press(app, KeyCode::Enter);
}
