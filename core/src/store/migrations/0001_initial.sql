-- Afterword schema 1: channels, posts (and newsletters), client inquiries, settings.
-- Times are UTC epoch milliseconds in *_at_ms columns; money is integer cents plus a currency.

CREATE TABLE channels (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    kind          TEXT    NOT NULL CHECK (kind IN ('linkedin', 'newsletter', 'blog', 'instagram', 'youtube', 'podcast', 'other')),
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX channels_by_name ON channels (name COLLATE NOCASE);

INSERT INTO channels (name, kind, created_at_ms) VALUES
    ('LinkedIn', 'linkedin', CAST(strftime('%s', 'now') AS INTEGER) * 1000),
    ('Newsletter', 'newsletter', CAST(strftime('%s', 'now') AS INTEGER) * 1000);

CREATE TABLE posts (
    id              INTEGER PRIMARY KEY,
    channel_id      INTEGER NOT NULL REFERENCES channels (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('post', 'article', 'newsletter', 'video', 'other')),
    published_at_ms INTEGER NOT NULL,
    title           TEXT,
    text            TEXT,
    url             TEXT,
    felt            TEXT CHECK (felt IN ('energising', 'neutral', 'draining')),
    motive          TEXT CHECK (motive IN ('wanted', 'planned', 'obliged')),
    minutes         INTEGER CHECK (minutes >= 0),
    source          TEXT    NOT NULL DEFAULT 'manual',
    external_id     TEXT,
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL,
    -- Set when the user deletes; cleared by undo. Deleted rows are invisible everywhere.
    deleted_at_ms   INTEGER,
    CHECK (title IS NOT NULL OR text IS NOT NULL)
);
CREATE INDEX posts_by_time ON posts (published_at_ms);
CREATE UNIQUE INDEX posts_by_source ON posts (source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE inquiries (
    id                   INTEGER PRIMARY KEY,
    received_at_ms       INTEGER NOT NULL,
    name                 TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    organisation         TEXT,
    via                  TEXT    NOT NULL CHECK (via IN ('linkedin_message', 'email', 'phone', 'website', 'referral', 'in_person', 'other')),
    their_words          TEXT,
    source_post_id       INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    not_from_posts       INTEGER NOT NULL DEFAULT 0 CHECK (not_from_posts IN (0, 1)),
    status               TEXT    NOT NULL CHECK (status IN ('new', 'talking', 'client', 'no_deal')),
    value_cents          INTEGER CHECK (value_cents >= 0),
    currency             TEXT    NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
    notes                TEXT,
    source               TEXT    NOT NULL DEFAULT 'manual',
    external_id          TEXT,
    status_changed_at_ms INTEGER NOT NULL,
    created_at_ms        INTEGER NOT NULL,
    updated_at_ms        INTEGER NOT NULL,
    deleted_at_ms        INTEGER,
    CHECK (NOT (not_from_posts = 1 AND source_post_id IS NOT NULL))
);
CREATE INDEX inquiries_by_time ON inquiries (received_at_ms);
CREATE INDEX inquiries_by_source_post ON inquiries (source_post_id);
CREATE UNIQUE INDEX inquiries_by_source ON inquiries (source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
