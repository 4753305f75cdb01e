//! The Afterword shell: the window, its commands and the command line, all thin over
//! afterword-core.

pub mod backups;
pub mod cli;
pub mod commands;
pub mod data_dir;
pub mod error;
pub mod first_frame;
pub mod gui;
pub mod language;
pub mod reminders;
pub mod startup;
pub mod state;
pub mod tray;
pub mod web_engine;
pub mod window;
