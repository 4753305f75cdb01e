//! The JSON export round-trips; `import json` is all or nothing; the CSV export is for people.

use std::path::Path;

use afterword_core::export::{self, csv::export_csv};
use afterword_core::Store;
use chrono_tz::Europe::Amsterdam;
use serde_json::Value;

use crate::common::{fresh_store, NOW};

/// Rows in every table of schema 3, with Dutch text, emoji, NULLs, money, a deleted post, and
/// rows referring to rows later in id order (the import must not care).
pub fn fill_every_table(store: &Store) {
    store
        .write(|tx| {
            tx.execute_batch(
                "INSERT INTO channels (id, name, kind, archived, created_at_ms)
                     VALUES (3, 'Één blog ☕', 'blog', 1, 1780000000000);
                 INSERT INTO posts (id, channel_id, kind, published_at_ms, title, text, url, felt, motive,
                                    minutes, source, external_id, created_at_ms, updated_at_ms, deleted_at_ms)
                     VALUES (1, 1, 'post', 1779000000000, 'Waarom ik minder post 🌱', 'Regel één
regel twee, met \"quotes\"', 'https://example.com/p/1', 'energising', 'wanted', 45, 'linkedin',
                             'urn:li:1', 1779000000000, 1779000000000, NULL),
                            (2, 3, 'article', 1779100000000, NULL, 'Alleen tekst', NULL, NULL, NULL, NULL,
                             'manual', NULL, 1779100000000, 1779200000000, 1779300000000);
                 INSERT INTO contacts (id, name, profile_url, how_known, notes, source, external_id,
                                       created_at_ms, updated_at_ms, deleted_at_ms)
                     VALUES (1, 'Sanne de Vries', 'https://linkedin.com/in/sanne', 'in_person', 'Koffie ☕',
                             'manual', NULL, 1779000000000, 1779000000000, NULL);
                 INSERT INTO inquiries (id, received_at_ms, name, organisation, via, their_words, source_post_id,
                                        not_from_posts, status, value_cents, currency, notes, source, external_id,
                                        status_changed_at_ms, created_at_ms, updated_at_ms, deleted_at_ms,
                                        last_follow_up_at_ms, contact_id)
                     VALUES (1, 1779500000000, 'Sanne', 'Zorg & Zo B.V.', 'email', 'Ik las je post over rust',
                             1, 0, 'client', 150000, 'EUR', NULL, 'manual', NULL, 1779500000000, 1779500000000,
                             1779600000000, NULL, 1779550000000, 1),
                            (2, 1779700000000, 'Piet', NULL, 'referral', NULL, NULL, 1, 'new', NULL, 'USD',
                             'Via via', 'csv', 'row-2', 1779700000000, 1779700000000, 1779700000000, NULL, NULL, NULL);
                 INSERT INTO ideas (id, title, note, planned_for_day, channel_id, post_id, created_at_ms,
                                    updated_at_ms, deleted_at_ms)
                     VALUES (1, 'Over grenzen 🚧', NULL, '2026-06-01', 1, 1, 1779000000000, 1779000000000, NULL);
                 INSERT INTO rhythm_targets (channel_id, every_days, updated_at_ms) VALUES (1, 7, 1779000000000);
                 INSERT INTO reminder_log (id, kind, key, sent_at_ms) VALUES (1, 'rhythm', 'rhythm:1', 1779000000000);
                 INSERT INTO settings (key, value) VALUES ('language', 'nl'), ('insights', '{\"model\":\"linear\"}');
                 INSERT INTO audience_snapshots (id, channel_id, measure, at_ms, size, source, external_id,
                                                 created_at_ms, deleted_at_ms)
                     VALUES (1, 1, 'followers', 1779000000000, 1234, 'linkedin', 'f-1', 1779000000000, NULL);
                 INSERT INTO post_metrics (id, post_id, metric, value, recorded_at_ms, source)
                     VALUES (1, 1, 'impressions', 987, 1779000000000, 'linkedin'),
                            (2, 1, 'engagements', 12, 1779000000000, 'linkedin');
                 INSERT INTO contact_touches (id, contact_id, post_id, kind, at_ms, source, external_id, created_at_ms)
                     VALUES (1, 1, 1, 'comment', 1779000000000, 'manual', NULL, 1779000000000);
                 INSERT INTO inquiry_candidates (id, source, external_id, kind, received_at_ms, name, profile_url,
                                                 message, status, inquiry_id, created_at_ms, updated_at_ms)
                     VALUES (1, 'linkedin', 'inv-1', 'invitation', 1779400000000, 'Jan Jansen', NULL,
                             'Hoi! Mag ik je iets vragen? 😊', 'accepted', 1, 1779400000000, 1779400000000);",
            )?;
            Ok(())
        })
        .expect("fill every table");
}

