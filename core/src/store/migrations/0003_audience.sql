-- Afterword schema 3: audience size over time, engagement per post (with its history), the
-- people behind the inquiries, and possible inquiries that imports found for the user to review.

-- The size of a channel's audience at a moment: connections, followers or subscribers. Typed by
-- hand or brought by imports (LinkedIn Connections.csv, analytics, Substack email list).
CREATE TABLE audience_snapshots (
    id            INTEGER PRIMARY KEY,
    channel_id    INTEGER NOT NULL REFERENCES channels (id),
    measure       TEXT    NOT NULL CHECK (measure IN ('connections', 'followers', 'subscribers')),
    at_ms         INTEGER NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    source        TEXT    NOT NULL DEFAULT 'manual',
    external_id   TEXT,
    created_at_ms INTEGER NOT NULL,
    deleted_at_ms INTEGER
);
CREATE INDEX audience_by_channel_time ON audience_snapshots (channel_id, measure, at_ms);
CREATE UNIQUE INDEX audience_by_source ON audience_snapshots (source, external_id) WHERE external_id IS NOT NULL;

-- Engagement of one post or newsletter. Every recorded value is a row, so the history of each
-- value is kept; the latest (greatest recorded_at_ms, then id) is the one shown. Recording the
-- value a metric already has adds no row, which keeps re-imports idempotent. 'engagements' is the
-- single total some exports give (LinkedIn analytics: reactions, comments, reposts and clicks).
CREATE TABLE post_metrics (
    id             INTEGER PRIMARY KEY,
    post_id        INTEGER NOT NULL REFERENCES posts (id),
    metric         TEXT    NOT NULL CHECK (metric IN ('impressions', 'reactions', 'comments', 'reposts', 'engagements',
                                                      'recipients', 'opens', 'clicks', 'replies', 'new_subscribers')),
    value          INTEGER NOT NULL CHECK (value >= 0),
    recorded_at_ms INTEGER NOT NULL,
    source         TEXT    NOT NULL DEFAULT 'manual'
);
CREATE INDEX post_metrics_by_post ON post_metrics (post_id, metric, recorded_at_ms);

-- People, not counts. how_known: met in person, an online contact, or not yet.
CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    profile_url   TEXT,
    how_known     TEXT    NOT NULL DEFAULT 'not_yet' CHECK (how_known IN ('in_person', 'online', 'not_yet')),
    notes         TEXT,
    source        TEXT    NOT NULL DEFAULT 'manual',
    external_id   TEXT,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    deleted_at_ms INTEGER
);
CREATE UNIQUE INDEX contacts_by_source ON contacts (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX contacts_by_name ON contacts (name COLLATE NOCASE);

ALTER TABLE inquiries ADD COLUMN contact_id INTEGER REFERENCES contacts (id);
CREATE INDEX inquiries_by_contact ON inquiries (contact_id);

-- A moment a person engaged: reacted to or commented on a post, wrote, met the user. Several
-- before their first inquiry make them part of the user's warm circle.
CREATE TABLE contact_touches (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),
    post_id       INTEGER REFERENCES posts (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('reaction', 'comment', 'repost', 'message', 'invitation', 'meeting', 'other')),
    at_ms         INTEGER NOT NULL,
    source        TEXT    NOT NULL DEFAULT 'manual',
    external_id   TEXT,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX contact_touches_by_contact ON contact_touches (contact_id, at_ms);
CREATE UNIQUE INDEX contact_touches_by_source ON contact_touches (source, external_id) WHERE external_id IS NOT NULL;

-- Possible inquiries found by imports (an incoming LinkedIn invitation with a message, the first
-- message from someone new). Never turned into inquiries silently: the user accepts or dismisses.
CREATE TABLE inquiry_candidates (
    id             INTEGER PRIMARY KEY,
    source         TEXT    NOT NULL,
    external_id    TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('invitation', 'message')),
    received_at_ms INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    profile_url    TEXT,
    message        TEXT,
    status         TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'dismissed')),
    inquiry_id     INTEGER REFERENCES inquiries (id),
    created_at_ms  INTEGER NOT NULL,
    updated_at_ms  INTEGER NOT NULL
);
CREATE UNIQUE INDEX inquiry_candidates_by_source ON inquiry_candidates (source, external_id);
CREATE INDEX inquiry_candidates_by_time ON inquiry_candidates (received_at_ms);
