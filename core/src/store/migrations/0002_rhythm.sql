-- Afterword schema 2: rhythm (soft per-channel targets), ideas, and the reminder log.

-- A soft target per channel ("about every N days"). No row, or every_days NULL, means off.
CREATE TABLE rhythm_targets (
    channel_id    INTEGER PRIMARY KEY REFERENCES channels (id),
    every_days    INTEGER CHECK (every_days IS NULL OR every_days BETWEEN 1 AND 365),
    updated_at_ms INTEGER NOT NULL
);

-- Every reminder that was shown, so the planner keeps its limits and never repeats itself.
-- key names what it was about, e.g. 'rhythm:3', 'follow_up:12', 'idea:4:2026-05-28'.
CREATE TABLE reminder_log (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('rhythm', 'follow_up', 'idea', 'weekly_review')),
    key        TEXT    NOT NULL,
    sent_at_ms INTEGER NOT NULL
);
CREATE INDEX reminder_log_by_time ON reminder_log (sent_at_ms);

-- Ideas for posts: a title and a note, optionally planned for a local day and a channel. post_id
-- links the post the idea became.
CREATE TABLE ideas (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    note            TEXT,
    planned_for_day TEXT CHECK (planned_for_day IS NULL OR planned_for_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    channel_id      INTEGER REFERENCES channels (id),
    post_id         INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    created_at_ms   INTEGER NOT NULL,
    updated_at_ms   INTEGER NOT NULL,
    deleted_at_ms   INTEGER
);
CREATE INDEX ideas_by_day ON ideas (planned_for_day);

-- The latest follow-up the user logged for an inquiry (activity, like a status change).
ALTER TABLE inquiries ADD COLUMN last_follow_up_at_ms INTEGER;