fn tables_of(doc: &str) -> serde_json::Map<String, Value> {
    let v: Value = serde_json::from_str(doc).expect("the export is JSON");
    v["tables"].as_object().expect("tables").clone()
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn export_then_import_into_an_empty_database_gives_the_same_document() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let first = export::export_json(&store).unwrap();

    let tables = tables_of(&first);
    for (name, table) in &tables {
        assert!(
            !table["rows"].as_array().unwrap().is_empty(),
            "the test fills every table, also {name}"
        );
    }
    assert!(tables.contains_key("inquiry_candidates") && tables.contains_key("post_metrics"));
    let names: Vec<&String> = tables.keys().collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "tables by name");
    assert!(first.contains("\"schema_version\": 3"));
    assert!(first.contains("Waarom ik minder post 🌱"));

    let path = dir.path().join("export.json");
    let rows = export::write_json(&store, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    let total: usize = tables
        .values()
        .map(|t| t["rows"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows, total);

    let (_other_dir, empty) = fresh_store();
    let outcome = export::import_json(&empty, &path, false).unwrap();
    assert_eq!(outcome.rows as usize, total, "added = rows inserted");
    let second = export::export_json(&empty).unwrap();
    assert_eq!(second, first, "byte for byte the same");
    // The deleted post came along, still deleted; the money is whole cents.
    let deleted: Option<i64> = empty
        .read(|c| {
            Ok(
                c.query_row("SELECT deleted_at_ms FROM posts WHERE id = 2", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(deleted, Some(1_779_300_000_000));
    assert_eq!(empty.integrity_check().unwrap(), "ok");
}

#[test]
fn a_fresh_database_exports_its_two_channels_and_the_same_bytes_every_time() {
    let (_dir, store) = fresh_store();
    let a = export::export_json(&store).unwrap();
    let b = export::export_json(&store).unwrap();
    assert_eq!(a, b);
    let tables = tables_of(&a);
    assert_eq!(tables["channels"]["rows"].as_array().unwrap().len(), 2);
    assert_eq!(tables["posts"]["rows"], Value::Array(vec![]));
}

#[test]
fn a_dry_run_checks_every_row_and_keeps_none() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let path = dir.path().join("export.json");
    export::write_json(&store, &path).unwrap();
    let (_d, empty) = fresh_store();
    let before = export::export_json(&empty).unwrap();
    let outcome = export::import_json(&empty, &path, true).unwrap();
    assert!(outcome.rows > 10);
    assert_eq!(export::export_json(&empty).unwrap(), before);
}

fn refused(store: &Store, path: &Path) -> (String, String) {
    let before = export::export_json(store).unwrap();
    let err = export::import_json(store, path, false).unwrap_err();
    assert!(err.is_bad_input(), "{err}");
    assert_eq!(
        export::export_json(store).unwrap(),
        before,
        "nothing changed: {err}"
    );
    (err.code().to_string(), err.to_string())
}

#[test]
fn a_database_with_data_is_not_overwritten() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let path = dir.path().join("export.json");
    export::write_json(&store, &path).unwrap();
    let (code, message) = refused(&store, &path);
    assert_eq!(code, "database_not_empty");
    assert!(message.contains("already holds data"), "{message}");

    // A renamed seed channel is the user's data too.
    let (_d, renamed) = fresh_store();
    let li = renamed.channel_by_name("LinkedIn").unwrap().id;
    renamed.rename_channel(li, "Mijn LinkedIn").unwrap();
    assert_eq!(refused(&renamed, &path).0, "database_not_empty");
}

#[test]
fn newer_malformed_and_inconsistent_documents_are_refused_with_what_is_wrong() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let good = export::export_json(&store).unwrap();
    let (_d, empty) = fresh_store();
    let d = dir.path();

    let newer = good.replace("\"schema_version\": 3", "\"schema_version\": 99");
    let (code, message) = refused(&empty, &write(d, "newer.json", &newer));
    assert_eq!(code, "export_too_new");
    assert!(message.contains("schema 99"), "{message}");

    let older = good.replace("\"schema_version\": 3", "\"schema_version\": 2");
    assert_eq!(
        refused(&empty, &write(d, "older.json", &older)).0,
        "export_too_old"
    );

    let (code, message) = refused(&empty, &write(d, "cut.json", &good[..good.len() / 2]));
    assert_eq!(code, "export_invalid");
    assert!(message.contains("not valid JSON (line"), "{message}");

    let (_, message) = refused(&empty, &write(d, "other.json", "{\"posts\": []}"));
    assert!(message.contains("not an Afterword export"), "{message}");

    let (_, message) = refused(&empty, &write(d, "bytes.json", "\u{0}\u{1}garbage"));
    assert!(message.contains("not valid JSON"), "{message}");

    let unknown = good.replace("\"ideas\": {", "\"wishes\": {");
    let (_, message) = refused(&empty, &write(d, "unknown.json", &unknown));
    assert!(message.contains("\"wishes\""), "{message}");

    let bad_column = good.replace(
        "\"name\", \"kind\", \"archived\"",
        "\"naam\", \"kind\", \"archived\"",
    );
    let bad_column = bad_column.replace(
        "[\"id\",\"name\",\"kind\",\"archived\"",
        "[\"id\",\"naam\",\"kind\",\"archived\"",
    );
    let (_, message) = refused(&empty, &write(d, "column.json", &bad_column));
    assert!(message.contains("\"naam\""), "{message}");

    // A post on a channel the document does not hold: named, not SQLite's bare message.
    let dangling = good.replace("[1,1,\"post\",", "[1,9,\"post\",");
    assert_ne!(dangling, good);
    let (_, message) = refused(&empty, &write(d, "dangling.json", &dangling));
    assert!(
        message.contains("\"posts\"") && message.contains("\"channels\""),
        "{message}"
    );

    // A value the schema refuses (a negative amount) names table and row.
    let negative = good.replace(",150000,", ",-5,");
    assert_ne!(negative, good);
    let (_, message) = refused(&empty, &write(d, "negative.json", &negative));
    assert!(message.contains("table \"inquiries\", row 1"), "{message}");

    let short_row = good.replace(
        "[1,\"rhythm\",\"rhythm:1\",1779000000000]",
        "[1,\"rhythm\"]",
    );
    assert_ne!(short_row, good);
    let (_, message) = refused(&empty, &write(d, "short.json", &short_row));
    assert!(message.contains("2 values for 4 columns"), "{message}");

    assert_eq!(
        empty.list_channels().unwrap().len(),
        2,
        "the fresh database kept its channels"
    );
}

#[test]
fn csv_files_are_for_spreadsheets() {
    let (dir, store) = fresh_store();
    fill_every_table(&store);
    let out = dir.path().join("csv");
    let files = export_csv(&store, &out, &Amsterdam).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"posts.csv".to_string()) && names.contains(&"contacts.csv".to_string())
    );
    assert!(
        !names.contains(&"settings.csv".to_string()),
        "bookkeeping stays out"
    );

    let posts = std::fs::read(out.join("posts.csv")).unwrap();
    assert!(posts.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
    let text = String::from_utf8(posts).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert!(header.contains(&"published_at".to_string()), "{header:?}");
    assert!(!header.iter().any(|h| h.ends_with("_ms")), "{header:?}");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "the deleted post is left out");
    let at = header.iter().position(|h| h == "published_at").unwrap();
    // 1779000000000 ms is 2026-05-17 06:40:00 UTC: 08:40 in Amsterdam (summer time).
    assert_eq!(&rows[0][at], "2026-05-17 08:40:00");
    assert!(rows[0]
        .iter()
        .any(|v| v.contains("regel twee, met \"quotes\"")));

    let inquiries = std::fs::read_to_string(out.join("inquiries.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(inquiries.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let value = header.iter().position(|h| h == "value").unwrap();
    let currency = header.iter().position(|h| h == "currency").unwrap();
    assert_eq!((&rows[0][value], &rows[0][currency]), ("1500.00", "EUR"));
    assert_eq!(
        (&rows[1][value], &rows[1][currency]),
        ("", "USD"),
        "no value stays empty"
    );
    assert!(inquiries.contains("Zorg & Zo B.V."));
    let _ = NOW;
}

#[test]
fn money_is_written_as_a_decimal() {
    use afterword_core::export::csv::money;
    assert_eq!(money(150_000), "1500.00");
    assert_eq!(money(5), "0.05");
    assert_eq!(money(-5), "-0.05");
    assert_eq!(money(0), "0.00");
}
