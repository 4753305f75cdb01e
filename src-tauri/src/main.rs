// Keep a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;

fn main() {
    let cli = afterword_lib::cli::Cli::parse();
    let code = match cli.command {
        Some(command) => afterword_lib::cli::run(cli.data_dir, command),
        None => {
            afterword_lib::web_engine::configure();
            afterword_lib::gui::run(cli.data_dir, cli.background)
        }
    };
    std::process::exit(code);
}
