//! Keymap parsing, merging and lookup.
use super::*;

fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn default_and_vim_maps_load_and_bind_the_basics() {
    let mut k = Keymap::default();
    k.merge("keymaps/default.toml", DEFAULT).unwrap();
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('q'), KeyModifiers::NONE)
        ),
        Some(Action::Quit)
    );
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('N'), KeyModifiers::SHIFT)
        ),
        Some(Action::PrevHit)
    );
    assert_eq!(
        k.action(
            Section::Checks,
            false,
            &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    );
    assert_eq!(
        k.action(
            Section::Checks,
            true,
            &ev(KeyCode::Char('q'), KeyModifiers::NONE)
        ),
        None,
        "q types while editing"
    );
    assert_eq!(
        k.action(
            Section::Checks,
            true,
            &ev(KeyCode::Enter, KeyModifiers::NONE)
        ),
        Some(Action::Submit)
    );
    k.merge("keymaps/vim.toml", VIM).unwrap();
    assert_eq!(
        k.action(
            Section::Checks,
            false,
            &ev(KeyCode::Char('j'), KeyModifiers::NONE)
        ),
        Some(Action::Down)
    );
    assert_eq!(
        k.action(
            Section::Ledgers,
            false,
            &ev(KeyCode::Char('l'), KeyModifiers::NONE)
        ),
        Some(Action::NextColumn)
    );
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('l'), KeyModifiers::NONE)
        ),
        Some(Action::Open)
    );
}

#[test]
fn no_key_is_bound_twice_in_one_section_of_the_default_files() {
    // Built as the real keymap is built (merge refuses a key bound twice once
    // parsed: `ctrl-C` and `ctrl-c` are one key) …
    let mut k = Keymap::default();
    k.merge("keymaps/default.toml", DEFAULT).unwrap();
    k.merge("keymaps/vim.toml", VIM).unwrap();
    // … and file by file, with the parser merge uses.
    for (name, src) in [("default", DEFAULT), ("vim", VIM)] {
        let bindings = Keymap::parse(name, src).unwrap();
        assert!(!bindings.is_empty());
        let twice = duplicates(&bindings);
        assert!(twice.is_empty(), "{name}: bound twice: {twice:?}");
    }
}

#[test]
fn a_user_file_binding_one_key_twice_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("keymap.toml");
    std::fs::write(
        &p,
        "[checks]\n\"ctrl-C\" = \"quit\"\n\"x\" = \"help\"\n\"ctrl-c\" = \"help\"\n",
    )
    .unwrap();
    let e = Keymap::load(Some(&p), false).unwrap_err();
    assert_eq!(e.message.key, "keymap.duplicate_key");
    assert_eq!(e.line, 4);
}

#[test]
fn keys_that_differ_only_in_spelling_are_the_same_key() {
    let src = "[global]\n\"ctrl-C\" = \"quit\"\n\"ctrl-c\" = \"help\"\n\"x\" = \"quit\"\n";
    let bindings = Keymap::parse("user", src).unwrap();
    let twice = duplicates(&bindings);
    assert_eq!(twice.len(), 1, "{twice:?}");
    assert_eq!(twice[0].key, Key::parse("ctrl-c").unwrap());
    assert_eq!(Key::parse("ctrl-C"), Key::parse("ctrl-c"));
    assert_ne!(
        Key::parse("C"),
        Key::parse("c"),
        "without ctrl the case is the key"
    );
}

#[test]
fn the_link_picker_and_status_editor_have_sections_of_their_own() {
    let k = Keymap::builtin(false);
    let right = ev(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(
        k.lookup(
            &[Section::LinkPicker, Section::Ledgers, Section::Global],
            &right
        ),
        Some(Action::NextRelation)
    );
    assert_eq!(
        k.lookup(&[Section::Ledgers, Section::Global], &right),
        Some(Action::NextColumn)
    );
    let tab = ev(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        k.lookup(&[Section::StatusEditor, Section::Input], &tab),
        Some(Action::NextField)
    );
}

#[test]
fn a_user_file_overrides_key_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("keymap.toml");
    std::fs::write(&p, "[global]\n\"x\" = \"quit\"\n\"q\" = \"help\"\n").unwrap();
    let k = Keymap::load(Some(&p), false).unwrap();
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('x'), KeyModifiers::NONE)
        ),
        Some(Action::Quit)
    );
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('q'), KeyModifiers::NONE)
        ),
        Some(Action::Help)
    );
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('?'), KeyModifiers::NONE)
        ),
        Some(Action::Help),
        "others kept"
    );
    std::fs::write(&p, "base = \"vim\"\n").unwrap();
    let k = Keymap::load(Some(&p), false).unwrap();
    assert_eq!(
        k.action(
            Section::Search,
            false,
            &ev(KeyCode::Char('j'), KeyModifiers::NONE)
        ),
        Some(Action::Down)
    );
}

#[test]
fn a_broken_user_file_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("keymap.toml");
    std::fs::write(&p, "[global]\n\"x\" = \"quit\"\n\"y\" = \"fly_away\"\n").unwrap();
    let e = Keymap::load(Some(&p), false).unwrap_err();
    assert_eq!(e.line, 3);
    assert_eq!(e.message.key, "keymap.bad_action");
    assert!(e.to_string().starts_with(&p.display().to_string()));
    std::fs::write(&p, "[search]\n\"ctrl-\" = \"quit\"\n").unwrap();
    let e = Keymap::load(Some(&p), false).unwrap_err();
    assert_eq!((e.line, e.message.key), (2, "keymap.bad_key"));
    std::fs::write(&p, "[global\n").unwrap();
    assert_eq!(
        Keymap::load(Some(&p), false).unwrap_err().message.key,
        "keymap.bad_toml"
    );
}
